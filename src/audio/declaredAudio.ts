// What a reader's file says about itself before it is decoded: format, channels and length, read from its headers
// with music-metadata (WAV data size ÷ byte rate, FLAC STREAMINFO, MP3 Xing/Info/VBRI or bitrate and size, MP4 mvhd,
// Matroska's segment info), and for Ogg from its last page's granule position. The library loads only when a reader
// picks a file. Leaves out: tags and cover art (skipped).
import type { IFormat } from 'music-metadata';
import type { DeclaredAudio } from './userFileChecks';

/** Container names as readers know them; music-metadata's own names otherwise. */
const CONTAINER_NAMES: Readonly<Record<string, string>> = { WAVE: 'WAV', EBML: 'WebM/Matroska', MPEG: 'MPEG' };

/** "Ogg (Vorbis I)", "WAV (PCM)", "M4A (ALAC)": the container, and the codec when it says more. */
export function formatNameOf(format: Pick<IFormat, 'container' | 'codec'>): string | null {
  const rawContainer = format.container?.split('/')[0]?.trim();
  if (!rawContainer) return null;
  const container = CONTAINER_NAMES[rawContainer] ?? rawContainer;
  const codec = format.codec?.trim();
  return codec && codec !== rawContainer ? `${container} (${codec})` : container;
}

/**
 * What music-metadata's format says, as DeclaredAudio: null when it names no container or finds no audio stream.
 * Without a stated length, one is estimated from the bitrate and the file's size.
 */
export function declaredAudioOf(format: IFormat, sizeBytes: number): DeclaredAudio | null {
  const formatName = formatNameOf(format);
  if (formatName === null) return null;
  const { duration, bitrate, numberOfChannels, numberOfSamples, sampleRate } = format;
  if (duration === undefined && sampleRate === undefined && numberOfChannels === undefined) return null;
  const stated = duration !== undefined && Number.isFinite(duration) && duration >= 0;
  const estimated = !stated && bitrate !== undefined && bitrate > 0 ? (sizeBytes * 8) / bitrate : null;
  return {
    formatName,
    durationSeconds: stated ? duration : estimated,
    durationIsEstimate: !stated && estimated !== null,
    channelCount: numberOfChannels ?? null,
    sampleCount: numberOfSamples ?? (stated && sampleRate ? Math.round(duration * sampleRate) : null),
  };
}

function startsWithAscii(bytes: Uint8Array, text: string, offset = 0): boolean {
  return bytes.length >= offset + text.length && [...text].every((c, i) => bytes[offset + i] === c.charCodeAt(0));
}

/** Largest Ogg page: a 27-byte header, 255 lacing values and 255 × 255 bytes of data (RFC 3533 §6). */
const MAX_OGG_PAGE_BYTES = 27 + 255 + 255 * 255;

/**
 * The granule position of an Ogg file's last page that has one (RFC 3533 §6: "OggS", version 0, header type, then
 * the granule position as a little-endian int64 at offset 6; −1 on a page where no packet ends), searched for
 * backwards through the last page's worth of bytes; null when there is none. For Vorbis, FLAC and Opus it counts
 * samples per channel from the start (Opus at 48 kHz, including its pre-skip).
 */
export function lastOggGranulePosition(bytes: Uint8Array): bigint | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const earliest = Math.max(0, bytes.length - 2 * MAX_OGG_PAGE_BYTES);
  for (let offset = bytes.length - 27; offset >= earliest; offset--) {
    if (!startsWithAscii(bytes, 'OggS', offset) || bytes[offset + 4] !== 0) continue;
    const granule = view.getBigInt64(offset + 6, true);
    if (granule >= 0n) return granule;
  }
  return null;
}

/** Opus's pre-skip (RFC 7845 §5.1: samples at 48 kHz to drop at the start), from "OpusHead" on the first page. */
function opusPreSkip(bytes: Uint8Array): number {
  const packetOffset = 27 + (bytes[26] ?? 0);
  if (!startsWithAscii(bytes, 'OpusHead', packetOffset)) return 0;
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint16(packetOffset + 10, true);
}

/**
 * The Ogg length from the last granule position, when music-metadata stopped before the last page (it reads the
 * first pages only, unless asked to walk every page of the file).
 */
function withOggLength(format: IFormat, bytes: Uint8Array): IFormat {
  if (format.duration !== undefined || !format.sampleRate || !startsWithAscii(bytes, 'OggS')) return format;
  const granule = lastOggGranulePosition(bytes);
  if (granule === null) return format;
  const samples = Math.max(0, Number(granule) - (format.codec === 'Opus' ? opusPreSkip(bytes) : 0));
  return { ...format, duration: samples / format.sampleRate, numberOfSamples: samples };
}

/**
 * The file's headers, read in memory, or null when music-metadata doesn't recognise the format (the decoder may
 * still). Reading stops at the headers; an Ogg file's length comes from its last page. Rejects only when the
 * library itself fails to load.
 */
export async function readDeclaredAudio(bytes: Uint8Array): Promise<DeclaredAudio | null> {
  const { parseBuffer } = await import('music-metadata');
  try {
    const metadata = await parseBuffer(bytes, { size: bytes.length }, { duration: false, skipCovers: true, skipPostHeaders: true });
    return declaredAudioOf(withOggLength(metadata.format, bytes), bytes.length);
  } catch {
    return null;
  }
}

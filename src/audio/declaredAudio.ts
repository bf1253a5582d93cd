// What a reader's file says about itself before it is decoded: format, channels and length, read from its headers
// with music-metadata (WAV data size ÷ byte rate, FLAC STREAMINFO, MP3 Xing/Info/VBRI or bitrate and size, MP4 mvhd,
// Matroska's segment info), for Ogg from its last page's granule position, and for MP3 from the Xing/Info or VBRI
// frame count (without one, a length from bitrate and size is only an estimate). The library loads only when a reader
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
export function declaredAudioOf(format: IFormat, sizeBytes: number, lengthIsStated = true): DeclaredAudio | null {
  const formatName = formatNameOf(format);
  if (formatName === null) return null;
  const { duration, bitrate, numberOfChannels, numberOfSamples, sampleRate } = format;
  if (duration === undefined && sampleRate === undefined && numberOfChannels === undefined) return null;
  const known = duration !== undefined && Number.isFinite(duration) && duration >= 0;
  const stated = known && lengthIsStated;
  const estimated = known ? duration : bitrate !== undefined && bitrate > 0 ? (sizeBytes * 8) / bitrate : null;
  return {
    formatName,
    durationSeconds: estimated,
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

/** Length of an ID3v2 tag at the start (ID3v2.4 §3.1: 10-byte header, 28-bit synchsafe size, 10-byte footer if flagged). */
function id3v2Bytes(bytes: Uint8Array): number {
  if (!startsWithAscii(bytes, 'ID3') || bytes.length < 10) return 0;
  const size = (((bytes[6] ?? 0) & 0x7f) << 21) | (((bytes[7] ?? 0) & 0x7f) << 14) | (((bytes[8] ?? 0) & 0x7f) << 7) | ((bytes[9] ?? 0) & 0x7f);
  return 10 + size + ((bytes[5] ?? 0) & 0x10 ? 10 : 0);
}

/**
 * Samples per MPEG audio frame from the header's second byte (ISO/IEC 11172-3 and 13818-3: version bits 4–3, layer
 * bits 2–1): Layer I 384; Layer II 1152; Layer III 1152 in MPEG-1, 576 in MPEG-2 and 2.5. Null for reserved values.
 */
function samplesPerMpegFrame(headerByte: number): number | null {
  const version = (headerByte >> 3) & 3;
  const layer = (headerByte >> 1) & 3;
  if (version === 1 || layer === 0) return null;
  if (layer === 3) return 384;
  if (layer === 2) return 1152;
  return version === 3 ? 1152 : 576;
}

/**
 * The frame count an MP3's first frame declares, with its samples per frame: a Xing or Info tag (after the side
 * information, within the frame's first 48 bytes; frame count present when flag bit 0 is set) or a VBRI tag
 * (32 bytes after the header; frames at byte 14). Null when the first frame has neither: the length is then an
 * estimate from bitrate and size.
 */
export function mp3DeclaredFrames(bytes: Uint8Array): { frames: number; samplesPerFrame: number } | null {
  const start = id3v2Bytes(bytes);
  const searchEnd = Math.min(bytes.length - 4, start + 65536);
  let sync = -1;
  for (let i = start; i < searchEnd; i++) {
    if (bytes[i] === 0xff && ((bytes[i + 1] ?? 0) & 0xe0) === 0xe0) {
      sync = i;
      break;
    }
  }
  if (sync < 0) return null;
  const samplesPerFrame = samplesPerMpegFrame(bytes[sync + 1] ?? 0);
  if (samplesPerFrame === null) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = sync + 4; offset < sync + 48 && offset + 12 <= bytes.length; offset++) {
    if (startsWithAscii(bytes, 'Xing', offset) || startsWithAscii(bytes, 'Info', offset)) {
      return view.getUint32(offset + 4) & 1 ? { frames: view.getUint32(offset + 8), samplesPerFrame } : null;
    }
  }
  const vbri = sync + 36;
  if (startsWithAscii(bytes, 'VBRI', vbri) && vbri + 18 <= bytes.length) return { frames: view.getUint32(vbri + 14), samplesPerFrame };
  return null;
}

/** The MP3 length from its declared frame count, and whether it is stated (a tag counts frames) or estimated. */
function withMpegLength(format: IFormat, bytes: Uint8Array): { format: IFormat; lengthIsStated: boolean } {
  if (format.container !== 'MPEG') return { format, lengthIsStated: true };
  const declared = mp3DeclaredFrames(bytes);
  if (declared === null || !format.sampleRate) return { format, lengthIsStated: false };
  const samples = declared.frames * declared.samplesPerFrame;
  return { format: { ...format, duration: samples / format.sampleRate, numberOfSamples: samples }, lengthIsStated: true };
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
    const { format, lengthIsStated } = withMpegLength(withOggLength(metadata.format, bytes), bytes);
    return declaredAudioOf(format, bytes.length, lengthIsStated);
  } catch {
    return null;
  }
}

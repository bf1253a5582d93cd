// Audio files made byte by byte from their format specifications, for the tests of what a reader's file may be:
// each header says how long the file is, so a truncated file (headers only) is exactly a file to refuse before
// decoding. Leaves out: compressed audio payloads (a decoder would need real encoded frames).

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export interface WavOptions {
  readonly sampleRateHz: number;
  readonly channels: readonly Float32Array[];
  /** 32-bit IEEE float (format 3) or 16-bit PCM (format 1). */
  readonly float?: boolean;
  /** The data chunk's declared size in bytes, when it should differ from the samples given (a truncated file). */
  readonly declaredDataBytes?: number;
}

/**
 * A canonical RIFF/WAVE file (44-byte header: "fmt " of 16 bytes, then "data"), interleaved little-endian samples.
 * Float samples are written as given (NaN and ±Inf included); 16-bit ones as round(x·32767).
 */
export function wavBytes({ sampleRateHz, channels, float = false, declaredDataBytes }: WavOptions): Uint8Array {
  const bytesPerSample = float ? 4 : 2;
  const frames = channels[0]?.length ?? 0;
  const blockAlign = channels.length * bytesPerSample;
  const dataBytes = frames * blockAlign;
  const declared = declaredDataBytes ?? dataBytes;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  bytes.set(ascii('RIFF'), 0);
  view.setUint32(4, Math.min(0xffffffff, 36 + declared), true);
  bytes.set(ascii('WAVEfmt '), 8);
  view.setUint32(16, 16, true);
  view.setUint16(20, float ? 3 : 1, true);
  view.setUint16(22, channels.length, true);
  view.setUint32(24, sampleRateHz, true);
  view.setUint32(28, sampleRateHz * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, bytesPerSample * 8, true);
  bytes.set(ascii('data'), 36);
  view.setUint32(40, declared, true);
  for (let n = 0; n < frames; n++) {
    channels.forEach((channel, c) => {
      const offset = 44 + n * blockAlign + c * bytesPerSample;
      const x = channel[n] ?? 0;
      if (float) view.setFloat32(offset, x, true);
      else view.setInt16(offset, Math.round(Math.max(-1, Math.min(1, x)) * 32767), true);
    });
  }
  return bytes;
}

/**
 * A FLAC stream with only its STREAMINFO block (FLAC format, "fLaC" then a last-block header of type 0, 34 bytes):
 * block sizes 4096, frame sizes unknown (0), then 20 bits of sample rate, 3 of channels − 1, 5 of bits − 1 and 36 of
 * total samples per channel, then an MD5 of zeros.
 */
export function flacHeaderBytes(sampleRateHz: number, channelCount: number, totalSamples: number): Uint8Array {
  const info = new Uint8Array(34);
  const view = new DataView(info.buffer);
  view.setUint16(0, 4096);
  view.setUint16(2, 4096);
  const bitsPerSample = 16;
  // Bytes 10..17 hold rate (20) | channels − 1 (3) | bits − 1 (5) | total samples (36) = 64 bits.
  const packed =
    (BigInt(sampleRateHz) << 44n) | (BigInt(channelCount - 1) << 41n) | (BigInt(bitsPerSample - 1) << 36n) | BigInt(totalSamples);
  view.setBigUint64(10, packed);
  return concat([ascii('fLaC'), Uint8Array.of(0x80, 0, 0, 34), info]);
}

/** Ogg's CRC-32 (RFC 3533): polynomial 0x04C11DB7, initial value 0, not reflected, over the page with its CRC field zeroed. */
function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 24;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  }
  return crc >>> 0;
}

/** One Ogg page (RFC 3533) holding one packet of at most 255·255 − 1 bytes. headerType: 2 = first page, 4 = last. */
export function oggPage(packet: Uint8Array, { headerType, granulePosition, sequence }: { headerType: number; granulePosition: bigint; sequence: number }): Uint8Array {
  const lacing: number[] = [];
  let left = packet.length;
  while (left >= 255) {
    lacing.push(255);
    left -= 255;
  }
  lacing.push(left);
  const page = new Uint8Array(27 + lacing.length + packet.length);
  const view = new DataView(page.buffer);
  page.set(ascii('OggS'), 0);
  page[5] = headerType;
  view.setBigInt64(6, granulePosition, true);
  view.setUint32(14, 0x414d504c, true);
  view.setUint32(18, sequence, true);
  page[26] = lacing.length;
  page.set(lacing, 27);
  page.set(packet, 27 + lacing.length);
  view.setUint32(22, oggCrc(page), true);
  return page;
}

/**
 * The pages of an Ogg Vorbis file without real audio: identification header (Vorbis I spec §4.2.2: type 1,
 * "vorbis", version 0, channels, rate, bitrates, block sizes 256/2048, framing bit), comment header, audioPages pages
 * of 4000 bytes standing for audio packets (first bit 0, as audio packets begin) with evenly growing granule
 * positions, and a last page whose granule position (samples per channel) is the file's length.
 */
export function oggVorbisHeaderBytes(sampleRateHz: number, channelCount: number, totalSamples: number, audioPages = 0): Uint8Array {
  const ident = new Uint8Array(30);
  const view = new DataView(ident.buffer);
  ident[0] = 1;
  ident.set(ascii('vorbis'), 1);
  view.setUint32(7, 0, true);
  ident[11] = channelCount;
  view.setUint32(12, sampleRateHz, true);
  view.setInt32(20, 128000, true);
  ident[28] = 0xb8;
  ident[29] = 1;
  const vendor = ascii('amp-lab test');
  const comment = concat([Uint8Array.of(3), ascii('vorbis'), Uint8Array.of(vendor.length, 0, 0, 0), vendor, Uint8Array.of(0, 0, 0, 0, 1)]);
  return concat([
    oggPage(ident, { headerType: 2, granulePosition: 0n, sequence: 0 }),
    oggPage(comment, { headerType: 0, granulePosition: 0n, sequence: 1 }),
    ...Array.from({ length: audioPages }, (_, i) =>
      oggPage(new Uint8Array(4000).fill(0x40), {
        headerType: 0,
        granulePosition: BigInt(Math.floor(((i + 1) * totalSamples) / (audioPages + 1))),
        sequence: 2 + i,
      }),
    ),
    oggPage(new Uint8Array(64), { headerType: 4, granulePosition: BigInt(totalSamples), sequence: 2 + audioPages }),
  ]);
}

/**
 * The pages of an Ogg Opus file without its audio (RFC 7845): "OpusHead" (version 1, channels, pre-skip, input rate,
 * gain 0, mapping family 0), "OpusTags", and a last page whose granule position counts 48 kHz samples including the
 * pre-skip.
 */
export function oggOpusHeaderBytes(channelCount: number, seconds: number, preSkip = 312): Uint8Array {
  const head = new Uint8Array(19);
  const view = new DataView(head.buffer);
  head.set(ascii('OpusHead'), 0);
  head[8] = 1;
  head[9] = channelCount;
  view.setUint16(10, preSkip, true);
  view.setUint32(12, 48000, true);
  const vendor = ascii('amp-lab test');
  const tags = concat([ascii('OpusTags'), Uint8Array.of(vendor.length, 0, 0, 0), vendor, Uint8Array.of(0, 0, 0, 0)]);
  return concat([
    oggPage(head, { headerType: 2, granulePosition: 0n, sequence: 0 }),
    oggPage(tags, { headerType: 0, granulePosition: 0n, sequence: 1 }),
    oggPage(new Uint8Array(64), { headerType: 4, granulePosition: BigInt(Math.round(seconds * 48000) + preSkip), sequence: 2 }),
  ]);
}

/**
 * An MP3 of MPEG-1 Layer III frames at 128 kb/s, 44.1 kHz, stereo (header FF FB 90 00; 417 bytes each, 1152
 * samples). With tag 'Xing', the first frame's side information (32 bytes) is followed by a Xing tag (flags 3: frame
 * and byte counts follow) declaring frameCount frames; with 'VBRI', by a VBRI tag (version 1, delay, quality, bytes,
 * frames); with null, no tag: the file is just fillerFrames + 1 plain frames.
 */
export function mp3Bytes(frameCount: number, tag: 'Xing' | 'VBRI' | null = 'Xing', fillerFrames = 3): Uint8Array {
  const frameBytes = 417;
  const frame = (tagged: boolean): Uint8Array => {
    const bytes = new Uint8Array(frameBytes);
    bytes.set([0xff, 0xfb, 0x90, 0x00], 0);
    const view = new DataView(bytes.buffer);
    if (tagged && tag === 'Xing') {
      bytes.set(ascii('Xing'), 36);
      view.setUint32(40, 0x3);
      view.setUint32(44, frameCount);
      view.setUint32(48, frameCount * frameBytes);
    } else if (tagged && tag === 'VBRI') {
      bytes.set(ascii('VBRI'), 36);
      view.setUint16(40, 1);
      view.setUint16(42, 0);
      view.setUint16(44, 75);
      view.setUint32(46, frameCount * frameBytes);
      view.setUint32(50, frameCount);
    }
    return bytes;
  };
  return concat([frame(true), ...Array.from({ length: fillerFrames }, () => frame(false))]);
}

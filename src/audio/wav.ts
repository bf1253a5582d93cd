/**
 * RIFF/WAVE encoding (PCM 16/24-bit) and decoding (PCM 16/24-bit, IEEE float 32-bit) of
 * per-channel sample arrays. Leaves out: other formats, compression, metadata chunks (skipped).
 */

const WAVE_FORMAT_PCM = 0x0001;
export const WAVE_FORMAT_IEEE_FLOAT = 0x0003;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

function writeAscii(view: DataView, offset: number, text: string): void {
  for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
}

function readAscii(view: DataView, offset: number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(view.getUint8(offset + i));
  return text;
}

/**
 * The integer code of sample x at fullScale = 2^(bits−1): x clamped to [−1, 1] (non-finite → 0), times fullScale,
 * rounded (Math.round), limited to [−fullScale, fullScale − 1].
 */
function pcmCode(x: number, fullScale: number): number {
  if (x >= -1 && x <= 1) {
    const code = Math.round(x * fullScale);
    return code < fullScale ? code : fullScale - 1;
  }
  if (x > 1 && x !== Infinity) return fullScale - 1;
  if (x < -1 && x !== -Infinity) return -fullScale;
  return 0;
}

/**
 * Canonical 44-byte-header WAV (Microsoft/IBM RIFF spec, 1991): "RIFF", size, "WAVE"; "fmt " chunk
 * of 16 bytes (format 1 = PCM, channels, sample rate, byte rate = fs·channels·bytes, block align =
 * channels·bytes, bits); "data" chunk of interleaved little-endian samples. A sample x is clamped
 * to [−1, 1] (non-finite → 0) and stored as round(x·2^(bits−1)) limited to [−2^(bits−1),
 * 2^(bits−1) − 1], the inverse of decodeWav's division by 2^(bits−1).
 */
export function encodeWav(
  channels: readonly Float32Array[],
  sampleRateHz: number,
  bitsPerSample: 16 | 24 = 24,
): Uint8Array<ArrayBuffer> {
  const channelCount = channels.length;
  if (channelCount === 0) throw new Error('encodeWav: no channels to encode');
  if (channelCount > 0xffff) throw new Error(`encodeWav: ${channelCount} channels is too many`);
  if (!Number.isInteger(sampleRateHz) || sampleRateHz <= 0 || sampleRateHz > 0xffffffff) {
    throw new Error(`encodeWav: sample rate ${sampleRateHz} Hz is not a positive integer`);
  }
  if (bitsPerSample !== 16 && bitsPerSample !== 24) {
    throw new Error(`encodeWav: ${String(bitsPerSample)}-bit samples are not supported (use 16 or 24)`);
  }
  const frameCount = (channels[0] as Float32Array).length;
  for (const channel of channels) {
    if (channel.length !== frameCount) {
      throw new Error(`encodeWav: channel lengths differ (${frameCount} vs ${channel.length} samples)`);
    }
  }
  const bytesPerSample = bitsPerSample / 8;
  const blockAlign = channelCount * bytesPerSample;
  const dataBytes = frameCount * blockAlign;
  const headerBytes = 44;
  if (headerBytes - 8 + dataBytes > 0xffffffff) throw new Error('encodeWav: audio too long for a WAV file (4 GiB)');

  const bytes = new Uint8Array(headerBytes + dataBytes);
  const view = new DataView(bytes.buffer);
  writeAscii(view, 0, 'RIFF');
  view.setUint32(4, headerBytes - 8 + dataBytes, true);
  writeAscii(view, 8, 'WAVE');
  writeAscii(view, 12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, WAVE_FORMAT_PCM, true);
  view.setUint16(22, channelCount, true);
  view.setUint32(24, sampleRateHz, true);
  view.setUint32(28, sampleRateHz * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, bitsPerSample, true);
  writeAscii(view, 36, 'data');
  view.setUint32(40, dataBytes, true);

  const fullScale = 2 ** (bitsPerSample - 1);
  for (let c = 0; c < channelCount; c++) {
    const samples = channels[c] as Float32Array;
    if (bitsPerSample === 16) {
      for (let n = 0, offset = headerBytes + c * 2; n < frameCount; n++, offset += blockAlign) {
        const code = pcmCode(samples[n] as number, fullScale);
        bytes[offset] = code & 0xff;
        bytes[offset + 1] = (code >> 8) & 0xff;
      }
    } else {
      for (let n = 0, offset = headerBytes + c * 3; n < frameCount; n++, offset += blockAlign) {
        const code = pcmCode(samples[n] as number, fullScale);
        bytes[offset] = code & 0xff;
        bytes[offset + 1] = (code >> 8) & 0xff;
        bytes[offset + 2] = (code >> 16) & 0xff;
      }
    }
  }
  return bytes;
}

export interface WavFormat {
  formatTag: number;
  channelCount: number;
  sampleRateHz: number;
  blockAlign: number;
  bitsPerSample: number;
}

function parseFormat(view: DataView, offset: number, size: number): WavFormat {
  if (size < 16) throw new Error(`decodeWav: "fmt " chunk is ${size} bytes, expected at least 16`);
  let formatTag = view.getUint16(offset, true);
  const channelCount = view.getUint16(offset + 2, true);
  const sampleRateHz = view.getUint32(offset + 4, true);
  const blockAlign = view.getUint16(offset + 12, true);
  const bitsPerSample = view.getUint16(offset + 14, true);
  if (formatTag === WAVE_FORMAT_EXTENSIBLE) {
    if (size < 40) throw new Error('decodeWav: WAVE_FORMAT_EXTENSIBLE "fmt " chunk is too short');
    formatTag = view.getUint16(offset + 24, true);
  }
  return { formatTag, channelCount, sampleRateHz, blockAlign, bitsPerSample };
}

/** Where a WAV file's samples are: its format (from "fmt "), and the data chunk's offset and length in bytes. */
export interface WavLayout {
  format: WavFormat;
  dataOffset: number;
  dataBytes: number;
}

/**
 * Walks a RIFF/WAVE file's chunks (skipping unknown ones, with RIFF's pad byte after odd sizes) to its "fmt " and
 * "data" chunks; the format tag inside WAVE_FORMAT_EXTENSIBLE is read from its sub-format. A data chunk longer than
 * the file (as left by some streaming writers) is cut to the bytes present. Throws an Error naming the problem when
 * the file is not RIFF/WAVE or lacks either chunk.
 */
export function readWavLayout(bytes: Uint8Array): WavLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || readAscii(view, 0, 4) !== 'RIFF' || readAscii(view, 8, 4) !== 'WAVE') {
    throw new Error('decodeWav: not a WAV file (no RIFF/WAVE header)');
  }
  let format: WavFormat | undefined;
  let dataOffset = -1;
  let dataBytes = 0;
  let offset = 12;
  while (offset + 8 <= bytes.byteLength) {
    const id = readAscii(view, offset, 4);
    const size = view.getUint32(offset + 4, true);
    const bodyOffset = offset + 8;
    if (id === 'fmt ') {
      if (bodyOffset + size > bytes.byteLength) throw new Error('decodeWav: "fmt " chunk runs past the end of the file');
      format = parseFormat(view, bodyOffset, size);
    } else if (id === 'data') {
      dataOffset = bodyOffset;
      dataBytes = Math.min(size, bytes.byteLength - bodyOffset);
      if (format !== undefined) break;
    }
    offset = bodyOffset + size + (size % 2);
  }
  if (format === undefined) throw new Error('decodeWav: no "fmt " chunk');
  if (dataOffset < 0) throw new Error('decodeWav: no "data" chunk');
  return { format, dataOffset, dataBytes };
}

/**
 * Reads a RIFF/WAVE file (chunks found by readWavLayout): PCM 16- or 24-bit integers (divided by 2^(bits−1)) or
 * IEEE float 32-bit, also inside WAVE_FORMAT_EXTENSIBLE; whole frames only. Throws an Error naming the problem for
 * anything else.
 */
export function decodeWav(bytes: Uint8Array): { sampleRateHz: number; channels: Float32Array[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { format, dataOffset, dataBytes } = readWavLayout(bytes);
  const { formatTag, channelCount, sampleRateHz, blockAlign, bitsPerSample } = format;
  const isPcm = formatTag === WAVE_FORMAT_PCM && (bitsPerSample === 16 || bitsPerSample === 24);
  const isFloat = formatTag === WAVE_FORMAT_IEEE_FLOAT && bitsPerSample === 32;
  if (!isPcm && !isFloat) {
    const kind =
      formatTag === WAVE_FORMAT_PCM ? 'PCM' : formatTag === WAVE_FORMAT_IEEE_FLOAT ? 'float' : `format 0x${formatTag.toString(16)}`;
    throw new Error(
      `decodeWav: unsupported encoding (${kind}, ${bitsPerSample}-bit); supported are PCM 16/24-bit and float 32-bit`,
    );
  }
  if (channelCount === 0) throw new Error('decodeWav: the file declares 0 channels');
  if (sampleRateHz === 0) throw new Error('decodeWav: the file declares a sample rate of 0 Hz');
  const bytesPerSample = bitsPerSample / 8;
  if (blockAlign !== channelCount * bytesPerSample) {
    throw new Error(
      `decodeWav: block align ${blockAlign} does not match ${channelCount} channels × ${bytesPerSample} bytes`,
    );
  }

  const frameCount = Math.floor(dataBytes / blockAlign);
  const channels: Float32Array[] = [];
  for (let c = 0; c < channelCount; c++) channels.push(new Float32Array(frameCount));
  const fullScale = 2 ** (bitsPerSample - 1);
  let position = dataOffset;
  for (let n = 0; n < frameCount; n++) {
    for (let c = 0; c < channelCount; c++) {
      let value: number;
      if (isFloat) {
        value = view.getFloat32(position, true);
      } else if (bitsPerSample === 16) {
        value = view.getInt16(position, true) / fullScale;
      } else {
        const unsigned =
          (bytes[position] as number) | ((bytes[position + 1] as number) << 8) | ((bytes[position + 2] as number) << 16);
        value = ((unsigned << 8) >> 8) / fullScale;
      }
      (channels[c] as Float32Array)[n] = value;
      position += bytesPerSample;
    }
  }
  return { sampleRateHz, channels };
}

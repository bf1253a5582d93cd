import { describe, expect, it } from 'vitest';
import { decodeWav, encodeWav } from '../../src/audio/wav';
import { mulberry32 } from '../../src/dsp/random';

const ascii = (bytes: Uint8Array, offset: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(offset, offset + length));

/** Builds a WAV file chunk by chunk, independently of encodeWav. */
function buildWav(chunks: { id: string; body: Uint8Array }[]): Uint8Array {
  const parts: number[] = [];
  for (const { id, body } of chunks) {
    for (const char of id) parts.push(char.charCodeAt(0));
    parts.push(body.length & 0xff, (body.length >> 8) & 0xff, (body.length >> 16) & 0xff, body.length >>> 24);
    parts.push(...body);
    if (body.length % 2) parts.push(0);
  }
  const riffSize = 4 + parts.length;
  return Uint8Array.from([
    ...'RIFF'.split('').map((char) => char.charCodeAt(0)),
    riffSize & 0xff,
    (riffSize >> 8) & 0xff,
    (riffSize >> 16) & 0xff,
    riffSize >>> 24,
    ...'WAVE'.split('').map((char) => char.charCodeAt(0)),
    ...parts,
  ]);
}

function fmtBody(formatTag: number, channelCount: number, sampleRateHz: number, bitsPerSample: number, extra = 0): Uint8Array {
  const body = new Uint8Array(16 + extra);
  const view = new DataView(body.buffer);
  const blockAlign = (channelCount * bitsPerSample) / 8;
  view.setUint16(0, formatTag, true);
  view.setUint16(2, channelCount, true);
  view.setUint32(4, sampleRateHz, true);
  view.setUint32(8, sampleRateHz * blockAlign, true);
  view.setUint16(12, blockAlign, true);
  view.setUint16(14, bitsPerSample, true);
  return body;
}

describe('encodeWav', () => {
  it('writes the canonical 44-byte RIFF/WAVE header with byte rate and block align per the spec', () => {
    const left = Float32Array.from([0.5, -1, 1]);
    const right = Float32Array.from([0, 0.25, -0.5]);
    const bytes = encodeWav([left, right], 48000);
    const view = new DataView(bytes.buffer);
    const dataBytes = 3 * 2 * 3;
    expect(bytes.length).toBe(44 + dataBytes);
    expect(ascii(bytes, 0, 4)).toBe('RIFF');
    expect(view.getUint32(4, true)).toBe(36 + dataBytes);
    expect(ascii(bytes, 8, 4)).toBe('WAVE');
    expect(ascii(bytes, 12, 4)).toBe('fmt ');
    expect(view.getUint32(16, true)).toBe(16);
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(2);
    expect(view.getUint32(24, true)).toBe(48000);
    expect(view.getUint32(28, true)).toBe(48000 * 2 * 3);
    expect(view.getUint16(32, true)).toBe(2 * 3);
    expect(view.getUint16(34, true)).toBe(24);
    expect(ascii(bytes, 36, 4)).toBe('data');
    expect(view.getUint32(40, true)).toBe(dataBytes);
  });

  it('stores 24-bit samples little-endian as round(x·2²³), interleaved L R L R', () => {
    const bytes = encodeWav([Float32Array.from([0.5, -1, 1]), Float32Array.from([0, 0.25, -0.5])], 48000);
    expect([...bytes.subarray(44)]).toEqual([
      0x00, 0x00, 0x40, 0x00, 0x00, 0x00, // 0.5 → 0x400000, 0 → 0
      0x00, 0x00, 0x80, 0x00, 0x00, 0x20, // −1 → −0x800000, 0.25 → 0x200000
      0xff, 0xff, 0x7f, 0x00, 0x00, 0xc0, // +1 → 0x7FFFFF (top code), −0.5 → −0x400000
    ]);
  });

  it('clamps to [−1, 1], rounds to nearest and writes non-finite samples as 0 in 16-bit', () => {
    const bytes = encodeWav([Float32Array.from([-0.5, 2, -3, Number.NaN, 1.4 / 32768, 1.6 / 32768])], 44100, 16);
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(28, true)).toBe(44100 * 2);
    expect(view.getUint16(32, true)).toBe(2);
    expect(view.getUint16(34, true)).toBe(16);
    expect([...bytes.subarray(44, 46)]).toEqual([0x00, 0xc0]);
    const codes = [0, 1, 2, 3, 4, 5].map((i) => view.getInt16(44 + 2 * i, true));
    expect(codes).toEqual([-16384, 32767, -32768, 0, 1, 2]);
  });

  it('gives 24-bit samples at the edges their codes: just below +1 tops out, ±∞ and NaN are 0, half a step rounds up', () => {
    const step = 2 ** -23;
    const samples = Float32Array.from([0.99999994, 1.5, -1.5, -1, Infinity, -Infinity, Number.NaN, 0.5 * step, -0.5 * step, 1.5 * step, -1.5 * step]);
    const bytes = encodeWav([samples], 48000, 24);
    const codes = Array.from(samples, (_, i) => {
      const at = 44 + 3 * i;
      return (((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16)) << 8) >> 8;
    });
    // 0.99999994·2²³ = 8388607.5 rounds to 2²³, one past the top code; Math.round takes −0.5 to −0 and −1.5 to −1.
    expect(codes).toEqual([8388607, 8388607, -8388608, -8388608, 0, 0, 0, 1, 0, 2, -1]);
  });

  it('rejects channels of different lengths and an empty channel list', () => {
    expect(() => encodeWav([new Float32Array(3), new Float32Array(4)], 48000)).toThrow(/lengths/);
    expect(() => encodeWav([], 48000)).toThrow(/no channels/);
  });
});

describe('decodeWav', () => {
  for (const bitsPerSample of [16, 24] as const) {
    it(`round-trips ${bitsPerSample}-bit audio within one LSB (2^−${bitsPerSample - 1})`, () => {
      const random = mulberry32(bitsPerSample);
      const channels = [0, 1, 2].map(() => Float32Array.from({ length: 5000 }, () => 2 * random() - 1));
      channels[0]?.set([1, -1, 0], 0);
      const decoded = decodeWav(encodeWav(channels, 96000, bitsPerSample));
      expect(decoded.sampleRateHz).toBe(96000);
      expect(decoded.channels.length).toBe(3);
      const lsb = 2 ** -(bitsPerSample - 1);
      let largestError = 0;
      decoded.channels.forEach((channel, c) => {
        expect(channel.length).toBe(5000);
        channel.forEach((sample, n) => {
          largestError = Math.max(largestError, Math.abs(sample - ((channels[c] as Float32Array)[n] as number)));
        });
      });
      expect(largestError).toBeLessThanOrEqual(lsb);
      expect(largestError).toBeGreaterThan(0);
    });
  }

  it('reads IEEE float 32-bit data exactly', () => {
    const samples = [0.125, -0.75, 1.5, -2];
    const data = new Uint8Array(samples.length * 4);
    samples.forEach((sample, i) => new DataView(data.buffer).setFloat32(4 * i, sample, true));
    const decoded = decodeWav(buildWav([{ id: 'fmt ', body: fmtBody(3, 2, 22050, 32) }, { id: 'data', body: data }]));
    expect(decoded.sampleRateHz).toBe(22050);
    expect([...(decoded.channels[0] as Float32Array)]).toEqual([0.125, 1.5]);
    expect([...(decoded.channels[1] as Float32Array)]).toEqual([-0.75, -2]);
  });

  it('reads WAVE_FORMAT_EXTENSIBLE PCM and skips unknown chunks, including their pad byte', () => {
    const fmt = fmtBody(0xfffe, 1, 48000, 24, 24);
    const fmtView = new DataView(fmt.buffer);
    fmtView.setUint16(16, 22, true);
    fmtView.setUint16(18, 24, true);
    fmtView.setUint16(24, 1, true);
    const decoded = decodeWav(
      buildWav([
        { id: 'fmt ', body: fmt },
        { id: 'LIST', body: Uint8Array.from([1, 2, 3]) },
        { id: 'data', body: Uint8Array.from([0x00, 0x00, 0x40, 0xff, 0xff, 0xff]) },
      ]),
    );
    expect([...(decoded.channels[0] as Float32Array)]).toEqual([0.5, -1 / 2 ** 23]);
  });

  it('reads a WAV that sits inside a larger buffer (Uint8Array view with an offset)', () => {
    const wav = encodeWav([Float32Array.from([0.25, -0.25])], 8000, 16);
    const padded = new Uint8Array(wav.length + 7);
    padded.set(wav, 7);
    expect([...(decodeWav(padded.subarray(7)).channels[0] as Float32Array)]).toEqual([0.25, -0.25]);
  });

  it('throws a clear Error for garbage, truncated headers and unsupported encodings', () => {
    const random = mulberry32(1);
    const garbage = Uint8Array.from({ length: 1000 }, () => Math.floor(random() * 256));
    expect(() => decodeWav(garbage)).toThrow(/not a WAV file/);
    expect(() => decodeWav(new Uint8Array(0))).toThrow(/not a WAV file/);
    expect(() => decodeWav(Uint8Array.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, 0, 0]))).toThrow(/not a WAV file/);
    expect(() => decodeWav(buildWav([{ id: 'data', body: new Uint8Array(4) }]))).toThrow(/no "fmt " chunk/);
    expect(() => decodeWav(buildWav([{ id: 'fmt ', body: fmtBody(1, 1, 48000, 16) }]))).toThrow(/no "data" chunk/);
    expect(() =>
      decodeWav(buildWav([{ id: 'fmt ', body: fmtBody(1, 1, 48000, 8) }, { id: 'data', body: new Uint8Array(4) }])),
    ).toThrow(/unsupported encoding \(PCM, 8-bit\)/);
    expect(() =>
      decodeWav(buildWav([{ id: 'fmt ', body: fmtBody(0x55, 2, 44100, 16) }, { id: 'data', body: new Uint8Array(4) }])),
    ).toThrow(/format 0x55/);
    expect(() => decodeWav(garbage)).toThrow(Error);
  });

  it('either decodes whole frames or throws its own message for every truncation of a valid file', () => {
    const wav = encodeWav([Float32Array.from([0.1, 0.2, 0.3]), Float32Array.from([-0.1, -0.2, -0.3])], 48000);
    for (let length = 0; length <= wav.length; length++) {
      let decodedFrames = -1;
      try {
        decodedFrames = (decodeWav(wav.subarray(0, length)).channels[0] as Float32Array).length;
      } catch (error) {
        expect(error instanceof Error && error.message.startsWith('decodeWav:')).toBe(true);
      }
      if (decodedFrames >= 0) expect(decodedFrames).toBe(Math.floor((length - 44) / 6));
    }
  });
});

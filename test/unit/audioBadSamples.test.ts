import { describe, expect, it } from 'vitest';
import { MAX_SAMPLE_MAGNITUDE, silenceBadFloatWavSamples, silenceBadSamples } from '../../src/audio/badSamples';
import { decodeWav } from '../../src/audio/wav';
import { wavBytes } from '../shared/audioFileBytes';

const RATE = 8000;

/** A 0.25-amplitude 8 kHz channel of `seconds` with the given values written at the given sample indices. */
function channelWith(seconds: number, values: Readonly<Record<number, number>>): Float32Array {
  const channel = new Float32Array(seconds * RATE).fill(0.25);
  for (const [index, value] of Object.entries(values)) channel[Number(index)] = value;
  return channel;
}

describe('bad samples in a reader’s file', () => {
  it('sets NaN, ±Infinity and values beyond +60 dBFS to silence and counts each kind', () => {
    expect(MAX_SAMPLE_MAGNITUDE).toBe(10 ** (60 / 20));
    const left = Float32Array.of(0.5, Number.NaN, Infinity, -Infinity, 1e30, -2000, 999, -1.5);
    const counts = silenceBadSamples([left, Float32Array.of(0, 0, 0, 0, 0, 0, 0, Number.NaN)]);
    expect(counts).toEqual({ notNumbers: 4, tooLoud: 2, examined: 16 });
    // A float file may go over full scale (999 is +60 dBFS less a little, −1.5 is +3.5 dBFS): those stay.
    expect([...left]).toEqual([0.5, 0, 0, 0, 0, 0, 999, -1.5]);
  });

  it('cleans a float WAV’s own samples before decoding: only the NaN at 5 s becomes 0', () => {
    const at5s = 5 * RATE;
    const bytes = wavBytes({ sampleRateHz: RATE, channels: [channelWith(8, {}), channelWith(8, { [at5s]: Number.NaN })], float: true });
    expect(silenceBadFloatWavSamples(bytes)).toEqual({ notNumbers: 1, tooLoud: 0, examined: 2 * 8 * RATE });
    const [left, right] = decodeWav(bytes).channels as [Float32Array, Float32Array];
    expect(right[at5s]).toBe(0);
    expect(right.filter((x) => x === 0.25).length).toBe(8 * RATE - 1);
    expect(left.every((x) => x === 0.25)).toBe(true);
  });

  it('counts ±Infinity and 1e30 in a float WAV', () => {
    const bytes = wavBytes({ sampleRateHz: RATE, channels: [channelWith(1, { 10: Infinity, 20: -Infinity, 30: 1e30 })], float: true });
    expect(silenceBadFloatWavSamples(bytes)).toEqual({ notNumbers: 2, tooLoud: 1, examined: RATE });
    expect(decodeWav(bytes).channels[0]?.every((x) => Number.isFinite(x) && Math.abs(x) <= 0.25)).toBe(true);
  });

  it('reads 64-bit float WAVs too', () => {
    const frames = [0.5, Number.NaN, -0.5];
    const bytes = new Uint8Array(44 + frames.length * 8);
    const view = new DataView(bytes.buffer);
    bytes.set([...'RIFF'].map((c) => c.charCodeAt(0)), 0);
    view.setUint32(4, 36 + frames.length * 8, true);
    bytes.set([...'WAVEfmt '].map((c) => c.charCodeAt(0)), 8);
    view.setUint32(16, 16, true);
    view.setUint16(20, 3, true);
    view.setUint16(22, 1, true);
    view.setUint32(24, RATE, true);
    view.setUint32(28, RATE * 8, true);
    view.setUint16(32, 8, true);
    view.setUint16(34, 64, true);
    bytes.set([...'data'].map((c) => c.charCodeAt(0)), 36);
    view.setUint32(40, frames.length * 8, true);
    frames.forEach((x, i) => view.setFloat64(44 + 8 * i, x, true));
    expect(silenceBadFloatWavSamples(bytes)).toEqual({ notNumbers: 1, tooLoud: 0, examined: 3 });
    expect([0, 1, 2].map((i) => view.getFloat64(44 + 8 * i, true))).toEqual([0.5, 0, -0.5]);
  });

  it('leaves integer WAVs and other files alone', () => {
    const pcm = wavBytes({ sampleRateHz: RATE, channels: [channelWith(1, {})] });
    const before = pcm.slice();
    expect(silenceBadFloatWavSamples(pcm)).toEqual({ notNumbers: 0, tooLoud: 0, examined: 0 });
    expect(pcm).toEqual(before);
    expect(silenceBadFloatWavSamples(new TextEncoder().encode('not a wav file at all'))).toEqual({ notNumbers: 0, tooLoud: 0, examined: 0 });
  });
});

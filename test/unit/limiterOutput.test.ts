import { describe, expect, it } from 'vitest';
import { LIMITER_CEILING_DBFS, PeakLimiter } from '../../src/dsp/limiter';
import { limitBlock, STORABLE_CEILING } from '../../src/audio/limiterOutput';

const RATE_HZ = 48000;
const QUANTUM = 128;

/** A hot stereo signal: a 100 Hz square at 2× full scale with a burst, so the limiter works hard. */
function hotSignal(length: number): [Float32Array, Float32Array] {
  const left = new Float32Array(length).map((_, n) => (Math.floor((n * 200) / RATE_HZ) % 2 === 0 ? 2 : -2) * (n % 9000 < 300 ? 3 : 1));
  const right = left.map((x, n) => 0.5 * x * Math.cos(n / 50));
  return [left, right];
}

describe('the limiter run over a whole rendered buffer (downloads)', () => {
  it('writes exactly the samples the worklet writes block by block (128 frames, separate output)', () => {
    const length = RATE_HZ / 2;
    const input = hotSignal(length);
    const live = new PeakLimiter({ ceilingDbfs: LIMITER_CEILING_DBFS, channelCount: 2 });
    live.prepare(RATE_HZ);
    const worklet = [new Float32Array(length), new Float32Array(length)];
    for (let start = 0; start < length; start += QUANTUM) {
      const block = input.map((channel) => channel.subarray(start, start + QUANTUM));
      limitBlock(live, block, worklet.map((channel) => channel.subarray(start, start + QUANTUM)));
    }
    const offline = new PeakLimiter({ ceilingDbfs: LIMITER_CEILING_DBFS, channelCount: 2 });
    offline.prepare(RATE_HZ);
    const inPlace = input.map((channel) => channel.slice());
    limitBlock(offline, inPlace, inPlace);
    expect(inPlace[0]).toEqual(worklet[0]);
    expect(inPlace[1]).toEqual(worklet[1]);
    const peak = Math.max(...inPlace.map((channel) => channel.reduce((max, x) => Math.max(max, Math.abs(x)), 0)));
    expect(peak).toBeLessThanOrEqual(STORABLE_CEILING);
    expect(peak).toBeGreaterThan(STORABLE_CEILING * 0.99);
  });

  it('writes the same samples in one call as frame by frame when the music crosses the ceiling and comes back below', () => {
    const length = RATE_HZ;
    // Quiet music-like stretches (well below −1 dBFS), bursts above the ceiling, non-finite samples in a quiet stretch,
    // and a stretch just at the storable ceiling: the limiter goes quiet, limits, releases and goes quiet again.
    const left = new Float32Array(length).map((_, n) => {
      const tone = 0.2 * Math.sin(n / 7) + 0.1 * Math.sin(n / 53);
      if (n % 12000 > 6000 && n % 12000 < 6400) return 4 * tone;
      if (n === 33001) return Number.NaN;
      if (n === 33002) return -Infinity;
      if (n >= 40000 && n < 40010) return STORABLE_CEILING;
      return tone;
    });
    const right = left.map((x, n) => (n === 33003 ? Infinity : 0.7 * x));
    const whole = [left.slice(), right.slice()];
    const oneCall = new PeakLimiter({ ceilingDbfs: LIMITER_CEILING_DBFS, channelCount: 2 });
    oneCall.prepare(RATE_HZ);
    limitBlock(oneCall, whole, whole);
    for (const blockFrames of [1, 97]) {
      const limiter = new PeakLimiter({ ceilingDbfs: LIMITER_CEILING_DBFS, channelCount: 2 });
      limiter.prepare(RATE_HZ);
      const output = [new Float32Array(length), new Float32Array(length)];
      for (let start = 0; start < length; start += blockFrames) {
        const block = [left, right].map((channel) => channel.subarray(start, start + blockFrames));
        limitBlock(limiter, block, output.map((channel) => channel.subarray(start, start + blockFrames)));
      }
      expect(whole[0]).toEqual(output[0]);
      expect(whole[1]).toEqual(output[1]);
    }
    // Below the ceiling and away from any burst, the output is the input 240 samples (5 ms) later, exactly.
    const latency = Math.round(0.005 * RATE_HZ);
    expect(whole[0]?.subarray(1000 + latency, 5000 + latency)).toEqual(left.subarray(1000, 5000));
    expect(whole[0]?.[33001 + latency]).toBe(0);
    expect(whole[1]?.[33003 + latency]).toBe(0);
    expect(Math.max(...whole.map((channel) => channel.reduce((max, x) => Math.max(max, Math.abs(x)), 0)))).toBeLessThanOrEqual(STORABLE_CEILING);
  });
});

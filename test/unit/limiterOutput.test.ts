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
});

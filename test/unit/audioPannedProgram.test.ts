// The hard-panned program: one side at a time, equal power through each change, seamless across the loop's wrap.
import { describe, expect, it } from 'vitest';
import { PANNED_CROSSFADE_SECONDS, hardPannedChannels } from '../../src/audio/pannedProgram';

const FS = 48000;
const SEGMENT_SECONDS = 0.5;
const LENGTH = 4 * SEGMENT_SECONDS * FS;

function constantLoop(value: number): [Float32Array, Float32Array] {
  return [new Float32Array(LENGTH).fill(value), new Float32Array(LENGTH).fill(value)];
}

describe('the hard-panned program', () => {
  it('puts the mono sum (L + R)/2 in the left channel only in even segments and the right only in odd ones', () => {
    const [left, right] = hardPannedChannels([new Float32Array(LENGTH).fill(0.6), new Float32Array(LENGTH).fill(0.2)], FS, SEGMENT_SECONDS);
    for (const segment of [0, 1, 2, 3]) {
      const middle = Math.round((segment + 0.5) * SEGMENT_SECONDS * FS);
      const [near, far] = segment % 2 === 0 ? [left, right] : [right, left];
      expect(near[middle]).toBeCloseTo(0.4, 6);
      expect(far[middle]).toBeCloseTo(0, 6);
    }
  });

  it('keeps the power constant through each change (cos² + sin² = 1) and is half and half at the change itself', () => {
    const [left, right] = hardPannedChannels(constantLoop(0.5), FS, SEGMENT_SECONDS);
    let worst = 0;
    for (let n = 0; n < LENGTH; n++) worst = Math.max(worst, Math.abs((left[n] as number) ** 2 + (right[n] as number) ** 2 - 0.25));
    expect(worst).toBeLessThan(1e-6);
    const change = SEGMENT_SECONDS * FS;
    expect(left[change]).toBeCloseTo(0.5 * Math.SQRT1_2, 6);
    expect(right[change]).toBeCloseTo(0.5 * Math.SQRT1_2, 6);
  });

  it('moves smoothly: no sample-to-sample step of the pan gain larger than a 10 ms linear sweep allows', () => {
    const [left, right] = hardPannedChannels(constantLoop(1), FS, SEGMENT_SECONDS);
    const largestStep = (Math.PI / 2 / (PANNED_CROSSFADE_SECONDS * FS)) * 1.001;
    let steepest = 0;
    for (let n = 1; n < LENGTH; n++) {
      steepest = Math.max(steepest, Math.abs((left[n] as number) - (left[n - 1] as number)), Math.abs((right[n] as number) - (right[n - 1] as number)));
    }
    expect(steepest).toBeLessThan(largestStep);
    expect(steepest).toBeGreaterThan(largestStep / 2); // the pan does move, within the crossfade
    // the wrap: the last sample (fading right → left) joins the first
    expect(Math.abs((left[0] as number) - (left[LENGTH - 1] as number))).toBeLessThan(largestStep);
    expect(Math.abs((right[0] as number) - (right[LENGTH - 1] as number))).toBeLessThan(largestStep);
  });
});

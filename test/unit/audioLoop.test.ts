import { describe, expect, it } from 'vitest';
import { crossfadeLoop, normalizePeak, peakOf, wholeCycleLoopLength, wrapTail } from '../../src/audio/loop';
import { mulberry32 } from '../../src/dsp/random';

const whiteNoise = (length: number, seed: number): Float32Array => {
  const random = mulberry32(seed);
  return Float32Array.from({ length }, () => 2 * random() - 1);
};

describe('wrapTail', () => {
  it('folds a decaying tail onto the start as a looped performance would play it: Σ x[n + kL]', () => {
    const loopLength = 100;
    const tau = 50;
    const rendered = Float32Array.from({ length: 250 }, (_, n) => Math.exp(-n / tau));
    const looped = wrapTail(rendered, loopLength);
    expect(looped.length).toBe(loopLength);
    for (let n = 0; n < loopLength; n++) {
      // Passes that reach sample n: the current one, the previous (n + 100 < 250), and the one before if n + 200 < 250.
      const expected = Math.exp(-n / tau) * (1 + Math.exp(-100 / tau) + (n < 50 ? Math.exp(-200 / tau) : 0));
      expect(looped[n]).toBeCloseTo(expected, 6);
    }
  });

  it('is continuous across the wrap when the render starts with an onset and decays by its end', () => {
    const loopLength = 4800;
    const omega = (2 * Math.PI * 440) / 48000;
    const rendered = Float32Array.from({ length: 3 * loopLength }, (_, n) => Math.sin(omega * n) * Math.exp(-n / 2000));
    let largestStep = 0;
    for (let n = 1; n < rendered.length; n++) largestStep = Math.max(largestStep, Math.abs((rendered[n] as number) - (rendered[n - 1] as number)));
    const looped = wrapTail(rendered, loopLength);
    const wrapStep = Math.abs((looped[0] as number) - (looped[loopLength - 1] as number));
    expect(wrapStep).toBeLessThanOrEqual(largestStep * 1.01);
  });
});

describe('crossfadeLoop', () => {
  const loopLength = 10000;
  const crossfade = 1000;
  const noise = whiteNoise(loopLength + crossfade, 7);
  const looped = crossfadeLoop(noise, loopLength, crossfade);

  it('plays, after its last sample, (almost exactly) the sample that followed it in the original', () => {
    // out[0] = x[0]·sin(π/4X) + x[L]·cos(π/4X), X = crossfade length.
    const w = Math.PI / (4 * crossfade);
    const bound = Math.abs(noise[0] as number) * Math.sin(w) + Math.abs(noise[loopLength] as number) * (1 - Math.cos(w));
    expect(Math.abs((looped[0] as number) - (noise[loopLength] as number))).toBeLessThanOrEqual(bound + 1e-7);
    expect(looped[loopLength - 1]).toBe(noise[loopLength - 1]);
  });

  it('leaves the block untouched after the crossfade', () => {
    for (let n = crossfade; n < loopLength; n++) expect(looped[n]).toBe(noise[n]);
  });

  it('keeps the power of uncorrelated noise constant through the crossfade (sin² + cos² = 1)', () => {
    let sumOfSquares = 0;
    for (let n = 0; n < crossfade; n++) sumOfSquares += (looped[n] as number) ** 2;
    // Uniform white noise on [−1, 1) has mean square 1/3.
    expect(sumOfSquares / crossfade).toBeGreaterThan((1 / 3) * 0.9);
    expect(sumOfSquares / crossfade).toBeLessThan((1 / 3) * 1.1);
  });

  it('refuses a block too short for the loop plus the crossfade', () => {
    expect(() => crossfadeLoop(new Float32Array(100), 90, 20)).toThrow(RangeError);
  });
});

describe('wholeCycleLoopLength', () => {
  it('holds whole cycles of 1 kHz: 48 samples at 48 kHz, 441 at 44.1 kHz', () => {
    expect(wholeCycleLoopLength(1000, 48000, 1)).toBe(48);
    expect(wholeCycleLoopLength(1000, 44100, 1)).toBe(441);
    expect(wholeCycleLoopLength(1000, 44100, 44100)).toBe(44100);
    expect(wholeCycleLoopLength(1000, 44100, 44101)).toBe(44541);
  });

  it('gives a length ≥ the minimum whose cycle count f·N/fs is an integer, at common rates', () => {
    for (const sampleRateHz of [8000, 22050, 32000, 44100, 48000, 88200, 96000, 192000]) {
      const minLength = sampleRateHz;
      const length = wholeCycleLoopLength(1000, sampleRateHz, minLength);
      expect(length).toBeGreaterThanOrEqual(minLength);
      expect(Number.isInteger((1000 * length) / sampleRateHz)).toBe(true);
      // A sine of that length continues seamlessly: the sample after the last equals the first (0).
      expect(Math.abs(Math.sin((2 * Math.PI * 1000 * length) / sampleRateHz))).toBeLessThan(1e-9);
    }
  });

  it('rounds to the nearest whole-sample length when the rate is not an integer', () => {
    const sampleRateHz = 44100.5;
    const length = wholeCycleLoopLength(1000, sampleRateHz, 44100);
    const cycles = (1000 * length) / sampleRateHz;
    expect(Math.abs(cycles - Math.round(cycles))).toBeLessThanOrEqual((0.5 * 1000) / sampleRateHz);
  });
});

describe('normalizePeak', () => {
  it('scales all channels by one factor so the largest |sample| is at −3 dBFS', () => {
    const left = Float32Array.from([0.5, -0.25]);
    const right = Float32Array.from([-0.1, 0.2]);
    const factor = normalizePeak([left, right], -3);
    const target = 10 ** (-3 / 20);
    expect(factor).toBeCloseTo(target / 0.5, 6);
    expect(peakOf([left, right])).toBeCloseTo(target, 6);
    expect(left[1]).toBeCloseTo(-0.25 * (target / 0.5), 6);
    expect(right[0]).toBeCloseTo(-0.1 * (target / 0.5), 6);
  });

  it('leaves silence silent', () => {
    const silent = new Float32Array(8);
    expect(normalizePeak([silent], -3)).toBe(1);
    expect(peakOf([silent])).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { LIMITER_CEILING_DBFS, LIMITER_DEFAULTS, PeakLimiter } from '../../src/dsp/limiter';
import { mulberry32 } from '../../src/dsp/random';

const QUANTUM = 128;
const ceilingGain = 10 ** (LIMITER_CEILING_DBFS / 20);

/** Runs whole channels through the limiter in 128-sample render quanta, as an AudioWorklet would. */
function runLimiter(limiter: PeakLimiter, channels: Float32Array[]): Float32Array[] {
  const length = (channels[0] as Float32Array).length;
  const outputs = channels.map(() => new Float32Array(length));
  for (let start = 0; start < length; start += QUANTUM) {
    const end = Math.min(length, start + QUANTUM);
    limiter.process(
      channels.map((channel) => channel.subarray(start, end)),
      outputs.map((output) => output.subarray(start, end)),
    );
  }
  return outputs;
}

function largestMagnitude(channels: Float32Array[]): number {
  let peak = 0;
  for (const channel of channels) for (const sample of channel) peak = Math.max(peak, Math.abs(sample));
  return peak;
}

function hotSignals(sampleRateHz: number): Record<string, Float32Array[]> {
  const length = sampleRateHz;
  const random = mulberry32(5);
  const plus40Dbfs = 100;
  const square = Float32Array.from({ length }, (_, n) => (Math.floor((n * 2 * 1000) / sampleRateHz) % 2 ? -1 : 1) * plus40Dbfs);
  const noise = Float32Array.from({ length }, () => 2 * random() - 1);
  const loudNoise = noise.map((x) => x * 30);
  const impulses = Float32Array.from({ length }, (_, n) => (n % 4801 === 300 ? 1e6 : 0.01));
  const nonFinite = Float32Array.from({ length }, (_, n) =>
    [Number.NaN, Infinity, -Infinity, 50, 0.2][n % 5] as number,
  );
  const maxFloat = Float32Array.from({ length }, (_, n) => (n % 2 ? 3.4e38 : -3.4e38));
  return {
    '+40 dBFS square wave on both channels': [square, square],
    'full-scale noise on L, silence on R': [noise, new Float32Array(length)],
    '+30 dB noise, opposite polarity on R': [loudNoise, loudNoise.map((x) => -x)],
    'isolated 1e6 impulses on quiet DC': [impulses, impulses],
    'NaN, ±Infinity and +34 dBFS samples': [nonFinite, noise],
    'alternating ±3.4e38': [maxFloat, maxFloat],
  };
}

describe('PeakLimiter', () => {
  it('has a −1 dBFS ceiling, about 5 ms of look-ahead and 100 ms of release by default', () => {
    expect(LIMITER_DEFAULTS).toEqual({ ceilingDbfs: -1, lookaheadMs: 5, releaseMs: 100, channelCount: 2 });
  });

  it('reports a latency of round(look-ahead × fs) samples', () => {
    const limiter = new PeakLimiter();
    limiter.prepare(48000);
    expect(limiter.latencySamples).toBe(240);
    limiter.prepare(44100);
    expect(limiter.latencySamples).toBe(Math.round(0.005 * 44100));
  });

  for (const sampleRateHz of [44100, 48000]) {
    for (const [name, channels] of Object.entries(hotSignals(sampleRateHz))) {
      it(`never lets a sample exceed the ceiling at ${sampleRateHz} Hz: ${name}`, () => {
        const limiter = new PeakLimiter();
        limiter.prepare(sampleRateHz);
        const outputs = runLimiter(limiter, channels);
        for (const output of outputs) expect(output.every((sample) => Number.isFinite(sample))).toBe(true);
        expect(largestMagnitude(outputs)).toBeLessThanOrEqual(ceilingGain);
        expect(limiter.gainReductionDb).toBeLessThan(0);
      });
    }
  }

  it('holds a lower ceiling too (−6 dBFS) with a mono configuration', () => {
    const limiter = new PeakLimiter({ ceilingDbfs: -6, channelCount: 1 });
    limiter.prepare(48000);
    const random = mulberry32(9);
    const noise = Float32Array.from({ length: 48000 }, () => 10 * (2 * random() - 1));
    expect(largestMagnitude(runLimiter(limiter, [noise]))).toBeLessThanOrEqual(10 ** (-6 / 20));
  });

  it('is exactly transparent below the ceiling: the output is the input delayed by the look-ahead', () => {
    const sampleRateHz = 48000;
    const limiter = new PeakLimiter();
    limiter.prepare(sampleRateHz);
    const amplitude = 10 ** (-6 / 20);
    const left = Float32Array.from({ length: sampleRateHz }, (_, n) => amplitude * Math.sin((2 * Math.PI * 440 * n) / sampleRateHz));
    const right = Float32Array.from({ length: sampleRateHz }, (_, n) => (n % 100 < 50 ? amplitude : -amplitude));
    const [outLeft, outRight] = runLimiter(limiter, [left, right]) as [Float32Array, Float32Array];
    const delay = limiter.latencySamples;
    for (let n = 0; n < delay; n++) {
      expect(outLeft[n]).toBe(0);
      expect(outRight[n]).toBe(0);
    }
    let mismatches = 0;
    for (let n = delay; n < sampleRateHz; n++) {
      if (outLeft[n] !== left[n - delay] || outRight[n] !== right[n - delay]) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(limiter.gainReductionDb).toBe(0);
  });

  it('has the gain down to ceiling/peak by the time a sudden peak reaches the output, in a linear ramp', () => {
    const sampleRateHz = 48000;
    const limiter = new PeakLimiter({ channelCount: 1 });
    limiter.prepare(sampleRateHz);
    const lookahead = limiter.latencySamples;
    const peak = 4;
    const length = 2000;
    const stepAt = 1000;
    const input = Float32Array.from({ length }, (_, n) => (n >= stepAt ? peak : 0.1));
    const output = new Float32Array(length);
    const gains: number[] = [];
    for (let n = 0; n < length; n++) {
      limiter.process([input.subarray(n, n + 1)], [output.subarray(n, n + 1)]);
      gains.push(10 ** (limiter.gainReductionDb / 20));
    }
    const neededGain = ceilingGain / peak;
    expect(gains[stepAt - 1]).toBe(1);
    expect(gains[stepAt + lookahead] as number).toBeLessThanOrEqual(neededGain * (1 + 1e-12));
    let largestStep = 0;
    for (let n = 1; n < length; n++) largestStep = Math.max(largestStep, Math.abs((gains[n] as number) - (gains[n - 1] as number)));
    expect(largestStep).toBeLessThanOrEqual(((1 - neededGain) / (lookahead + 1)) * (1 + 1e-9));
    expect(output[stepAt + lookahead]).toBeCloseTo(ceilingGain, 6);
    expect(output[stepAt + lookahead - 1]).toBeCloseTo(0.1 * (gains[stepAt + lookahead - 1] as number), 6);
  });

  it('releases exponentially with the release time constant and settles back at exactly 0 dB', () => {
    const sampleRateHz = 48000;
    const releaseMs = 100;
    const limiter = new PeakLimiter({ releaseMs, channelCount: 1 });
    limiter.prepare(sampleRateHz);
    const lookahead = limiter.latencySamples;
    const releaseSamples = (releaseMs / 1000) * sampleRateHz;
    const hot = new Float32Array(4800).fill(4);
    runLimiter(limiter, [hot]);
    const heldGain = 10 ** (limiter.gainReductionDb / 20);
    expect(heldGain).toBeCloseTo(ceilingGain / 4, 12);

    const step = (sampleCount: number): void => {
      runLimiter(limiter, [new Float32Array(sampleCount).fill(0.1)]);
    };
    // The gain may start rising L samples after the last hot sample and is free to rise after 2L + 1.
    const elapsed = 2 * lookahead + 1 + releaseSamples;
    step(elapsed);
    const reduction = 1 - 10 ** (limiter.gainReductionDb / 20);
    const fastest = (1 - heldGain) * Math.exp(-(elapsed - lookahead) / releaseSamples);
    const slowest = (1 - heldGain) * Math.exp(-(elapsed - 2 * lookahead - 1) / releaseSamples);
    expect(reduction).toBeGreaterThanOrEqual(fastest * (1 - 1e-9));
    expect(reduction).toBeLessThanOrEqual(slowest * (1 + 1e-9));

    step(sampleRateHz * 2);
    expect(limiter.gainReductionDb).toBe(0);
    const quiet = Float32Array.from({ length: 1000 }, (_, n) => 0.5 * Math.sin(n / 7));
    const [output] = runLimiter(limiter, [quiet]) as [Float32Array];
    for (let n = lookahead; n < quiet.length; n++) expect(output[n]).toBe(quiet[n - lookahead]);
  });

  it('links the channels: a peak on one channel turns both down equally', () => {
    const limiter = new PeakLimiter();
    limiter.prepare(48000);
    const left = new Float32Array(4800).fill(0.2);
    const right = new Float32Array(4800).fill(2);
    const [outLeft, outRight] = runLimiter(limiter, [left, right]) as [Float32Array, Float32Array];
    const last = 4799;
    expect(outRight[last]).toBeCloseTo(ceilingGain, 6);
    expect(outLeft[last]).toBeCloseTo(0.2 * (ceilingGain / 2), 6);
  });

  it('forgets its state on reset()', () => {
    const limiter = new PeakLimiter({ channelCount: 1 });
    limiter.prepare(48000);
    runLimiter(limiter, [new Float32Array(1000).fill(5)]);
    expect(limiter.gainReductionDb).toBeLessThan(-10);
    limiter.reset();
    expect(limiter.gainReductionDb).toBe(0);
    const [output] = runLimiter(limiter, [new Float32Array(1000).fill(0.5)]) as [Float32Array];
    expect(output[limiter.latencySamples - 1]).toBe(0);
    expect(output[limiter.latencySamples]).toBe(0.5);
  });

  it('runs without look-ahead as an instantaneous limiter with no delay', () => {
    const limiter = new PeakLimiter({ lookaheadMs: 0, channelCount: 1 });
    limiter.prepare(48000);
    expect(limiter.latencySamples).toBe(0);
    const [output] = runLimiter(limiter, [Float32Array.from([0.5, 3, 0.5])]) as [Float32Array];
    expect(output[0]).toBe(0.5);
    expect(output[1]).toBeCloseTo(ceilingGain, 6);
    expect(Math.abs(output[1] as number)).toBeLessThanOrEqual(ceilingGain);
  });

  it('refuses to process before prepare() and rejects impossible options', () => {
    expect(() => new PeakLimiter().process([new Float32Array(4)], [new Float32Array(4)])).toThrow(/prepare/);
    expect(() => new PeakLimiter({ channelCount: 0 })).toThrow(RangeError);
    expect(() => new PeakLimiter({ releaseMs: -1 })).toThrow(RangeError);
    expect(() => new PeakLimiter({ ceilingDbfs: Number.NaN })).toThrow(RangeError);
  });
});

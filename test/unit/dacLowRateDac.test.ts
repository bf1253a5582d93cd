import { describe, expect, it } from 'vitest';
import { LOW_RATE_FACTORS, LowRateDac, type ReconstructionMode, holdResponseDb } from '../../src/dsp/dac/lowRateDac';
import { zeroOrderHoldDroopDb } from '../../src/dsp/dac/reconstruction';
import { averagedPowerSpectrum, bandLevelDb, peakAbs } from '../../src/dsp/spectrum';
import { sine } from '../../src/dsp/testSignals';

const RATE_HZ = 48_000;
const MODES: readonly ReconstructionMode[] = ['nos', 'oversampled'];
const QUANTUM = 128;

/** Runs a whole signal through a fresh DAC in blocks of chunkSamples (the last one shorter). */
function runInChunks(dac: LowRateDac, input: Float32Array, chunkSamples: number): Float32Array {
  const output = new Float32Array(input.length);
  for (let start = 0; start < input.length; start += chunkSamples) {
    const end = Math.min(input.length, start + chunkSamples);
    dac.process(input.subarray(start, end), output.subarray(start, end));
  }
  return output;
}

/** Uniform white noise in [−amplitude, amplitude), from a fixed-seed LCG (Numerical Recipes constants). */
function whiteNoise(lengthSamples: number, amplitude: number, seed = 12345): Float32Array {
  const output = new Float32Array(lengthSamples);
  let state = seed >>> 0;
  for (let n = 0; n < lengthSamples; n++) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    output[n] = amplitude * (2 * (state / 2 ** 32) - 1);
  }
  return output;
}

/** Level of a sine of peak amplitude A in dB re mean square 1: 20·log10(A/√2). */
const sineLevelDb = (amplitude: number): number => 20 * Math.log10(amplitude / Math.SQRT2);

/** An L-sample hold seen at L·fs is an L-tap boxcar: |sin(πf/fs) / (L·sin(πf/(L·fs)))| (Dirichlet kernel). */
const boxcarDb = (frequencyHz: number, lowRateHz: number, factor: number): number =>
  20 *
  Math.log10(
    Math.abs(
      Math.sin((Math.PI * frequencyHz) / lowRateHz) /
        (factor * Math.sin((Math.PI * frequencyHz) / (factor * lowRateHz))),
    ),
  );

/** The DAC's output for a sine, settled (the first settleSamples dropped), with its Welch spectrum. */
function settledToneSpectrum(factor: number, mode: ReconstructionMode, toneHz: number, amplitude: number) {
  const settleSamples = 4096;
  const analysedSamples = 65_536;
  const input = sine(settleSamples + analysedSamples, RATE_HZ, toneHz, amplitude);
  const output = runInChunks(new LowRateDac(factor, mode), input, QUANTUM).subarray(settleSamples);
  return averagedPowerSpectrum(output, RATE_HZ, 16_384);
}

const toneBandDb = (spectrum: ReturnType<typeof averagedPowerSpectrum>, centreHz: number): number =>
  bandLevelDb(spectrum, centreHz - 40, centreHz + 40);

/**
 * Delay of a sine through the DAC from its phase: over W samples holding whole cycles of the tone and of R/L, the
 * images at k·R/L ± f are orthogonal to the tone, so correlating with sin and cos gives the tone's phase lag φ and
 * the delay φ·R/(2πf), modulo one period of the tone.
 */
function phaseDelaySamples(factor: number, mode: ReconstructionMode, toneHz: number): number {
  const periodSamples = RATE_HZ / toneHz;
  const windowSamples = 4 * 1280;
  const settleSamples = 2 * 1280;
  const input = sine(settleSamples + windowSamples, RATE_HZ, toneHz, 0.5);
  const output = runInChunks(new LowRateDac(factor, mode), input, QUANTUM);
  let inPhase = 0;
  let quadrature = 0;
  for (let n = settleSamples; n < settleSamples + windowSamples; n++) {
    const angleRad = (2 * Math.PI * n) / periodSamples;
    inPhase += (output[n] as number) * Math.sin(angleRad);
    quadrature += (output[n] as number) * Math.cos(angleRad);
  }
  const lagRad = Math.atan2(-quadrature, inPhase);
  const delaySamples = (lagRad / (2 * Math.PI)) * periodSamples;
  return delaySamples < 0 ? delaySamples + periodSamples : delaySamples;
}

describe('LOW_RATE_FACTORS', () => {
  it('offers the DAC at a half, third, quarter, sixth and eighth of the context rate', () => {
    expect([...LOW_RATE_FACTORS]).toEqual([2, 3, 4, 6, 8]);
  });
});

describe('holdResponseDb', () => {
  it('is the L-tap boxcar |sin(πf/fs)/(L·sin(πf/(L·fs)))|, 0 dB at DC and for L = 1', () => {
    expect(holdResponseDb(0, 12_000, 4)).toBe(0);
    expect(holdResponseDb(7000, 12_000, 1)).toBeCloseTo(0, 12);
    for (const frequencyHz of [500, 2000, 10_000, 14_000, 22_000]) {
      expect(holdResponseDb(frequencyHz, 12_000, 4)).toBeCloseTo(boxcarDb(frequencyHz, 12_000, 4), 10);
    }
  });

  it('tends to the analog hold’s sinc droop as L grows, and reads higher than it at small L', () => {
    expect(Math.abs(holdResponseDb(10_000, 12_000, 1000) - zeroOrderHoldDroopDb(10_000, 12_000))).toBeLessThan(1e-4);
    expect(holdResponseDb(10_000, 12_000, 4) - zeroOrderHoldDroopDb(10_000, 12_000)).toBeGreaterThan(0.5);
  });
});

describe('a 12 kHz NOS DAC inside 48 kHz (L = 4)', () => {
  const amplitude = 0.5;
  const toneHz = 2000;
  const spectrum = settledToneSpectrum(4, 'nos', toneHz, amplitude);
  const toneDb = toneBandDb(spectrum, toneHz);

  it('plays a 2 kHz tone drooped by the hold’s sinc(f/fs), within 0.1 dB', () => {
    const x = (Math.PI * toneHz) / 12_000;
    const sincDroopDb = 20 * Math.log10(Math.sin(x) / x);
    expect(Math.abs(toneDb - (sineLevelDb(amplitude) + sincDroopDb))).toBeLessThan(0.1);
    expect(Math.abs(toneDb - (sineLevelDb(amplitude) + zeroOrderHoldDroopDb(toneHz, 12_000)))).toBeLessThan(0.1);
  });

  it('adds images at 12 ± 2 kHz and 24 − 2 kHz at the levels of an L-sample hold (within 0.1 dB)', () => {
    for (const imageHz of [10_000, 14_000, 22_000]) {
      const expectedDb = boxcarDb(imageHz, 12_000, 4) - boxcarDb(toneHz, 12_000, 4);
      expect(Math.abs(toneBandDb(spectrum, imageHz) - toneDb - expectedDb)).toBeLessThan(0.1);
    }
  });

  it('puts the first image 10 dB to 17 dB below the tone: audible, unlike an oversampling DAC’s', () => {
    expect(toneBandDb(spectrum, 10_000) - toneDb).toBeGreaterThan(-14);
    expect(toneBandDb(spectrum, 14_000) - toneDb).toBeGreaterThan(-17);
  });

  it('holds each low-rate sample for exactly 4 output samples', () => {
    const output = runInChunks(new LowRateDac(4, 'nos'), whiteNoise(1000, 0.9), QUANTUM);
    for (let n = 0; n < output.length; n++) expect(output[n]).toBe(output[n - (n % 4)]);
  });
});

describe('a 12 kHz oversampling DAC inside 48 kHz (L = 4)', () => {
  const amplitude = 0.5;
  const toneHz = 2000;
  const spectrum = settledToneSpectrum(4, 'oversampled', toneHz, amplitude);
  const toneDb = toneBandDb(spectrum, toneHz);

  it('plays a 2 kHz tone at its input level, within 0.1 dB', () => {
    expect(Math.abs(toneDb - sineLevelDb(amplitude))).toBeLessThan(0.1);
  });

  it('keeps the images at 10, 14 and 22 kHz more than 80 dB below the tone', () => {
    for (const imageHz of [10_000, 14_000, 22_000]) expect(toneBandDb(spectrum, imageHz) - toneDb).toBeLessThan(-80);
  });

  it('leaves nothing else above −80 dB re the tone anywhere from 2.1 kHz to 24 kHz', () => {
    expect(bandLevelDb(spectrum, 2100, 24_000) - toneDb).toBeLessThan(-80);
  });
});

describe('the decimation filter', () => {
  for (const mode of MODES) {
    it(`removes a 7 kHz tone (above the 6 kHz Nyquist of L = 4) by ≥ 80 dB, with no alias at 5 kHz (${mode})`, () => {
      const amplitude = 0.9;
      const spectrum = settledToneSpectrum(4, mode, 7000, amplitude);
      expect(toneBandDb(spectrum, 7000) - sineLevelDb(amplitude)).toBeLessThan(-80);
      expect(toneBandDb(spectrum, 12_000 - 7000) - sineLevelDb(amplitude)).toBeLessThan(-80);
      expect(bandLevelDb(spectrum, 0, 24_000) - sineLevelDb(amplitude)).toBeLessThan(-80);
    });
  }

  it('passes a tone at 0.4·R/L unchanged within 0.01 dB through the oversampled path (44.1 kHz, L = 3)', () => {
    const rateHz = 44_100;
    const toneHz = 0.4 * (rateHz / 3);
    const input = sine(4096 + 32_768, rateHz, toneHz, 0.5);
    const output = runInChunks(new LowRateDac(3, 'oversampled'), input, QUANTUM).subarray(4096);
    const spectrum = averagedPowerSpectrum(output, rateHz, 16_384);
    expect(Math.abs(toneBandDb(spectrum, toneHz) - sineLevelDb(0.5))).toBeLessThan(0.01);
  });
});

describe('streaming', () => {
  for (const factor of LOW_RATE_FACTORS) {
    for (const mode of MODES) {
      it(`gives the same output in 128-, 1- and 37-sample blocks as in one block (L = ${factor}, ${mode})`, () => {
        const input = whiteNoise(3000, 0.8);
        const oneShot = runInChunks(new LowRateDac(factor, mode), input, input.length);
        expect(peakAbs(oneShot)).toBeGreaterThan(0.1);
        expect(runInChunks(new LowRateDac(factor, mode), input, QUANTUM)).toEqual(oneShot);
        expect(runInChunks(new LowRateDac(factor, mode), input, 1)).toEqual(oneShot);
        expect(runInChunks(new LowRateDac(factor, mode), input, 37)).toEqual(oneShot);
      });
    }
  }

  it('starts over after reset() exactly as a new DAC would', () => {
    const dac = new LowRateDac(6, 'oversampled');
    runInChunks(dac, whiteNoise(777, 0.9, 99), QUANTUM);
    dac.reset();
    const input = whiteNoise(2000, 0.5);
    expect(runInChunks(dac, input, QUANTUM)).toEqual(runInChunks(new LowRateDac(6, 'oversampled'), input, QUANTUM));
  });

  it('works in place (input and output the same array)', () => {
    const input = whiteNoise(1000, 0.5);
    const expected = runInChunks(new LowRateDac(3, 'oversampled'), input, QUANTUM);
    const inPlace = Float32Array.from(input);
    const dac = new LowRateDac(3, 'oversampled');
    for (let start = 0; start < inPlace.length; start += QUANTUM) {
      const block = inPlace.subarray(start, Math.min(inPlace.length, start + QUANTUM));
      dac.process(block, block);
    }
    expect(inPlace).toEqual(expected);
  });
});

describe('latency', () => {
  for (const factor of LOW_RATE_FACTORS) {
    for (const mode of MODES) {
      it(`equals the phase delay of 37.5 Hz and of 750 Hz tones within 0.05 samples (L = ${factor}, ${mode})`, () => {
        const dac = new LowRateDac(factor, mode);
        // 37.5 Hz has a 1280-sample period, longer than any latency here, so its delay is unambiguous.
        expect(Math.abs(phaseDelaySamples(factor, mode, 37.5) - dac.latencySamples)).toBeLessThan(0.05);
        // 750 Hz (period 64): the same delay modulo a period, i.e. the phase is linear.
        const wrappedDelay = phaseDelaySamples(factor, mode, 750);
        const expectedWrapped = dac.latencySamples % 64;
        const differenceSamples = Math.abs(wrappedDelay - expectedWrapped);
        expect(Math.min(differenceSamples, 64 - differenceSamples)).toBeLessThan(0.05);
      });
    }

    it(`puts an impulse's peak at latencySamples within a sample (L = ${factor}, oversampled)`, () => {
      for (let offset = 0; offset < factor; offset++) {
        const dac = new LowRateDac(factor, 'oversampled');
        const impulseAt = 300 + offset;
        const input = new Float32Array(impulseAt + 2 * dac.latencySamples + 200);
        input[impulseAt] = 1;
        const output = runInChunks(dac, input, QUANTUM);
        let peakIndex = 0;
        for (let n = 1; n < output.length; n++)
          if ((output[n] as number) > (output[peakIndex] as number)) peakIndex = n;
        expect(Math.abs(peakIndex - impulseAt - dac.latencySamples)).toBeLessThanOrEqual(1);
      }
    });
  }

  it('is the decimation delay plus half a low-rate sample for NOS, and twice the decimation delay oversampled', () => {
    for (const factor of LOW_RATE_FACTORS) {
      const oversampled = new LowRateDac(factor, 'oversampled').latencySamples;
      expect(Number.isInteger(oversampled / 2)).toBe(true);
      expect(new LowRateDac(factor, 'nos').latencySamples).toBe(oversampled / 2 + (factor - 1) / 2);
    }
  });
});

describe('robustness', () => {
  for (const factor of LOW_RATE_FACTORS) {
    for (const mode of MODES) {
      it(`keeps silence silent and full-scale noise and impulses finite and bounded (L = ${factor}, ${mode})`, () => {
        expect(peakAbs(runInChunks(new LowRateDac(factor, mode), new Float32Array(1000), QUANTUM))).toBe(0);
        const noiseOut = runInChunks(new LowRateDac(factor, mode), whiteNoise(4000, 1), QUANTUM);
        expect(noiseOut.every(Number.isFinite)).toBe(true);
        // Two cascaded windowed-sinc FIRs cannot exceed (Σ|h|)², a little above 1 each; 4 is a loose bound.
        expect(peakAbs(noiseOut)).toBeLessThan(4);
        const impulses = new Float32Array(2000);
        for (let n = 0; n < impulses.length; n += 97) impulses[n] = n % 2 === 0 ? 1 : -1;
        expect(runInChunks(new LowRateDac(factor, mode), impulses, QUANTUM).every(Number.isFinite)).toBe(true);
      });
    }
  }

  it('treats NaN and infinite input samples as silence', () => {
    const input = whiteNoise(600, 0.5);
    const spoiled = Float32Array.from(input);
    spoiled[100] = Number.NaN;
    spoiled[200] = Number.POSITIVE_INFINITY;
    const cleaned = Float32Array.from(input);
    cleaned[100] = 0;
    cleaned[200] = 0;
    expect(runInChunks(new LowRateDac(4, 'nos'), spoiled, QUANTUM)).toEqual(
      runInChunks(new LowRateDac(4, 'nos'), cleaned, QUANTUM),
    );
  });

  it('rejects factors that are not whole numbers ≥ 2 and filters whose transition band would alias into the passband', () => {
    expect(() => new LowRateDac(1, 'nos')).toThrow(RangeError);
    expect(() => new LowRateDac(2.5, 'oversampled')).toThrow(RangeError);
    expect(
      () =>
        new LowRateDac(4, 'oversampled', {
          passbandEdgeRatio: 0.45,
          stopbandEdgeRatio: 0.6,
          stopbandAttenuationDb: 98,
        }),
    ).toThrow(RangeError);
    const block = new Float32Array(128);
    expect(() => new LowRateDac(4, 'nos').process(block, new Float32Array(64))).toThrow(RangeError);
  });
});

describe('cost', () => {
  it('needs about 2·(Kaiser order)/L ≈ 140 multiply-adds per sample oversampled and half that for NOS, at every L', () => {
    for (const factor of LOW_RATE_FACTORS) {
      // Kaiser's order N = (A − 7.95)/(2.285·Δω), A = 98 + 1 dB, Δω = 2π·0.092/L; each FIR has ≈ N + 1 taps.
      const orderPerFactor = (99 - 7.95) / (2.285 * 2 * Math.PI * 0.092);
      const oversampled = new LowRateDac(factor, 'oversampled').multiplyAddsPerSample;
      const nos = new LowRateDac(factor, 'nos').multiplyAddsPerSample;
      expect(Math.abs(oversampled - 2 * orderPerFactor)).toBeLessThan(4);
      expect(Math.abs(nos - orderPerFactor)).toBeLessThan(2);
      expect(oversampled).toBeLessThan(300);
    }
  });

  it('processes one second of 48 kHz audio at L = 8, oversampled, in well under a second', () => {
    const dac = new LowRateDac(8, 'oversampled');
    const block = whiteNoise(QUANTUM, 0.5);
    const out = new Float32Array(QUANTUM);
    for (let warm = 0; warm < 50; warm++) dac.process(block, out);
    const startMs = performance.now();
    for (let quantum = 0; quantum < RATE_HZ / QUANTUM; quantum++) dac.process(block, out);
    expect(performance.now() - startMs).toBeLessThan(250);
  });
});

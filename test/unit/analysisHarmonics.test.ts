import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HARMONIC_COUNT,
  harmonicLevels,
  minimumAnalysisLengthSamples,
  predictedHarmonicLevels,
  predictedThd,
  sinad,
  sineThroughCurve,
  thd,
  thdPlusNoise,
} from '../../src/dsp/analysis/harmonics';
import { blackmanHarris7Window } from '../../src/dsp/analysis/windows';
import { mulberry32 } from '../../src/dsp/random';

const SAMPLE_RATE_HZ = 48000;
/** Off every bin centre, and 1 s + 333 samples is not a whole number of its periods. */
const OFF_BIN_FUNDAMENTAL_HZ = 1001.7;
const OFF_PERIOD_LENGTH_SAMPLES = SAMPLE_RATE_HZ + 333;

const dbOf = (ratio: number): number => 20 * Math.log10(ratio);

/** Σₕ amplitudeₕ·sin(2π·h·f₀·n/fs + phaseₕ), h = 1, 2, … */
function sumOfHarmonics(
  amplitudes: readonly number[],
  phasesRad: readonly number[],
  fundamentalHz: number,
  sampleRateHz: number,
  lengthSamples: number,
): Float64Array {
  return Float64Array.from({ length: lengthSamples }, (_, n) =>
    amplitudes.reduce(
      (total, amplitude, index) =>
        total + amplitude * Math.sin((2 * Math.PI * (index + 1) * fundamentalHz * n) / sampleRateHz + (phasesRad[index] ?? 0)),
      0,
    ),
  );
}

/** Uniform white noise of the given rms: uniform on ±a has rms a/√3. */
function whiteNoise(rms: number, lengthSamples: number, seed: number): Float64Array {
  const random = mulberry32(seed);
  const halfWidth = rms * Math.sqrt(3);
  return Float64Array.from({ length: lengthSamples }, () => halfWidth * (2 * random() - 1));
}

const clip = (levelVolts: number) => (x: number) => Math.max(-levelVolts, Math.min(levelVolts, x));

/**
 * Fourier sine coefficient b_n of A·sin θ clipped at ±c, c = A·sin θc. y is odd and half-wave
 * symmetric, so only odd n appear and b_n = (4/π)∫₀^{π/2} y sin nθ dθ
 *   = (4/π)[A∫₀^{θc} sin θ sin nθ dθ + c∫_{θc}^{π/2} sin nθ dθ]
 *   = (4/π)[(A/2)(sin (n−1)θc/(n−1) − sin (n+1)θc/(n+1)) + (c/n)·cos nθc]   (odd n ≥ 3),
 *   b₁ = (4/π)[(A/2)(θc − sin 2θc/2) + c·cos θc].
 */
function clippedSineCoefficient(order: number, amplitude: number, clipLevel: number): number {
  const thetaC = Math.asin(clipLevel / amplitude);
  if (order === 1) {
    return (4 / Math.PI) * ((amplitude / 2) * (thetaC - Math.sin(2 * thetaC) / 2) + clipLevel * Math.cos(thetaC));
  }
  return (
    (4 / Math.PI) *
    ((amplitude / 2) * (Math.sin((order - 1) * thetaC) / (order - 1) - Math.sin((order + 1) * thetaC) / (order + 1)) +
      (clipLevel / order) * Math.cos(order * thetaC))
  );
}

describe('blackmanHarris7Window', () => {
  it('is 1 at the centre, a₀ − a₁ + a₂ − … ≈ 6·10⁻⁵ at the ends and symmetric, with Σw = a₀·N', () => {
    const length = 1000;
    const window = blackmanHarris7Window(length);
    expect(window[length / 2]).toBeCloseTo(1, 12);
    const endValue =
      0.27105140069342 - 0.43329793923448 + 0.21812299954311 - 0.06592544638803 + 0.01081174209837 - 0.00077658482522 + 0.00001388721735;
    expect(window[0]).toBeCloseTo(endValue, 14);
    for (let n = 1; n < length; n++) expect(window[n]).toBeCloseTo(window[length - n] as number, 13);
    expect(window.reduce((total, w) => total + w, 0)).toBeCloseTo(0.27105140069342 * length, 9);
  });
});

describe('harmonicLevels', () => {
  it('reads a pure sine of any length as rms A/√2 with THD below −120 dB', () => {
    const amplitude = 0.8;
    const samples = sumOfHarmonics([amplitude], [0.3], OFF_BIN_FUNDAMENTAL_HZ, SAMPLE_RATE_HZ, OFF_PERIOD_LENGTH_SAMPLES);
    const levels = harmonicLevels(samples, SAMPLE_RATE_HZ, OFF_BIN_FUNDAMENTAL_HZ);
    expect(levels.fundamentalRms).toBeCloseTo(amplitude / Math.SQRT2, 9);
    expect(thd(levels).db).toBeLessThan(-120);
    expect(thd(harmonicLevels(Float32Array.from(samples), SAMPLE_RATE_HZ, OFF_BIN_FUNDAMENTAL_HZ)).db).toBeLessThan(-120);
  });

  it('reads back harmonics 0.01 and 0.003 of a unit fundamental within 0.001 dB, off a bin centre and off a whole number of periods', () => {
    const cases = [
      { fundamentalHz: OFF_BIN_FUNDAMENTAL_HZ, lengthSamples: OFF_PERIOD_LENGTH_SAMPLES },
      { fundamentalHz: 441.37, lengthSamples: 30011 },
      { fundamentalHz: 3150.2, lengthSamples: 2 ** 16 + 1 },
    ];
    for (const { fundamentalHz, lengthSamples } of cases) {
      const samples = sumOfHarmonics([1, 0.01, 0.003], [0.3, 1.1, -0.7], fundamentalHz, SAMPLE_RATE_HZ, lengthSamples);
      const levels = harmonicLevels(samples, SAMPLE_RATE_HZ, fundamentalHz);
      expect(levels.fundamentalRms).toBeCloseTo(1 / Math.SQRT2, 9);
      expect(Math.abs((levels.harmonicsDb[0] as number) - dbOf(0.01))).toBeLessThan(0.001);
      expect(Math.abs((levels.harmonicsDb[1] as number) - dbOf(0.003))).toBeLessThan(0.001);
      expect(levels.harmonicsRms[0]).toBeCloseTo(0.01 / Math.SQRT2, 9);
      expect(Math.abs(thd(levels).db - dbOf(Math.hypot(0.01, 0.003)))).toBeLessThan(0.001);
    }
  });

  it('reports count harmonics, the 2nd to the (count + 1)th, 10 by default', () => {
    const samples = sumOfHarmonics([1], [0], OFF_BIN_FUNDAMENTAL_HZ, SAMPLE_RATE_HZ, OFF_PERIOD_LENGTH_SAMPLES);
    expect(harmonicLevels(samples, SAMPLE_RATE_HZ, OFF_BIN_FUNDAMENTAL_HZ).harmonicsRms).toHaveLength(DEFAULT_HARMONIC_COUNT);
    expect(DEFAULT_HARMONIC_COUNT).toBe(10);
    const five = harmonicLevels(samples, SAMPLE_RATE_HZ, OFF_BIN_FUNDAMENTAL_HZ, 5);
    expect(five.harmonicsRms).toHaveLength(5);
    expect(five.harmonicsDb).toHaveLength(5);
  });

  it('a symmetrically hard-clipped sine has only odd harmonics: the even ones stay below −100 dB', () => {
    const fundamentalHz = 110.3;
    const samples = sineThroughCurve(clip(0.5), 1, fundamentalHz, SAMPLE_RATE_HZ, 2 * SAMPLE_RATE_HZ + 77);
    const levels = harmonicLevels(samples, SAMPLE_RATE_HZ, fundamentalHz);
    levels.harmonicsDb.forEach((levelDb, index) => {
      const order = index + 2;
      if (order % 2 === 0) expect(levelDb).toBeLessThan(-100);
      else expect(levelDb).toBeGreaterThan(-60);
    });
  });

  it('the 3rd and 5th harmonics of a sine clipped at half its peak match the Fourier coefficients of a clipped sine within 0.001 dB', () => {
    const amplitude = 1;
    const clipLevel = 0.5;
    const fundamentalHz = 110.3;
    const samples = sineThroughCurve(clip(clipLevel), amplitude, fundamentalHz, SAMPLE_RATE_HZ, 2 * SAMPLE_RATE_HZ + 77);
    const levels = harmonicLevels(samples, SAMPLE_RATE_HZ, fundamentalHz);
    const b1 = clippedSineCoefficient(1, amplitude, clipLevel);
    expect(levels.fundamentalRms).toBeCloseTo(b1 / Math.SQRT2, 6);
    for (const order of [3, 5]) {
      const expectedDb = dbOf(Math.abs(clippedSineCoefficient(order, amplitude, clipLevel) / b1));
      expect(Math.abs((levels.harmonicsDb[order - 2] as number) - expectedDb)).toBeLessThan(0.001);
    }
  });

  it('y = x + 0.1x² adds a 2nd harmonic of 0.05·A relative to the fundamental A (and no 3rd)', () => {
    for (const amplitude of [1, 0.5]) {
      const samples = sineThroughCurve((x) => x + 0.1 * x * x, amplitude, OFF_BIN_FUNDAMENTAL_HZ, SAMPLE_RATE_HZ, OFF_PERIOD_LENGTH_SAMPLES);
      const levels = harmonicLevels(samples, SAMPLE_RATE_HZ, OFF_BIN_FUNDAMENTAL_HZ);
      expect(Math.abs((levels.harmonicsDb[0] as number) - dbOf(0.05 * amplitude))).toBeLessThan(0.001);
      expect(levels.harmonicsDb[1]).toBeLessThan(-140);
    }
  });

  it('omits harmonics whose main lobe would reach the Nyquist frequency: 5 kHz at 48 kHz keeps the 2nd to 4th', () => {
    const samples = sumOfHarmonics([1, 0.01, 0.01, 0.01], [0, 0, 0, 0], 5000, SAMPLE_RATE_HZ, SAMPLE_RATE_HZ);
    const levels = harmonicLevels(samples, SAMPLE_RATE_HZ, 5000);
    expect(levels.harmonicsRms).toHaveLength(3);
    for (const levelDb of levels.harmonicsDb) expect(levelDb).toBeCloseTo(-40, 6);
  });

  it('refuses a recording of fewer than 14 periods, where neighbouring harmonics’ main lobes would overlap', () => {
    expect(minimumAnalysisLengthSamples(SAMPLE_RATE_HZ, 1000)).toBe(14 * 48);
    const tooShort = sumOfHarmonics([1], [0], 1000, SAMPLE_RATE_HZ, 14 * 48 - 1);
    expect(() => harmonicLevels(tooShort, SAMPLE_RATE_HZ, 1000)).toThrow(RangeError);
    const justEnough = sumOfHarmonics([1, 0.01], [0, 0], 1000, SAMPLE_RATE_HZ, 14 * 48);
    expect(harmonicLevels(justEnough, SAMPLE_RATE_HZ, 1000).harmonicsDb[0]).toBeCloseTo(-40, 3);
  });
});

describe('thd', () => {
  it('is √(Σ harmonic²)/fundamental: harmonics 0.003 and 0.004 of 1 give 0.005, −46.02 dB, 0.5 %', () => {
    const result = thd({ fundamentalRms: 1, harmonicsRms: [0.003, 0.004], harmonicsDb: [dbOf(0.003), dbOf(0.004)] });
    expect(result.ratio).toBeCloseTo(0.005, 15);
    expect(result.db).toBeCloseTo(20 * Math.log10(0.005), 12);
    expect(result.percent).toBeCloseTo(0.5, 12);
  });
});

describe('thdPlusNoise', () => {
  it('a pure sine reads THD+N limited only by float precision', () => {
    const samples = sumOfHarmonics([1], [0.3], OFF_BIN_FUNDAMENTAL_HZ, SAMPLE_RATE_HZ, OFF_PERIOD_LENGTH_SAMPLES);
    expect(thdPlusNoise(samples, SAMPLE_RATE_HZ, OFF_BIN_FUNDAMENTAL_HZ).db).toBeLessThan(-150);
    const float32RoundingBoundDb = dbOf(2 ** -24);
    expect(thdPlusNoise(Float32Array.from(samples), SAMPLE_RATE_HZ, OFF_BIN_FUNDAMENTAL_HZ).db).toBeLessThan(float32RoundingBoundDb);
  });

  it('a sine plus white noise of known rms reads √(in-band noise² + harmonics²) over the total within 0.1 dB', () => {
    const sampleRateHz = 96000;
    const fundamentalHz = 997;
    const lengthSamples = 2 * sampleRateHz + 55;
    const noiseRms = 3e-4;
    const secondHarmonicAmplitude = 5e-4;
    const tone = sumOfHarmonics([1, secondHarmonicAmplitude], [0.2, 0.9], fundamentalHz, sampleRateHz, lengthSamples);
    const noise = whiteNoise(noiseRms, lengthSamples, 7);
    const samples = tone.map((value, n) => value + (noise[n] as number));

    const residualPowerIn = (lowHz: number, highHz: number): number =>
      (noiseRms ** 2 * (highHz - lowHz)) / (sampleRateHz / 2) + secondHarmonicAmplitude ** 2 / 2;
    const expectedDb = (residualPower: number): number => 10 * Math.log10(residualPower / (0.5 + residualPower));

    const result = thdPlusNoise(samples, sampleRateHz, fundamentalHz);
    expect(Math.abs(result.db - expectedDb(residualPowerIn(20, 20000)))).toBeLessThan(0.1);
    expect(result.percent).toBeCloseTo(100 * result.ratio, 12);
    expect(result.db).toBeCloseTo(dbOf(result.ratio), 12);

    const wide = thdPlusNoise(samples, sampleRateHz, fundamentalHz, { lowHz: 20, highHz: 40000 });
    expect(Math.abs(wide.db - expectedDb(residualPowerIn(20, 40000)))).toBeLessThan(0.1);
  });

  it('counts harmonics outside the band not at all: a 3rd at 30 kHz leaves 20 Hz–20 kHz clean', () => {
    const samples = sumOfHarmonics([1, 0, 0.01], [0, 0, 0], 10000, 96000, 96000);
    expect(thdPlusNoise(samples, 96000, 10000).db).toBeLessThan(-150);
    expect(thdPlusNoise(samples, 96000, 10000, { highHz: 40000 }).db).toBeCloseTo(10 * Math.log10(0.01 ** 2 / (1 + 0.01 ** 2)), 4);
  });

  it('sinad is THD+N turned upside down: −THD+N in dB', () => {
    const samples = sumOfHarmonics([1, 0.01, 0.003], [0, 0, 0], OFF_BIN_FUNDAMENTAL_HZ, SAMPLE_RATE_HZ, OFF_PERIOD_LENGTH_SAMPLES);
    const thdPlusNoiseDb = thdPlusNoise(samples, SAMPLE_RATE_HZ, OFF_BIN_FUNDAMENTAL_HZ).db;
    expect(sinad(samples, SAMPLE_RATE_HZ, OFF_BIN_FUNDAMENTAL_HZ)).toBeCloseTo(-thdPlusNoiseDb, 12);
    expect(thdPlusNoiseDb).toBeCloseTo(10 * Math.log10((0.01 ** 2 + 0.003 ** 2) / (1 + 0.01 ** 2 + 0.003 ** 2)), 3);
  });
});

describe('sineThroughCurve', () => {
  it('is curve(A·sin(2πfn/fs)) sample by sample, from phase 0', () => {
    const curve = (x: number) => 2 * x + x ** 3;
    const samples = sineThroughCurve(curve, 0.7, 1000, SAMPLE_RATE_HZ, 100);
    expect(samples).toHaveLength(100);
    for (const n of [0, 1, 12, 37, 99]) {
      expect(samples[n]).toBeCloseTo(curve(0.7 * Math.sin((2 * Math.PI * 1000 * n) / SAMPLE_RATE_HZ)), 14);
    }
  });

  it('with removeDc subtracts the steady-state mean, A²/2·0.1 for y = x + 0.1x²', () => {
    const amplitude = 0.6;
    const curve = (x: number) => x + 0.1 * x * x;
    const samples = sineThroughCurve(curve, amplitude, 997, SAMPLE_RATE_HZ, SAMPLE_RATE_HZ, { removeDc: true });
    expect(samples[0]).toBeCloseTo(-0.1 * (amplitude ** 2 / 2), 14);
    expect(samples.reduce((total, value) => total + value, 0) / samples.length).toBeCloseTo(0, 14);
  });
});

describe('predictedThd', () => {
  const cubicCases = [
    { a: 0.2, amplitude: 0.8 },
    { a: -0.05, amplitude: 2 },
  ];

  it('y = x + a·x³ gives a 3rd harmonic a·A³/4 over a fundamental A + 3aA³/4, with or without a sample rate', () => {
    for (const { a, amplitude } of cubicCases) {
      const curve = (x: number) => x + a * x ** 3;
      const expectedRatio = Math.abs(a * amplitude ** 3) / 4 / (amplitude + (3 * a * amplitude ** 3) / 4);
      for (const [frequencyHz, sampleRateHz] of [[1000, undefined], [1000, 48000], [997.3, 44100]] as const) {
        const result = predictedThd(curve, amplitude, frequencyHz, sampleRateHz);
        expect(Math.abs(result.ratio / expectedRatio - 1)).toBeLessThan(1e-9);
        expect(result.db).toBeCloseTo(dbOf(expectedRatio), 8);
      }
      const levels = predictedHarmonicLevels(curve, amplitude, 1000);
      expect(levels.fundamentalRms).toBeCloseTo((amplitude + (3 * a * amplitude ** 3) / 4) / Math.SQRT2, 12);
      expect(levels.harmonicsRms[0]).toBeCloseTo(0, 12);
    }
  });

  it('predicts the 3rd and 5th harmonics of a hard clip as the clipped sine’s Fourier coefficients within 0.0001 dB', () => {
    const levels = predictedHarmonicLevels(clip(0.5), 1, 1000);
    const b1 = clippedSineCoefficient(1, 1, 0.5);
    for (const order of [3, 5]) {
      const expectedDb = dbOf(Math.abs(clippedSineCoefficient(order, 1, 0.5) / b1));
      expect(Math.abs((levels.harmonicsDb[order - 2] as number) - expectedDb)).toBeLessThan(1e-4);
    }
  });

  it('at a sample rate counts the aliases that land on harmonics, as a measurement of the render does', () => {
    const curve = clip(0.5);
    const rendered = sineThroughCurve(curve, 1, 1000, SAMPLE_RATE_HZ, SAMPLE_RATE_HZ + 123);
    const measured = harmonicLevels(rendered, SAMPLE_RATE_HZ, 1000);
    const sampled = predictedHarmonicLevels(curve, 1, 1000, SAMPLE_RATE_HZ);
    const continuous = predictedHarmonicLevels(curve, 1, 1000);
    expect(Math.abs(predictedThd(curve, 1, 1000, SAMPLE_RATE_HZ).db - thd(measured).db)).toBeLessThan(0.001);
    for (const order of [3, 5, 7]) {
      const index = order - 2;
      expect(Math.abs((sampled.harmonicsDb[index] as number) - (measured.harmonicsDb[index] as number))).toBeLessThan(0.001);
    }
    expect(Math.abs((continuous.harmonicsDb[1] as number) - (measured.harmonicsDb[1] as number))).toBeGreaterThan(0.05);
  });

  it('at a sample rate omits harmonics at or above Nyquist: 6 kHz at 48 kHz keeps the 2nd and 3rd', () => {
    expect(predictedHarmonicLevels(clip(0.5), 1, 6000, SAMPLE_RATE_HZ).harmonicsRms).toHaveLength(2);
    expect(predictedHarmonicLevels(clip(0.5), 1, 6000).harmonicsRms).toHaveLength(DEFAULT_HARMONIC_COUNT);
  });
});

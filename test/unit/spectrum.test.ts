import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/dsp/random';
import {
  averagedPowerSpectrum,
  bandLevelDb,
  hannWindow,
  peakAbs,
  rmsDb,
  thirdOctaveBandEdgesHz,
  thirdOctaveLevelDb,
} from '../../src/dsp/spectrum';
import { sine } from '../../src/dsp/testSignals';

const sum = (values: Float64Array): number => values.reduce((total, value) => total + value, 0);

function whiteNoise(lengthSamples: number, amplitude: number, seed: number): Float64Array {
  const random = mulberry32(seed);
  return Float64Array.from({ length: lengthSamples }, () => amplitude * (2 * random() - 1));
}

describe('hannWindow', () => {
  it('is the periodic Hann window: zero at n = 0, one at n = N/2, Σw = N/2, Σw² = 3N/8', () => {
    const length = 1024;
    const window = hannWindow(length);
    expect(window[0]).toBe(0);
    expect(window[length / 2]).toBeCloseTo(1, 15);
    expect(window[length / 4]).toBeCloseTo(0.5, 15);
    for (let n = 1; n < length; n++) expect(window[n]).toBeCloseTo(window[length - n] as number, 14);
    expect(sum(window)).toBeCloseTo(length / 2, 9);
    expect(sum(window.map((w) => w * w))).toBeCloseTo((3 * length) / 8, 9);
  });
});

describe('averagedPowerSpectrum', () => {
  it('places bins at k·fs/N up to the Nyquist frequency', () => {
    const { frequenciesHz, power } = averagedPowerSpectrum(new Float64Array(8192), 48000, 1024);
    expect(frequenciesHz.length).toBe(513);
    expect(power.length).toBe(513);
    expect(frequenciesHz[1]).toBeCloseTo(48000 / 1024, 12);
    expect(frequenciesHz[512]).toBe(24000);
  });

  it('sums to A²/2 over all bins for a sine of amplitude A with whole cycles per segment', () => {
    const fftSize = 2048;
    const amplitude = 0.3;
    const tone = sine(fftSize * 8, 48000, (48000 * 37) / fftSize, amplitude);
    const { power } = averagedPowerSpectrum(tone, 48000, fftSize);
    expect(sum(power)).toBeCloseTo(amplitude ** 2 / 2, 9);
  });

  it('sums to the mean square of white noise, and gives it equal power in equal bandwidths', () => {
    const noise = whiteNoise(48000 * 8, 0.5, 3);
    const meanSquare = sum(noise.map((x) => x * x)) / noise.length;
    const spectrum = averagedPowerSpectrum(noise, 48000, 4096);
    expect(sum(spectrum.power) / meanSquare).toBeCloseTo(1, 2);
    const lowBandDb = bandLevelDb(spectrum, 2000, 4000);
    const highBandDb = bandLevelDb(spectrum, 16000, 18000);
    expect(highBandDb - lowBandDb).toBeCloseTo(0, 1);
    const twiceAsWideDb = bandLevelDb(spectrum, 16000, 20000);
    expect(twiceAsWideDb - highBandDb).toBeCloseTo(10 * Math.log10(2), 1);
  });

  it('uses the largest power of two that fits when the signal is shorter than fftSize', () => {
    const { frequenciesHz } = averagedPowerSpectrum(new Float32Array(3000), 44100, 16384);
    expect(frequenciesHz.length).toBe(2048 / 2 + 1);
  });

  it('equals the mean of the segments\' Hann-windowed periodograms, each from its own direct DFT (odd and even counts)', () => {
    const size = 32;
    const hop = size / 2;
    const random = mulberry32(99);
    for (const segments of [7, 4, 1]) {
      const samples = new Float64Array(size + (segments - 1) * hop).map(() => 2 * random() - 1);
      const window = Array.from({ length: size }, (_, n) => 0.5 * (1 - Math.cos((2 * Math.PI * n) / size)));
      const windowPower = window.reduce((sum, w) => sum + w * w, 0);
      const expected = new Array<number>(size / 2 + 1).fill(0);
      for (let s = 0; s < segments; s++) {
        for (let k = 0; k <= size / 2; k++) {
          let re = 0;
          let im = 0;
          for (let n = 0; n < size; n++) {
            const x = (samples[s * hop + n] as number) * (window[n] as number);
            re += x * Math.cos((2 * Math.PI * k * n) / size);
            im -= x * Math.sin((2 * Math.PI * k * n) / size);
          }
          const oneSided = k === 0 || k === size / 2 ? 1 : 2;
          expected[k] = (expected[k] as number) + ((re * re + im * im) * oneSided) / (segments * size * windowPower);
        }
      }
      const { power } = averagedPowerSpectrum(samples, 48000, size);
      expected.forEach((value, k) => expect(power[k]).toBeCloseTo(value, 12));
    }
  });

  it('rejects an FFT size that is not a power of two', () => {
    expect(() => averagedPowerSpectrum(new Float32Array(4096), 48000, 1000)).toThrow(/power of two/);
  });
});

describe('bandLevelDb', () => {
  const flat = {
    frequenciesHz: Float64Array.from([0, 10, 20, 30]),
    power: Float64Array.from([1, 1, 1, 1]),
  };

  it('adds whole bins whose intervals (centre ± Δf/2) lie inside the band', () => {
    expect(bandLevelDb(flat, 5, 25)).toBeCloseTo(10 * Math.log10(2), 12);
    expect(bandLevelDb(flat, 0, 30)).toBeCloseTo(10 * Math.log10(4), 12);
  });

  it('adds the fraction of a bin that the band covers', () => {
    expect(bandLevelDb(flat, 10, 20)).toBeCloseTo(0, 12);
    expect(bandLevelDb(flat, 0, 2.5)).toBeCloseTo(10 * Math.log10(0.5), 12);
    expect(bandLevelDb(flat, 27.5, 100)).toBeCloseTo(10 * Math.log10(0.5), 12);
  });

  it('reads −Infinity for a band with no power', () => {
    expect(bandLevelDb(flat, 100, 200)).toBe(-Infinity);
  });
});

describe('third-octave bands', () => {
  it('span fc·2^(∓1/6): a third of an octave wide, centred geometrically', () => {
    const { lowHz, highHz } = thirdOctaveBandEdgesHz(1000);
    expect(lowHz).toBeCloseTo(890.899, 3);
    expect(highHz).toBeCloseTo(1122.462, 3);
    expect(highHz / lowHz).toBeCloseTo(2 ** (1 / 3), 14);
    expect(Math.sqrt(lowHz * highHz)).toBeCloseTo(1000, 10);
  });

  it('measure a 1 kHz sine of amplitude A at its RMS power 20·log10(A/√2)', () => {
    for (const sampleRateHz of [44100, 48000]) {
      const amplitude = 0.5;
      const tone = sine(sampleRateHz, sampleRateHz, 1000, amplitude);
      const expectedDb = 20 * Math.log10(amplitude / Math.SQRT2);
      expect(thirdOctaveLevelDb(tone, sampleRateHz, 1000)).toBeCloseTo(expectedDb, 1);
      expect(Math.abs(thirdOctaveLevelDb(tone, sampleRateHz, 1000) - expectedDb)).toBeLessThan(0.02);
    }
  });

  it('leave a 1 kHz sine out of the neighbouring bands by more than 40 dB', () => {
    const tone = sine(48000, 48000, 1000, 0.5);
    const inBandDb = thirdOctaveLevelDb(tone, 48000, 1000);
    expect(inBandDb - thirdOctaveLevelDb(tone, 48000, 1000 * 2 ** (1 / 3))).toBeGreaterThan(40);
    expect(inBandDb - thirdOctaveLevelDb(tone, 48000, 1000 * 2 ** (-1 / 3))).toBeGreaterThan(40);
  });
});

describe('peakAbs and rmsDb', () => {
  it('peakAbs returns the largest magnitude, ignoring non-finite samples', () => {
    expect(peakAbs(Float64Array.from([0.2, -0.7, 0.5]))).toBe(0.7);
    expect(peakAbs(Float64Array.from([0.1, Number.NaN, -Infinity]))).toBe(0.1);
  });

  it('rmsDb reads a full-scale sine at 10·log10(1/2) = −3.01 dB and a ±0.5 square at −6.02 dB', () => {
    expect(rmsDb(sine(48000, 48000, 1000, 1))).toBeCloseTo(10 * Math.log10(0.5), 6);
    const square = Float32Array.from({ length: 1000 }, (_, n) => (n % 20 < 10 ? 0.5 : -0.5));
    expect(rmsDb(square)).toBeCloseTo(20 * Math.log10(0.5), 12);
  });

  it('rmsDb of silence is −Infinity', () => {
    expect(rmsDb(new Float32Array(100))).toBe(-Infinity);
    expect(rmsDb(new Float32Array(0))).toBe(-Infinity);
  });
});

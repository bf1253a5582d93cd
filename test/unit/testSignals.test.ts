import { describe, expect, it } from 'vitest';
import { fftInPlace } from '../../src/dsp/fft';
import { mulberry32 } from '../../src/dsp/random';
import { averagedPowerSpectrum, bandLevelDb, peakAbs, rmsDb, thirdOctaveBandEdgesHz } from '../../src/dsp/spectrum';
import { PINK_NOISE_RMS_DBFS, createPinkFilter, pinkNoise, sine, whiteNoise } from '../../src/dsp/testSignals';

/** Mulberry32 written again with BigInt arithmetic modulo 2³², as an independent reference. */
function mulberry32Reference(seed: number, count: number): number[] {
  const mask = 0xffffffffn;
  const imul = (a: bigint, b: bigint): bigint => (a * b) & mask;
  let state = BigInt(seed >>> 0);
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5n) & mask;
    let t = imul(state ^ (state >> 15n), state | 1n);
    t = ((t + imul(t ^ (t >> 7n), t | 61n)) & mask) ^ t;
    values.push(Number(t ^ (t >> 14n)) / 2 ** 32);
  }
  return values;
}

describe('mulberry32', () => {
  it('matches a BigInt transcription of the algorithm', () => {
    for (const seed of [0, 1, 42, 0x7fffffff, -5]) {
      const random = mulberry32(seed);
      const actual = Array.from({ length: 50 }, () => random());
      expect(actual).toEqual(mulberry32Reference(seed, 50));
    }
  });

  it('is uniform on [0, 1): mean 1/2 and variance 1/12 over many draws', () => {
    const random = mulberry32(99);
    const count = 200000;
    let total = 0;
    let totalSquares = 0;
    let outsideCount = 0;
    for (let i = 0; i < count; i++) {
      const value = random();
      if (!(value >= 0 && value < 1)) outsideCount++;
      total += value;
      totalSquares += value * value;
    }
    const mean = total / count;
    expect(outsideCount).toBe(0);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(totalSquares / count - mean * mean).toBeCloseTo(1 / 12, 3);
  });
});

describe('sine', () => {
  it('follows A·sin(2π·f·n/fs): a quarter-rate tone steps through 0, A, 0, −A', () => {
    const tone = sine(8, 48000, 12000, 0.25);
    const expected = [0, 0.25, 0, -0.25, 0, 0.25, 0, -0.25];
    tone.forEach((sample, n) => expect(sample).toBeCloseTo(expected[n] as number, 7));
  });

  it('keeps its phase exact far into a long signal', () => {
    const sampleRateHz = 44100;
    const tone = sine(sampleRateHz * 60, sampleRateHz, 997, 1);
    const n = tone.length - 1;
    expect(tone[n]).toBeCloseTo(Math.sin((2 * Math.PI * ((997 * n) % sampleRateHz)) / sampleRateHz), 6);
  });
});

describe('pinkNoise', () => {
  it('uses a filter whose power response falls 3 dB per octave (|H|²·f constant ±0.1 dB, 40 Hz – 16 kHz)', () => {
    for (const sampleRateHz of [44100, 48000]) {
      const length = 1 << 17;
      const filter = createPinkFilter();
      const re = Float64Array.from({ length }, (_, n) => filter(n === 0 ? 1 : 0));
      const im = new Float64Array(length);
      fftInPlace(re, im);
      const levelTimesFrequencyDb = (k: number): number =>
        10 * Math.log10(((re[k] as number) ** 2 + (im[k] as number) ** 2) * k);
      const referenceDb = levelTimesFrequencyDb(Math.round((1000 * length) / sampleRateHz));
      let largestDeviationDb = 0;
      for (let k = 1; k < length / 2; k++) {
        const frequencyHz = (k * sampleRateHz) / length;
        if (frequencyHz < 40 || frequencyHz > 16000) continue;
        largestDeviationDb = Math.max(largestDeviationDb, Math.abs(levelTimesFrequencyDb(k) - referenceDb));
      }
      expect(largestDeviationDb).toBeLessThan(0.1);
    }
  });

  it('has equal power in every third octave from 62.5 Hz to 8 kHz (±0.7 dB), as 1/f noise must', () => {
    for (const sampleRateHz of [44100, 48000]) {
      const noise = pinkNoise(sampleRateHz * 30, sampleRateHz, 2024);
      const spectrum = averagedPowerSpectrum(noise, sampleRateHz, 16384);
      const bandIndices = Array.from({ length: 22 }, (_, i) => i - 12);
      const levelsDb = bandIndices.map((k) => {
        const { lowHz, highHz } = thirdOctaveBandEdgesHz(1000 * 2 ** (k / 3));
        return bandLevelDb(spectrum, lowHz, highHz);
      });
      const meanDb = levelsDb.reduce((total, level) => total + level, 0) / levelsDb.length;
      for (const levelDb of levelsDb) expect(Math.abs(levelDb - meanDb)).toBeLessThan(0.7);

      const octaves = bandIndices.map((k) => k / 3);
      const meanOctave = octaves.reduce((total, octave) => total + octave, 0) / octaves.length;
      let covariance = 0;
      let variance = 0;
      octaves.forEach((octave, i) => {
        covariance += (octave - meanOctave) * ((levelsDb[i] as number) - meanDb);
        variance += (octave - meanOctave) ** 2;
      });
      expect(Math.abs(covariance / variance)).toBeLessThan(0.1);
    }
  });

  it(`is normalised to ${PINK_NOISE_RMS_DBFS} dBFS RMS and stays well below full scale`, () => {
    const noise = pinkNoise(48000 * 5, 48000);
    expect(rmsDb(noise)).toBeCloseTo(PINK_NOISE_RMS_DBFS, 4);
    expect(peakAbs(noise)).toBeLessThan(1);
  });

  it('repeats exactly for the same seed and differs for another seed', () => {
    const first = pinkNoise(10000, 48000, 7);
    expect(pinkNoise(10000, 48000, 7)).toEqual(first);
    const other = pinkNoise(10000, 48000, 8);
    expect(other.some((sample, n) => sample !== first[n])).toBe(true);
  });

  it('returns an empty array for zero length', () => {
    expect(pinkNoise(0, 48000).length).toBe(0);
  });
});

describe('whiteNoise', () => {
  it('has exactly the asked rms, zero mean within 3/√N, and the same samples for the same seed', () => {
    const length = 48000;
    const noise = whiteNoise(length, 0.01, 7);
    const rms = Math.sqrt(noise.reduce((sum, x) => sum + x * x, 0) / length);
    const mean = noise.reduce((sum, x) => sum + x, 0) / length;
    expect(rms).toBeCloseTo(0.01, 6);
    expect(Math.abs(mean)).toBeLessThan((3 * 0.01) / Math.sqrt(length));
    expect(whiteNoise(length, 0.01, 7)).toEqual(noise);
  });

  it('is white: successive samples are uncorrelated (|r| < 3/√N)', () => {
    const length = 48000;
    const noise = whiteNoise(length, 1, 3);
    let lagged = 0;
    let power = 0;
    for (let n = 1; n < length; n++) {
      lagged += (noise[n] as number) * (noise[n - 1] as number);
      power += (noise[n] as number) ** 2;
    }
    expect(Math.abs(lagged / power)).toBeLessThan(3 / Math.sqrt(length));
  });

  it('rejects a negative rms', () => {
    expect(() => whiteNoise(10, -1, 1)).toThrow(RangeError);
  });
});

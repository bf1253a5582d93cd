import { describe, expect, it } from 'vitest';
import {
  aWeightingDb,
  aWeightingGain,
  aWeightingWhiteNoiseRatio,
  dynamicRangeDb,
  noiseLevels,
} from '../../src/dsp/analysis/aWeighting';
import { SMPTE_HIGH_HZ, SMPTE_LOW_HZ, smpteImd } from '../../src/dsp/analysis/intermodulation';
import { mulberry32 } from '../../src/dsp/random';

const SAMPLE_RATE_HZ = 48000;

/** IEC 61672-1:2013 Table 3, A-weighting at the nominal one-third-octave frequencies, dB. */
const IEC_61672_A_WEIGHTING_DB: readonly [number, number][] = [
  [10, -70.4],
  [20, -50.5],
  [31.5, -39.4],
  [63, -26.2],
  [100, -19.1],
  [125, -16.1],
  [250, -8.6],
  [500, -3.2],
  [1000, 0],
  [2000, 1.2],
  [4000, 1.0],
  [8000, -1.1],
  [10000, -2.5],
  [16000, -6.6],
  [20000, -9.3],
];

/** The table's frequencies are nominal; its values are computed at the exact base-ten frequencies 10^(n/10)·1 kHz. */
function exactThirdOctaveHz(nominalHz: number): number {
  return 1000 * 10 ** (Math.round(10 * Math.log10(nominalHz / 1000)) / 10);
}

function gaussianNoise(length: number, rms: number, seed: number): Float64Array {
  const random = mulberry32(seed);
  const out = new Float64Array(length);
  for (let n = 0; n < length; n++) {
    const u = Math.max(random(), 1e-300);
    out[n] = rms * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  }
  return out;
}

describe('aWeightingDb', () => {
  it('matches IEC 61672-1 Table 3 at every tabulated frequency from 10 Hz to 20 kHz within 0.05 dB (the table rounds to 0.1 dB)', () => {
    for (const [nominalHz, tableDb] of IEC_61672_A_WEIGHTING_DB) {
      expect(Math.abs(aWeightingDb(exactThirdOctaveHz(nominalHz)) - tableDb), `${nominalHz} Hz`).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });

  it('is exactly 0 dB at 1 kHz and 0 (−∞ dB) at DC', () => {
    expect(aWeightingDb(1000)).toBeCloseTo(0, 12);
    expect(aWeightingGain(0)).toBe(0);
  });
});

describe('noiseLevels', () => {
  it('reads white noise of rms σ, band-limited to fs/2 = 24 kHz, as σ·√(19 980/24 000) unweighted in 20 Hz–20 kHz within 1 %', () => {
    const sigma = 1e-5;
    const levels = noiseLevels(gaussianNoise(4 * SAMPLE_RATE_HZ, sigma, 7), SAMPLE_RATE_HZ);
    expect(Math.abs(levels.unweightedVoltsRms / (sigma * Math.sqrt(19980 / 24000)) - 1)).toBeLessThan(0.01);
  });

  it('A-weights white noise by √(∫A(f)²df/Δf) over the band (about −2 dB for 20 Hz–20 kHz)', () => {
    const sigma = 1e-5;
    const levels = noiseLevels(gaussianNoise(4 * SAMPLE_RATE_HZ, sigma, 11), SAMPLE_RATE_HZ);
    const ratio = aWeightingWhiteNoiseRatio();
    expect(Math.abs(levels.aWeightedVoltsRms / levels.unweightedVoltsRms / ratio - 1)).toBeLessThan(0.01);
    expect(20 * Math.log10(ratio)).toBeGreaterThan(-2.5);
    expect(20 * Math.log10(ratio)).toBeLessThan(-0.5);
  });

  it('a 1 kHz tone reads the same weighted and unweighted; a 100 Hz tone reads 19.1 dB lower A-weighted', () => {
    const tone = (f: number) => Float64Array.from({ length: SAMPLE_RATE_HZ }, (_, n) => Math.SQRT2 * 1e-3 * Math.sin((2 * Math.PI * f * n) / SAMPLE_RATE_HZ));
    const at1k = noiseLevels(tone(1000), SAMPLE_RATE_HZ);
    expect(at1k.unweightedVoltsRms).toBeCloseTo(1e-3, 8);
    expect(at1k.aWeightedVoltsRms).toBeCloseTo(1e-3, 8);
    const at100 = noiseLevels(tone(100), SAMPLE_RATE_HZ);
    expect(20 * Math.log10(at100.aWeightedVoltsRms / at100.unweightedVoltsRms)).toBeCloseTo(aWeightingDb(100), 2);
    expect(20 * Math.log10(at100.aWeightedVoltsRms / at100.unweightedVoltsRms)).toBeCloseTo(-19.1, 0);
  });
});

describe('dynamicRangeDb', () => {
  it('is 20·log10(max / noise): 2 Vrms over 2 µV is 120 dB', () => {
    expect(dynamicRangeDb(2, 2e-6)).toBeCloseTo(120, 10);
  });
});

describe('smpteImd', () => {
  const length = 2 * SAMPLE_RATE_HZ;
  const twinTone = (a1: number, a2: number, curve: (x: number) => number) =>
    Float64Array.from({ length }, (_, n) =>
      curve(a1 * Math.sin((2 * Math.PI * SMPTE_LOW_HZ * n) / SAMPLE_RATE_HZ) + a2 * Math.sin((2 * Math.PI * SMPTE_HIGH_HZ * n) / SAMPLE_RATE_HZ)),
    );

  it('y = x + c·x² gives sidebands c·a₁·a₂ at 7 kHz ± 60 Hz, so IMD = √2·c·a₁: 0.8·0.01·√2 = 1.131 %', () => {
    const c = 0.01;
    const result = smpteImd(twinTone(0.8, 0.2, (x) => x + c * x * x), SAMPLE_RATE_HZ);
    expect(result.percent).toBeCloseTo(100 * Math.SQRT2 * c * 0.8, 3);
  });

  it('a linear system has no IMD: below −120 dB', () => {
    expect(smpteImd(twinTone(0.8, 0.2, (x) => 0.5 * x), SAMPLE_RATE_HZ).db).toBeLessThan(-120);
  });

  it('y = x + c·x³ puts sidebands of 3c·a₁²·a₂/4 at 7 kHz ± 120 Hz (none at ± 60 Hz), over a high tone grown by c·(3a₂³/4 + 3a₁²a₂/2)', () => {
    const c = 0.001;
    const a1 = 0.8;
    const a2 = 0.2;
    const result = smpteImd(twinTone(a1, a2, (x) => x + c * x * x * x), SAMPLE_RATE_HZ);
    const highTone = a2 + c * (3 * a2 ** 3 / 4 + (3 * a1 * a1 * a2) / 2);
    expect(result.ratio).toBeCloseTo((Math.SQRT2 * 3 * c * a1 * a1 * a2) / 4 / highTone, 6);
  });
});

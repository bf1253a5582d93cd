import { describe, expect, it } from 'vitest';
import { DITHER_KINDS, type DitherKind } from '../../src/dsp/dac/dither';
import { analogVolume, digitalVolume, VOLUME_GAIN_RANGE_DB } from '../../src/dsp/dac/digitalVolume';
import { BIT_DEPTH_RANGE, measuredSnrDb } from '../../src/dsp/dac/quantizer';
import { mulberry32 } from '../../src/dsp/random';
import { sine } from '../../src/dsp/testSignals';

const SAMPLE_RATE_HZ = 48000;
const TONE_HZ = 997;
const BITS = 16;
/** 6.02·N + 1.76 dB for a full-scale sine on an ideal 16-bit quantizer. */
const SNR_16_DB = 6.02 * BITS + 1.76;

const amplitude = 1 - 2 ** (1 - BITS);
const tone = sine(65536, SAMPLE_RATE_HZ, TONE_HZ, amplitude);
/** SNR against the ideal attenuated sine g·x. */
function snrAtGainDb(output: Float32Array, gainDb: number): number {
  const gain = 10 ** (gainDb / 20);
  return measuredSnrDb(Float64Array.from(tone, (x) => x * gain), output);
}

describe('digital versus analog volume on a 16-bit DAC', () => {
  for (const [dither, penaltyDb] of [
    ['none', 0],
    ['tpdf', 10 * Math.log10(3)],
  ] as const) {
    it(`at −40 dB brings the noise floor 40 dB closer to the signal digitally but not in analog (${dither} dither)`, () => {
      const gainDb = -40;
      const digitalSnrDb = snrAtGainDb(digitalVolume(tone, gainDb, BITS, dither, mulberry32(1)), gainDb);
      const analogSnrDb = snrAtGainDb(analogVolume(tone, gainDb, BITS, dither, mulberry32(1)), gainDb);
      const fullLevelSnrDb = SNR_16_DB + 20 * Math.log10(amplitude) - penaltyDb;
      expect(Math.abs(digitalSnrDb - (fullLevelSnrDb - 40))).toBeLessThan(1);
      expect(Math.abs(analogSnrDb - fullLevelSnrDb)).toBeLessThan(1);
      expect(Math.abs(analogSnrDb - digitalSnrDb - 40)).toBeLessThan(1);
    });
  }

  it('loses a dB of SNR per dB of digital attenuation down to −60 dB, and none in analog', () => {
    for (const gainDb of [-10, -20, -60]) {
      const digitalSnrDb = snrAtGainDb(digitalVolume(tone, gainDb, BITS, 'none', mulberry32(2)), gainDb);
      const analogSnrDb = snrAtGainDb(analogVolume(tone, gainDb, BITS, 'none', mulberry32(2)), gainDb);
      expect(Math.abs(digitalSnrDb - (SNR_16_DB + gainDb))).toBeLessThan(1);
      expect(Math.abs(analogSnrDb - SNR_16_DB)).toBeLessThan(1);
    }
  });

  it('is lossless at 0 dB without dither: re-quantizing the 16-bit stream at unity gain changes nothing', () => {
    const digital = digitalVolume(tone, 0, BITS, 'none', mulberry32(3));
    const analog = analogVolume(tone, 0, BITS, 'none', mulberry32(3));
    expect(digital).toEqual(analog);
  });

  it('gives the same output for the same seed', () => {
    const short = tone.subarray(0, 2048);
    const digital = digitalVolume(short, -30, 12, 'tpdf', mulberry32(4));
    expect(digitalVolume(short, -30, 12, 'tpdf', mulberry32(4))).toEqual(digital);
    expect(digitalVolume(short, -30, 12, 'tpdf', mulberry32(5))).not.toEqual(digital);
    expect(analogVolume(short, -30, 12, 'tpdf', mulberry32(4))).toEqual(analogVolume(short, -30, 12, 'tpdf', mulberry32(4)));
  });

  it('rejects a NaN gain', () => {
    expect(() => digitalVolume(tone, Number.NaN, BITS, 'none', mulberry32(1))).toThrow(RangeError);
    expect(() => analogVolume(tone, Number.NaN, BITS, 'none', mulberry32(1))).toThrow(RangeError);
  });

  it('never returns NaN or Infinity for bits 1–24 and gains −60…0 dB; digital stays on the N-bit grid, analog within ±g', () => {
    expect(VOLUME_GAIN_RANGE_DB).toEqual({ min: -60, max: 0 });
    const random = mulberry32(31);
    const cases: { bits: number; gainDb: number; dither: DitherKind }[] = [];
    for (const dither of DITHER_KINDS) {
      for (const bits of [BIT_DEPTH_RANGE.min, BIT_DEPTH_RANGE.max]) {
        for (const gainDb of [VOLUME_GAIN_RANGE_DB.min, VOLUME_GAIN_RANGE_DB.max]) cases.push({ bits, gainDb, dither });
      }
    }
    for (let trial = 0; trial < 200; trial++) {
      cases.push({
        bits: BIT_DEPTH_RANGE.min + Math.floor(random() * BIT_DEPTH_RANGE.max),
        gainDb: VOLUME_GAIN_RANGE_DB.min + random() * (VOLUME_GAIN_RANGE_DB.max - VOLUME_GAIN_RANGE_DB.min),
        dither: DITHER_KINDS[Math.floor(random() * DITHER_KINDS.length)] ?? 'none',
      });
    }
    const extremes = [1, -1, 0.9999999, -0.9999999, 0];
    const failures: { bits: number; gainDb: number; dither: DitherKind; path: string; sample: number }[] = [];
    cases.forEach(({ bits, gainDb, dither }, caseIndex) => {
      const input = Float32Array.from({ length: 512 }, (_, n) =>
        n < extremes.length ? (extremes[n] as number) : 2 * random() - 1,
      );
      const gain = 10 ** (gainDb / 20);
      for (const sample of digitalVolume(input, gainDb, bits, dither, mulberry32(caseIndex))) {
        if (!Number.isFinite(sample) || !Number.isInteger(sample * 2 ** (bits - 1)) || Math.abs(sample) > 1) {
          failures.push({ bits, gainDb, dither, path: 'digital', sample });
        }
      }
      for (const sample of analogVolume(input, gainDb, bits, dither, mulberry32(caseIndex))) {
        if (!Number.isFinite(sample) || Math.abs(sample) > gain * (1 + 1e-7)) {
          failures.push({ bits, gainDb, dither, path: 'analog', sample });
        }
      }
    });
    expect(failures).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { type Biquad, biquadResponseAtHz, isStableBiquad } from '../../src/dsp/biquad';
import { abs } from '../../src/dsp/complex';
import { highShelf, lowShelf, peaking } from '../../src/dsp/eq/rbj';

type Design = (frequencyHz: number, gainDb: number, q: number, sampleRateHz: number) => Biquad;

const SAMPLE_RATES_HZ = [44_100, 48_000, 96_000];
const CORNER_FREQUENCIES_HZ = [20, 100, 1000, 5000, 15_000, 20_000];
const GAINS_DB = [-12, -3, 0.5, 6, 12];
const QS = [0.3, Math.SQRT1_2, 2, 10];

const digitalDb = (section: Biquad, frequencyHz: number, sampleRateHz: number): number =>
  20 * Math.log10(abs(biquadResponseAtHz(section, frequencyHz, sampleRateHz)));

/** |c2·s² + c1·s + c0| at s = jΩ. */
const quadraticMagnitude = (c2: number, c1: number, c0: number, omega: number): number =>
  Math.hypot(c0 - c2 * omega * omega, c1 * omega);

/**
 * The cookbook's analog prototypes, s normalised to the corner (A = 10^(gain/40)), in dB at normalised frequency Ω.
 * RBJ, "Cookbook formulae for audio EQ biquad filter coefficients".
 */
const analogDb: Record<'lowShelf' | 'highShelf' | 'peaking', (omega: number, gainDb: number, q: number) => number> = {
  lowShelf: (omega, gainDb, q) => {
    const a = 10 ** (gainDb / 40);
    const k = Math.sqrt(a) / q;
    return 20 * Math.log10((a * quadraticMagnitude(1, k, a, omega)) / quadraticMagnitude(a, k, 1, omega));
  },
  highShelf: (omega, gainDb, q) => {
    const a = 10 ** (gainDb / 40);
    const k = Math.sqrt(a) / q;
    return 20 * Math.log10((a * quadraticMagnitude(a, k, 1, omega)) / quadraticMagnitude(1, k, a, omega));
  },
  peaking: (omega, gainDb, q) => {
    const a = 10 ** (gainDb / 40);
    return 20 * Math.log10(quadraticMagnitude(1, a / q, 1, omega) / quadraticMagnitude(1, 1 / (a * q), 1, omega));
  },
};

const designs: Record<keyof typeof analogDb, Design> = { lowShelf, highShelf, peaking };

/** Bilinear transform pre-warped at f0: digital f maps to analog Ω = tan(πf/fs)/tan(πf0/fs). */
const warpedOmega = (frequencyHz: number, cornerHz: number, sampleRateHz: number): number =>
  Math.tan((Math.PI * frequencyHz) / sampleRateHz) / Math.tan((Math.PI * cornerHz) / sampleRateHz);

function checkFrequenciesHz(sampleRateHz: number): number[] {
  const frequencies: number[] = [];
  const topHz = 0.499 * sampleRateHz;
  for (let index = 0; index <= 40; index++) frequencies.push(10 * (topHz / 10) ** (index / 40));
  return frequencies;
}

describe('RBJ cookbook sections', () => {
  for (const name of Object.keys(designs) as (keyof typeof designs)[]) {
    it(`${name} matches its analog prototype under the pre-warped bilinear map within 0.05 dB`, () => {
      let worstDb = 0;
      for (const sampleRateHz of SAMPLE_RATES_HZ) {
        for (const cornerHz of CORNER_FREQUENCIES_HZ) {
          for (const gainDb of GAINS_DB) {
            for (const q of QS) {
              const section = designs[name](cornerHz, gainDb, q, sampleRateHz);
              for (const frequencyHz of checkFrequenciesHz(sampleRateHz)) {
                const expectedDb = analogDb[name](warpedOmega(frequencyHz, cornerHz, sampleRateHz), gainDb, q);
                worstDb = Math.max(worstDb, Math.abs(digitalDb(section, frequencyHz, sampleRateHz) - expectedDb));
              }
            }
          }
        }
      }
      expect(worstDb).toBeLessThan(0.05);
    });
  }

  it('low shelf: gainDb at DC, half of it at f0, 0 dB at Nyquist', () => {
    for (const sampleRateHz of SAMPLE_RATES_HZ) {
      for (const gainDb of GAINS_DB) {
        const section = lowShelf(200, gainDb, 0.9, sampleRateHz);
        expect(digitalDb(section, 0, sampleRateHz)).toBeCloseTo(gainDb, 9);
        expect(digitalDb(section, 200, sampleRateHz)).toBeCloseTo(gainDb / 2, 9);
        expect(digitalDb(section, sampleRateHz / 2, sampleRateHz)).toBeCloseTo(0, 9);
      }
    }
  });

  it('high shelf: 0 dB at DC, half the gain at f0, gainDb at Nyquist', () => {
    for (const sampleRateHz of SAMPLE_RATES_HZ) {
      for (const gainDb of GAINS_DB) {
        const section = highShelf(8000, gainDb, 0.6, sampleRateHz);
        expect(digitalDb(section, 0, sampleRateHz)).toBeCloseTo(0, 9);
        expect(digitalDb(section, 8000, sampleRateHz)).toBeCloseTo(gainDb / 2, 9);
        expect(digitalDb(section, sampleRateHz / 2, sampleRateHz)).toBeCloseTo(gainDb, 9);
      }
    }
  });

  it('peaking: gainDb at f0 and 0 dB at DC and Nyquist, for any Q', () => {
    for (const sampleRateHz of SAMPLE_RATES_HZ) {
      for (const gainDb of GAINS_DB) {
        for (const q of QS) {
          const section = peaking(3000, gainDb, q, sampleRateHz);
          expect(digitalDb(section, 3000, sampleRateHz)).toBeCloseTo(gainDb, 9);
          expect(digitalDb(section, 0, sampleRateHz)).toBeCloseTo(0, 9);
          expect(digitalDb(section, sampleRateHz / 2, sampleRateHz)).toBeCloseTo(0, 9);
        }
      }
    }
  });

  it('a cut undoes the matching boost exactly: H(−g) = 1/H(g)', () => {
    for (const design of Object.values(designs)) {
      const boost = design(700, 9, 1.5, 48_000);
      const cut = design(700, -9, 1.5, 48_000);
      for (const frequencyHz of checkFrequenciesHz(48_000)) {
        expect(digitalDb(boost, frequencyHz, 48_000) + digitalDb(cut, frequencyHz, 48_000)).toBeCloseTo(0, 9);
      }
    }
  });

  it('shelves with Q = 1/√2 rise monotonically, while Q = 2 overshoots', () => {
    const sampleRateHz = 48_000;
    const frequencies = checkFrequenciesHz(sampleRateHz);
    const response = (section: Biquad): number[] => frequencies.map((f) => digitalDb(section, f, sampleRateHz));
    const isMonotone = (values: number[], sign: 1 | -1): boolean =>
      values.every((value, index) => index === 0 || sign * (value - (values[index - 1] as number)) >= -1e-9);
    expect(isMonotone(response(highShelf(2000, 12, Math.SQRT1_2, sampleRateHz)), 1)).toBe(true);
    expect(isMonotone(response(lowShelf(2000, 12, Math.SQRT1_2, sampleRateHz)), -1)).toBe(true);
    expect(isMonotone(response(highShelf(2000, 12, 2, sampleRateHz)), 1)).toBe(false);
  });

  it('stays finite and stable over the whole control range (20 Hz – 20 kHz, ±12 dB, Q 0.3 – 10)', () => {
    for (const sampleRateHz of SAMPLE_RATES_HZ) {
      for (const design of Object.values(designs)) {
        for (const cornerHz of [20, 21.5, 63, 1000, 12_345, 19_999, 20_000]) {
          for (const gainDb of [-12, -0.01, 0, 0.01, 12]) {
            for (const q of [0.3, 0.31, 1, 9.9, 10]) {
              const section = design(cornerHz, gainDb, q, sampleRateHz);
              expect(Object.values(section).every(Number.isFinite)).toBe(true);
              expect(isStableBiquad(section)).toBe(true);
              for (const frequencyHz of [0, 20, cornerHz, 20_000, sampleRateHz / 2]) {
                expect(Number.isFinite(digitalDb(section, frequencyHz, sampleRateHz))).toBe(true);
              }
            }
          }
        }
      }
    }
  });

  it('is the identity at 0 dB gain', () => {
    for (const design of Object.values(designs)) {
      const section = design(1000, 0, 0.7, 44_100);
      for (const frequencyHz of checkFrequenciesHz(44_100)) {
        expect(digitalDb(section, frequencyHz, 44_100)).toBeCloseTo(0, 12);
      }
    }
  });

  it('refuses corner frequencies at or above Nyquist and non-positive Q', () => {
    expect(() => peaking(24_000, 3, 1, 48_000)).toThrow(RangeError);
    expect(() => lowShelf(0, 3, 1, 48_000)).toThrow(RangeError);
    expect(() => highShelf(1000, 3, 0, 48_000)).toThrow(RangeError);
  });
});

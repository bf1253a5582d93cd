import { describe, expect, it } from 'vitest';
import { cleanOutput, limitsFromRatings, type OutputModel, type VoltageRating } from '../../src/dsp/matching/outputLimits';

/** JDS Labs' O2 table (REFERENCES §3): 613 mW into 32 Ω, 88 mW into 600 Ω, Zout 0.54 Ω; as volts, V = √(P·R). */
const O2_RATINGS: VoltageRating[] = [
  { loadOhms: 32, voltsRms: Math.sqrt(0.613 * 32) },
  { loadOhms: 600, voltsRms: Math.sqrt(0.088 * 600) },
];
const o2 = (fullVolumeVoltsRms = 100): OutputModel => ({
  outputImpedanceOhms: 0.54,
  limit: { kind: 'ratings', ratings: O2_RATINGS },
  fullVolumeVoltsRms,
});

/** Schiit's Magni 2 table (REFERENCES §3): 1.8 W/16 Ω, 1.2 W/32 Ω, 1.0 W/50 Ω, 260 mW/300 Ω, 130 mW/600 Ω. */
const MAGNI_2: VoltageRating[] = [
  [16, 1.8],
  [32, 1.2],
  [50, 1.0],
  [300, 0.26],
  [600, 0.13],
].map(([loadOhms, watts]) => ({ loadOhms: loadOhms as number, voltsRms: Math.sqrt((watts as number) * (loadOhms as number)) }));

describe('clean output from published ratings', () => {
  it('the O2 into 300 Ω is voltage-limited at 7.26 V: within 1 % of the 7.24 Vrms SBAF measured there independently', () => {
    const divider = (z: number) => z / (z + 0.54);
    const expected = (Math.sqrt(0.088 * 600) * divider(300)) / divider(600);
    const out = cleanOutput(o2(), 300);
    expect(out.limitedBy).toBe('voltage');
    expect(out.voltsRms).toBeCloseTo(expected, 10);
    expect(Math.abs(out.voltsRms / 7.24 - 1)).toBeLessThan(0.01);
  });

  it('the O2 into 16 Ω is current-limited at the 32 Ω rating’s current, I·Z = 138 mA × 16 Ω', () => {
    const out = cleanOutput(o2(), 16);
    expect(out.limitedBy).toBe('current');
    expect(out.voltsRms).toBeCloseTo((Math.sqrt(0.613 * 32) / 32) * 16, 10);
  });

  it('every Magni 2 rating is reproduced exactly at its own load', () => {
    for (const rating of MAGNI_2) {
      const out = cleanOutput({ outputImpedanceOhms: 0.2, limit: { kind: 'ratings', ratings: MAGNI_2 }, fullVolumeVoltsRms: 100 }, rating.loadOhms);
      expect(out.voltsRms).toBeCloseTo(rating.voltsRms, 10);
    }
  });

  it('between two ratings the limit is min(I_lower·Z, V_upper·divider), never above either rating’s bound', () => {
    const { voltageLimitVoltsRms, currentLimitVoltsRms } = limitsFromRatings(MAGNI_2, 0, 40);
    expect(voltageLimitVoltsRms).toBeCloseTo(Math.sqrt(1.0 * 50), 10);
    expect(currentLimitVoltsRms).toBeCloseTo((Math.sqrt(1.2 * 32) / 32) * 40, 10);
  });

  it('a single rating gives no current limit: voltage-limited everywhere', () => {
    const out = cleanOutput({ outputImpedanceOhms: 1, limit: { kind: 'ratings', ratings: [{ loadOhms: 300, voltsRms: 1 }] }, fullVolumeVoltsRms: 1.01 }, 16);
    expect(out.currentLimitVoltsRms).toBeNull();
    expect(out.limitedBy).toBe('voltage');
    expect(out.voltsRms).toBeCloseTo((1 * (16 / 17)) / (300 / 301), 10);
  });

  it('with 2 V in and 2.5× gain the O2 runs out of gain at 5 V (into 300 Ω: 5 × 300/300.54) before it clips', () => {
    const out = cleanOutput(o2(2 * 2.5), 300);
    expect(out.limitedBy).toBe('gain');
    expect(out.voltsRms).toBeCloseTo(5 * (300 / 300.54), 10);
  });
});

describe('clean output from a voltage and a current limit', () => {
  const custom: OutputModel = {
    outputImpedanceOhms: 10,
    limit: { kind: 'voltage-current', openCircuitVoltsRms: 2, currentLimitAmpsRms: 0.05 },
    fullVolumeVoltsRms: 2,
  };

  it('into 32 Ω the divider bites first: 2 V × 32/42', () => {
    const out = cleanOutput(custom, 32);
    expect(out.voltsRms).toBeCloseTo((2 * 32) / 42, 12);
    expect(['voltage', 'gain']).toContain(out.limitedBy);
  });

  it('into 16 Ω 50 mA bites first: 0.8 V', () => {
    const out = cleanOutput(custom, 16);
    expect(out.limitedBy).toBe('current');
    expect(out.voltsRms).toBeCloseTo(0.8, 12);
  });

  it('rejects a load that is not positive and a negative output impedance', () => {
    expect(() => cleanOutput(custom, 0)).toThrow(RangeError);
    expect(() => cleanOutput({ ...custom, outputImpedanceOhms: -1 }, 32)).toThrow(RangeError);
  });
});

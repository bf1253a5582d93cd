// The headphone's own limits: the margin to the rated maximum input, what a bass boost asks for, and the matcher's
// rating finding, each against closed forms worked from the datasheet figures in the test itself.
import { describe, expect, it } from 'vitest';
import { resistor } from '../../src/dsp/impedance';
import { boostedExcursionRatio, boostedPowerWatts, harmonicPercent, ratedInputMarginDb } from '../../src/dsp/matching/headphoneLimits';
import { evaluateMatch, type HeadphoneLoad, type SourceOutputModel } from '../../src/dsp/matching/match';
import { verdictFor } from '../../src/components/widgets/matcher/verdict';

/** DT 880 (600 Ω) as iFixit lists it: 98 dB SPL/V, maximum input power 100 mW. */
const DT880_DB_PER_VOLT = 98;
const DT880_OHMS = 600;
const DT880_RATED_WATTS = 0.1;
const DT880: HeadphoneLoad = {
  nominalImpedanceOhms: DT880_OHMS,
  sensitivityDbPerVolt: DT880_DB_PER_VOLT,
  impedance: resistor(DT880_OHMS),
  ratedMaximumInputVoltsRms: Math.sqrt(DT880_RATED_WATTS * DT880_OHMS),
};
const STIFF: SourceOutputModel = {
  outputImpedanceOhms: 0,
  limit: { kind: 'voltage-current', openCircuitVoltsRms: 30, currentLimitAmpsRms: 1 },
  fullVolumeVoltsRms: 30,
  noiseVoltsRms: null,
  noiseWeighting: 'unweighted',
  volumeControl: 'digital',
};
/** P = V²/Z with V = 10^((SPL − S)/20): worked here, not taken from the model. */
const wattsFor = (splDb: number) => (10 ** ((splDb - DT880_DB_PER_VOLT) / 20)) ** 2 / DT880_OHMS;
/** The level at which the DT 880 draws exactly its rated 100 mW: 98 + 10·log10(0.1 · 600) = 115.78 dB SPL. */
const RATED_SPL_DB = DT880_DB_PER_VOLT + 10 * Math.log10(DT880_RATED_WATTS * DT880_OHMS);

describe('the margin to the rated maximum input', () => {
  it('is 10·log10(P_rated / P_needed): 10 mW against 100 mW is 10 dB within, 200 mW is 3.01 dB over', () => {
    expect(ratedInputMarginDb(0.01, 0.1)).toBeCloseTo(10, 12);
    expect(ratedInputMarginDb(0.2, 0.1)).toBeCloseTo(-3.0103, 4);
    expect(ratedInputMarginDb(0.1, 0.1)).toBe(0);
  });

  it('refuses a zero or non-finite power instead of returning Infinity', () => {
    expect(() => ratedInputMarginDb(0, 0.1)).toThrow(RangeError);
    expect(() => ratedInputMarginDb(0.01, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('the DT 880 (600 Ω, 98 dB/V, 100 mW) reaches its rating at 115.8 dB SPL; at 105 dB it has 10.8 dB to spare', () => {
    expect(RATED_SPL_DB).toBeCloseTo(115.78, 2);
    const r = evaluateMatch(DT880, STIFF, { averageLevelDbSpl: 105, crestFactorDb: 15 });
    expect(r.ratedInput?.powerWatts).toBeCloseTo(DT880_RATED_WATTS, 12);
    expect(r.ratedInput?.marginDb).toBeCloseTo(10 * Math.log10(DT880_RATED_WATTS / wattsFor(105)), 9);
    expect(r.ratedInput?.marginDb).toBeCloseTo(RATED_SPL_DB - 105, 9);
  });

  it('is null where no rating is known', () => {
    const r = evaluateMatch({ ...DT880, ratedMaximumInputVoltsRms: null }, STIFF, { averageLevelDbSpl: 105, crestFactorDb: 15 });
    expect(r.ratedInput).toBeNull();
  });
});

describe('a bass boost at one frequency', () => {
  it('+10 dB asks for ten times the power and 3.16 times the excursion there', () => {
    expect(boostedPowerWatts(0.0084, 10)).toBeCloseTo(0.084, 12);
    expect(boostedExcursionRatio(10)).toBeCloseTo(Math.sqrt(10), 12);
    expect(boostedExcursionRatio(6)).toBeCloseTo(1.9953, 4);
  });

  it('takes the DT 880 at 108 dB SPL from 16.7 mW to 167 mW, 2.2 dB past its 100 mW rating', () => {
    const boosted = boostedPowerWatts(wattsFor(108), 10);
    expect(wattsFor(108)).toBeCloseTo(0.0167, 4);
    expect(boosted).toBeCloseTo(0.167, 3);
    expect(ratedInputMarginDb(boosted, DT880_RATED_WATTS)).toBeCloseTo(RATED_SPL_DB - 108 - 10, 9);
  });
});

describe('a harmonic in dB as a percentage', () => {
  it('−40 dB is 1 %, −20 dB is 10 %, −60 dB is 0.1 %', () => {
    expect(harmonicPercent(-40)).toBeCloseTo(1, 12);
    expect(harmonicPercent(-20)).toBeCloseTo(10, 12);
    expect(harmonicPercent(-60)).toBeCloseTo(0.1, 12);
  });
});

describe("the matcher's rating finding", () => {
  const ratingAt = (levelDbSpl: number, headphone: HeadphoneLoad = DT880) => {
    const v = verdictFor(evaluateMatch(headphone, STIFF, { averageLevelDbSpl: levelDbSpl, crestFactorDb: 15 }), STIFF, levelDbSpl);
    return { verdict: v, finding: v.findings.find((f) => f.topic === 'rating') };
  };

  it('is a problem just past the rated 100 mW and says by how much; just below it, fine', () => {
    const over = ratingAt(116);
    expect(over.finding?.severity).toBe('problem');
    expect(over.verdict.severity).toBe('problem');
    expect(over.finding?.text).toContain("exceeds the headphone's rated maximum input of 100 mW by");
    expect(over.finding?.text).toContain(`${(116 - RATED_SPL_DB).toFixed(1)} dB`);
    const under = ratingAt(115);
    expect(under.finding?.severity).toBe('good');
    expect(under.finding?.text).toContain(`${(RATED_SPL_DB - 115).toFixed(1)} dB below the headphone's rated maximum input of 100 mW`);
  });

  it('where no rating is known it says so without changing the headline', () => {
    const unknown = ratingAt(80, { ...DT880, ratedMaximumInputVoltsRms: null });
    expect(unknown.finding?.severity).toBe('unknown');
    expect(unknown.finding?.text).toContain('No rated maximum input is known');
    expect(ratingAt(80).verdict.severity).toBe(unknown.verdict.severity);
  });
});

import { describe, expect, it } from 'vitest';
import { resistor } from '../../src/dsp/impedance';
import { CUSTOM_RANGES, CREST_FACTOR_RANGE_DB, LISTENING_LEVEL_RANGE_DB_SPL } from '../../src/dsp/matching/customEntries';
import { evaluateMatch, type HeadphoneLoad, type SourceOutputModel } from '../../src/dsp/matching/match';
import { mulberry32 } from '../../src/dsp/random';

/** HD650 as REFERENCES §2 quotes it: 103 dB/V, 300 Ω; a flat 300 Ω load. */
const HD650: HeadphoneLoad = { nominalImpedanceOhms: 300, sensitivityDbPerVolt: 103, impedance: resistor(300) };

/** The O2 by JDS Labs' table (REFERENCES §3) at 6.5× gain after a 2 V DAC; noise −109 dBu. */
const O2: SourceOutputModel = {
  outputImpedanceOhms: 0.54,
  limit: {
    kind: 'ratings',
    ratings: [
      { loadOhms: 32, voltsRms: Math.sqrt(0.613 * 32) },
      { loadOhms: 600, voltsRms: Math.sqrt(0.088 * 600) },
    ],
  },
  fullVolumeVoltsRms: 2 * 6.5,
  noiseVoltsRms: 0.7746 * 10 ** (-109 / 20),
  noiseWeighting: 'A',
  volumeControl: 'analog',
};

describe('HD650 on the O2 at 80 dB SPL average, 15 dB crest factor (computed by hand here)', () => {
  const result = evaluateMatch(HD650, O2, { averageLevelDbSpl: 80, crestFactorDb: 15 });
  const divider = 300 / 300.54;
  const cleanVolts = (Math.sqrt(0.088 * 600) * divider) / (600 / 600.54);

  it('80 dB needs 10^((80 − 103)/20) = 70.8 mV, 16.7 µW and 0.236 mA', () => {
    expect(result.listening.voltsRms).toBeCloseTo(0.0708, 4);
    expect(result.listening.powerWatts).toBeCloseTo(0.0708 ** 2 / 300, 7);
    expect(result.listening.currentAmpsRms * 1000).toBeCloseTo(0.236, 3);
  });

  it('the loudest clean sine is 103 + 20·log10(7.26 V) = 120.2 dB SPL, voltage-limited', () => {
    expect(result.clean.limitedBy).toBe('voltage');
    expect(result.clean.splDb).toBeCloseTo(103 + 20 * Math.log10(cleanVolts), 10);
    expect(result.clean.splDb).toBeCloseTo(120.2, 1);
  });

  it('headroom = 120.2 + 3.01 − 15 − 80 = 28.2 dB', () => {
    expect(result.headroomDb).toBeCloseTo(103 + 20 * Math.log10(cleanVolts) + 20 * Math.log10(Math.SQRT2) - 15 - 80, 10);
    expect(result.loudestCleanMusicDbSpl).toBeCloseTo(108.2, 1);
  });

  it('its −109 dBu of noise (2.75 µV) reaches −8.2 dB SPL: below the threshold of hearing', () => {
    expect((result.noise?.voltsRms ?? Number.NaN) * 1e6).toBeCloseTo(2.75 * divider, 2);
    expect(result.noise?.splDb).toBeCloseTo(103 + 20 * Math.log10(0.7746 * 10 ** (-109 / 20) * divider), 10);
    expect(result.noise?.splDb).toBeCloseTo(-8.2, 1);
  });

  it('the volume sits 33.3 dB below full for a track peaking at 0 dBFS; peaks clip above −5.0 dB', () => {
    const demandPeak = 10 ** ((80 - 103) / 20) * 10 ** (15 / 20);
    expect(result.volume.settingDb).toBeCloseTo(20 * Math.log10(demandPeak / (Math.SQRT2 * 13 * divider)), 10);
    expect(result.volume.settingDb).toBeCloseTo(-33.3, 1);
    expect(result.volume.clipsAboveDb).toBeCloseTo(20 * Math.log10(cleanVolts / (13 * divider)), 10);
  });

  it('a flat load has no response change; its damping factor is 300/0.54 = 556', () => {
    expect(result.response?.deviationDb ?? Number.NaN).toBeCloseTo(0, 9);
    expect(result.dampingFactor).toBeCloseTo(300 / 0.54, 6);
  });

  it('NIOSH allows 8 h × 2^((85 − 80)/3) = 25.4 h at 80 dB', () => {
    expect(result.exposure.allowedHours).toBeCloseTo(25.4, 1);
  });
});

describe('the listening level decides where the limit is', () => {
  it('a level 1 dB above the loudest clean music level gives −1 dB headroom', () => {
    const first = evaluateMatch(HD650, O2, { averageLevelDbSpl: 80, crestFactorDb: 15 });
    const over = evaluateMatch(HD650, O2, { averageLevelDbSpl: first.loudestCleanMusicDbSpl + 1, crestFactorDb: 15 });
    expect(over.headroomDb).toBeCloseTo(-1, 10);
  });

  it('with a 2.5× gain the O2 runs out of gain before voltage: the volume can’t reach 110 dB with 20 dB crest', () => {
    const lowGain = { ...O2, fullVolumeVoltsRms: 2 * 2.5 };
    const result = evaluateMatch(HD650, lowGain, { averageLevelDbSpl: 100, crestFactorDb: 20 });
    expect(result.clean.limitedBy).toBe('gain');
    expect(result.volume.clipsAboveDb).toBeNull();
    expect(result.volume.settingDb).toBeGreaterThan(0);
  });

  it('rejects a crest factor below 0 dB (no signal peaks below its rms)', () => {
    expect(() => evaluateMatch(HD650, O2, { averageLevelDbSpl: 80, crestFactorDb: -1 })).toThrow(RangeError);
  });
});

describe('every custom entry inside the ranges gives finite results', () => {
  it('2000 random headphones, sources and targets', () => {
    const random = mulberry32(20261124);
    const within = (range: { min: number; max: number }) => range.min + (range.max - range.min) * random();
    for (let trial = 0; trial < 2000; trial++) {
      const impedanceOhms = within(CUSTOM_RANGES.impedanceOhms);
      const headphone: HeadphoneLoad = {
        nominalImpedanceOhms: impedanceOhms,
        sensitivityDbPerVolt: within(CUSTOM_RANGES.sensitivityDb),
        impedance: resistor(impedanceOhms),
      };
      const output: SourceOutputModel = {
        outputImpedanceOhms: within(CUSTOM_RANGES.outputImpedanceOhms),
        limit: {
          kind: 'voltage-current',
          openCircuitVoltsRms: within(CUSTOM_RANGES.openCircuitVoltsRms),
          currentLimitAmpsRms: within(CUSTOM_RANGES.currentLimitMilliamps) / 1000,
        },
        fullVolumeVoltsRms: within(CUSTOM_RANGES.openCircuitVoltsRms),
        noiseVoltsRms: within(CUSTOM_RANGES.noiseMicrovolts) * 1e-6,
        noiseWeighting: 'A',
        volumeControl: 'digital',
      };
      const result = evaluateMatch(headphone, output, {
        averageLevelDbSpl: within(LISTENING_LEVEL_RANGE_DB_SPL),
        crestFactorDb: within(CREST_FACTOR_RANGE_DB),
      });
      const numbers = [
        result.listening.voltsRms,
        result.listening.powerWatts,
        result.clean.voltsRms,
        result.clean.splDb,
        result.headroomDb,
        result.noise?.splDb ?? Number.NaN,
        result.volume.settingDb,
        result.exposure.allowedHours,
        result.load.minimumOhms,
        result.response?.deviationDb ?? 0,
        result.dampingFactor ?? 0,
      ];
      expect(numbers.every(Number.isFinite)).toBe(true);
    }
  });
});

describe('a source whose noise is not published', () => {
  it('gives no hiss figure rather than a made-up one', () => {
    const result = evaluateMatch(HD650, { ...O2, noiseVoltsRms: null }, { averageLevelDbSpl: 80, crestFactorDb: 15 });
    expect(result.noise).toBeNull();
  });
});

describe("the loudest level and the headphone's own rated maximum input", () => {
  /** DT 880 (600 Ω) as iFixit lists it: 98 dB SPL/V, 100 mW maximum input → √(0.1 W · 600 Ω) = 7.746 V. */
  const DT880: HeadphoneLoad = {
    nominalImpedanceOhms: 600,
    sensitivityDbPerVolt: 98,
    impedance: resistor(600),
    ratedMaximumInputVoltsRms: Math.sqrt(0.1 * 600),
  };
  /** A stiff source: 20 V open circuit, 1 A, 0 Ω. */
  const STIFF: SourceOutputModel = {
    outputImpedanceOhms: 0,
    limit: { kind: 'voltage-current', openCircuitVoltsRms: 20, currentLimitAmpsRms: 1 },
    fullVolumeVoltsRms: 20,
    noiseVoltsRms: null,
    noiseWeighting: 'unweighted',
    volumeControl: 'digital',
  };

  it('caps the loudest level at the rating when the source could give more: 98 + 20·log10(7.746) = 115.8 dB SPL at 100 mW', () => {
    const r = evaluateMatch(DT880, STIFF, { averageLevelDbSpl: 80, crestFactorDb: 15 });
    expect(r.clean.voltsRms).toBeCloseTo(20, 9);
    expect(r.loudest.limitedBy).toBe('headphone-rating');
    expect(r.loudest.voltsRms).toBeCloseTo(7.746, 3);
    expect(r.loudest.powerWatts).toBeCloseTo(0.1, 9);
    expect(r.loudest.splDb).toBeCloseTo(98 + 20 * Math.log10(Math.sqrt(60)), 9);
    expect(r.loudest.splDb).toBeCloseTo(115.8, 1);
    // The rating is not a clip: headroom still follows the source's 20 V.
    expect(r.headroomDb).toBeCloseTo(98 + 20 * Math.log10(20) + 20 * Math.log10(Math.SQRT2) - 15 - 80, 9);
  });

  it('leaves the loudest level at the source’s when the rating is higher, and reports the rating', () => {
    const r = evaluateMatch(DT880, { ...STIFF, limit: { kind: 'voltage-current', openCircuitVoltsRms: 5, currentLimitAmpsRms: 1 }, fullVolumeVoltsRms: 5 }, { averageLevelDbSpl: 80, crestFactorDb: 15 });
    expect(r.loudest.limitedBy).toBe('source');
    expect(r.loudest.voltsRms).toBeCloseTo(5, 9);
    expect(r.loudest.headphoneRating?.splDb).toBeCloseTo(115.8, 1);
  });

  it('with no rating, an IEM on 1 V reaches 131 dB SPL and is flagged far above safe listening (NIOSH dose in 0.7 s)', () => {
    // Andromeda as REFERENCES §2 quotes it: 112.8 dB/mW at 12.8 Ω = 112.8 + 10·log10(1000/12.8) = 131.7 dB/V.
    const andromeda: HeadphoneLoad = { nominalImpedanceOhms: 12.8, sensitivityDbPerVolt: 112.8 + 10 * Math.log10(1000 / 12.8), impedance: resistor(12.8) };
    const r = evaluateMatch(andromeda, { ...STIFF, limit: { kind: 'voltage-current', openCircuitVoltsRms: 1, currentLimitAmpsRms: 1 }, fullVolumeVoltsRms: 1 }, { averageLevelDbSpl: 80, crestFactorDb: 15 });
    expect(r.loudest.headphoneRating).toBeNull();
    expect(r.loudest.limitedBy).toBe('source');
    expect(r.loudest.splDb).toBeCloseTo(131.7, 1);
    expect(r.loudest.farAboveSafeListening).toBe(true);
    expect(r.loudest.allowedHours * 3600).toBeCloseTo(28800 / 2 ** ((r.loudest.splDb - 85) / 3), 6);
    expect(evaluateMatch(HD650, O2, { averageLevelDbSpl: 80, crestFactorDb: 15 }).loudest.farAboveSafeListening).toBe(true); // 120.2 dB
    expect(evaluateMatch(DT880, STIFF, { averageLevelDbSpl: 80, crestFactorDb: 15 }).loudest.farAboveSafeListening).toBe(false); // 115.8 dB
  });
});

import { describe, expect, it } from 'vitest';
import { resistor } from '../../src/dsp/impedance';
import { evaluateMatch, type HeadphoneLoad, type SourceOutputModel } from '../../src/dsp/matching/match';
import { formatDuration } from '../../src/components/format';
import { missingVerdict, verdictFor } from '../../src/components/widgets/matcher/verdict';
import { fieldsToFix } from '../../src/components/widgets/matcher/fields';
import { matcherModels } from '../../src/components/widgets/matcher/models';
import { CUSTOM_ID, DEFAULT_CUSTOM_HEADPHONE, DEFAULT_CUSTOM_SOURCE, stateFromQuery, type MatcherState } from '../../src/components/widgets/matcher/state';
import { HEADPHONES } from '../../src/data/catalogue/headphones';
import { SOURCES } from '../../src/data/catalogue/sources';

const HD650: HeadphoneLoad = { nominalImpedanceOhms: 300, sensitivityDbPerVolt: 103, impedance: resistor(300) };
/** Andromeda as REFERENCES §2 gives it: 112.8 dB/mW at 12.8 Ω, i.e. 131.7 dB/V. */
const IEM: HeadphoneLoad = { nominalImpedanceOhms: 12.8, sensitivityDbPerVolt: 112.8 + 10 * Math.log10(1000 / 12.8), impedance: resistor(12.8) };
const source = (over: Partial<SourceOutputModel>): SourceOutputModel => ({
  outputImpedanceOhms: 0.5,
  limit: { kind: 'voltage-current', openCircuitVoltsRms: 7, currentLimitAmpsRms: 0.15 },
  fullVolumeVoltsRms: 13,
  noiseVoltsRms: 2.75e-6,
  noiseWeighting: 'A',
  volumeControl: 'analog',
  ...over,
});
const topic = (v: ReturnType<typeof verdictFor>, name: string) => v.findings.find((f) => f.topic === name);

describe('the matcher’s verdict', () => {
  it('HD650 on an O2-class amp at 80 dB: clean, silent, flat — yes', () => {
    const out = source({});
    const v = verdictFor(evaluateMatch(HD650, out, { averageLevelDbSpl: 80, crestFactorDb: 15 }), out, 80);
    expect(v.severity).toBe('good');
    expect(topic(v, 'level')?.severity).toBe('good');
    expect(topic(v, 'hiss')?.severity).toBe('good');
  });

  it('a 1 V source can’t give HD650 peaks at 100 dB average (needs 10^((100+15−3.01−103)/20) ≈ 2.8 V rms of sine)', () => {
    const out = source({ limit: { kind: 'voltage-current', openCircuitVoltsRms: 1, currentLimitAmpsRms: 0.1 }, fullVolumeVoltsRms: 1, volumeControl: 'digital' });
    const v = verdictFor(evaluateMatch(HD650, out, { averageLevelDbSpl: 100, crestFactorDb: 15 }), out, 100);
    expect(v.severity).toBe('problem');
    expect(topic(v, 'level')?.severity).toBe('problem');
  });

  it('10 µV of noise into the Andromeda is 32 dB SPL: plain hiss (REFERENCES §2)', () => {
    const out = source({ noiseVoltsRms: 10e-6 });
    const v = verdictFor(evaluateMatch(IEM, out, { averageLevelDbSpl: 75, crestFactorDb: 15 }), out, 75);
    expect(topic(v, 'hiss')?.severity).toBe('problem');
  });

  it('the same IEM on 13 V of full-volume swing sits below −40 dB on an analog pot: a caution', () => {
    const out = source({});
    const v = verdictFor(evaluateMatch(IEM, out, { averageLevelDbSpl: 75, crestFactorDb: 15 }), out, 75);
    expect(topic(v, 'volume')?.severity).toBe('caution');
  });

  it('a 10 Ω source on a 12.8 Ω IEM breaks the 1/8 rule', () => {
    const out = source({ outputImpedanceOhms: 10 });
    const v = verdictFor(evaluateMatch(IEM, out, { averageLevelDbSpl: 75, crestFactorDb: 15 }), out, 75);
    expect(topic(v, 'impedance')?.severity).toBe('caution');
  });

  it('above 85 dB the exposure finding is a caution: 91 dB allows 2.0 hours', () => {
    const out = source({});
    const v = verdictFor(evaluateMatch(HD650, out, { averageLevelDbSpl: 91, crestFactorDb: 15 }), out, 91);
    expect(topic(v, 'exposure')?.severity).toBe('caution');
    expect(topic(v, 'exposure')?.text).toContain('2.0 hours');
  });

  it('durations read naturally', () => {
    expect(formatDuration(25.4)).toBe('more than 24 hours');
    expect(formatDuration(0.25)).toBe('15 minutes');
    expect(formatDuration(0.001)).toBe('under a minute');
  });
});

describe('no verdict from values the reader can’t see', () => {
  const ALL_CUSTOM: MatcherState = {
    headphoneId: CUSTOM_ID,
    sourceId: CUSTOM_ID,
    outputId: 'se',
    gainId: '',
    levelDbSpl: 85,
    crestFactorDb: 15,
    customHeadphone: DEFAULT_CUSTOM_HEADPHONE,
    customSource: DEFAULT_CUSTOM_SOURCE,
  };
  const NO_IDS = { headphoneIds: [], sources: [] };

  it('the link from issue #16 gives no model for either side and names all six fields by their labels', () => {
    const state = stateFromQuery('hp=custom&hz=1e309&hs=-1e309&hu=dB/V&src=custom&sv=NaN&si=-&sn=1e-400&sz=', NO_IDS, ALL_CUSTOM);
    const models = matcherModels(state, HEADPHONES, SOURCES);
    expect(models.headphone).toBeNull();
    expect(models.output).toBeNull();
    const missing = missingVerdict(fieldsToFix(models.problems));
    expect(missing.fields).toEqual([
      'Headphones: Impedance',
      'Headphones: Sensitivity',
      'Source: Largest output voltage (open circuit)',
      'Source: Current limit',
      'Source: Output impedance',
      'Source: Output noise',
    ]);
    expect(missing.headline).toBe('No verdict yet: these 6 fields need a valid value. Each says what it takes.');
    expect(models.problems.impedanceOhms).toMatch(/from 1 to 1000 Ω/);
    // The link picks dB/V, so the sensitivity's message speaks dB/V, as its field's unit does.
    expect(models.problems.sensitivityDb).toBe('Enter a sensitivity from 70 to 140 dB/V; -1e309 is too large to be a real figure.');
    expect(models.problems.noiseMicrovolts).toMatch(/from 0.1 to 1000 µV; 1e-400 is too small/);
  });

  it('one bad field on one side leaves the other side modelled, and the verdict still waits', () => {
    const state: MatcherState = { ...ALL_CUSTOM, customSource: { ...DEFAULT_CUSTOM_SOURCE, outputImpedanceOhms: '-3' } };
    const models = matcherModels(state, HEADPHONES, SOURCES);
    expect(models.headphone?.nominalImpedanceOhms).toBe(32);
    expect(models.output).toBeNull();
    expect(missingVerdict(fieldsToFix(models.problems))).toEqual({
      headline: 'No verdict yet: this field needs a valid value. Each says what it takes.',
      fields: ['Source: Output impedance'],
    });
  });

  it('valid custom text is modelled with the typed numbers: 100 dB/mW at 32 Ω is 115.05 dB/V', () => {
    const models = matcherModels(ALL_CUSTOM, HEADPHONES, SOURCES);
    expect(models.problems).toEqual({});
    expect(models.headphone?.sensitivityDbPerVolt).toBeCloseTo(100 + 10 * Math.log10(1000 / 32), 9);
    expect(models.output?.noiseVoltsRms).toBeCloseTo(5e-6, 15);
  });
});

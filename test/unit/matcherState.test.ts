import { describe, expect, it } from 'vitest';
import {
  CUSTOM_ID,
  DEFAULT_CUSTOM_HEADPHONE,
  DEFAULT_CUSTOM_SOURCE,
  queryFromState,
  resolveOutputAndGain,
  stateFromQuery,
  type MatcherCatalogueIds,
  type MatcherState,
} from '../../src/components/widgets/matcher/state';
import { matcherModels } from '../../src/components/widgets/matcher/models';
import { HEADPHONES } from '../../src/data/catalogue/headphones';
import { SOURCES } from '../../src/data/catalogue/sources';

const IDS: MatcherCatalogueIds = {
  headphoneIds: ['hd650', 'andromeda'],
  sources: [
    { id: 'o2', outputs: [{ id: 'se', gains: [{ id: 'low' }, { id: 'high' }] }] },
    { id: 'dongle', outputs: [{ id: 'se', gains: [{ id: 'fixed' }] }, { id: 'bal', gains: [{ id: 'fixed' }] }] },
  ],
};
const DEFAULTS: MatcherState = {
  headphoneId: 'hd650',
  sourceId: 'o2',
  outputId: 'se',
  gainId: 'high',
  levelDbSpl: 80,
  crestFactorDb: 15,
  customHeadphone: DEFAULT_CUSTOM_HEADPHONE,
  customSource: DEFAULT_CUSTOM_SOURCE,
};

describe('matcher state in the URL', () => {
  it('a state survives the round trip through its query', () => {
    const state: MatcherState = { ...DEFAULTS, headphoneId: 'andromeda', sourceId: 'dongle', outputId: 'bal', gainId: 'fixed', levelDbSpl: 92, crestFactorDb: 20 };
    expect(stateFromQuery(queryFromState(state), IDS, DEFAULTS)).toEqual(state);
  });

  it('custom entries keep their text, even out of range, so the message comes back with the link', () => {
    const state: MatcherState = {
      ...DEFAULTS,
      headphoneId: CUSTOM_ID,
      sourceId: CUSTOM_ID,
      customHeadphone: { impedanceOhms: '2000', sensitivityDb: '104', ratedMilliwatts: '50', unit: 'dB/V' },
      customSource: { openCircuitVoltsRms: '3.5', currentLimitMilliamps: '150', outputImpedanceOhms: '10', noiseMicrovolts: '2' },
    };
    const back = stateFromQuery(queryFromState(state), IDS, DEFAULTS);
    expect(back.customHeadphone).toEqual(state.customHeadphone);
    expect(back.customSource).toEqual(state.customSource);
  });

  it('unknown ids fall back to the defaults, and a gain the output lacks to its highest', () => {
    const back = stateFromQuery('hp=nope&src=o2&out=bal&gain=turbo', IDS, DEFAULTS);
    expect(back.headphoneId).toBe('hd650');
    expect(back.outputId).toBe('se');
    expect(back.gainId).toBe('high');
  });

  it('levels outside the slider’s range are clamped and garbage is ignored', () => {
    expect(stateFromQuery('level=500&crest=-4', IDS, DEFAULTS)).toMatchObject({ levelDbSpl: 110, crestFactorDb: 3 });
    expect(stateFromQuery('level=loud', IDS, DEFAULTS).levelDbSpl).toBe(80);
  });

  it('the link from issue #16 keeps every custom field as typed (infinite, NaN, a sign, underflowing, empty), not a default', () => {
    const back = stateFromQuery('hp=custom&hz=1e309&hs=-1e309&hu=dB/V&src=custom&sv=NaN&si=-&sn=1e-400&sz=', IDS, DEFAULTS);
    expect(back.headphoneId).toBe(CUSTOM_ID);
    expect(back.sourceId).toBe(CUSTOM_ID);
    expect(back.customHeadphone).toEqual({ impedanceOhms: '1e309', sensitivityDb: '-1e309', ratedMilliwatts: '', unit: 'dB/V' });
    expect(back.customSource).toEqual({ openCircuitVoltsRms: 'NaN', currentLimitMilliamps: '-', outputImpedanceOhms: '', noiseMicrovolts: '1e-400' });
  });

  it('an empty query is the defaults', () => {
    expect(stateFromQuery('', IDS, DEFAULTS)).toEqual(DEFAULTS);
  });

  it('switching source keeps the output when the new source has it, else takes its first', () => {
    expect(resolveOutputAndGain(IDS, 'dongle', 'bal', '')).toEqual({ outputId: 'bal', gainId: 'fixed' });
    expect(resolveOutputAndGain(IDS, 'o2', 'bal', '')).toEqual({ outputId: 'se', gainId: 'high' });
  });
});

describe("the custom headphone's optional rated maximum input", () => {
  const custom = (ratedMilliwatts: string): MatcherState => ({
    ...DEFAULTS,
    headphoneId: CUSTOM_ID,
    customHeadphone: { impedanceOhms: '32', sensitivityDb: '100', ratedMilliwatts, unit: 'dB/mW' },
  });

  it('blank means not known: a model without a rating and no message; the URL leaves it out', () => {
    const models = matcherModels(custom(''), HEADPHONES, SOURCES);
    expect(models.headphone?.ratedMaximumInputVoltsRms).toBeNull();
    expect(models.problems.ratedMilliwatts).toBeUndefined();
    expect(queryFromState(custom(''))).not.toContain('hr=');
  });

  it('50 mW into 32 Ω is √(0.05 · 32) = 1.265 V rms, and the URL keeps it', () => {
    const models = matcherModels(custom('50'), HEADPHONES, SOURCES);
    expect(models.headphone?.ratedMaximumInputVoltsRms).toBeCloseTo(Math.sqrt(0.05 * 32), 12);
    expect(stateFromQuery(queryFromState(custom('50')), IDS, DEFAULTS).customHeadphone.ratedMilliwatts).toBe('50');
  });

  it('anything typed that is not a valid rating withholds the model and says why', () => {
    for (const text of ['0', 'x', '1e309', '20000']) {
      const models = matcherModels(custom(text), HEADPHONES, SOURCES);
      expect(models.headphone).toBeNull();
      expect(models.problems.ratedMilliwatts).toMatch(/a rated maximum input from 0.1 to 10000 mW/);
    }
  });
});

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
      customHeadphone: { impedanceOhms: '2000', sensitivityDb: '104', unit: 'dB/V' },
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
    expect(back.customHeadphone).toEqual({ impedanceOhms: '1e309', sensitivityDb: '-1e309', unit: 'dB/V' });
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

// From the matcher's state to the models it evaluates: a catalogue entry or the reader's custom values for the
// headphone and the source, plus the message for each custom field that is out of range. A bad field keeps
// the last good value in the model (the widget shows the message next to the field), so results stay finite.
import type { CatalogueHeadphone, CatalogueSource } from '../../../data/catalogue/types';
import { headphoneLoad, sourceOutputModel } from '../../../dsp/matching/catalogueModels';
import { CUSTOM_RANGES, fieldProblem, type FieldRange } from '../../../dsp/matching/customEntries';
import type { HeadphoneLoad, SourceOutputModel } from '../../../dsp/matching/match';
import { sensitivityDbPerVolt } from '../../../dsp/matching/sensitivity';
import { resistor } from '../../../dsp/impedance';
import { CUSTOM_ID, type CustomHeadphoneText, type CustomSourceText, type MatcherState } from './state';

export type FieldProblems = Partial<Record<keyof CustomHeadphoneText | keyof CustomSourceText, string>>;

export interface MatcherModels {
  headphone: HeadphoneLoad;
  /** The catalogue entry, or null for a custom headphone. */
  headphoneEntry: CatalogueHeadphone | null;
  output: SourceOutputModel;
  /** The catalogue entry, or null for a custom source. */
  sourceEntry: CatalogueSource | null;
  problems: FieldProblems;
}

/** The last values that passed their checks, per custom field. */
export type LastGoodValues = Record<keyof typeof CUSTOM_RANGES, number>;

export const INITIAL_GOOD_VALUES: LastGoodValues = {
  impedanceOhms: CUSTOM_RANGES.impedanceOhms.defaultValue,
  sensitivityDb: CUSTOM_RANGES.sensitivityDb.defaultValue,
  openCircuitVoltsRms: CUSTOM_RANGES.openCircuitVoltsRms.defaultValue,
  currentLimitMilliamps: CUSTOM_RANGES.currentLimitMilliamps.defaultValue,
  outputImpedanceOhms: CUSTOM_RANGES.outputImpedanceOhms.defaultValue,
  noiseMicrovolts: CUSTOM_RANGES.noiseMicrovolts.defaultValue,
};

/** Reads each custom field: its number if valid (and remembers it in `good`), else its message and the last good value. */
function readFields(
  texts: Record<string, string>,
  keys: readonly (keyof typeof CUSTOM_RANGES)[],
  good: LastGoodValues,
  problems: FieldProblems,
): void {
  for (const key of keys) {
    const range: FieldRange = CUSTOM_RANGES[key];
    const text = texts[key] ?? '';
    const problem = fieldProblem(range, text);
    if (problem === null) good[key] = Number(text.trim().replace(',', '.'));
    else problems[key] = problem;
  }
}

export function matcherModels(
  state: MatcherState,
  headphones: readonly CatalogueHeadphone[],
  sources: readonly CatalogueSource[],
  good: LastGoodValues,
): MatcherModels {
  const problems: FieldProblems = {};
  const headphoneEntry = state.headphoneId === CUSTOM_ID ? null : (headphones.find((h) => h.id === state.headphoneId) ?? headphones[0] ?? null);
  let headphone: HeadphoneLoad;
  if (headphoneEntry) {
    headphone = headphoneLoad(headphoneEntry);
  } else {
    readFields({ ...state.customHeadphone }, ['impedanceOhms', 'sensitivityDb'], good, problems);
    headphone = {
      nominalImpedanceOhms: good.impedanceOhms,
      sensitivityDbPerVolt: sensitivityDbPerVolt(good.sensitivityDb, state.customHeadphone.unit, good.impedanceOhms),
      impedance: resistor(good.impedanceOhms),
    };
  }

  const sourceEntry = state.sourceId === CUSTOM_ID ? null : (sources.find((s) => s.id === state.sourceId) ?? sources[0] ?? null);
  let output: SourceOutputModel;
  if (sourceEntry) {
    output = sourceOutputModel(sourceEntry, state.outputId, state.gainId);
  } else {
    readFields({ ...state.customSource }, ['openCircuitVoltsRms', 'currentLimitMilliamps', 'outputImpedanceOhms', 'noiseMicrovolts'], good, problems);
    output = {
      outputImpedanceOhms: good.outputImpedanceOhms,
      limit: { kind: 'voltage-current', openCircuitVoltsRms: good.openCircuitVoltsRms, currentLimitAmpsRms: good.currentLimitMilliamps / 1000 },
      fullVolumeVoltsRms: good.openCircuitVoltsRms,
      noiseVoltsRms: good.noiseMicrovolts * 1e-6,
      noiseWeighting: 'unweighted',
      volumeControl: 'digital',
    };
  }
  return { headphone, headphoneEntry, output, sourceEntry, problems };
}

// From the matcher's state to the models it evaluates: a catalogue entry or the reader's custom values for the
// headphone and the source, plus the message for each custom field that is invalid. A custom side with any invalid
// field has no model (null): the widget then shows which fields need a value and computes nothing, rather than
// judging from values the reader can't see.
import type { CatalogueHeadphone, CatalogueSource } from '../../../data/catalogue/types';
import { headphoneLoad, sourceOutputModel } from '../../../dsp/matching/catalogueModels';
import { CUSTOM_RANGES, fieldProblem, fieldValue } from '../../../dsp/matching/customEntries';
import type { HeadphoneLoad, SourceOutputModel } from '../../../dsp/matching/match';
import { sensitivityDbPerVolt, voltsRmsFromPower } from '../../../dsp/matching/sensitivity';
import { resistor } from '../../../dsp/impedance';
import type { CustomFieldKey } from './fields';
import { CUSTOM_ID, type MatcherState } from './state';

export type FieldProblems = Partial<Record<CustomFieldKey, string>>;

export interface MatcherModels {
  /** The headphone's model, or null while a custom headphone field is invalid. */
  headphone: HeadphoneLoad | null;
  /** The catalogue entry, or null for a custom headphone. */
  headphoneEntry: CatalogueHeadphone | null;
  /** The source's model, or null while a custom source field is invalid. */
  output: SourceOutputModel | null;
  /** The catalogue entry, or null for a custom source. */
  sourceEntry: CatalogueSource | null;
  problems: FieldProblems;
}

/** Each field's number, or null (with its message in `problems`) when its text is invalid. */
function readFields<K extends CustomFieldKey>(
  texts: Record<K, string>,
  keys: readonly K[],
  problems: FieldProblems,
  units: Partial<Record<K, string>> = {},
): Record<K, number> | null {
  const values: Partial<Record<K, number>> = {};
  for (const key of keys) {
    // A field whose unit the reader picks (the sensitivity's dB/mW or dB/V) is described in that unit.
    const unit = units[key];
    const problem = fieldProblem(unit === undefined ? CUSTOM_RANGES[key] : { ...CUSTOM_RANGES[key], unit }, texts[key]);
    if (problem !== null) problems[key] = problem;
    const value = fieldValue(CUSTOM_RANGES[key], texts[key]);
    if (value !== null) values[key] = value;
  }
  return keys.every((key) => values[key] !== undefined) ? (values as Record<K, number>) : null;
}

export function matcherModels(state: MatcherState, headphones: readonly CatalogueHeadphone[], sources: readonly CatalogueSource[]): MatcherModels {
  const problems: FieldProblems = {};
  const headphoneEntry = state.headphoneId === CUSTOM_ID ? null : (headphones.find((h) => h.id === state.headphoneId) ?? headphones[0] ?? null);
  let headphone: HeadphoneLoad | null = null;
  if (headphoneEntry) {
    headphone = headphoneLoad(headphoneEntry);
  } else {
    const custom = readFields(state.customHeadphone, ['impedanceOhms', 'sensitivityDb'], problems, {
      sensitivityDb: state.customHeadphone.unit,
    });
    // The rating is optional: blank means "not known"; anything typed must be valid like any other field.
    const ratedText = state.customHeadphone.ratedMilliwatts;
    const ratedBlank = ratedText.trim() === '';
    const rated = ratedBlank ? null : readFields({ ratedMilliwatts: ratedText }, ['ratedMilliwatts'], problems);
    headphone =
      custom && (ratedBlank || rated)
        ? {
            nominalImpedanceOhms: custom.impedanceOhms,
            sensitivityDbPerVolt: sensitivityDbPerVolt(custom.sensitivityDb, state.customHeadphone.unit, custom.impedanceOhms),
            impedance: resistor(custom.impedanceOhms),
            ratedMaximumInputVoltsRms: rated ? voltsRmsFromPower(rated.ratedMilliwatts / 1000, custom.impedanceOhms) : null,
          }
        : null;
  }

  const sourceEntry = state.sourceId === CUSTOM_ID ? null : (sources.find((s) => s.id === state.sourceId) ?? sources[0] ?? null);
  let output: SourceOutputModel | null = null;
  if (sourceEntry) {
    output = sourceOutputModel(sourceEntry, state.outputId, state.gainId);
  } else {
    const custom = readFields(state.customSource, ['openCircuitVoltsRms', 'currentLimitMilliamps', 'outputImpedanceOhms', 'noiseMicrovolts'], problems);
    output = custom && {
      outputImpedanceOhms: custom.outputImpedanceOhms,
      limit: { kind: 'voltage-current', openCircuitVoltsRms: custom.openCircuitVoltsRms, currentLimitAmpsRms: custom.currentLimitMilliamps / 1000 },
      fullVolumeVoltsRms: custom.openCircuitVoltsRms,
      noiseVoltsRms: custom.noiseMicrovolts * 1e-6,
      noiseWeighting: 'unweighted',
      volumeControl: 'digital',
    };
  }
  return { headphone, headphoneEntry, output, sourceEntry, problems };
}

// The matcher's whole state and its round trip through a URL query, so a link reproduces what the reader set up.
// Unknown ids and out-of-range numbers fall back to defaults; custom fields keep the reader's text as typed, so a
// bad value comes back with its message rather than silently changed.
import { CREST_FACTOR_RANGE_DB, CUSTOM_RANGES, LISTENING_LEVEL_RANGE_DB_SPL } from '../../../dsp/matching/customEntries';
import type { SensitivityUnit } from '../../../dsp/matching/sensitivity';

export const CUSTOM_ID = 'custom';

export interface CustomHeadphoneText {
  impedanceOhms: string;
  sensitivityDb: string;
  /** The maker's rated maximum input in mW; '' where the reader doesn't know one. */
  ratedMilliwatts: string;
  unit: SensitivityUnit;
}

export interface CustomSourceText {
  openCircuitVoltsRms: string;
  currentLimitMilliamps: string;
  outputImpedanceOhms: string;
  noiseMicrovolts: string;
}

export interface MatcherState {
  /** A catalogue headphone id, or CUSTOM_ID. */
  headphoneId: string;
  customHeadphone: CustomHeadphoneText;
  /** A catalogue source id, or CUSTOM_ID. */
  sourceId: string;
  outputId: string;
  gainId: string;
  customSource: CustomSourceText;
  levelDbSpl: number;
  crestFactorDb: number;
}

/** What the state can refer to: the catalogue's ids, each source's outputs and each output's gain settings. */
export interface MatcherCatalogueIds {
  headphoneIds: readonly string[];
  sources: readonly { id: string; outputs: readonly { id: string; gains: readonly { id: string }[] }[] }[];
}

export const DEFAULT_CUSTOM_HEADPHONE: CustomHeadphoneText = {
  impedanceOhms: String(CUSTOM_RANGES.impedanceOhms.defaultValue),
  sensitivityDb: String(CUSTOM_RANGES.sensitivityDb.defaultValue),
  ratedMilliwatts: '',
  unit: 'dB/mW',
};

export const DEFAULT_CUSTOM_SOURCE: CustomSourceText = {
  openCircuitVoltsRms: String(CUSTOM_RANGES.openCircuitVoltsRms.defaultValue),
  currentLimitMilliamps: String(CUSTOM_RANGES.currentLimitMilliamps.defaultValue),
  outputImpedanceOhms: String(CUSTOM_RANGES.outputImpedanceOhms.defaultValue),
  noiseMicrovolts: String(CUSTOM_RANGES.noiseMicrovolts.defaultValue),
};

/** Query keys, short so a shared link stays readable. */
const KEYS = {
  headphoneId: 'hp',
  sourceId: 'src',
  outputId: 'out',
  gainId: 'gain',
  levelDbSpl: 'level',
  crestFactorDb: 'crest',
  impedanceOhms: 'hz',
  sensitivityDb: 'hs',
  ratedMilliwatts: 'hr',
  unit: 'hu',
  openCircuitVoltsRms: 'sv',
  currentLimitMilliamps: 'si',
  outputImpedanceOhms: 'sz',
  noiseMicrovolts: 'sn',
} as const;

/** Longest custom field text kept from a URL (enough for any number). */
const MAX_FIELD_CHARACTERS = 24;

const clamp = (value: number, range: { min: number; max: number }) => Math.min(range.max, Math.max(range.min, value));

function numberParam(params: URLSearchParams, key: string, range: { min: number; max: number }, fallback: number): number {
  const text = params.get(key);
  if (text === null || text.trim() === '') return fallback;
  const value = Number(text);
  return Number.isFinite(value) ? clamp(value, range) : fallback;
}

function textParam(params: URLSearchParams, key: string, fallback: string): string {
  const text = params.get(key);
  return text === null ? fallback : text.slice(0, MAX_FIELD_CHARACTERS);
}

/**
 * Picks a valid output and gain for the source: the asked ones if it has them, else its first output and that
 * output's highest gain.
 */
export function resolveOutputAndGain(
  ids: MatcherCatalogueIds,
  sourceId: string,
  outputId: string,
  gainId: string,
): { outputId: string; gainId: string } {
  const source = ids.sources.find((s) => s.id === sourceId);
  if (!source) return { outputId, gainId };
  const output = source.outputs.find((o) => o.id === outputId) ?? source.outputs[0];
  if (!output) return { outputId, gainId };
  const gain = output.gains.find((g) => g.id === gainId) ?? output.gains.at(-1);
  return { outputId: output.id, gainId: gain ? gain.id : gainId };
}

/** The state a query describes, with `defaults` for whatever it leaves out or gets wrong. */
export function stateFromQuery(query: string, ids: MatcherCatalogueIds, defaults: MatcherState): MatcherState {
  const params = new URLSearchParams(query);
  const askedHeadphone = params.get(KEYS.headphoneId);
  const headphoneId =
    askedHeadphone !== null && (askedHeadphone === CUSTOM_ID || ids.headphoneIds.includes(askedHeadphone)) ? askedHeadphone : defaults.headphoneId;
  const askedSource = params.get(KEYS.sourceId);
  const sourceId =
    askedSource !== null && (askedSource === CUSTOM_ID || ids.sources.some((s) => s.id === askedSource)) ? askedSource : defaults.sourceId;
  const { outputId, gainId } = resolveOutputAndGain(
    ids,
    sourceId,
    params.get(KEYS.outputId) ?? defaults.outputId,
    params.get(KEYS.gainId) ?? defaults.gainId,
  );
  const unitText = params.get(KEYS.unit);
  return {
    headphoneId,
    sourceId,
    outputId,
    gainId,
    levelDbSpl: numberParam(params, KEYS.levelDbSpl, LISTENING_LEVEL_RANGE_DB_SPL, defaults.levelDbSpl),
    crestFactorDb: numberParam(params, KEYS.crestFactorDb, CREST_FACTOR_RANGE_DB, defaults.crestFactorDb),
    customHeadphone: {
      impedanceOhms: textParam(params, KEYS.impedanceOhms, defaults.customHeadphone.impedanceOhms),
      sensitivityDb: textParam(params, KEYS.sensitivityDb, defaults.customHeadphone.sensitivityDb),
      ratedMilliwatts: textParam(params, KEYS.ratedMilliwatts, defaults.customHeadphone.ratedMilliwatts),
      unit: unitText === 'dB/V' || unitText === 'dB/mW' ? unitText : defaults.customHeadphone.unit,
    },
    customSource: {
      openCircuitVoltsRms: textParam(params, KEYS.openCircuitVoltsRms, defaults.customSource.openCircuitVoltsRms),
      currentLimitMilliamps: textParam(params, KEYS.currentLimitMilliamps, defaults.customSource.currentLimitMilliamps),
      outputImpedanceOhms: textParam(params, KEYS.outputImpedanceOhms, defaults.customSource.outputImpedanceOhms),
      noiseMicrovolts: textParam(params, KEYS.noiseMicrovolts, defaults.customSource.noiseMicrovolts),
    },
  };
}

/** The query string (without "?") for a state; custom fields only when a custom entry is chosen. */
export function queryFromState(state: MatcherState): string {
  const params = new URLSearchParams();
  params.set(KEYS.headphoneId, state.headphoneId);
  if (state.headphoneId === CUSTOM_ID) {
    params.set(KEYS.impedanceOhms, state.customHeadphone.impedanceOhms);
    params.set(KEYS.sensitivityDb, state.customHeadphone.sensitivityDb);
    if (state.customHeadphone.ratedMilliwatts.trim() !== '') params.set(KEYS.ratedMilliwatts, state.customHeadphone.ratedMilliwatts);
    params.set(KEYS.unit, state.customHeadphone.unit);
  }
  params.set(KEYS.sourceId, state.sourceId);
  if (state.sourceId === CUSTOM_ID) {
    params.set(KEYS.openCircuitVoltsRms, state.customSource.openCircuitVoltsRms);
    params.set(KEYS.currentLimitMilliamps, state.customSource.currentLimitMilliamps);
    params.set(KEYS.outputImpedanceOhms, state.customSource.outputImpedanceOhms);
    params.set(KEYS.noiseMicrovolts, state.customSource.noiseMicrovolts);
  } else {
    params.set(KEYS.outputId, state.outputId);
    params.set(KEYS.gainId, state.gainId);
  }
  params.set(KEYS.levelDbSpl, String(state.levelDbSpl));
  params.set(KEYS.crestFactorDb, String(state.crestFactorDb));
  return params.toString();
}

// The custom headphone's and source's number fields: the key each fills in the state, the id and the label the reader
// sees, and the group (fieldset) it sits in. The widget draws its fields and the "no verdict yet" list from here.
import type { CustomHeadphoneText, CustomSourceText } from './state';

export type CustomFieldKey = Exclude<keyof CustomHeadphoneText, 'unit'> | keyof CustomSourceText;

export interface CustomField {
  key: CustomFieldKey;
  group: 'Headphones' | 'Source';
  /** The input's id after the widget's prefix. */
  id: string;
  label: string;
}

export const HEADPHONE_FIELDS: readonly CustomField[] = [
  { key: 'impedanceOhms', group: 'Headphones', id: 'hp-impedance', label: 'Impedance' },
  { key: 'sensitivityDb', group: 'Headphones', id: 'hp-sensitivity', label: 'Sensitivity' },
  { key: 'ratedMilliwatts', group: 'Headphones', id: 'hp-rated', label: 'Rated maximum input (optional)' },
];

export const SOURCE_FIELDS: readonly CustomField[] = [
  { key: 'openCircuitVoltsRms', group: 'Source', id: 'src-volts', label: 'Largest output voltage (open circuit)' },
  { key: 'currentLimitMilliamps', group: 'Source', id: 'src-current', label: 'Current limit' },
  { key: 'outputImpedanceOhms', group: 'Source', id: 'src-zout', label: 'Output impedance' },
  { key: 'noiseMicrovolts', group: 'Source', id: 'src-noise', label: 'Output noise' },
];

/** The fields with a problem, in the order they are shown. */
export function fieldsToFix(problems: Partial<Record<CustomFieldKey, string>>): CustomField[] {
  return [...HEADPHONE_FIELDS, ...SOURCE_FIELDS].filter((field) => problems[field.key] !== undefined);
}

/**
 * Ranges the matcher accepts for custom headphones, sources and listening targets, with the message shown next to
 * a field whose value is outside them. Every value inside these ranges gives a finite result (tested).
 */

export interface FieldRange {
  readonly min: number;
  readonly max: number;
  readonly defaultValue: number;
  /** How the field is named in its message: "an impedance", "a sensitivity". */
  readonly what: string;
  /** Unit as displayed next to the field. */
  readonly unit: string;
}

export const CUSTOM_RANGES = {
  impedanceOhms: { min: 1, max: 1000, defaultValue: 32, what: 'an impedance', unit: 'Ω' },
  sensitivityDb: { min: 70, max: 140, defaultValue: 100, what: 'a sensitivity', unit: 'dB' },
  /** Optional: left blank (the default) where the maker publishes no rating; the default value is never filled in. */
  ratedMilliwatts: { min: 0.1, max: 10000, defaultValue: 100, what: 'a rated maximum input', unit: 'mW' },
  openCircuitVoltsRms: { min: 0.1, max: 30, defaultValue: 2, what: 'a voltage', unit: 'Vrms' },
  currentLimitMilliamps: { min: 1, max: 3000, defaultValue: 100, what: 'a current limit', unit: 'mA' },
  outputImpedanceOhms: { min: 0, max: 300, defaultValue: 1, what: 'an output impedance', unit: 'Ω' },
  noiseMicrovolts: { min: 0.1, max: 1000, defaultValue: 5, what: 'a noise voltage', unit: 'µV' },
} as const satisfies Record<string, FieldRange>;

export const LISTENING_LEVEL_RANGE_DB_SPL = { min: 60, max: 110, step: 1, defaultValue: 80 } as const;
export const CREST_FACTOR_RANGE_DB = { min: 3, max: 24, step: 1, defaultValue: 15 } as const;

/** Crest factors to choose from (REFERENCES §2: 12–20 dB typical music, 18–20 dB dynamic, 6–9 dB heavily limited; a sine's is 3 dB). */
export const CREST_FACTOR_PRESETS = [
  { label: 'Sine (3 dB)', value: 3 },
  { label: 'Heavily limited master (8 dB)', value: 8 },
  { label: 'Typical music (15 dB)', value: 15 },
  { label: 'Dynamic music (20 dB)', value: 20 },
] as const;

const trimmed = (value: number): string => String(Number(value.toPrecision(6)));

/** Longest piece of the reader's text quoted back in a message. */
const MAX_QUOTED_CHARACTERS = 24;

/**
 * null when text is a number inside the range; otherwise a sentence for the reader that names the range. A number
 * too large for a double (1e309 reads as Infinity) or too small (1e-400 reads as 0) is refused too: no real
 * figure is either, and the model would compute with something other than what was typed.
 */
export function fieldProblem(range: FieldRange, text: string): string | null {
  const typed = text.trim().replace(',', '.');
  const value = Number(typed);
  const wanted = `${range.what} from ${trimmed(range.min)} to ${trimmed(range.max)} ${range.unit}`;
  if (typed === '' || Number.isNaN(value)) return `Enter a number: ${wanted}.`;
  const quoted = typed.slice(0, MAX_QUOTED_CHARACTERS);
  if (!Number.isFinite(value)) return `Enter ${wanted}; ${quoted} is too large to be a real figure.`;
  const mantissa = typed.split(/e/i)[0] ?? '';
  if (value === 0 && /[1-9]/.test(mantissa)) return `Enter ${wanted}; ${quoted} is too small to compute with.`;
  if (value < range.min || value > range.max) {
    return `Enter ${wanted}; ${trimmed(value)} ${range.unit} is outside what the matcher models.`;
  }
  return null;
}

/** The number in text when it is valid for the range, else null: an invalid field has no value to compute with. */
export function fieldValue(range: FieldRange, text: string): number | null {
  return fieldProblem(range, text) === null ? Number(text.trim().replace(',', '.')) : null;
}

// Display formatting for plots, readouts and widgets: numbers with units and a real minus sign (U+2212).
// Leaves out locales: always "." as decimal point, no digit grouping, a plain space before the unit.

/** The typographic minus sign, U+2212, used instead of the ASCII hyphen-minus in every number shown. */
export const MINUS = '\u2212';

/** Shown where a value is missing or not a number. */
export const NO_VALUE = '—';

function trimTrailingZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

function signPrefix(value: number, roundedText: string, plus: string): string {
  if (Number(roundedText) === 0) return '';
  return value < 0 ? MINUS : plus;
}

/** `value` with a fixed number of decimals, "−" for negatives and no "−0.0". */
export function formatFixed(value: number, decimals: number): string {
  if (Number.isNaN(value)) return NO_VALUE;
  if (!Number.isFinite(value)) return value < 0 ? `${MINUS}∞` : '∞';
  const text = Math.abs(value).toFixed(decimals);
  return signPrefix(value, text, '') + text;
}

/** Like {@link formatFixed} but with an explicit "+" on positive values: "+1.1", "−0.4", "0.0". */
export function formatSigned(value: number, decimals: number): string {
  if (Number.isNaN(value)) return NO_VALUE;
  if (!Number.isFinite(value)) return value < 0 ? `${MINUS}∞` : '+∞';
  const text = Math.abs(value).toFixed(decimals);
  return signPrefix(value, text, '+') + text;
}

/** A plain number to `significantDigits` significant digits, trailing zeros dropped: 0.0123, 1.5, 2350. */
export function formatNumber(value: number, significantDigits = 3): string {
  if (Number.isNaN(value)) return NO_VALUE;
  if (!Number.isFinite(value)) return value < 0 ? `${MINUS}∞` : '∞';
  if (value === 0) return '0';
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.min(20, Math.max(0, significantDigits - 1 - exponent));
  const text = trimTrailingZeros(Math.abs(value).toFixed(decimals));
  return signPrefix(value, text, '') + text;
}

/**
 * Digits of a magnitude in [0, 1000) as engineers write them: two significant digits below 1
 * (0.05, 0.47), one decimal below 10 (2.2, 4.7, 5), whole numbers above (33, 520).
 */
function engineeringMantissa(magnitude: number): string {
  if (magnitude < 1) return formatNumber(magnitude, 2);
  if (magnitude < 10) return trimTrailingZeros(magnitude.toFixed(1));
  return magnitude.toFixed(0);
}

const SI_PREFIXES = ['', 'k', 'M', 'G'] as const;

/** `value` in `unit` with the SI prefix (none, k, M, G) that keeps the digits below 1000. */
function formatEngineering(value: number, unit: string): string {
  if (Number.isNaN(value)) return NO_VALUE;
  if (!Number.isFinite(value)) return `${value < 0 ? MINUS : ''}∞ ${unit}`;
  const magnitude = Math.abs(value);
  let text = engineeringMantissa(magnitude);
  let prefix: string = SI_PREFIXES[0];
  for (let i = 1; i < SI_PREFIXES.length && Number(text) >= 1000; i += 1) {
    text = engineeringMantissa(magnitude / 1000 ** i);
    prefix = SI_PREFIXES[i] ?? '';
  }
  return `${signPrefix(value, text, '')}${text} ${prefix}${unit}`;
}

/** A frequency for readouts and tables: "90 Hz", "1.2 kHz", "20 kHz". */
export function formatHz(frequencyHz: number): string {
  return formatEngineering(frequencyHz, 'Hz');
}

/** A level in decibels with its sign: "+1.1 dB", "−0.4 dB", "0.0 dB". */
export function formatDb(levelDb: number, digits = 1): string {
  const text = formatSigned(levelDb, digits);
  return text === NO_VALUE ? text : `${text} dB`;
}

/** A resistance or impedance magnitude: "0.05 Ω", "0.5 Ω", "33 Ω", "1.2 kΩ", "1 MΩ" (Greek capital omega, U+03A9). */
export function formatOhms(resistanceOhms: number): string {
  return formatEngineering(resistanceOhms, 'Ω');
}

// Display text for plots, schematic labels, readouts and widgets: SI numbers in, text with units out,
// with a real minus (U+2212) and micro sign (U+00B5). Leaves out locales: "." as decimal point, no digit grouping.

/** The typographic minus sign, U+2212, used instead of the ASCII hyphen-minus in every number shown. */
export const MINUS = '\u2212';

/** Shown where a value is missing or not a number. */
export const NO_VALUE = '—';

const MICRO = '\u00b5';

function trimTrailingZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** The sign to write before `roundedText`: none when the text reads as zero, so there is never a "−0.0". */
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

/** A level in decibels with its sign: "+1.1 dB", "−0.4 dB", "0.0 dB". */
export function formatDb(levelDb: number, digits = 1): string {
  const text = formatSigned(levelDb, digits);
  return text === NO_VALUE ? text : `${text} dB`;
}

// ---- values with SI prefixes ----------------------------------------------------------------------

/** Digits for a magnitude already scaled by its prefix, normally in [0, 1000). */
type Mantissa = (magnitude: number) => string;

interface Prefix {
  /** Smallest magnitude (in SI units) written with this prefix. */
  from: number;
  factor: number;
  symbol: string;
}

/**
 * Readout digits as engineers write them: two significant digits below 1 (0.05, 0.47), one decimal
 * below `wholeFrom` with a trailing zero dropped (2.2, 5, 33.5), whole numbers from there (90, 520).
 */
function readoutMantissa(wholeFrom: number): Mantissa {
  return (magnitude) => {
    if (magnitude < 1) return formatNumber(magnitude, 2);
    if (magnitude < wholeFrom) return trimTrailingZeros(magnitude.toFixed(1));
    return magnitude.toFixed(0);
  };
}

/** Component-value digits: three significant digits without trailing zeros from 1 up (2.2, 12.3, 330), two decimals below (0.20). */
const componentMantissa: Mantissa = (magnitude) => {
  const hundredths = Math.round(magnitude * 100) / 100;
  if (hundredths < 1) return hundredths.toFixed(2);
  return String(Number(magnitude.toPrecision(3)));
};

/**
 * `value` in `unit` with the first prefix whose range holds |value| (prefixes listed largest first);
 * a mantissa that rounds up to 1000 moves to the next larger prefix when that one is 1000 times larger.
 * Not-a-number and infinite values give {@link NO_VALUE}.
 */
function withPrefixes(value: number, unit: string, prefixes: readonly Prefix[], mantissa: Mantissa): string {
  if (!Number.isFinite(value)) return NO_VALUE;
  const magnitude = Math.abs(value);
  if (magnitude === 0) return `0 ${unit}`;
  let index = prefixes.findIndex((p) => magnitude >= p.from);
  if (index < 0) index = prefixes.length - 1;
  let prefix = prefixes[index];
  if (!prefix) return NO_VALUE;
  let text = mantissa(magnitude / prefix.factor);
  const larger = prefixes[index - 1];
  if (Number(text) >= 1000 && larger && Math.abs(larger.factor / prefix.factor - 1000) < 1e-6) {
    prefix = larger;
    text = mantissa(magnitude / prefix.factor);
  }
  return `${signPrefix(value, text, '')}${text} ${prefix.symbol}${unit}`;
}

/** Prefixes from none up to G, for resistances and frequencies. */
const NONE_TO_GIGA: readonly Prefix[] = [
  { from: 1e9, factor: 1e9, symbol: 'G' },
  { from: 1e6, factor: 1e6, symbol: 'M' },
  { from: 1e3, factor: 1e3, symbol: 'k' },
  { from: 0, factor: 1, symbol: '' },
];

/** "∞ Ω", "−∞ Hz": an open circuit is a value worth showing; NaN stays {@link NO_VALUE}. */
function withInfinity(value: number, unit: string, finite: (value: number) => string): string {
  if (Number.isNaN(value) || Number.isFinite(value)) return finite(value);
  return `${value < 0 ? MINUS : ''}∞ ${unit}`;
}

const ohmsMantissa = readoutMantissa(100);
const hertzMantissa = readoutMantissa(10);

/**
 * A resistance or impedance magnitude: "0.05 Ω", "0.5 Ω", "4.7 Ω", "33.5 Ω", "520 Ω", "1.2 kΩ", "1 MΩ", "∞ Ω"
 * (Greek capital omega, U+03A9). One decimal up to 100 Ω, so a setting in half-ohm steps reads as set.
 */
export function formatOhms(resistanceOhms: number): string {
  return withInfinity(resistanceOhms, 'Ω', (ohms) => withPrefixes(ohms, 'Ω', NONE_TO_GIGA, ohmsMantissa));
}

/** A frequency: "5.5 Hz", "90 Hz", "123 Hz", "1.2 kHz", "12 kHz", "20 kHz" (whole hertz from 10 Hz). */
export function formatHz(frequencyHz: number): string {
  return withInfinity(frequencyHz, 'Hz', (hertz) => withPrefixes(hertz, 'Hz', NONE_TO_GIGA, hertzMantissa));
}

const HENRY_PREFIXES: readonly Prefix[] = [
  { from: 1, factor: 1, symbol: '' },
  { from: 1e-4, factor: 1e-3, symbol: 'm' },
  { from: 1e-7, factor: 1e-6, symbol: MICRO },
  { from: 0, factor: 1e-9, symbol: 'n' },
];

/** An inductance: 2e-4 → "0.20 mH", 0.0123 → "12.3 mH", 5e-5 → "50 µH", 1.2 → "1.2 H". */
export function formatHenries(inductanceHenries: number): string {
  return withPrefixes(inductanceHenries, 'H', HENRY_PREFIXES, componentMantissa);
}

const FARAD_PREFIXES: readonly Prefix[] = [
  { from: 1, factor: 1, symbol: '' },
  { from: 1e-3, factor: 1e-3, symbol: 'm' },
  { from: 1e-6, factor: 1e-6, symbol: MICRO },
  { from: 1e-9, factor: 1e-9, symbol: 'n' },
  { from: 0, factor: 1e-12, symbol: 'p' },
];

/** A capacitance: 3.3e-4 → "330 µF", 4.7e-9 → "4.7 nF", 2.2e-3 → "2.2 mF". */
export function formatFarads(capacitanceFarads: number): string {
  return withPrefixes(capacitanceFarads, 'F', FARAD_PREFIXES, componentMantissa);
}

const SMALL_VOLT_PREFIXES: readonly Prefix[] = [
  { from: 1e-3, factor: 1e-3, symbol: 'm' },
  { from: 0, factor: 1e-6, symbol: MICRO },
];

/** A voltage: two decimals from 0.1 V up ("1.00 V", "0.97 V", "−2.50 V"), millivolts below ("50 mV"). */
export function formatVolts(volts: number): string {
  if (!Number.isFinite(volts)) return NO_VALUE;
  const magnitude = Math.abs(volts);
  if (magnitude === 0) return '0 V';
  if (magnitude >= 0.0995) return `${signPrefix(volts, magnitude.toFixed(2), '')}${magnitude.toFixed(2)} V`;
  return withPrefixes(volts, 'V', SMALL_VOLT_PREFIXES, componentMantissa);
}

/** Prefixes from n up to none, for powers and currents. */
const NANO_TO_NONE: readonly Prefix[] = [
  { from: 1, factor: 1, symbol: '' },
  { from: 1e-3, factor: 1e-3, symbol: 'm' },
  { from: 1e-6, factor: 1e-6, symbol: MICRO },
  { from: 0, factor: 1e-9, symbol: 'n' },
];

/** A power, three significant digits: 0.0167 → "16.7 mW", 1.31 → "1.31 W", 1.67e-5 → "16.7 µW". */
export function formatWatts(watts: number): string {
  return withPrefixes(watts, 'W', NANO_TO_NONE, componentMantissa);
}

/** A current, three significant digits: 0.1655 → "166 mA", 2.36e-4 → "236 µA", 1.2 → "1.2 A". */
export function formatAmps(amps: number): string {
  return withPrefixes(amps, 'A', NANO_TO_NONE, componentMantissa);
}

/** A time span in words: "more than 24 hours", "12 hours", "2.5 hours", "45 minutes", "under a minute". */
export function formatDuration(hours: number): string {
  if (hours >= 24) return 'more than 24 hours';
  if (hours >= 10) return `${hours.toFixed(0)} hours`;
  if (hours >= 1) return `${hours.toFixed(1)} hours`;
  const minutes = hours * 60;
  if (minutes >= 1) return `${minutes.toFixed(0)} minutes`;
  return 'under a minute';
}

// ---- values below what the models resolve ---------------------------------------------------------------

/**
 * The smallest distortion and level the models resolve: their harmonic levels come from sums of floating-point
 * samples, so anything below about −140 dB (0.00001 % of the fundamental) is numerical noise, not a result.
 */
export const LEVEL_FLOOR_DB = -140;
/** A percentage below this reads "< 0.0001 %" (−120 dB: a hundred times above the level floor, at four decimals). */
export const PERCENT_FLOOR = 1e-4;

/** A level in dB re the fundamental, or "below −140 dB" under {@link LEVEL_FLOOR_DB}: "−62.2 dB", "below −140 dB". */
export function formatLevelDb(levelDb: number, digits = 1): string {
  if (Number.isNaN(levelDb)) return NO_VALUE;
  return levelDb < LEVEL_FLOOR_DB ? `below ${formatFixed(LEVEL_FLOOR_DB, 0)} dB` : formatDb(levelDb, digits);
}

/** A percentage to `significantDigits`, or "< 0.0001 %" under {@link PERCENT_FLOOR}: "2.4 %", "0.0016 %", "< 0.0001 %". */
export function formatPercent(percent: number, significantDigits = 2): string {
  if (Number.isNaN(percent)) return NO_VALUE;
  return Math.abs(percent) < PERCENT_FLOOR ? `< ${formatNumber(PERCENT_FLOOR, 1)} %` : `${formatNumber(percent, significantDigits)} %`;
}

/** `value`, or exactly 0 when its magnitude is below `resolution`: a solver's −1e−14 A is no current at all. */
export function snapToZero(value: number, resolution: number): number {
  return Math.abs(value) < resolution ? 0 : value;
}

// Value text for schematic labels: ohms, henries, farads, volts and hertz with SI prefixes.
// Display only (SI numbers in, text out); leaves out locales, engineering notation beyond M/µ/n/p.

/** Shown for values that are not finite numbers. */
export const NO_VALUE = '—';
const MINUS = '\u2212';
const MICRO = '\u00b5';

/** Three significant digits without trailing zeros from 1 up ("33", "2.2", "12.3", "1000"); two decimals below ("0.20"). */
function mantissa(magnitude: number): string {
  const hundredths = Math.round(magnitude * 100) / 100;
  if (hundredths < 1) return hundredths.toFixed(2);
  return String(Number(magnitude.toPrecision(3)));
}

function signed(value: number, text: string): string {
  return value < 0 ? `${MINUS}${text}` : text;
}

interface Prefix {
  /** Smallest magnitude (in SI units) written with this prefix. */
  from: number;
  factor: number;
  symbol: string;
}

/** Picks the first prefix whose range holds |value|; a mantissa rounded up to 1000 moves to the next larger prefix. */
function withPrefixes(value: number, unit: string, prefixes: readonly Prefix[]): string {
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
  return signed(value, `${text} ${prefix.symbol}${unit}`);
}

const RESISTANCE_PREFIXES: readonly Prefix[] = [
  { from: 1e6, factor: 1e6, symbol: 'M' },
  { from: 1e3, factor: 1e3, symbol: 'k' },
  { from: 0, factor: 1, symbol: '' },
];

/** 0.5 → "0.50 Ω", 33 → "33 Ω", 32.5 → "32.5 Ω", 1500 → "1.5 kΩ". */
export function formatOhms(ohms: number): string {
  return withPrefixes(ohms, 'Ω', RESISTANCE_PREFIXES);
}

/** 2e-4 → "0.20 mH", 0.0123 → "12.3 mH", 5e-5 → "50 µH", 1.2 → "1.2 H". */
export function formatHenries(henries: number): string {
  return withPrefixes(henries, 'H', [
    { from: 1, factor: 1, symbol: '' },
    { from: 1e-4, factor: 1e-3, symbol: 'm' },
    { from: 1e-7, factor: 1e-6, symbol: MICRO },
    { from: 0, factor: 1e-9, symbol: 'n' },
  ]);
}

/** 3.3e-4 → "330 µF", 4.7e-9 → "4.7 nF", 2.2e-3 → "2.2 mF". */
export function formatFarads(farads: number): string {
  return withPrefixes(farads, 'F', [
    { from: 1, factor: 1, symbol: '' },
    { from: 1e-3, factor: 1e-3, symbol: 'm' },
    { from: 1e-6, factor: 1e-6, symbol: MICRO },
    { from: 1e-9, factor: 1e-9, symbol: 'n' },
    { from: 0, factor: 1e-12, symbol: 'p' },
  ]);
}

/** Two decimals from 0.1 V up ("1.00 V", "0.97 V", "−2.50 V"); millivolts below ("50 mV"). */
export function formatVolts(volts: number): string {
  if (!Number.isFinite(volts)) return NO_VALUE;
  const magnitude = Math.abs(volts);
  if (magnitude === 0) return '0 V';
  if (magnitude >= 0.0995) return signed(volts, `${magnitude.toFixed(2)} V`);
  return withPrefixes(volts, 'V', [
    { from: 1e-3, factor: 1e-3, symbol: 'm' },
    { from: 0, factor: 1e-6, symbol: MICRO },
  ]);
}

/** 90 → "90 Hz", 5.5 → "5.5 Hz", 2500 → "2.5 kHz", 20000 → "20 kHz". */
export function formatHz(hertz: number): string {
  return withPrefixes(hertz, 'Hz', [
    { from: 1e3, factor: 1e3, symbol: 'k' },
    { from: 0, factor: 1, symbol: '' },
  ]);
}

// Which tick values an axis labels at a given pixel size, and the short labels they carry.
// Leaves out drawing (the plot components do it) and scale construction (scales.ts).
import { ticks as linearTicks } from 'd3-array';
import { MINUS, formatFixed, formatSigned } from '../format';

/** The audible band drawn by default on frequency axes, in Hz. */
export const AUDIO_BAND_HZ: readonly [number, number] = [20, 20000];

/** Gridlines readers expect on a 20 Hz–20 kHz audio axis (1-2-5 steps per decade). */
export const AUDIO_FREQUENCY_TICKS_HZ: readonly number[] = [
  20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000,
];

/** A tick with its pixel position along the axis and its label text. */
export interface PlacedTick {
  readonly value: number;
  readonly positionPx: number;
  readonly label: string;
}

/** Average advance of a glyph in tick labels, as a fraction of the font size (digits in system UI fonts ≈ 0.55–0.6 em). */
const GLYPH_WIDTH_EM = 0.6;

/** Estimated rendered width of a one-line label; good enough to keep neighbouring labels apart. */
export function estimateLabelWidthPx(text: string, fontSizePx: number): number {
  return text.length * GLYPH_WIDTH_EM * fontSizePx;
}

function mantissaOf(value: number): number {
  const magnitude = Math.abs(value);
  const mantissa = magnitude / 10 ** Math.floor(Math.log10(magnitude));
  return Math.round(mantissa * 1000) / 1000;
}

/**
 * How essential a tick on a log axis is: 0 for 1·10ⁿ, 1 for 2·10ⁿ, 2 for 5·10ⁿ, 3 otherwise.
 * Narrow axes keep only the lower ranks.
 */
export function logTickRank(value: number): number {
  if (!(value > 0)) return 3;
  const mantissa = mantissaOf(value);
  if (mantissa === 1 || mantissa === 10) return 0;
  if (mantissa === 2) return 1;
  if (mantissa === 5) return 2;
  return 3;
}

/** True when no two neighbouring labels (sorted by position) come closer than `minGapPx`. */
export function labelsFit(
  placed: readonly PlacedTick[],
  labelExtentPx: (tick: PlacedTick) => number,
  minGapPx: number,
): boolean {
  const sorted = [...placed].sort((a, b) => a.positionPx - b.positionPx);
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous === undefined || current === undefined) continue;
    const needed = (labelExtentPx(previous) + labelExtentPx(current)) / 2 + minGapPx;
    if (current.positionPx - previous.positionPx < needed) return false;
  }
  return true;
}

/** Keeps the first label, then each label that clears the last kept one. */
function greedyThin(
  placed: readonly PlacedTick[],
  labelExtentPx: (tick: PlacedTick) => number,
  minGapPx: number,
): PlacedTick[] {
  const sorted = [...placed].sort((a, b) => a.positionPx - b.positionPx);
  const kept: PlacedTick[] = [];
  for (const tick of sorted) {
    const last = kept[kept.length - 1];
    if (last === undefined || tick.positionPx - last.positionPx >= (labelExtentPx(last) + labelExtentPx(tick)) / 2 + minGapPx) {
      kept.push(tick);
    }
  }
  return kept;
}

/**
 * The first candidate set (densest first) whose labels do not collide; if none fits,
 * the last (sparsest) candidate thinned greedily.
 */
export function firstFittingTicks(
  candidates: readonly (readonly PlacedTick[])[],
  labelExtentPx: (tick: PlacedTick) => number,
  minGapPx: number,
): readonly PlacedTick[] {
  for (const candidate of candidates) {
    if (labelsFit(candidate, labelExtentPx, minGapPx)) return candidate;
  }
  const sparsest = candidates[candidates.length - 1] ?? [];
  return greedyThin(sparsest, labelExtentPx, minGapPx);
}

/** Subsets of `placed` by rank, densest first: all ticks, then those of rank ≤ r for decreasing r. */
export function subsetsByRank(placed: readonly PlacedTick[], rankOf: (value: number) => number): PlacedTick[][] {
  const ranks = [...new Set(placed.map((tick) => rankOf(tick.value)))].sort((a, b) => b - a);
  return ranks.map((maxRank) => placed.filter((tick) => rankOf(tick.value) <= maxRank));
}

/** Fewest decimals (up to 6) that show every value exactly, so one axis uses one precision. */
export function decimalsFor(values: readonly number[]): number {
  let decimals = 0;
  for (const value of values) {
    while (decimals < 6 && Math.abs(Number(value.toFixed(decimals)) - value) > 1e-9 * Math.max(1, Math.abs(value))) {
      decimals += 1;
    }
  }
  return decimals;
}

/** Compact SI tick label without unit: 20 → "20", 1000 → "1k", 1500 → "1.5k", 20000 → "20k", 1e6 → "1M". */
export function formatCompactTick(value: number): string {
  const magnitude = Math.abs(value);
  const sign = value < 0 ? MINUS : '';
  const [scaled, suffix] =
    magnitude >= 1e6 ? [magnitude / 1e6, 'M'] : magnitude >= 1e3 ? [magnitude / 1e3, 'k'] : [magnitude, ''];
  return `${sign}${formatFixed(scaled, decimalsFor([scaled]))}${suffix}`;
}

/** Frequency axis label as audio plots write them: "20", "100", "1k", "20k". */
export function formatFrequencyTick(frequencyHz: number): string {
  return formatCompactTick(frequencyHz);
}

/** Plain tick label with the precision the whole set of ticks needs: "0", "0.5", "−1.5". */
export function formatPlainTick(value: number, allTicks: readonly number[]): string {
  return formatFixed(value, decimalsFor(allTicks));
}

/** Signed tick label for relative levels: "+2", "0", "−2", or "+0.5" when the steps need it. */
export function formatSignedTick(value: number, allTicks: readonly number[]): string {
  return formatSigned(value, decimalsFor(allTicks));
}

/** The 1-2-5 sequence of values inside [low, high] (inclusive), e.g. 20, 50, 100, …, 20 000. */
export function oneTwoFiveSequence(low: number, high: number): number[] {
  const values: number[] = [];
  if (!(low > 0) || !(high >= low)) return values;
  for (let decade = Math.floor(Math.log10(low)); 10 ** decade <= high; decade += 1) {
    for (const mantissa of [1, 2, 5]) {
      const value = Number((mantissa * 10 ** decade).toPrecision(12));
      if (value >= low * (1 - 1e-12) && value <= high * (1 + 1e-12)) values.push(value);
    }
  }
  return values;
}

/** Fewest and most rows a default data table aims for. */
const TABLE_ROWS_MIN = 6;
const TABLE_ROWS_MAX = 16;
const TABLE_ROWS_TARGET = 12;

/**
 * Default x values for a plot's data table: about a dozen, evenly spread along the axis.
 * Log axes use the 1-2-5 sequence (or decades when that is too many, or two-digit values
 * evenly spaced in log x when too few); linear axes use d3's nice ticks.
 */
export function defaultTableRows(scaleKind: 'linear' | 'log', domain: readonly [number, number]): number[] {
  const low = Math.min(domain[0], domain[1]);
  const high = Math.max(domain[0], domain[1]);
  if (scaleKind === 'linear') return linearTicks(low, high, TABLE_ROWS_TARGET);
  const oneTwoFive = oneTwoFiveSequence(low, high);
  if (oneTwoFive.length > TABLE_ROWS_MAX) return oneTwoFive.filter((value) => logTickRank(value) === 0);
  if (oneTwoFive.length >= TABLE_ROWS_MIN) return oneTwoFive;
  const logLow = Math.log10(low);
  const logHigh = Math.log10(high);
  const rows: number[] = [];
  for (let i = 0; i < TABLE_ROWS_TARGET; i += 1) {
    const value = 10 ** (logLow + ((logHigh - logLow) * i) / (TABLE_ROWS_TARGET - 1));
    const rounded = i === 0 ? low : i === TABLE_ROWS_TARGET - 1 ? high : Number(value.toPrecision(2));
    if (rows[rows.length - 1] !== rounded) rows.push(rounded);
  }
  return rows;
}

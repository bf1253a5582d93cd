// A numeric question: a generator draws values, asks for one number the lesson's model computes, and shows the
// working. Each lesson's generators live in `numeric/<lesson>.ts` (named exports), call src/dsp for the answer, and
// are loaded by the page only when the reader asks for another draw. Leaves out units the reader types: the unit is
// fixed and shown beside the box.
import { formatNumber } from '../../format';

/** Accepted when |given − answer| ≤ max(absolute, relative·|answer|); give one or both. */
export interface NumericTolerance {
  readonly absolute?: number;
  readonly relative?: number;
}

/** A tempting wrong answer and why it is tempting; matched within the question's tolerance. */
export interface NumericMistake {
  readonly answer: number;
  readonly why: string;
}

export interface NumericProblem {
  /** The question with this draw's values, as plain text (no markup, no TeX). */
  readonly prompt: string;
  /** The model's answer, in `unit`. */
  readonly answer: number;
  /** The unit the reader answers in, shown beside the box ("dB", "Ω", "V"); "" for a plain ratio. */
  readonly unit: string;
  readonly tolerance: NumericTolerance;
  /** Significant digits to show the answer with. */
  readonly digits: number;
  /** The working, step by step, as plain text with this draw's values. */
  readonly working: readonly string[];
  /** Wrong answers readers are likely to give, each with why it is tempting and what is actually so. */
  readonly mistakes?: readonly NumericMistake[];
}

/** Draws one problem; `random` gives numbers in [0, 1) (seeded, so a page and its hydration agree). */
export type NumericGenerator = (random: () => number) => NumericProblem;

/** Picks one of `values` with `random`. */
export function pick<T>(values: readonly T[], random: () => number): T {
  const value = values[Math.min(values.length - 1, Math.floor(random() * values.length))];
  if (value === undefined) throw new Error('pick: no values to pick from');
  return value;
}

/** The largest difference from the answer that is accepted. */
export function toleranceOf(problem: Pick<NumericProblem, 'answer' | 'tolerance'>): number {
  return Math.max(problem.tolerance.absolute ?? 0, (problem.tolerance.relative ?? 0) * Math.abs(problem.answer));
}

/** Whether `given` is within the problem's tolerance of `answer` (or of `reference`, for mistakes). */
export function withinTolerance(problem: Pick<NumericProblem, 'answer' | 'tolerance'>, given: number, reference = problem.answer): boolean {
  return Number.isFinite(given) && Math.abs(given - reference) <= toleranceOf(problem) * (1 + 1e-9);
}

/** "Answers within ±0.2 dB count." or "Answers within ±5 % count." */
export function describeTolerance(problem: Pick<NumericProblem, 'tolerance' | 'unit'>): string {
  const parts: string[] = [];
  const { absolute, relative } = problem.tolerance;
  if (relative !== undefined) parts.push(`±${formatNumber(relative * 100, 2)} %`);
  if (absolute !== undefined) parts.push(`±${formatNumber(absolute, 2)}${problem.unit ? ` ${problem.unit}` : ''}`);
  return `Answers within ${parts.join(' or ')} of the model's value count.`;
}

/** The answer as shown: its significant digits and unit. */
export function formatAnswer(problem: Pick<NumericProblem, 'answer' | 'digits' | 'unit'>): string {
  return `${formatNumber(problem.answer, problem.digits)}${problem.unit ? ` ${problem.unit}` : ''}`;
}

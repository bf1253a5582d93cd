// Figures the hearing-differences lesson quotes, computed from the binomial model of an ABX test and the level
// formulas, so the prose and the ABX widgets can't disagree. Each is in the unit its name says.
import { criticalCorrect, missProbability, oneSidedPValue, trialsNeeded } from '../dsp/binomial';
import { ABX_DEFAULT_TRIALS } from '../dsp/abxSession';

export const TRIALS = ABX_DEFAULT_TRIALS;
export const ALPHA = 0.05;
/** Voltage ratio of a level change, as a percentage more: 100·(10^(dB/20) − 1). */
export const percentMoreVoltage = (db: number): number => 100 * (10 ** (db / 20) - 1);

/** The pass mark of a 16-trial test at α = 0.05 and its p-value. */
export const passMark = criticalCorrect(TRIALS, ALPHA);
export const passMarkP = oneSidedPValue(passMark, TRIALS);
export const pValueOf = (correct: number, trials = TRIALS): number => oneSidedPValue(correct, trials);

/** Miss probability of a listener right `rate` of the time, and trials needed for 80 % power. */
export const missOf = (trials: number, rate: number): number => missProbability(trials, rate, ALPHA);
export const trialsFor80PercentPower = (rate: number): number => trialsNeeded(rate, ALPHA, 0.8) ?? Number.NaN;

/** The chance that at least one of `tests` tests of identical things passes at the 16-trial pass mark. */
export const anyFalsePass = (tests: number): number => 1 - (1 - passMarkP) ** tests;

/** Miss probability against the number of trials for a listener right 60 % and 70 % of the time. */
export const missCurve = (rate: number): { x: number; y: number }[] =>
  Array.from({ length: 193 }, (_, i) => 8 + i).map((n) => ({ x: n, y: 100 * missOf(n, rate) }));

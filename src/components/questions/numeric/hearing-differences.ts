// Numeric questions for "Hearing differences honestly": the chance of an ABX score by guessing (the one-sided
// binomial tail, src/dsp/binomial), and a level difference in dB from a voltage difference.
import { formatNumber } from '../../format';
import { binomialPmf, oneSidedPValue } from '../../../dsp/binomial';
import { pick, type NumericGenerator } from './types';

const TRIAL_COUNTS = [10, 12, 16, 20] as const;

/** p = Σ_{k ≥ c} C(n, k)·2^−n, asked as a percentage. */
export const guessingChance: NumericGenerator = (random) => {
  const trials = pick(TRIAL_COUNTS, random);
  const correct = pick([Math.ceil(trials * 0.6), Math.ceil(trials * 0.7), Math.ceil(trials * 0.8)], random);
  const answer = 100 * oneSidedPValue(correct, trials);
  const exactly = 100 * binomialPmf(trials, correct, 0.5);
  return {
    prompt: `You score ${correct} of ${trials} in an ABX test. If you had only been guessing, what is the chance of scoring at least that well, in percent?`,
    answer,
    unit: '%',
    tolerance: { relative: 0.05, absolute: 0.05 },
    digits: 3,
    working: [
      `Each guess is right with probability ½, so a score of k has probability C(${trials}, k) / 2^${trials}.`,
      `Add the scores from ${correct} to ${trials}: p = ${formatNumber(answer / 100, 3)}, that is ${formatNumber(answer)} %.`,
      answer <= 5 ? 'That is at or below 5 %: good evidence that you heard something.' : 'That is above 5 %: a guesser does this well too often for the score to count as evidence.',
    ],
    mistakes: [
      { answer: exactly, why: `That is the chance of exactly ${correct}. The question is how often a guesser does at least this well, so add the chances of every higher score too.` },
      { answer: 100 - answer, why: 'That is the chance of doing worse. p is the upper tail: the chance of this score or better by guessing.' },
    ],
  };
};

const VOLTAGE_PERCENTS = [1, 1.2, 2.3, 5, 10, 12.2, 25] as const;

/** ΔL = 20·log10(1 + x/100) for a voltage x % higher. */
export const levelFromVoltage: NumericGenerator = (random) => {
  const percent = pick(VOLTAGE_PERCENTS, random);
  const answer = 20 * Math.log10(1 + percent / 100);
  return {
    prompt: `Source B gives ${formatNumber(percent)} % more voltage than source A at the same volume setting. By how many dB is B louder?`,
    answer,
    unit: 'dB',
    tolerance: { relative: 0.05, absolute: 0.01 },
    digits: 2,
    working: [
      'For voltages the level difference is ΔL = 20·log10(VB / VA).',
      `VB / VA = 1 + ${formatNumber(percent)}/100 = ${formatNumber(1 + percent / 100, 4)}, so ΔL = 20·log10(${formatNumber(1 + percent / 100, 4)}) = ${formatNumber(answer)} dB.`,
      answer > 0.1 ? 'More than the 0.1 dB a fair comparison allows: match the levels first.' : 'Within the 0.1 dB a fair comparison allows.',
    ],
    mistakes: [
      { answer: 10 * Math.log10(1 + percent / 100), why: 'That uses 10·log10, which is for power ratios. Power goes with voltage squared, so a voltage ratio takes 20·log10.' },
    ],
  };
};

// Numeric questions for "Myths and measurements": reading an advert's distortion figure, THD+N in percent as a
// level in dB relative to the test tone (a ratio of voltages, so 20·log10).
import { formatNumber } from '../../format';
import { dbFromPercent } from '../../../lessonValues/mythsAndMeasurements';
import { pick, type NumericGenerator } from './types';

/** Figures of the kind spec sheets print: the O2+ODAC's 0.0016 %, typical op-amp and tube amplifier figures. */
const THDN_PERCENT = [0.0016, 0.001, 0.003, 0.005, 0.01, 0.05, 0.1, 0.5, 1] as const;
const TOLERANCE_DB = 0.3;

/** THD+N in % → dB re the fundamental. */
export const thdnPercentToDb: NumericGenerator = (random) => {
  const percent = pick(THDN_PERCENT, random);
  const ratio = percent / 100;
  const answer = dbFromPercent(percent);
  return {
    prompt: `An amplifier's spec sheet gives THD+N of ${formatNumber(percent)} % at 1 kHz. What is that as a level in dB relative to the test tone?`,
    answer,
    unit: 'dB',
    tolerance: { absolute: TOLERANCE_DB },
    digits: 3,
    working: [
      `THD+N is the rms voltage of everything that is not the test tone, as a fraction of the tone: ${formatNumber(percent)} % = ${formatNumber(ratio)}.`,
      `It is a ratio of voltages, so 20·log10(${formatNumber(ratio)}) = ${formatNumber(answer)} dB.`,
      `Each factor of 10 in percent is 20 dB: 1 % is −40 dB, 0.1 % is −60 dB, 0.01 % is −80 dB.`,
    ],
    mistakes: [
      {
        answer: answer / 2,
        why: 'That is 10·log10, the rule for power ratios. THD+N compares voltages, and power goes with voltage squared, so it takes 20·log10.',
      },
      {
        answer: 20 * Math.log10(percent),
        why: 'That takes the percentage as the ratio. Divide by 100 first: that is 40 dB lower.',
      },
    ].filter((mistake) => Math.abs(mistake.answer - answer) > TOLERANCE_DB),
  };
};

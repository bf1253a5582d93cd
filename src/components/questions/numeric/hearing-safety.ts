// Numeric questions for "Listening level and hearing safety": the NIOSH allowed time at a level, and a day's dose
// from two listening sessions, from the exposure model in src/dsp/matching/exposure (the matcher's rule).
import { formatNumber } from '../../format';
import { nioshAllowedHours, nioshDosePercent, oshaAllowedHours } from '../../../lessonValues/hearingSafety';
import { pick, type NumericGenerator } from './types';

const LEVELS_DB = [86, 87, 89, 90, 92, 93, 95, 96, 98, 99] as const;

/** Hours per day at a level by NIOSH: 8 h / 2^((L − 85) / 3). */
export const allowedTime: NumericGenerator = (random) => {
  const levelDb = pick(LEVELS_DB, random);
  const answer = nioshAllowedHours(levelDb);
  const steps = (levelDb - 85) / 3;
  return {
    prompt: `By the NIOSH rule (85 dBA for 8 hours, halved for every 3 dB more), how many hours a day can you listen at an average ${levelDb} dB?`,
    answer,
    unit: 'h',
    tolerance: { relative: 0.03 },
    digits: 3,
    working: [
      `Count the 3 dB steps above 85: (${levelDb} − 85) / 3 = ${formatNumber(steps)}.`,
      `Halve 8 hours that many times: 8 h / 2^${formatNumber(steps)} = 8 h / ${formatNumber(2 ** steps)} = ${formatNumber(answer)} h.`,
      `That is about ${formatNumber(answer * 60, 3)} minutes.`,
    ],
    mistakes: [
      {
        answer: oshaAllowedHours(levelDb),
        why: 'That is OSHA\'s legal rule (90 dBA, 5 dB per halving). It is what US workplaces must meet, but it lets doubled energy run for more than half the time; NIOSH\'s 3 dB rule, which the matcher uses, follows the energy.',
      },
      {
        answer: 8 / 2 ** ((levelDb - 85) / 5),
        why: 'That halves the time every 5 dB. The halving follows the energy, and 3 dB, not 5 dB, is twice the energy.',
      },
      {
        answer: 8 - (levelDb - 85) / 3,
        why: 'That takes an hour off per 3 dB step. Each step halves the time: the dose grows by multiplying, not adding.',
      },
    ].filter((mistake) => Math.abs(mistake.answer - answer) > 0.03 * answer),
  };
};

const SESSION_LEVELS_DB = [82, 85, 88, 91, 94, 97] as const;
const SESSION_HOURS = [0.5, 1, 1.5, 2, 3] as const;

/** A day's dose from two sessions: 100 % × (C1/T1 + C2/T2). */
export const dayDose: NumericGenerator = (random) => {
  const first = { levelDb: pick(SESSION_LEVELS_DB, random), hours: pick(SESSION_HOURS, random) };
  const second = { levelDb: pick(SESSION_LEVELS_DB, random), hours: pick(SESSION_HOURS, random) };
  const answer = nioshDosePercent([first, second]);
  const t1 = nioshAllowedHours(first.levelDb);
  const t2 = nioshAllowedHours(second.levelDb);
  const meanLevel = (first.levelDb * first.hours + second.levelDb * second.hours) / (first.hours + second.hours);
  return {
    prompt: `You listen for ${formatNumber(first.hours)} h at an average ${first.levelDb} dB, then ${formatNumber(second.hours)} h at ${second.levelDb} dB. By the NIOSH rule, what percentage of the day's dose have you used?`,
    answer,
    unit: '%',
    tolerance: { relative: 0.03 },
    digits: 3,
    working: [
      `Allowed at ${first.levelDb} dB: 8 h / 2^((${first.levelDb} − 85)/3) = ${formatNumber(t1)} h; at ${second.levelDb} dB: ${formatNumber(t2)} h.`,
      `Each session uses its share: ${formatNumber(first.hours)} / ${formatNumber(t1)} = ${formatNumber((100 * first.hours) / t1)} % and ${formatNumber(second.hours)} / ${formatNumber(t2)} = ${formatNumber((100 * second.hours) / t2)} %.`,
      `The day: ${formatNumber(answer)} %.`,
    ],
    mistakes: [
      {
        answer: (100 * (first.hours + second.hours)) / nioshAllowedHours(meanLevel),
        why: 'That averages the decibels first. Decibels are logarithmic: the louder session carries far more energy and dominates, so add each session\'s share of its own allowed time instead.',
      },
      {
        answer: (100 * (first.hours + second.hours)) / 8,
        why: 'That counts hours against the 8 hours allowed at 85 dB. Each hour counts against the time allowed at its own level.',
      },
    ].filter((mistake) => Math.abs(mistake.answer - answer) > 0.03 * answer),
  };
};

// Numeric questions for "Connecting it all": by how many dB a full-scale source through an amplifier's gain asks for
// more than the amplifier can give (the O2's 7.24 Vrms into 300 Ω), from the level sums in src/lessonValues.
import { formatNumber, formatSigned } from '../../format';
import { dbRelative, o2LimitVolts, overO2LimitDb } from '../../../lessonValues/connectionsLevels';
import { pick, type NumericGenerator } from './types';

/** Full-scale outputs, Vrms: a 1 V line output, the PCM5102A's 2.1 V, a Scarlett-class 2.45 V headphone output, a 4 V balanced DAC. */
const SOURCE_FULL_SCALE_VOLTS = [1, 2.1, 2.45, 4] as const;
/** The O2's gains (1×, 2.5×, 6.5×) and a 4× middle setting. */
const GAINS = [1, 2.5, 4, 6.5] as const;
const TOLERANCE_DB = 0.2;
const DIGITAL_VOLUMES_DB = [0, 0, -3, -6] as const;

/** dB over (or, negative, under) the amplifier's 7.24 Vrms limit for a full-scale sine. */
export const overdrive: NumericGenerator = (random) => {
  const sourceVolts = pick(SOURCE_FULL_SCALE_VOLTS, random);
  const gain = pick(GAINS, random);
  const volumeDb = pick(DIGITAL_VOLUMES_DB, random);
  const answer = overO2LimitDb(sourceVolts, gain, volumeDb);
  const demandVolts = sourceVolts * gain * 10 ** (volumeDb / 20);
  const volumeText = volumeDb === 0 ? 'full digital volume' : `a digital volume of ${formatSigned(volumeDb, 0)} dB`;
  return {
    prompt:
      `A source whose full-scale output is ${formatNumber(sourceVolts)} Vrms plays a full-scale sine at ${volumeText} into an amplifier set to ` +
      `${formatNumber(gain)}× gain, which can give at most ${formatNumber(o2LimitVolts)} Vrms into your headphones. By how many dB does the ` +
      `chain ask for more than the amplifier can give? (Answer a negative number if there is room to spare.)`,
    answer,
    unit: 'dB',
    tolerance: { absolute: TOLERANCE_DB },
    digits: 2,
    working: [
      `The digital volume scales the source: ${formatNumber(sourceVolts)} V × 10^(${formatSigned(volumeDb, 0)}/20) = ${formatNumber(sourceVolts * 10 ** (volumeDb / 20))} V.`,
      `The amplifier multiplies it by its gain: × ${formatNumber(gain)} = ${formatNumber(demandVolts)} Vrms asked for.`,
      `Against the limit, as a voltage ratio: 20·log10(${formatNumber(demandVolts)} / ${formatNumber(o2LimitVolts)}) = ${formatSigned(answer, 2)} dB.`,
      answer > 0
        ? 'Positive: the peaks are flattened. Lower the gain or the digital volume by at least that much.'
        : 'Negative: that much room to spare, so the loudest full-scale peak passes cleanly.',
    ],
    mistakes: [
      {
        answer: answer / 2,
        why: 'That is 10·log10, the rule for power ratios. These are voltages, and power goes with voltage squared, so a voltage ratio takes 20·log10.',
      },
      {
        answer: dbRelative(sourceVolts * 10 ** (volumeDb / 20), o2LimitVolts),
        why: 'That leaves out the amplifier\'s gain: the limit is on its output, so the source voltage has to be multiplied by the gain first.',
      },
    ].filter((mistake) => Math.abs(mistake.answer - answer) > TOLERANCE_DB),
  };
};

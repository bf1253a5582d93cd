// Numeric questions for "Solid-state and tube amplifiers": the three-point estimate of the second harmonic from the
// plate voltages of the lesson's triode stage (Koren's model, src/dsp/circuits/triodeStage) at a drawn drive.
import { formatNumber } from '../../format';
import { triodeThreePoints } from '../../../lessonValues/tubeVsSolidState';
import { pick, type NumericGenerator } from './types';

const DRIVES_DB = [0, -2, -4, -6, -8, -10, -12] as const;
const round1 = (volts: number): number => Math.round(volts * 10) / 10;

/** |D2| in percent from the plate's rest, top and bottom voltages, read to 0.1 V. */
export const threePointD2: NumericGenerator = (random) => {
  const points = triodeThreePoints(pick(DRIVES_DB, random));
  const maxVolts = round1(points.maxVolts);
  const minVolts = round1(points.minVolts);
  const restVolts = round1(points.restVolts);
  const middleVolts = (maxVolts + minVolts) / 2;
  const swingVolts = maxVolts - minVolts;
  const d2 = (middleVolts - restVolts) / swingVolts;
  const answer = 100 * Math.abs(d2);
  return {
    prompt: `A 12AU7 stage's plate rests at ${formatNumber(restVolts, 4)} V. Driven with a sine, it swings up to ${formatNumber(maxVolts, 4)} V and down to ${formatNumber(minVolts, 4)} V. Using the three-point formula, how much second harmonic does it make, in percent of the fundamental?`,
    answer,
    unit: '%',
    tolerance: { absolute: 0.1 },
    digits: 2,
    working: [
      `Middle of the swing: (${formatNumber(maxVolts, 4)} + ${formatNumber(minVolts, 4)}) / 2 = ${formatNumber(middleVolts, 5)} V, ${formatNumber(Math.abs(middleVolts - restVolts), 3)} V ${middleVolts < restVolts ? 'below' : 'above'} the rest voltage.`,
      `Whole swing: ${formatNumber(maxVolts, 4)} − ${formatNumber(minVolts, 4)} = ${formatNumber(swingVolts, 4)} V.`,
      `D2 = ${formatNumber(middleVolts - restVolts, 3)} V / ${formatNumber(swingVolts, 4)} V = ${formatNumber(d2, 3)}, a second harmonic of ${formatNumber(answer, 2)} % (the sign only says which half of the wave came out larger).`,
    ],
    mistakes: [
      {
        answer: 2 * answer,
        why: 'That divides by half the swing (the peak) instead of the whole swing from top to bottom. The formula\'s denominator is Vmax − Vmin.',
      },
    ],
  };
};

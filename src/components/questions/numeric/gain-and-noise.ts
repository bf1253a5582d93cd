// Numeric questions for "Gain, volume and noise": how loud an amplifier's hiss is at the ear, from its noise voltage
// and the headphone's sensitivity (src/dsp/matching/sensitivity: SPL = S + 20·log10(V)).
import { formatNumber } from '../../format';
import { splFromVoltsRms } from '../../../dsp/matching/sensitivity';
import { pick, type NumericGenerator } from './types';

const SENSITIVITIES_DB_PER_VOLT = [97, 103, 110, 118, 124, 132] as const;
const NOISE_MICROVOLTS = [1, 2, 3, 5, 8, 10, 20] as const;

/** Hiss at the ear in dB SPL for a drawn noise voltage and sensitivity. */
export const hissSpl: NumericGenerator = (random) => {
  const dbPerVolt = pick(SENSITIVITIES_DB_PER_VOLT, random);
  const microvolts = pick(NOISE_MICROVOLTS, random);
  const noiseDbV = 20 * Math.log10(microvolts * 1e-6);
  const answer = splFromVoltsRms(dbPerVolt, microvolts * 1e-6);
  return {
    prompt: `An amplifier's output carries ${microvolts} µV of noise whatever the volume setting. How loud is that hiss, in dB SPL, in a headphone of ${dbPerVolt} dB/V?`,
    answer,
    unit: 'dB SPL',
    tolerance: { absolute: 0.5 },
    digits: 3,
    working: [
      'The hiss becomes sound through the sensitivity, like the music: SPL = S + 20·log10(V / 1 V).',
      `20·log10(${microvolts} µV / 1 V) = 20·log10(${formatNumber(microvolts * 1e-6)}) = ${formatNumber(noiseDbV)} dB.`,
      `SPL = ${dbPerVolt} + (${formatNumber(noiseDbV)}) = ${formatNumber(answer)} dB SPL.`,
    ],
    mistakes: [
      {
        answer: dbPerVolt + 20 * Math.log10(microvolts),
        why: 'That treats the microvolts as volts. 1 µV is a millionth of a volt, 120 dB below 1 V, so the hiss is 120 dB quieter than that.',
      },
      {
        answer: dbPerVolt + 10 * Math.log10(microvolts * 1e-6),
        why: 'That uses 10·log10, the rule for power. The noise is a voltage, so its level is 20·log10 of it.',
      },
    ],
  };
};

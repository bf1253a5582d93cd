// Numeric questions for "Output stage classes A, B and AB": the bias current that keeps a push-pull stage in class A
// for a headphone at a level, from the headphone's sensitivity and impedance (src/dsp/matching/sensitivity) and the
// idealised class AB split Iq ± IL/2 (src/lessonValues/outputStageClasses).
import { formatNumber } from '../../format';
import { biasForClassAAmps, peakAmpsForSpl } from '../../../lessonValues/outputStageClasses';
import { voltsRmsForSpl } from '../../../dsp/matching/sensitivity';
import { pick, type NumericGenerator } from './types';

/** Headphones as a sensitivity (dB/V) and an impedance (Ω): round values of the kinds the lessons discuss. */
const HEADPHONES = [
  { dbPerVolt: 103, ohms: 300 },
  { dbPerVolt: 104, ohms: 250 },
  { dbPerVolt: 98, ohms: 600 },
  { dbPerVolt: 102, ohms: 48 },
  { dbPerVolt: 100, ohms: 32 },
  { dbPerVolt: 96, ohms: 20 },
] as const;
const LEVELS_DB_SPL = [100, 105, 110, 115] as const;

/** The bias (mA) that keeps the stage in class A up to the peaks of a sine at a drawn level. */
export const classABias: NumericGenerator = (random) => {
  const { dbPerVolt, ohms } = pick(HEADPHONES, random);
  const splDb = pick(LEVELS_DB_SPL, random);
  const voltsRms = voltsRmsForSpl(dbPerVolt, splDb);
  const peakMilliamps = 1000 * peakAmpsForSpl(dbPerVolt, ohms, splDb);
  const answer = 1000 * biasForClassAAmps(peakMilliamps / 1000);
  const rmsMilliamps = (1000 * voltsRms) / ohms;
  return {
    prompt: `A headphone of ${ohms} Ω and ${dbPerVolt} dB/V plays a sine whose level is ${splDb} dB SPL. In the simple class AB picture (each transistor carries Iq plus or minus half the load current), what bias current Iq keeps the stage in class A all the way to the sine's peaks?`,
    answer,
    unit: 'mA',
    tolerance: { relative: 0.03 },
    digits: 3,
    working: [
      `Voltage for ${splDb} dB SPL: V = 10^((${splDb} − ${dbPerVolt}) / 20) = ${formatNumber(voltsRms)} Vrms.`,
      `Peak current: √2 × ${formatNumber(voltsRms)} V / ${ohms} Ω = ${formatNumber(peakMilliamps)} mA.`,
      `Each transistor carries Iq ± IL/2, so neither switches off while IL,pk ≤ 2·Iq: Iq = ${formatNumber(peakMilliamps)} mA / 2 = ${formatNumber(answer)} mA.`,
    ],
    mistakes: [
      {
        answer: peakMilliamps,
        why: 'That is the peak load current itself. It is tempting to think the bias must cover all of it, but in push-pull each transistor only gives up half the load current, so half of it is enough.',
      },
      {
        answer: rmsMilliamps / 2,
        why: 'That uses the rms current. Class A ends at the peaks, and a sine\'s peak is √2 times its rms value.',
      },
    ],
  };
};

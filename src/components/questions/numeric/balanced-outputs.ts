// Numeric questions for "Balanced outputs": the power a bridged output delivers when each half has a current limit
// (src/dsp/matching/outputLimits), and the crosstalk a shared ground wire causes.
import { formatNumber } from '../../format';
import { cleanOutput } from '../../../dsp/matching/outputLimits';
import { powerWatts } from '../../../dsp/matching/sensitivity';
import { groundCrosstalkDb } from '../../../lessonValues/balancedOutputs';
import { pick, type NumericGenerator } from './types';

const LOAD_OHMS = [16, 32, 64, 150, 300, 600] as const;
const SINGLE_ENDED_VOLTS = [1, 1.5, 2, 3] as const;
const CURRENT_LIMIT_MA = [50, 80, 100, 150] as const;

/** Bridged power into a load: twice the single-ended voltage, unless each half's current limit bites first. */
export const bridgedPower: NumericGenerator = (random) => {
  const loadOhms = pick(LOAD_OHMS, random);
  const singleEndedVolts = pick(SINGLE_ENDED_VOLTS, random);
  const currentLimitMa = pick(CURRENT_LIMIT_MA, random);
  const bridged = cleanOutput(
    { outputImpedanceOhms: 0, limit: { kind: 'voltage-current', openCircuitVoltsRms: 2 * singleEndedVolts, currentLimitAmpsRms: currentLimitMa / 1000 }, fullVolumeVoltsRms: 1e6 },
    loadOhms,
  );
  const answer = powerWatts(bridged.voltsRms, loadOhms) * 1000;
  const wantedMa = ((2 * singleEndedVolts) / loadOhms) * 1000;
  return {
    prompt: `Each half of a bridged output can swing ${formatNumber(singleEndedVolts)} Vrms and deliver at most ${currentLimitMa} mA rms. What is the most power, in mW, the bridged output can put into a ${loadOhms} Ω headphone?`,
    answer,
    unit: 'mW',
    tolerance: { relative: 0.03 },
    digits: 3,
    working: [
      `Bridged, the load sees 2 × ${formatNumber(singleEndedVolts)} V = ${formatNumber(2 * singleEndedVolts)} V, which would drive ${formatNumber(wantedMa, 3)} mA through ${loadOhms} Ω.`,
      bridged.limitedBy === 'current'
        ? `Each half must push the whole load current, and ${formatNumber(wantedMa, 3)} mA is more than ${currentLimitMa} mA: the current limit sets the power, I²·Z = (${currentLimitMa} mA)² × ${loadOhms} Ω = ${formatNumber(answer, 3)} mW.`
        : `That is within ${currentLimitMa} mA, so the voltage sets the power: V²/Z = (${formatNumber(2 * singleEndedVolts)} V)² / ${loadOhms} Ω = ${formatNumber(answer, 3)} mW.`,
    ],
    mistakes: [
      ...(bridged.limitedBy === 'current'
        ? [{ answer: ((2 * singleEndedVolts) ** 2 / loadOhms) * 1000, why: 'That is four times the single-ended power, which needs twice the current. Each half pushes the whole load current, so the current limit caps the power here.' }]
        : []),
      { answer: 2 * (singleEndedVolts ** 2 / loadOhms) * 1000, why: 'That doubles the power because there are twice as many amplifiers. Bridging doubles the voltage, and power goes with the voltage squared.' },
    ],
  };
};

const GROUND_OHMS = [0.05, 0.1, 0.2, 0.5] as const;
const HEADPHONE_OHMS = [16, 32, 80, 300] as const;

/** Crosstalk through a shared ground wire, 20·log10(Rg / Z). */
export const groundCrosstalk: NumericGenerator = (random) => {
  const groundOhms = pick(GROUND_OHMS, random);
  const loadOhms = pick(HEADPHONE_OHMS, random);
  const answer = groundCrosstalkDb(groundOhms, loadOhms);
  return {
    prompt: `A single-ended cable's shared ground wire has ${formatNumber(groundOhms)} Ω of resistance, and the headphone is ${loadOhms} Ω per side. About how many dB below the left channel does the left channel leak into the right ear?`,
    answer,
    unit: 'dB',
    tolerance: { absolute: 0.5 },
    digits: 3,
    working: [
      'The left current V/Z flows through the ground wire and drops V·Rg/Z across it, which also sits in series with the right driver.',
      `Crosstalk ≈ 20·log10(Rg / Z) = 20·log10(${formatNumber(groundOhms)} / ${loadOhms}) = ${formatNumber(answer, 3)} dB.`,
    ],
    mistakes: [
      { answer: answer / 2, why: 'That uses 10·log10. Rg/Z is a ratio of voltages, so it takes 20·log10.' },
      { answer: -answer, why: 'The leak is far smaller than the signal, so the level is negative: that many dB below it.' },
    ],
  };
};

// Numeric questions for "What an amplifier does": the headroom of a sine against a stage's rails, and the largest
// clean peak of an op-amp stage whose output is limited by its rails or by its output current, whichever comes first
// (src/dsp/circuits/opAmpStage).
import { formatNumber, formatSigned } from '../../format';
import { opAmpLoadFraction, opAmpPinLimit, OP_AMP_STAGE_DEFAULTS } from '../../../dsp/circuits/opAmpStage';
import { pick, type NumericGenerator } from './types';

const RAILS_VOLTS = [5, 9, 12, 15] as const;
const DROPOUT_VOLTS = [0.2, 1, 1.5] as const;
const GAINS = [1, 2.5, 3, 4, 6.5] as const;
const INPUT_VOLTS_RMS = [0.5, 1, 1.5, 2] as const;

/** Headroom H = 20·log10((Vrail − Vdrop)/(√2·Vin·G)) of a sine against the rails; negative means it clips. */
export const railHeadroom: NumericGenerator = (random) => {
  const railVolts = pick(RAILS_VOLTS, random);
  const dropoutVolts = pick(DROPOUT_VOLTS, random);
  const gain = pick(GAINS, random);
  const inputVoltsRms = pick(INPUT_VOLTS_RMS, random);
  const cleanPeakVolts = railVolts - dropoutVolts;
  const askedPeakVolts = Math.SQRT2 * inputVoltsRms * gain;
  const answer = 20 * Math.log10(cleanPeakVolts / askedPeakVolts);
  return {
    prompt: `An amplifier runs from ±${railVolts} V rails, its output stops ${formatNumber(dropoutVolts)} V short of each rail, and its gain is ${formatNumber(gain)}×. You feed it a ${formatNumber(inputVoltsRms)} Vrms sine. How many dB of headroom are left (negative if it clips)?`,
    answer,
    unit: 'dB',
    tolerance: { absolute: 0.2 },
    digits: 2,
    working: [
      `The largest clean peak is the rail minus the dropout: ${railVolts} V − ${formatNumber(dropoutVolts)} V = ${formatNumber(cleanPeakVolts)} V.`,
      `The sine asks for its peak, √2 times its rms value, times the gain: 1.414 × ${formatNumber(inputVoltsRms)} V × ${formatNumber(gain)} = ${formatNumber(askedPeakVolts)} V.`,
      `Headroom = 20·log10(${formatNumber(cleanPeakVolts)} / ${formatNumber(askedPeakVolts)}) = ${formatSigned(answer, 1)} dB. ${answer < 0 ? 'Negative: the peaks are sliced off.' : 'Positive: the peaks pass whole.'}`,
    ],
    mistakes: [
      {
        answer: 20 * Math.log10(cleanPeakVolts / (inputVoltsRms * gain)),
        why: 'That compares the rms output with the peak limit. The rails cut the peaks, which stand √2 (3 dB) above the rms value of a sine.',
      },
      {
        answer: 20 * Math.log10(railVolts / askedPeakVolts),
        why: 'That lets the output swing all the way to the rail. A real output stage needs its dropout voltage to keep working, so it stops short of each rail.',
      },
    ],
  };
};

const CURRENT_LIMITS_AMPS = [0.05, 0.1, 0.2] as const;
const LOADS_OHMS = [16, 32, 64, 300, 600] as const;
const BUILD_OUT_OHMS = 1;
const STAGE_DROPOUT_VOLTS = 1.5;

/**
 * The largest clean peak across the load: the pin's limit min(Vrail − Vdrop, Ilim·(Rbuild + RL)), times the
 * build-out divider RL/(RL + Rbuild). The knee is left out (a hard limit).
 */
export const stageCleanPeak: NumericGenerator = (random) => {
  const railVolts = pick(RAILS_VOLTS.slice(1), random);
  const currentLimitAmps = pick(CURRENT_LIMITS_AMPS, random);
  const loadOhms = pick(LOADS_OHMS, random);
  const params = {
    ...OP_AMP_STAGE_DEFAULTS,
    railVolts,
    dropoutVolts: STAGE_DROPOUT_VOLTS,
    currentLimitAmps,
    buildOutOhms: BUILD_OUT_OHMS,
    loadOhms,
    kneeVolts: 0,
  };
  const limit = opAmpPinLimit(params);
  const fraction = opAmpLoadFraction(params);
  const answer = limit.pinVolts * fraction;
  const voltageLimit = railVolts - STAGE_DROPOUT_VOLTS;
  const currentLimit = currentLimitAmps * (BUILD_OUT_OHMS + loadOhms);
  return {
    prompt: `An op-amp stage runs from ±${railVolts} V rails with ${STAGE_DROPOUT_VOLTS} V of dropout, can push at most ${formatNumber(currentLimitAmps * 1000)} mA, and drives a ${loadOhms} Ω headphone through a ${BUILD_OUT_OHMS} Ω build-out resistor. What is the largest clean peak voltage across the headphone, in volts?`,
    answer,
    unit: 'V',
    tolerance: { relative: 0.03 },
    digits: 3,
    working: [
      `Voltage limit at the op-amp's pin: ${railVolts} V − ${STAGE_DROPOUT_VOLTS} V = ${formatNumber(voltageLimit)} V.`,
      `Current limit carried into the load: ${formatNumber(currentLimitAmps * 1000)} mA × (${BUILD_OUT_OHMS} Ω + ${loadOhms} Ω) = ${formatNumber(currentLimit)} V.`,
      `The smaller one wins: ${formatNumber(limit.pinVolts)} V, set by the ${limit.limitedBy === 'current' ? 'current limit' : 'rails'}.`,
      `The headphone gets its share of the divider: ${formatNumber(limit.pinVolts)} V × ${loadOhms}/${loadOhms + BUILD_OUT_OHMS} = ${formatNumber(answer)} V.`,
    ],
    mistakes: [
      ...(limit.limitedBy === 'current'
        ? [{ answer: voltageLimit * fraction, why: 'That is the rails\' limit, but into this low load the output runs out of current first: the current limit times the load is the smaller voltage.' }]
        : [{ answer: currentLimit * fraction, why: 'That is what the current limit would allow, but into this high load the current stays small and the rails stop the swing first.' }]),
    ],
  };
};

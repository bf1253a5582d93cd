// Numeric questions for "Protection and turn-on": the power a DC offset puts into a voice coil, V²/R, from
// src/dsp/protection/dcOffset; and the step a relay lets through after waiting, V·e^(−t_d/(R_b·C)), from
// src/dsp/protection/turnOn.
import { formatNumber } from '../../format';
import { dcPowerWatts } from '../../../dsp/protection/dcOffset';
import { stepAtConnectionVolts, TURN_ON_DEFAULTS } from '../../../dsp/protection/turnOn';
import { pick, type NumericGenerator } from './types';

const OFFSET_MILLIVOLTS = [5, 10, 20, 30, 50, 80, 150] as const;
const COIL_OHMS = [16, 24, 32, 64, 150, 300] as const;

/** Microwatts of DC in the coil for a drawn offset and coil resistance. */
export const offsetPower: NumericGenerator = (random) => {
  const millivolts = pick(OFFSET_MILLIVOLTS, random);
  const ohms = pick(COIL_OHMS, random);
  const answer = dcPowerWatts(millivolts / 1000, ohms) * 1e6;
  return {
    prompt: `An amplifier's output sits at ${millivolts} mV DC with no music playing. Your headphone's voice coil measures ${ohms} Ω with a multimeter. How much steady power does the coil turn into heat, in microwatts?`,
    answer,
    unit: 'µW',
    tolerance: { relative: 0.02 },
    digits: 3,
    working: [
      'A DC voltage across a resistance dissipates P = V²/R.',
      `V = ${millivolts} mV = ${formatNumber(millivolts / 1000)} V, so V² = ${formatNumber((millivolts / 1000) ** 2)} V².`,
      `P = ${formatNumber((millivolts / 1000) ** 2)} V² / ${ohms} Ω = ${formatNumber(answer / 1e6)} W = ${formatNumber(answer)} µW.`,
    ],
    mistakes: [
      { answer: (millivolts / 1000 / ohms) * 1e6, why: 'That is V/R, the current in microamps. Power needs the voltage twice: P = V·I = V²/R.' },
      { answer: answer * 1e6, why: 'That squares the millivolts as if they were volts. Convert first: the answer is a million times smaller.' },
    ],
  };
};

const BLEED_KILOHMS = [1, 2.2, 4.7] as const;
const MICROFARADS = [100, 220, 470] as const;
const DELAY_SECONDS = [0.5, 1, 1.5, 2] as const;

const MIN_RESIDUAL_MILLIVOLTS = 0.1;

/** Millivolts left of the turn-on step when the relay closes. */
export const relayResidual: NumericGenerator = (random) => {
  const bias = TURN_ON_DEFAULTS.biasVolts;
  const draw = () => {
    const kilohms = pick(BLEED_KILOHMS, random);
    const microfarads = pick(MICROFARADS, random);
    const delay = pick(DELAY_SECONDS, random);
    const params = { ...TURN_ON_DEFAULTS, bleedOhms: kilohms * 1000, capacitanceFarads: microfarads * 1e-6, relayDelaySeconds: delay };
    return { kilohms, microfarads, delay, answer: stepAtConnectionVolts(params) * 1000 };
  };
  // Draw again while the answer is below a tenth of a millivolt (too small to be a useful question).
  let drawn = draw();
  for (let tries = 0; tries < 20 && drawn.answer < MIN_RESIDUAL_MILLIVOLTS; tries++) drawn = draw();
  const { kilohms, microfarads, delay, answer } = drawn;
  const tau = kilohms * 1000 * microfarads * 1e-6;
  return {
    prompt: `An amplifier's output jumps to ${formatNumber(bias)} V at switch-on, behind a ${microfarads} µF coupling capacitor with a ${formatNumber(kilohms)} kΩ bleed resistor to ground. The relay connects the headphone ${formatNumber(delay)} s after switch-on. How large a step, in millivolts, reaches the headphone then?`,
    answer,
    unit: 'mV',
    tolerance: { relative: 0.03 },
    digits: 3,
    working: [
      `While the relay is open the capacitor charges through the bleed resistor alone: τ_b = R_b·C = ${formatNumber(kilohms)} kΩ × ${microfarads} µF = ${formatNumber(tau)} s.`,
      `What is left of the step after t_d is V·e^(−t_d/τ_b) = ${formatNumber(bias)} V × e^(−${formatNumber(delay)}/${formatNumber(tau)}).`,
      `= ${formatNumber(answer / 1000)} V = ${formatNumber(answer)} mV: that step reaches the headphone, and then falls with the much shorter τ of the capacitor into the headphone.`,
    ],
    mistakes: [
      { answer: bias * 1000, why: 'That is the whole step, as if nothing charged the capacitor while the relay waited. The bleed resistor does: the step shrinks by e^(−t_d/(R_b·C)).' },
      { answer: bias * 1000 * (1 - Math.exp(-delay / tau)), why: 'That is how far the capacitor has charged, not what is left across the jack. The jack sees the part still to go: V·e^(−t_d/τ_b).' },
    ],
  };
};

// Numeric questions for "Power supplies": the ripple a reservoir capacitor leaves, Vpp ≈ I/(k·f·C) with k = 2 for a
// full-wave rectifier and 1 for half-wave, from src/dsp/circuits/rectifierSupply; and what a regulator leaves of it.
import { formatNumber } from '../../format';
import { rippleEstimateVoltsPeakToPeak, RECTIFIER_SUPPLY_DEFAULTS, type RectifierKind } from '../../../dsp/circuits/rectifierSupply';
import { pick, type NumericGenerator } from './types';

const LOAD_MILLIAMPS = [50, 100, 150, 200, 300] as const;
const MICROFARADS = [1000, 2200, 3300, 4700, 10000] as const;
const MAINS_HZ = [50, 60] as const;
const RECTIFIERS: readonly RectifierKind[] = ['full-wave-bridge', 'full-wave-bridge', 'half-wave'];

/** The ripple estimate for a drawn load, capacitor, mains frequency and rectifier. */
export const ripple: NumericGenerator = (random) => {
  const milliamps = pick(LOAD_MILLIAMPS, random);
  const microfarads = pick(MICROFARADS, random);
  const mainsHz = pick(MAINS_HZ, random);
  const rectifier = pick(RECTIFIERS, random);
  const pulses = rectifier === 'half-wave' ? 1 : 2;
  const answer = rippleEstimateVoltsPeakToPeak({ ...RECTIFIER_SUPPLY_DEFAULTS, loadAmps: milliamps / 1000, capacitanceFarads: microfarads * 1e-6, mainsHz, rectifier });
  const otherPulses = pulses === 2 ? 1 : 2;
  return {
    prompt: `A ${rectifier === 'half-wave' ? 'half-wave' : 'full-wave bridge'} rectifier on ${mainsHz} Hz mains charges a ${formatNumber(microfarads)} µF reservoir capacitor, and the amplifier draws ${milliamps} mA. About how much ripple is there, in volts peak to peak?`,
    answer,
    unit: 'V',
    tolerance: { relative: 0.03 },
    digits: 3,
    working: [
      `Between charging pulses the capacitor alone supplies the current, and falls by I·Δt/C.`,
      rectifier === 'half-wave'
        ? `Half-wave: one pulse per mains cycle, so Δt = 1/f = 1/${mainsHz} s.`
        : `Full-wave: two pulses per mains cycle, so Δt = 1/(2f) = 1/${2 * mainsHz} s.`,
      `Vpp ≈ ${formatNumber(milliamps / 1000)} A / (${pulses === 2 ? '2 × ' : ''}${mainsHz} Hz × ${formatNumber(microfarads)} µF) = ${formatNumber(answer)} V (a little pessimistic: part of the interval is spent recharging).`,
    ],
    mistakes: [
      {
        answer: (answer * pulses) / otherPulses,
        why: rectifier === 'half-wave'
          ? 'That counts two recharges per cycle. A half-wave rectifier uses only one half of each mains cycle, so the capacitor waits a whole period: I/(fC).'
          : 'That counts one recharge per cycle. A bridge recharges on both halves of the mains cycle, so the capacitor waits half as long: I/(2fC).',
      },
      { answer: answer * 1000, why: 'Check the units: microfarads are 10⁻⁶ F. The answer is in volts; this figure is a thousand times too large (millivolts read as volts).' },
    ],
  };
};

// Numeric questions for "Class D amplifiers": the corner frequency of a class D output filter from its L and C
// (src/dsp/classD/lcFilter), and the peak it makes into a resistive load (Q = R·√(C/L)).
import { formatNumber } from '../../format';
import { cornerHz, qualityFactorIntoResistor } from '../../../dsp/classD/lcFilter';
import { pick, type NumericGenerator } from './types';

const INDUCTANCES_MICROHENRIES = [10, 15, 22, 33, 47] as const;
const CAPACITANCES_MICROFARADS = [0.22, 0.33, 0.47, 0.68, 1] as const;
const LOADS_OHMS = [16, 32, 80, 300] as const;

/** f₀ = 1/(2π√(LC)), in kHz. */
export const filterCorner: NumericGenerator = (random) => {
  const microhenries = pick(INDUCTANCES_MICROHENRIES, random);
  const microfarads = pick(CAPACITANCES_MICROFARADS, random);
  const filter = { inductanceHenries: microhenries * 1e-6, capacitanceFarads: microfarads * 1e-6 };
  const answer = cornerHz(filter) / 1000;
  const root = Math.sqrt(filter.inductanceHenries * filter.capacitanceFarads);
  return {
    prompt: `A class D amplifier's output filter has a ${microhenries} µH inductor and a ${formatNumber(microfarads, 2)} µF capacitor. At what frequency is its corner, in kHz?`,
    answer,
    unit: 'kHz',
    tolerance: { relative: 0.02 },
    digits: 3,
    working: [
      `LC = ${microhenries} × 10⁻⁶ H × ${formatNumber(microfarads, 2)} × 10⁻⁶ F; √(LC) = ${formatNumber(root * 1e6, 3)} µs.`,
      `f₀ = 1 / (2π × ${formatNumber(root * 1e6, 3)} µs) = ${formatNumber(answer)} kHz.`,
      'The load does not move this frequency; it sets how much the filter peaks or droops around it.',
    ],
    mistakes: [
      { answer: 1 / root / 1000, why: 'That is ω₀ = 1/√(LC) in radians per second (divided by 1000). The frequency in hertz is that divided by 2π.' },
    ],
  };
};

/** Q = R·√(C/L) into a resistor, i.e. |H| at the corner. */
export const filterPeak: NumericGenerator = (random) => {
  const microhenries = pick(INDUCTANCES_MICROHENRIES, random);
  const microfarads = pick(CAPACITANCES_MICROFARADS, random);
  const loadOhms = pick(LOADS_OHMS, random);
  const filter = { inductanceHenries: microhenries * 1e-6, capacitanceFarads: microfarads * 1e-6 };
  const q = qualityFactorIntoResistor(filter, loadOhms);
  const answer = 20 * Math.log10(q);
  return {
    prompt: `A ${microhenries} µH, ${formatNumber(microfarads, 2)} µF output filter drives a ${loadOhms} Ω resistor. By how many dB does the response at the filter's corner differ from the level in the bass?`,
    answer,
    unit: 'dB',
    tolerance: { absolute: 0.2 },
    digits: 3,
    working: [
      `Into a resistor the gain at the corner equals the filter's Q = R·√(C/L) = ${loadOhms} Ω × √(${formatNumber(microfarads, 2)} µF / ${microhenries} µH) = ${formatNumber(q)}.`,
      `In dB: 20·log10(${formatNumber(q)}) = ${formatNumber(answer)} dB${answer > 0 ? ', a peak: the load is lighter than one the filter would be flat into' : ', a droop: the load is heavier than one the filter would be flat into'}.`,
    ],
    mistakes: [
      { answer: -3.01, why: 'A filter is −3 dB at its corner only when it is a Butterworth design into the load it was designed for (Q = 0.71). Into another load Q changes with R.' },
    ],
  };
};

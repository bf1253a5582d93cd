// Numeric questions for "Output transformers and hybrid tube amps": the load a tube sees through a transformer, and
// the output impedance the headphone sees, from src/dsp/tubeOutput/outputTransformer.ts.
import { formatNumber } from '../../format';
import { MEASURED_TRANSFORMER, midbandOutputImpedanceOhms, reflectedLoadOhms } from '../../../dsp/tubeOutput/outputTransformer';
import { pick, type NumericGenerator } from './types';

const TURNS_RATIOS = [3, 4, 5, 8, 10, 12, 15, 20] as const;
const LOAD_OHMS = [32, 50, 80, 250, 300, 600] as const;
const PLATE_OHMS = [1500, 2500, 4000, 7700] as const;
const PRIMARY_OHMS = [100, 200, 400] as const;

/** n²·(R_L + Rsec) with Rsec = 0: the reflected load. */
export const reflectedLoad: NumericGenerator = (random) => {
  const n = pick(TURNS_RATIOS, random);
  const loadOhms = pick(LOAD_OHMS, random);
  const answer = reflectedLoadOhms({ ...MEASURED_TRANSFORMER, turnsRatio: n, secondaryResistanceOhms: 0 }, loadOhms);
  return {
    prompt: `A ${loadOhms} Ω headphone hangs on the secondary of an output transformer with a ${n} : 1 turns ratio (primary : secondary). Leaving out the windings' resistance, what load in ohms does the tube's plate see?`,
    answer,
    unit: 'Ω',
    tolerance: { relative: 0.02 },
    digits: 3,
    working: [
      'A transformer scales impedance by the square of its turns ratio: Z_primary = n² × Z_secondary.',
      `n² = ${n}² = ${n * n}, so the plate sees ${n * n} × ${loadOhms} Ω = ${formatNumber(answer)} Ω.`,
    ],
    mistakes: [
      { answer: n * loadOhms, why: 'Multiplying by the turns ratio itself is the tempting slip: voltage scales by n and current by 1/n, so impedance (voltage over current) scales by n².' },
      { answer: loadOhms / (n * n), why: 'That is the reflection the other way round, what the headphone sees of something on the primary. Looking in from the tube, the step-down transformer makes the load larger.' },
    ],
  };
};

/** (rp + Rpri)/n² + Rsec: the output impedance at mid-band. */
export const transformerOutputImpedance: NumericGenerator = (random) => {
  const n = pick(TURNS_RATIOS, random);
  const plateOhms = pick(PLATE_OHMS, random);
  const primaryOhms = pick(PRIMARY_OHMS, random);
  const secondaryOhms = 0.5;
  const answer = midbandOutputImpedanceOhms({ ...MEASURED_TRANSFORMER, turnsRatio: n, primaryResistanceOhms: primaryOhms, secondaryResistanceOhms: secondaryOhms }, plateOhms);
  return {
    prompt: `A triode with a plate resistance of ${plateOhms} Ω drives an output transformer with a ${n} : 1 turns ratio, ${primaryOhms} Ω of primary resistance and ${secondaryOhms} Ω of secondary resistance. What output impedance does the headphone see at mid-band, in ohms?`,
    answer,
    unit: 'Ω',
    tolerance: { relative: 0.03 },
    digits: 3,
    working: [
      'Everything on the primary side looks n² times smaller from the secondary; the secondary winding adds its own resistance.',
      `(rp + Rpri) / n² + Rsec = (${plateOhms} + ${primaryOhms}) / ${n * n} + ${secondaryOhms} = ${formatNumber(answer)} Ω.`,
    ],
    mistakes: [
      { answer: (plateOhms + primaryOhms) / n + secondaryOhms, why: 'Dividing by n instead of n² is tempting because the voltage steps down by n, but impedance steps down by the square.' },
      { answer: plateOhms + primaryOhms + secondaryOhms, why: 'That adds the resistances as if there were no transformer. The transformer divides what is on the primary side by n².' },
    ],
  };
};

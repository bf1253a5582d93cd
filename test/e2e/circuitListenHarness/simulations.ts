// Test-only circuit lab simulations for the "Hear it" panel, built without ngspice: a 12AU7 common-cathode stage's
// DC transfer curve from the triode model (src/dsp), an AC response of the stage's small-signal gain through two
// coupling-capacitor high-passes and a Miller low-pass (closed forms), and, standing in for SPICE's transient, the
// harmonics of a 1 kHz sine through the model's curve and that analog response. Plus a pure quadratic stage with a
// flat response, whose harmonics have a closed form.
import type { CircuitAcResponse, CircuitSimulation, CircuitTransfer } from '../../../src/components/lab/circuit/simulation';
import { predictedHarmonicLevels } from '../../../src/dsp/analysis/harmonics';
import { TRIODE_STAGE_DESIGNS, smallSignalGain, transferVolts, triodeStageRanges, type TriodeStageParams } from '../../../src/dsp/circuits/triodeStage';
import { realPoleGain } from '../../shared/realPoles';

const SWEEP_STEPS = 800;
const AC_POINTS_PER_DECADE = 20;
export const TRANSIENT_FREQUENCY_HZ = 1000;

/** Corners of the stage's RC networks, Hz. */
interface Corners {
  readonly highPassHz: readonly number[];
  readonly lowPassHz: readonly number[];
}

function sweep(f: (volts: number) => number, halfWidthVolts: number): CircuitTransfer {
  const input_V = Array.from({ length: SWEEP_STEPS + 1 }, (_, i) => -halfWidthVolts + (2 * halfWidthVolts * i) / SWEEP_STEPS);
  return { input_V, output_V: input_V.map(f) };
}

/** g · Π jf/(jf + f_h) · Π f_l/(jf + f_l), as a complex number. */
function analogGain(gain: number, corners: Corners, frequencyHz: number): { re: number; im: number } {
  return realPoleGain(gain, corners.highPassHz, corners.lowPassHz, frequencyHz);
}

function acSweep(gain: number, corners: Corners): CircuitAcResponse {
  const frequency_Hz = Array.from({ length: 6 * AC_POINTS_PER_DECADE + 1 }, (_, i) => 10 ** (i / AC_POINTS_PER_DECADE));
  const values = frequency_Hz.map((f) => analogGain(gain, corners, f));
  return { frequency_Hz, gainRe: values.map((v) => v.re), gainIm: values.map((v) => v.im) };
}

function triodeSimulation(label: string, params: TriodeStageParams, corners: Corners, transientPeakVolts: number): CircuitSimulation {
  const quiescent = transferVolts(params, 0);
  const curve = (volts: number): number => transferVolts(params, volts) - quiescent;
  const gain = smallSignalGain(params);
  const levels = predictedHarmonicLevels(curve, transientPeakVolts, TRANSIENT_FREQUENCY_HZ, undefined, 4);
  const magnitude = (frequencyHz: number): number => {
    const { re, im } = analogGain(1, corners, frequencyHz);
    return Math.hypot(re, im);
  };
  const harmonics_dB = levels.harmonicsDb.map((db, index) => {
    const ratio = magnitude((index + 2) * TRANSIENT_FREQUENCY_HZ) / magnitude(TRANSIENT_FREQUENCY_HZ);
    return db + 20 * Math.log10(ratio);
  });
  return {
    label,
    transfer: sweep(curve, triodeStageRanges(params).maxInputVoltsPeak),
    ac: acSweep(gain, corners),
    transient: { frequency_Hz: TRANSIENT_FREQUENCY_HZ, inputPeak_V: transientPeakVolts, harmonics_dB },
  };
}

/** The unedited stage: the typical 12AU7 design (Ra 22 kΩ, Rk 1 kΩ, B+ 250 V). */
export const ORIGINAL: CircuitSimulation = triodeSimulation('Original 12AU7 stage', TRIODE_STAGE_DESIGNS['12AU7'], { highPassHz: [7.2, 3.4], lowPassHz: [60_000] }, 3);

/** The reader's edit: a 47 kΩ plate resistor (more gain, so more Miller capacitance: a lower top corner). */
export const EDITED: CircuitSimulation = triodeSimulation(
  'Your circuit (Ra 47 kΩ)',
  { ...TRIODE_STAGE_DESIGNS['12AU7'], plateResistorOhms: 47_000 },
  { highPassHz: [7.2, 3.4], lowPassHz: [35_000] },
  3,
);

/** v_out = v + QUADRATIC_COEFFICIENT·v² over ±2 V, flat response: a sine of peak A has a 2nd harmonic of a·A/2 (re the fundamental). */
export const QUADRATIC_COEFFICIENT_PER_VOLT = 0.2;
export const QUADRATIC: CircuitSimulation = {
  label: 'Quadratic stage',
  transfer: sweep((v) => v + QUADRATIC_COEFFICIENT_PER_VOLT * v * v, 2),
  ac: acSweep(1, { highPassHz: [], lowPassHz: [] }),
  transient: null,
};

/** The quadratic stage followed by a one-pole low-pass at MUFFLED_CORNER_HZ (a heavily loaded output, say). */
export const MUFFLED_CORNER_HZ = 500;
export const MUFFLED_QUADRATIC: CircuitSimulation = {
  label: 'Quadratic stage, 500 Hz low-pass',
  transfer: QUADRATIC.transfer,
  ac: acSweep(1, { highPassHz: [], lowPassHz: [MUFFLED_CORNER_HZ] }),
  transient: null,
};

export const SIMULATIONS = { original: ORIGINAL, edited: EDITED, quadratic: QUADRATIC, muffledQuadratic: MUFFLED_QUADRATIC } as const;
export type SimulationName = keyof typeof SIMULATIONS;

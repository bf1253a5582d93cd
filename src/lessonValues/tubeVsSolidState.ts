// Figures the tube-vs-solid-state lesson quotes, computed from the triode stage (Koren's model), the harmonic
// analysis and the output-impedance models, so the prose, the questions and the widget can't disagree. Each is a plain
// number in the unit its name says.
import { predictedThd } from '../dsp/analysis/harmonics';
import { TRIODE_STAGE_DEFAULTS, transferVolts, triodeBiasPoint, triodeClippingPoints } from '../dsp/circuits/triodeStage';
import { largestChangeDb } from './outputImpedance';

/** The widget's default triode stage (12AU7, B+ 250 V, Ra 22 kΩ, Rk 1 kΩ) at rest: grid at 0 V. */
export const triodeBias = triodeBiasPoint(TRIODE_STAGE_DEFAULTS);
/** The grid's rest voltage to ground: the input is DC-coupled and idles at 0 V. */
export const TRIODE_REST_GRID_VOLTS = 0;
/** The cathode to ground (Ip·Rk) and the grid below the cathode (Vk − Vg), the stage's self-bias, at rest. */
export const triodeCathodeVolts = triodeBias.cathodeVolts;
export const triodeCathodeAboveGridVolts = triodeBias.cathodeVolts - TRIODE_REST_GRID_VOLTS;
export const triodePlateVolts = triodeBias.plateVolts;
export const triodePlateMilliamps = 1000 * triodeBias.plateCurrentAmps;

/** The input that reaches the stage's full swing, as the widget defines its Drive (the nearer clipping point). */
const clipping = triodeClippingPoints(TRIODE_STAGE_DEFAULTS);
export const triodeFullSwingInputVolts = Math.min(clipping.inputAtGridCurrentVolts, -clipping.inputAtCutoffVolts);

/** THD (percent) of a 1 kHz sine through the default triode stage at a drive in dB re full swing. */
export function triodeThdPercent(driveDb: number): number {
  const amplitude = triodeFullSwingInputVolts * 10 ** (driveDb / 20);
  return predictedThd((x) => transferVolts(TRIODE_STAGE_DEFAULTS, x), amplitude, 1000).percent;
}
/** The plate's voltage at the two peaks of a sine at a drive, and at rest: the three points of the D2 estimate. */
export function triodeThreePoints(driveDb: number): { maxVolts: number; minVolts: number; restVolts: number } {
  const amplitude = triodeFullSwingInputVolts * 10 ** (driveDb / 20);
  const a = transferVolts(TRIODE_STAGE_DEFAULTS, amplitude);
  const b = transferVolts(TRIODE_STAGE_DEFAULTS, -amplitude);
  return { maxVolts: Math.max(a, b), minVolts: Math.min(a, b), restVolts: transferVolts(TRIODE_STAGE_DEFAULTS, 0) };
}

/** The predict question's drives: the default −6 dB, then 6 dB lower. */
export const PREDICT_DRIVE_HIGH_DB = -6;
export const PREDICT_DRIVE_LOW_DB = PREDICT_DRIVE_HIGH_DB - 6;
export const triodeThdHighPercent = triodeThdPercent(PREDICT_DRIVE_HIGH_DB);
export const triodeThdLowPercent = triodeThdPercent(PREDICT_DRIVE_LOW_DB);

/** The tube OTL estimate of the output-impedance lesson (≈ 100 Ω) and what it does to the headphone models. */
export const OTL_OUTPUT_OHMS = 100;
export const otlOn300Db = largestChangeDb('dynamic-300', OTL_OUTPUT_OHMS);
export const otlOn32Db = largestChangeDb('closed-32', OTL_OUTPUT_OHMS);
export const otlOnPlanarDb = largestChangeDb('planar', OTL_OUTPUT_OHMS);
/** Level lost in a flat load of `loadOhms` on the OTL: 20·log10(Z/(Z + Zout)). */
export function otlLevelLossDb(loadOhms: number): number {
  return 20 * Math.log10(loadOhms / (loadOhms + OTL_OUTPUT_OHMS));
}

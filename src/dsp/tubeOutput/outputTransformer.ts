/**
 * A tube's output transformer as its low-frequency equivalent circuit, everything referred to the secondary: the
 * tube (an EMF behind its plate resistance rp) and the primary's copper resistance, the primary (magnetising)
 * inductance across the winding, the leakage inductance and the secondary's copper resistance in series, and the
 * winding capacitance across the output. Leaves out: core loss and saturation (so distortion, and the inductance's
 * fall at low level), the DC in a single-ended primary, and where along the windings the capacitance really sits.
 *
 * Referring to the secondary (turns ratio n = Np/Ns, Whitlock, "Audio Transformers"): voltages divide by n,
 * impedances by n², capacitances multiply by n². So the headphone sees the source (rp + Rpri)/n² + Rsec, and the
 * tube sees the load n²·(Z_L + Rsec).
 */
import { type Polynomial, polyAdd, polyMul } from '../polynomial';
import type { OutputSource } from './outputSource';

export interface OutputTransformerParams {
  /** Np/Ns: more than 1 steps the voltage down and the impedance down by its square. */
  readonly turnsRatio: number;
  /** The primary's own inductance (secondary open): it shunts the signal at low frequencies. */
  readonly primaryInductanceHenries: number;
  /** Leakage inductance measured at the primary (secondary shorted). */
  readonly leakageInductanceHenries: number;
  /** Winding capacitance measured at the primary. */
  readonly primaryCapacitanceFarads: number;
  readonly primaryResistanceOhms: number;
  readonly secondaryResistanceOhms: number;
}

/**
 * A 3 kΩ : 8 Ω single-ended output transformer as measured by SAC Thailand (the Silk S325: primary DCR 197 Ω,
 * primary inductance 19.6 H, leakage inductance 2.8 mH, primary capacitance 1.15 nF); the turns ratio √(3000/8)
 * ≈ 19.4 follows from its impedances. The secondary's resistance is our estimate (not published).
 */
export const MEASURED_TRANSFORMER: OutputTransformerParams = {
  turnsRatio: Math.sqrt(3000 / 8),
  primaryInductanceHenries: 19.6,
  leakageInductanceHenries: 2.8e-3,
  primaryCapacitanceFarads: 1.15e-9,
  primaryResistanceOhms: 197,
  secondaryResistanceOhms: 0.5,
};

export const TURNS_RATIO_RANGE = { min: 2, max: 30, step: 0.1 } as const;
export const PRIMARY_INDUCTANCE_RANGE_HENRIES = { min: 2, max: 300 } as const;

function assertParams(p: OutputTransformerParams, plateResistanceOhms: number): void {
  const positive = [p.turnsRatio, p.primaryInductanceHenries, p.leakageInductanceHenries, p.primaryCapacitanceFarads];
  const nonNegative = [p.primaryResistanceOhms, p.secondaryResistanceOhms, plateResistanceOhms];
  if (!positive.every((v) => Number.isFinite(v) && v > 0) || !nonNegative.every((v) => Number.isFinite(v) && v >= 0)) {
    throw new RangeError('outputTransformer: n, Lp, Lleak and C must be finite and > 0; resistances finite and ≥ 0');
  }
}

/** The load the tube's plate sees: n²·(Z_L + Rsec), for a resistive load, at mid-band. */
export function reflectedLoadOhms(p: OutputTransformerParams, loadOhms: number): number {
  return p.turnsRatio ** 2 * (loadOhms + p.secondaryResistanceOhms);
}

/** The output impedance the headphone sees at mid-band: (rp + Rpri)/n² + Rsec. */
export function midbandOutputImpedanceOhms(p: OutputTransformerParams, plateResistanceOhms: number): number {
  return (plateResistanceOhms + p.primaryResistanceOhms) / p.turnsRatio ** 2 + p.secondaryResistanceOhms;
}

/**
 * The −3 dB low-frequency corner into a resistive load, from the primary inductance: the inductance shunts the
 * source resistance and the reflected load in parallel, f = [(rp + Rpri) ∥ n²(R_L + Rsec)] / (2π·Lp).
 */
export function lowCornerHz(p: OutputTransformerParams, plateResistanceOhms: number, loadOhms: number): number {
  const source = plateResistanceOhms + p.primaryResistanceOhms;
  const reflected = reflectedLoadOhms(p, loadOhms);
  return (source * reflected) / (source + reflected) / (2 * Math.PI * p.primaryInductanceHenries);
}

/**
 * The −3 dB high-frequency corner into a resistive load from the leakage inductance alone (capacitance left out):
 * f = (rp + Rpri + n²(R_L + Rsec)) / (2π·Lleak).
 */
export function leakageCornerHz(p: OutputTransformerParams, plateResistanceOhms: number, loadOhms: number): number {
  return (plateResistanceOhms + p.primaryResistanceOhms + reflectedLoadOhms(p, loadOhms)) / (2 * Math.PI * p.leakageInductanceHenries);
}

/**
 * The transformer-coupled stage as a Thevenin source at the secondary, per volt of the tube's EMF:
 *   Z1 = R1 ∥ sLm = R1·sLm/(R1 + sLm) with R1 = (rp + Rpri)/n², Lm = Lp/n², and EMF (1/n)·sLm/(R1 + sLm);
 *   Z2 = Z1 + sLl/n² + Rsec = N2/(R1 + sLm);  with C' = n²·C across the output, dividing by (1 + sC'Z2):
 *   open-circuit gain (sLm/n)/D and output impedance N2/D, where D = (R1 + sLm) + sC'·N2.
 */
export function transformerSource(p: OutputTransformerParams, plateResistanceOhms: number): OutputSource {
  assertParams(p, plateResistanceOhms);
  const n2 = p.turnsRatio ** 2;
  const r1 = (plateResistanceOhms + p.primaryResistanceOhms) / n2;
  const lm = p.primaryInductanceHenries / n2;
  const c = p.primaryCapacitanceFarads * n2;
  const leakage = p.leakageInductanceHenries / n2;
  const magnetising: Polynomial = [r1, lm];
  // N2 = R1·sLm + (sLl' + Rsec)(R1 + sLm)
  const z2Numerator = polyAdd([0, r1 * lm], polyMul([p.secondaryResistanceOhms, leakage], magnetising));
  return {
    emfNumerator: [0, lm / p.turnsRatio],
    impedanceNumerator: z2Numerator,
    denominator: polyAdd(magnetising, polyMul([0, c], z2Numerator)),
  };
}

/**
 * An amplifier's output as a Thevenin source in s — an open-circuit gain and an output impedance over one shared
 * denominator — and the response that reaches a headphone's impedance model. Sharing the denominator keeps the
 * response free of pole–zero pairs that cancel. Leaves out: non-linearity and the headphone's acoustics.
 */
import type { Rational } from '../impedance';
import type { Polynomial } from '../polynomial';
import { polyAdd, polyMul } from '../polynomial';

export interface OutputSource {
  /** E(s): open-circuit output voltage per volt of drive is E(s)/D(s). */
  readonly emfNumerator: Polynomial;
  /** Z(s): the impedance seen looking back into the output is Z(s)/D(s), in ohms. */
  readonly impedanceNumerator: Polynomial;
  /** D(s), shared by both. */
  readonly denominator: Polynomial;
}

export const openCircuitGain = (source: OutputSource): Rational => ({ num: source.emfNumerator, den: source.denominator });
export const outputImpedance = (source: OutputSource): Rational => ({ num: source.impedanceNumerator, den: source.denominator });

/**
 * H(s) = (E/D)·Z_L/(Z_L + Z/D) = E·N_L/(N_L·D + Z·D_L) for Z_L = N_L/D_L: the voltage at the headphone per volt of
 * drive.
 */
export function responseIntoLoad(source: OutputSource, load: Rational): Rational {
  return {
    num: polyMul(source.emfNumerator, load.num),
    den: polyAdd(polyMul(load.num, source.denominator), polyMul(source.impedanceNumerator, load.den)),
  };
}

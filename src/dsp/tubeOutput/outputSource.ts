/**
 * An amplifier's output as a Thevenin source in s: an open-circuit gain and an output impedance, both rational, and
 * the response that reaches a headphone's impedance model. Leaves out: non-linearity and the headphone's acoustics.
 */
import type { Rational } from '../impedance';
import { polyAdd, polyMul } from '../polynomial';

export interface OutputSource {
  /** Open-circuit output voltage per volt of the stage's drive, as a function of s. */
  readonly openCircuitGain: Rational;
  /** The impedance seen looking back into the output, in ohms, as a function of s. */
  readonly outputImpedance: Rational;
}

/** H(s) = G(s)·Z_L/(Z_L + Z_out): the voltage at the headphone per volt of drive. */
export function responseIntoLoad(source: OutputSource, load: Rational): Rational {
  const { openCircuitGain: g, outputImpedance: z } = source;
  const divider: Rational = { num: polyMul(load.num, z.den), den: polyAdd(polyMul(load.num, z.den), polyMul(z.num, load.den)) };
  return { num: polyMul(g.num, divider.num), den: polyMul(g.den, divider.den) };
}

/**
 * Linear impedances as rational functions of the Laplace variable s (rad/s) that compose in series and parallel,
 * like the parts of a schematic. Leaves out: non-linearity, temperature, and parts that are not lumped (R, L, C).
 */
import { type Complex, abs, complex, div } from './complex';
import { type Polynomial, polyAdd, polyEvalComplex, polyMul, polyTrim } from './polynomial';

/** Z(s) = num(s) / den(s), polynomials in ascending powers of s (s in rad/s, Z in ohms). */
export interface Rational {
  readonly num: Polynomial;
  readonly den: Polynomial;
}

function assertFinitePositiveOrZero(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what} must be a finite number ≥ 0, got ${value}`);
}

/** Z = R. */
export function resistor(resistanceOhms: number): Rational {
  assertFinitePositiveOrZero(resistanceOhms, 'resistanceOhms');
  return { num: [resistanceOhms], den: [1] };
}

/** Z = sL. */
export function inductor(inductanceHenries: number): Rational {
  assertFinitePositiveOrZero(inductanceHenries, 'inductanceHenries');
  return { num: polyTrim([0, inductanceHenries]), den: [1] };
}

/** Z = 1/(sC); C must be > 0 (a 0 F capacitor is an open circuit, which has no finite impedance). */
export function capacitor(capacitanceFarads: number): Rational {
  if (!Number.isFinite(capacitanceFarads) || capacitanceFarads <= 0) {
    throw new RangeError(`capacitanceFarads must be a finite number > 0, got ${capacitanceFarads}`);
  }
  return { num: [1], den: [0, capacitanceFarads] };
}

/** Removes common factors of s (exactly zero low-order coefficients in both num and den). */
function cancelCommonPowersOfS(z: Rational): Rational {
  let shift = 0;
  while (shift < z.num.length - 1 && shift < z.den.length - 1 && z.num[shift] === 0 && z.den[shift] === 0) shift += 1;
  return shift === 0 ? z : { num: z.num.slice(shift), den: z.den.slice(shift) };
}

const sameDenominator = (a: Polynomial, b: Polynomial): boolean =>
  a.length === b.length && a.every((value, k) => value === b[k]);

function seriesPair(a: Rational, b: Rational): Rational {
  if (sameDenominator(a.den, b.den)) return cancelCommonPowersOfS({ num: polyAdd(a.num, b.num), den: a.den });
  return cancelCommonPowersOfS({ num: polyAdd(polyMul(a.num, b.den), polyMul(b.num, a.den)), den: polyMul(a.den, b.den) });
}

function parallelPair(a: Rational, b: Rational): Rational {
  return cancelCommonPowersOfS({ num: polyMul(a.num, b.num), den: polyAdd(polyMul(a.num, b.den), polyMul(b.num, a.den)) });
}

/** Z = Z₁ + Z₂ + … (at least one part). */
export function series(...parts: Rational[]): Rational {
  const [first, ...rest] = parts;
  if (first === undefined) throw new RangeError('series needs at least one part');
  return rest.reduce(seriesPair, first);
}

/** Z = 1/(1/Z₁ + 1/Z₂ + …) (at least one part). */
export function parallel(...parts: Rational[]): Rational {
  const [first, ...rest] = parts;
  if (first === undefined) throw new RangeError('parallel needs at least one part');
  return rest.reduce(parallelPair, first);
}

/** Z(jω) at ω = 2π·f. */
export function evaluateAtHz(z: Rational, frequencyHz: number): Complex {
  const s = complex(0, 2 * Math.PI * frequencyHz);
  return div(polyEvalComplex(z.num, s), polyEvalComplex(z.den, s));
}

/** |Z(j2πf)| in ohms. */
export function magnitudeOhmsAtHz(z: Rational, frequencyHz: number): number {
  return abs(evaluateAtHz(z, frequencyHz));
}

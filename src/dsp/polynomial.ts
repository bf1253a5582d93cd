/**
 * Real-coefficient polynomials in ascending powers (p[0] + p[1]·x + p[2]·x² …): arithmetic and complex
 * evaluation (their roots: polynomialRoots.ts). Leaves out: symbolic manipulation and degrees beyond a few dozen.
 */
import { type Complex, ZERO, add, complex, mul } from './complex';

/** Coefficients in ascending powers: p[k] multiplies x^k. The empty polynomial is zero. */
export type Polynomial = readonly number[];

const coefficient = (p: Polynomial, k: number): number => p[k] ?? 0;

/** Drops exactly-zero highest-power coefficients, so that p[p.length − 1] ≠ 0 (or p is empty). */
export function polyTrim(p: Polynomial): Polynomial {
  let length = p.length;
  while (length > 0 && p[length - 1] === 0) length -= 1;
  return length === p.length ? p : p.slice(0, length);
}

/** Degree of p, or −Infinity for the zero polynomial. */
export function polyDegree(p: Polynomial): number {
  const trimmed = polyTrim(p);
  return trimmed.length === 0 ? Number.NEGATIVE_INFINITY : trimmed.length - 1;
}

export function polyAdd(a: Polynomial, b: Polynomial): Polynomial {
  const length = Math.max(a.length, b.length);
  const sum: number[] = [];
  for (let k = 0; k < length; k += 1) sum.push(coefficient(a, k) + coefficient(b, k));
  return polyTrim(sum);
}

export function polyMul(a: Polynomial, b: Polynomial): Polynomial {
  if (a.length === 0 || b.length === 0) return [];
  const product: number[] = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i += 1) {
    for (let j = 0; j < b.length; j += 1) product[i + j] = coefficient(product, i + j) + coefficient(a, i) * coefficient(b, j);
  }
  return polyTrim(product);
}

export function polyScale(a: Polynomial, k: number): Polynomial {
  return polyTrim(a.map((value) => value * k));
}

/** p′(x). */
export function polyDerivative(p: Polynomial): Polynomial {
  return polyTrim(p.slice(1).map((value, k) => value * (k + 1)));
}

/** p(x) at a real x (Horner). */
export function polyEvalReal(p: Polynomial, x: number): number {
  let value = 0;
  for (let k = p.length - 1; k >= 0; k -= 1) value = value * x + coefficient(p, k);
  return value;
}

/** p(x) at a complex x (Horner). */
export function polyEvalComplex(p: Polynomial, x: Complex): Complex {
  let value: Complex = ZERO;
  for (let k = p.length - 1; k >= 0; k -= 1) value = add(mul(value, x), complex(coefficient(p, k)));
  return value;
}

/**
 * Real polynomials from their roots and all roots of a real polynomial (Aberth's method), apart from the arithmetic
 * in polynomial.ts so that plots that only evaluate polynomials don't load the root finder. Leaves out: degrees beyond
 * a few dozen.
 */
import { type Complex, ONE, ZERO, abs, add, complex, div, mul, scale, sub } from './complex';
import { type Polynomial, polyTrim } from './polynomial';

const coefficient = (p: Polynomial, k: number): number => p[k] ?? 0;

/**
 * The real polynomial gain·Π(x − rₖ) with the given roots. Complex roots must come in conjugate pairs; the
 * (rounding-sized) imaginary parts left in the product are discarded.
 */
export function polyFromRoots(roots: readonly Complex[], gain = 1): Polynomial {
  let product: Complex[] = [complex(gain)];
  for (const root of roots) {
    const next: Complex[] = new Array<Complex>(product.length + 1).fill(ZERO);
    product.forEach((c, k) => {
      next[k + 1] = add(next[k + 1] ?? ZERO, c);
      next[k] = sub(next[k] ?? ZERO, mul(c, root));
    });
    product = next;
  }
  return polyTrim(product.map((c) => c.re));
}

/** p(x) and p′(x) together, plus the rounding-error bound Σ|pₖ|·|x|^k of the Horner sum. */
function evaluateWithDerivative(p: Polynomial, x: Complex): { value: Complex; slope: Complex; bound: number } {
  let value: Complex = ZERO;
  let slope: Complex = ZERO;
  let bound = 0;
  const radius = abs(x);
  for (let k = p.length - 1; k >= 0; k -= 1) {
    slope = add(mul(slope, x), value);
    value = add(mul(value, x), complex(coefficient(p, k)));
    bound = bound * radius + Math.abs(coefficient(p, k));
  }
  return { value, slope, bound };
}

/**
 * Initial root estimates from the Newton polygon (Bini, "Numerical computation of polynomial zeros by means of
 * Aberth's method", Numer. Algorithms 13, 1996): the upper convex hull of the points (k, log|pₖ|) splits the
 * degree into groups; the roots of each group lie near a circle of radius (|p_i|/|p_j|)^(1/(j−i)).
 */
function newtonPolygonStart(p: Polynomial): Complex[] {
  const degree = p.length - 1;
  const hull: number[] = [];
  for (let k = 0; k <= degree; k += 1) {
    if (coefficient(p, k) === 0) continue;
    const height = Math.log(Math.abs(coefficient(p, k)));
    while (hull.length >= 2) {
      const i = hull[hull.length - 2] ?? 0;
      const j = hull[hull.length - 1] ?? 0;
      const heightI = Math.log(Math.abs(coefficient(p, i)));
      const heightJ = Math.log(Math.abs(coefficient(p, j)));
      if ((heightJ - heightI) * (k - i) <= (height - heightI) * (j - i)) hull.pop();
      else break;
    }
    hull.push(k);
  }
  const start: Complex[] = [];
  const offsetRad = 0.7;
  for (let edge = 0; edge + 1 < hull.length; edge += 1) {
    const i = hull[edge] ?? 0;
    const j = hull[edge + 1] ?? 0;
    const count = j - i;
    const radius = (Math.abs(coefficient(p, i)) / Math.abs(coefficient(p, j))) ** (1 / count);
    for (let m = 0; m < count; m += 1) {
      const angle = (2 * Math.PI * m) / count + (2 * Math.PI * i) / degree + offsetRad;
      start.push(complex(radius * Math.cos(angle), radius * Math.sin(angle)));
    }
  }
  return start;
}

/**
 * Aberth–Ehrlich simultaneous iteration: zₖ ← zₖ − w/(1 − w·Σ_{j≠k} 1/(zₖ − zⱼ)), w = p(zₖ)/p′(zₖ). Cubically
 * convergent for simple roots; each root stops once |p(zₖ)| is within the Horner rounding bound. A final
 * Newton step polishes each root.
 */
function aberthRoots(p: Polynomial): Complex[] {
  const degree = p.length - 1;
  const roots = newtonPolygonStart(p);
  const converged: boolean[] = new Array<boolean>(degree).fill(false);
  const roundoff = 4 * degree * Number.EPSILON;
  const maximumIterations = 500;
  for (let iteration = 0; iteration < maximumIterations && converged.includes(false); iteration += 1) {
    for (let k = 0; k < degree; k += 1) {
      if (converged[k]) continue;
      const zk = roots[k] ?? ZERO;
      const { value, slope, bound } = evaluateWithDerivative(p, zk);
      if (abs(value) <= roundoff * bound) {
        converged[k] = true;
        continue;
      }
      const newtonStep = div(value, slope);
      let repulsion: Complex = ZERO;
      for (let j = 0; j < degree; j += 1) {
        if (j !== k) repulsion = add(repulsion, div(ONE, sub(zk, roots[j] ?? ZERO)));
      }
      const correction = div(newtonStep, sub(ONE, mul(newtonStep, repulsion)));
      const next = sub(zk, correction);
      if (!Number.isFinite(next.re) || !Number.isFinite(next.im)) {
        converged[k] = true;
        continue;
      }
      roots[k] = next;
      if (abs(correction) <= Number.EPSILON * abs(next)) converged[k] = true;
    }
  }
  return roots.map((root) => {
    const { value, slope } = evaluateWithDerivative(p, root);
    const polished = sub(root, div(value, slope));
    const before = abs(value);
    const after = abs(evaluateWithDerivative(p, polished).value);
    return Number.isFinite(polished.re) && Number.isFinite(polished.im) && after < before ? polished : root;
  });
}

/**
 * Makes the roots of a real polynomial come out as exact conjugate pairs and exact reals: each root in the
 * upper half-plane is paired with the root nearest its conjugate when that one is much closer than its own
 * distance to the real axis; every unpaired root is real up to rounding and gets imaginary part 0.
 */
function pairConjugates(roots: readonly Complex[]): Complex[] {
  const remaining = [...roots].sort((a, b) => b.im - a.im);
  const result: Complex[] = [];
  while (remaining.length > 0) {
    const root = remaining.shift() ?? ZERO;
    if (root.im > 0) {
      let bestIndex = -1;
      let bestDistance = Number.POSITIVE_INFINITY;
      remaining.forEach((candidate, index) => {
        const distance = Math.hypot(candidate.re - root.re, candidate.im + root.im);
        if (distance < bestDistance) {
          bestDistance = distance;
          bestIndex = index;
        }
      });
      if (bestIndex >= 0 && bestDistance < 0.5 * root.im) {
        const partner = remaining.splice(bestIndex, 1)[0] ?? ZERO;
        const re = (root.re + partner.re) / 2;
        const im = (root.im - partner.im) / 2;
        result.push(complex(re, im), complex(re, -im));
        continue;
      }
    }
    result.push(complex(root.re));
  }
  return result;
}

/**
 * All complex roots of a real polynomial, with multiplicity (degree − 0 roots for a non-zero constant: none).
 * Exact zero roots (p[0] = 0 …) are split off first; degrees 1 and 2 use closed forms; higher degrees use
 * Aberth–Ehrlich on the polynomial rescaled to roots of order one (x = ρ·y, ρ = |p₀/pₙ|^(1/n)), which copes with
 * roots spread over many decades, as impedance polynomials in s (rad/s) have. Conjugate pairs come out exact.
 */
export function polyRoots(p: Polynomial): Complex[] {
  const trimmed = polyTrim(p);
  if (trimmed.length === 0) throw new RangeError('polyRoots: the zero polynomial has no finite set of roots');
  if (!trimmed.every(Number.isFinite)) throw new RangeError('polyRoots: coefficients must be finite');
  let zeroRoots = 0;
  while (trimmed[zeroRoots] === 0) zeroRoots += 1;
  const reduced = trimmed.slice(zeroRoots);
  const roots: Complex[] = new Array<Complex>(zeroRoots).fill(ZERO);
  const degree = reduced.length - 1;
  const c0 = coefficient(reduced, 0);
  const c1 = coefficient(reduced, 1);
  if (degree === 1) {
    roots.push(complex(-c0 / c1));
  } else if (degree === 2) {
    const c2 = coefficient(reduced, 2);
    const discriminant = c1 * c1 - 4 * c2 * c0;
    if (discriminant >= 0) {
      const q = -0.5 * (c1 + (c1 >= 0 ? 1 : -1) * Math.sqrt(discriminant));
      roots.push(complex(q / c2), complex(c0 / q));
    } else {
      const re = -c1 / (2 * c2);
      const im = Math.sqrt(-discriminant) / (2 * Math.abs(c2));
      roots.push(complex(re, im), complex(re, -im));
    }
  } else if (degree > 2) {
    const radius = Math.abs(c0 / coefficient(reduced, degree)) ** (1 / degree);
    const rescaled = reduced.map((value, k) => value * radius ** k);
    const largest = Math.max(...rescaled.map(Math.abs));
    const normalised = rescaled.map((value) => value / largest);
    roots.push(...pairConjugates(aberthRoots(normalised)).map((root) => scale(root, radius)));
  }
  return roots;
}

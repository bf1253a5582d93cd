/**
 * Complex numbers for circuit analysis (impedances, transfer functions at s = jω).
 * Plain immutable objects; no allocation tricks. Leaves out: anything beyond + − × ÷, |z|, arg.
 */
export interface Complex {
  readonly re: number;
  readonly im: number;
}

export const complex = (re: number, im = 0): Complex => ({ re, im });
export const ZERO: Complex = complex(0, 0);
export const ONE: Complex = complex(1, 0);

export const add = (a: Complex, b: Complex): Complex => complex(a.re + b.re, a.im + b.im);
export const sub = (a: Complex, b: Complex): Complex => complex(a.re - b.re, a.im - b.im);
export const mul = (a: Complex, b: Complex): Complex =>
  complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
export const scale = (a: Complex, k: number): Complex => complex(a.re * k, a.im * k);
export const conj = (a: Complex): Complex => complex(a.re, -a.im);

/** a / b, computed with Smith's algorithm to avoid overflow when |b| is large or small. */
export function div(a: Complex, b: Complex): Complex {
  if (Math.abs(b.re) >= Math.abs(b.im)) {
    const r = b.im / b.re;
    const d = b.re + b.im * r;
    return complex((a.re + a.im * r) / d, (a.im - a.re * r) / d);
  }
  const r = b.re / b.im;
  const d = b.re * r + b.im;
  return complex((a.re * r + a.im) / d, (a.im * r - a.re) / d);
}

export const abs = (a: Complex): number => Math.hypot(a.re, a.im);
export const argRad = (a: Complex): number => Math.atan2(a.im, a.re);
export const fromPolar = (magnitude: number, angleRad: number): Complex =>
  complex(magnitude * Math.cos(angleRad), magnitude * Math.sin(angleRad));
export const sqrt = (a: Complex): Complex => fromPolar(Math.sqrt(abs(a)), argRad(a) / 2);

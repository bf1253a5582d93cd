/**
 * Digital second-order sections (biquads) and their frequency response, in the form Web Audio's IIRFilterNode
 * plays them (feedforward [b0, b1, b2], feedback [1, a1, a2]). Leaves out: running the filter on samples.
 */
import { type Complex, ONE, complex, div, fromPolar, mul } from './complex';

/**
 * One section, a0 normalised to 1:  y[n] = b0·x[n] + b1·x[n−1] + b2·x[n−2] − a1·y[n−1] − a2·y[n−2],
 * i.e. H(z) = (b0 + b1·z⁻¹ + b2·z⁻²) / (1 + a1·z⁻¹ + a2·z⁻²). A first-order section has b2 = a2 = 0.
 */
export interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

/** The section that passes the signal unchanged. */
export const IDENTITY_BIQUAD: Readonly<Biquad> = { b0: 1, b1: 0, b2: 0, a1: 0, a2: 0 };

/** H(e^{jω}) of one section at ω = 2π·f/fs (rad/sample). */
export function biquadResponseAtHz(q: Biquad, frequencyHz: number, sampleRateHz: number): Complex {
  const zInverse = fromPolar(1, (-2 * Math.PI * frequencyHz) / sampleRateHz);
  const zInverse2 = mul(zInverse, zInverse);
  const numerator = complex(
    q.b0 + q.b1 * zInverse.re + q.b2 * zInverse2.re,
    q.b1 * zInverse.im + q.b2 * zInverse2.im,
  );
  const denominator = complex(1 + q.a1 * zInverse.re + q.a2 * zInverse2.re, q.a1 * zInverse.im + q.a2 * zInverse2.im);
  return div(numerator, denominator);
}

/** Product of the sections' responses: what a chain of IIRFilterNodes does at one frequency. */
export function cascadeResponseAtHz(sections: readonly Biquad[], frequencyHz: number, sampleRateHz: number): Complex {
  let response: Complex = ONE;
  for (const section of sections) response = mul(response, biquadResponseAtHz(section, frequencyHz, sampleRateHz));
  return response;
}

/**
 * The section's poles lie strictly inside the unit circle (the filter is stable) exactly when its feedback
 * coefficients lie inside the stability triangle |a2| < 1, |a1| < 1 + a2 (Jury's test for second order).
 */
export function isStableBiquad(q: Biquad): boolean {
  return Math.abs(q.a2) < 1 && Math.abs(q.a1) < 1 + q.a2;
}

/** The section's poles (the roots of z² + a1·z + a2), as complex numbers; one or none for lower order. */
export function biquadPoles(q: Biquad): Complex[] {
  if (q.a2 === 0) return q.a1 === 0 ? [] : [complex(-q.a1)];
  const discriminant = q.a1 * q.a1 - 4 * q.a2;
  if (discriminant >= 0) {
    const root = Math.sqrt(discriminant);
    const larger = (-q.a1 - Math.sign(q.a1 || 1) * root) / 2;
    return [complex(larger), complex(q.a2 / larger)];
  }
  const imaginary = Math.sqrt(-discriminant) / 2;
  return [complex(-q.a1 / 2, imaginary), complex(-q.a1 / 2, -imaginary)];
}

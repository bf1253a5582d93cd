/**
 * Shelving and peaking EQ sections from Robert Bristow-Johnson's Audio EQ Cookbook ("Cookbook formulae for audio EQ
 * biquad filter coefficients", music-dsp; W3C Note). Leaves out: its other shapes, the shelf slope S, running the filter.
 */
import type { Biquad } from '../biquad';

interface CookbookTerms {
  amplitude: number;
  cosW0: number;
  alpha: number;
}

/**
 * Each design is the bilinear transform, pre-warped so the analog corner Ω = 1 lands exactly on f0, of an analog
 * prototype in s normalised to 2π·f0 (A = 10^(gainDb/40), the square root of the linear gain):
 *   peaking     H(s) = (s² + s·A/Q + 1) / (s² + s/(A·Q) + 1)
 *   low shelf   H(s) = A·(s² + s·√A/Q + A) / (A·s² + s·√A/Q + 1)
 *   high shelf  H(s) = A·(A·s² + s·√A/Q + 1) / (s² + s·√A/Q + A)
 * so the digital response at f equals the analog one at Ω = tan(πf/fs)/tan(πf0/fs). Q = 1/√2 is the steepest shelf
 * without overshoot (the cookbook's S = 1). Valid for 0 < f0 < fs/2, Q > 0 and finite gain; anything else throws.
 */
function cookbookTerms(
  name: string,
  frequencyHz: number,
  gainDb: number,
  q: number,
  sampleRateHz: number,
): CookbookTerms {
  if (!(sampleRateHz > 0 && Number.isFinite(sampleRateHz))) {
    throw new RangeError(`${name}: sample rate ${sampleRateHz} Hz is not positive`);
  }
  if (!(frequencyHz > 0 && frequencyHz < sampleRateHz / 2)) {
    throw new RangeError(`${name}: frequency ${frequencyHz} Hz is outside 0 … ${sampleRateHz / 2} Hz`);
  }
  if (!(q > 0 && Number.isFinite(q))) throw new RangeError(`${name}: Q ${q} is not positive`);
  if (!Number.isFinite(gainDb)) throw new RangeError(`${name}: gain ${gainDb} dB is not finite`);
  const w0 = (2 * Math.PI * frequencyHz) / sampleRateHz;
  return { amplitude: 10 ** (gainDb / 40), cosW0: Math.cos(w0), alpha: Math.sin(w0) / (2 * q) };
}

function normalised(b0: number, b1: number, b2: number, a0: number, a1: number, a2: number): Biquad {
  return { b0: b0 / a0, b1: b1 / a0, b2: b2 / a0, a1: a1 / a0, a2: a2 / a0 };
}

/** Low shelf: gainDb at DC, 0 dB at Nyquist, half the gain (in dB) at f0. */
export function lowShelf(frequencyHz: number, gainDb: number, q: number, sampleRateHz: number): Biquad {
  const { amplitude: A, cosW0, alpha } = cookbookTerms('lowShelf', frequencyHz, gainDb, q, sampleRateHz);
  const twoRootAAlpha = 2 * Math.sqrt(A) * alpha;
  return normalised(
    A * (A + 1 - (A - 1) * cosW0 + twoRootAAlpha),
    2 * A * (A - 1 - (A + 1) * cosW0),
    A * (A + 1 - (A - 1) * cosW0 - twoRootAAlpha),
    A + 1 + (A - 1) * cosW0 + twoRootAAlpha,
    -2 * (A - 1 + (A + 1) * cosW0),
    A + 1 + (A - 1) * cosW0 - twoRootAAlpha,
  );
}

/** High shelf: 0 dB at DC, gainDb at Nyquist, half the gain (in dB) at f0. */
export function highShelf(frequencyHz: number, gainDb: number, q: number, sampleRateHz: number): Biquad {
  const { amplitude: A, cosW0, alpha } = cookbookTerms('highShelf', frequencyHz, gainDb, q, sampleRateHz);
  const twoRootAAlpha = 2 * Math.sqrt(A) * alpha;
  return normalised(
    A * (A + 1 + (A - 1) * cosW0 + twoRootAAlpha),
    -2 * A * (A - 1 + (A + 1) * cosW0),
    A * (A + 1 + (A - 1) * cosW0 - twoRootAAlpha),
    A + 1 - (A - 1) * cosW0 + twoRootAAlpha,
    2 * (A - 1 - (A + 1) * cosW0),
    A + 1 - (A - 1) * cosW0 - twoRootAAlpha,
  );
}

/** Peaking (bell): gainDb at f0, 0 dB at DC and Nyquist; higher Q, narrower bell. */
export function peaking(frequencyHz: number, gainDb: number, q: number, sampleRateHz: number): Biquad {
  const { amplitude: A, cosW0, alpha } = cookbookTerms('peaking', frequencyHz, gainDb, q, sampleRateHz);
  return normalised(1 + alpha * A, -2 * cosW0, 1 - alpha * A, 1 + alpha / A, -2 * cosW0, 1 - alpha / A);
}

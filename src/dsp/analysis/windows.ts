/**
 * The analysis window for measuring small harmonics next to a large tone: the 7-term
 * Blackman–Harris cosine sum. Leaves out: other windows (Hann lives in ../spectrum.ts) and
 * window design.
 */

/**
 * Coefficients a₀ … a₆ of the 7-term Blackman–Harris window, w[n] = Σₖ (−1)ᵏ·aₖ·cos(2πkn/N).
 * They sum to 1 (w = 1 at the centre). Source: H.-H. Albrecht, "A family of cosine-sum windows
 * for high-resolution measurements", Proc. IEEE ICASSP 2001 (the minimum-sidelobe member with
 * seven terms), as tabulated in National Instruments' window documentation.
 */
export const BLACKMAN_HARRIS_7_COEFFICIENTS: readonly number[] = [
  0.27105140069342, 0.43329793923448, 0.21812299954311, 0.06592544638803, 0.01081174209837,
  0.00077658482522, 0.00001388721735,
];

/** Highest sidelobe of the 7-term Blackman–Harris window relative to its main-lobe peak, dB. */
export const BLACKMAN_HARRIS_7_PEAK_SIDELOBE_DB = -180;

/**
 * Half-width of the main lobe in DFT bins of the window's own length (fs/N each): a cosine sum
 * up to cos(6·2πn/N) has its first zeros at ±7 bins. Outside ±7 bins the transform stays below
 * BLACKMAN_HARRIS_7_PEAK_SIDELOBE_DB, so the main lobe holds all of a tone's energy to within
 * about 10⁻¹⁷.
 */
export const BLACKMAN_HARRIS_7_MAIN_LOBE_HALF_WIDTH_BINS = 7;

/**
 * Periodic ("DFT-even") 7-term Blackman–Harris window of the given length:
 * w[n] = a₀ − a₁cos θ + a₂cos 2θ − a₃cos 3θ + a₄cos 4θ − a₅cos 5θ + a₆cos 6θ, θ = 2πn/N.
 * cos kθ comes from cos θ by the Chebyshev recurrence cos kθ = 2cos θ·cos (k−1)θ − cos (k−2)θ,
 * one Math.cos per sample.
 */
export function blackmanHarris7Window(length: number): Float64Array {
  const window = new Float64Array(length);
  const coefficients = BLACKMAN_HARRIS_7_COEFFICIENTS;
  for (let n = 0; n < length; n++) {
    const cosTheta = Math.cos((2 * Math.PI * n) / length);
    let cosPrevious = 1;
    let cosCurrent = cosTheta;
    let value = (coefficients[0] as number) - (coefficients[1] as number) * cosTheta;
    for (let k = 2; k < coefficients.length; k++) {
      const cosNext = 2 * cosTheta * cosCurrent - cosPrevious;
      cosPrevious = cosCurrent;
      cosCurrent = cosNext;
      value += (k % 2 === 0 ? 1 : -1) * (coefficients[k] as number) * cosNext;
    }
    window[n] = value;
  }
  return window;
}

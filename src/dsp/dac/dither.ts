/**
 * Dither for an N-bit quantizer, in units of one LSB: none, RPDF (uniform) and TPDF (triangular),
 * and the noise each costs. Leaves out: subtractive dither, Gaussian or high-pass-shaped dither.
 */

/** 'rpdf': rectangular PDF, ±½ LSB; 'tpdf': triangular PDF, ±1 LSB (sum of two RPDF). */
export type DitherKind = 'none' | 'rpdf' | 'tpdf';

export const DITHER_KINDS: readonly DitherKind[] = ['none', 'rpdf', 'tpdf'];

/**
 * 'first-order': error feedback y[n] = Q(x[n] − e[n−1] + d[n]) with e the quantizer's own error,
 * so the output error is e[n] − e[n−1]: noise transfer 1 − z⁻¹, |NTF|² = 4·sin²(πf/fs). Less
 * noise below fs/6, more above, twice the total.
 */
export type NoiseShaping = 'none' | 'first-order';

export const NOISE_SHAPINGS: readonly NoiseShaping[] = ['none', 'first-order'];

/**
 * One dither sample in LSB from a uniform source random() ∈ [0, 1): 0 for 'none' (random is not
 * called), random() − ½ ∈ [−½, ½) for RPDF (variance 1/12), random() − random() ∈ (−1, 1) for TPDF
 * (the difference of two independent uniforms is triangular; variance 2/12).
 */
export function ditherSampleLsb(kind: DitherKind, random: () => number): number {
  switch (kind) {
    case 'none':
      return 0;
    case 'rpdf':
      return random() - 0.5;
    case 'tpdf':
      return random() - random();
  }
}

/**
 * Total error variance (rounding error plus dither) of a non-subtractively dithered quantizer,
 * in LSB². Undithered: 1/12, valid only for a busy signal whose rounding error is uniform (a
 * constant input gives 0 … 1/4). RPDF: 2/12 on average, but it depends on the signal (f·(1 − f)
 * for a constant at fractional position f): RPDF makes only the error's mean independent of the
 * signal. TPDF: 1/12 + 2/12 = 1/4 for any signal, mean and variance both signal-independent
 * (Lipshitz, Wannamaker & Vanderkooy, "Quantization and dither: a theoretical survey",
 * JAES 40(5), 1992).
 */
export function errorVarianceLsb2(kind: DitherKind): number {
  switch (kind) {
    case 'none':
      return 1 / 12;
    case 'rpdf':
      return 2 / 12;
    case 'tpdf':
      return 3 / 12;
  }
}

/**
 * Extra total noise a dither kind costs over an undithered quantizer on a busy signal:
 * 10·log10(errorVariance / (1/12)): 0 dB, 10·log10 2 = 3.01 dB (RPDF), 10·log10 3 = 4.77 dB (TPDF).
 */
export function ditherNoisePenaltyDb(kind: DitherKind): number {
  return 10 * Math.log10(errorVarianceLsb2(kind) * 12);
}

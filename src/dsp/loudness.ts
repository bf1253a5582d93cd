/**
 * Loudness per ITU-R BS.1770-4: K-weighting at any sample rate, gated integrated loudness (LUFS),
 * and a model of how a filter changes pink noise's loudness. Leaves out: true peak, loudness range.
 */
import type { Biquad } from './biquad';

/**
 * Analog parameters of the K-weighting pre-filter (a high shelf modelling the head), fitted so the
 * bilinear transform at 48 kHz reproduces the coefficients printed in BS.1770-4 Table 1. Values
 * from libebur128 (Jan Kokemüller, ebur128.c); pyloudnorm uses the same structure.
 */
export const K_WEIGHTING_SHELF = {
  centerHz: 1681.974450955533,
  gainDb: 3.999843853973347,
  q: 0.7071752369554196,
  /** The band-edge gain is Vh^0.4996667741545416 rather than √Vh (libebur128's fit). */
  bandGainExponent: 0.4996667741545416,
} as const;

/** The rate at which BS.1770-4 prints the K-weighting coefficients. */
export const K_WEIGHTING_REFERENCE_RATE_HZ = 48000;

/** Analog parameters of the RLB weighting (a second-order high-pass), BS.1770-4 Table 2. */
export const K_WEIGHTING_HIGH_PASS = {
  cornerHz: 38.13547087602444,
  q: 0.5003270373238773,
} as const;

/** Constant in L = −0.691 + 10·log10(Σ G·z): cancels the K-weighting gain at 997 Hz. */
export const LOUDNESS_OFFSET_DB = -0.691;
export const BLOCK_DURATION_S = 0.4;
export const BLOCK_HOP_S = 0.1;
export const ABSOLUTE_GATE_LUFS = -70;
export const RELATIVE_GATE_LU = -10;
/** Channel weights G for L, R, C, Ls, Rs (BS.1770-4 Table 3); the LFE channel is not measured. */
export const CHANNEL_WEIGHTS: readonly number[] = [1, 1, 1, 1.41, 1.41];

/**
 * The two K-weighting biquads for a sample rate, from the analog parameters by the bilinear
 * transform with K = tan(π·f0/fs) (frequency pre-warped at f0), as libebur128 does:
 * shelf b = [Vh + Vb·K/Q + K², 2(K² − Vh), Vh − Vb·K/Q + K²]/a0, a = [1, 2(K² − 1)/a0,
 * (1 − K/Q + K²)/a0], a0 = 1 + K/Q + K², Vh = 10^(G/20);
 * high-pass a likewise, b = [1, −2, 1]·a0(48 kHz)/a0(fs). The standard prints b = [1, −2, 1] at
 * 48 kHz, i.e. the bilinear numerator [1, −2, 1]/a0 times a0(48 kHz), a pass-band gain of
 * +0.043 dB that the −0.691 dB calibration includes. Keeping that gain at every rate (libebur128
 * keeps [1, −2, 1], whose gain drifts by ~0.02 dB between 44.1 and 96 kHz) makes a 997 Hz tone read
 * the same at any rate; at 48 kHz the factor is exactly 1.
 */
export function kWeightingSections(sampleRateHz: number): [Biquad, Biquad] {
  if (!(sampleRateHz > 2 * K_WEIGHTING_SHELF.centerHz)) {
    throw new RangeError(`kWeightingSections: sample rate ${sampleRateHz} Hz is too low`);
  }
  const shelf = K_WEIGHTING_SHELF;
  const ks = Math.tan((Math.PI * shelf.centerHz) / sampleRateHz);
  const vh = 10 ** (shelf.gainDb / 20);
  const vb = vh ** shelf.bandGainExponent;
  const shelfA0 = 1 + ks / shelf.q + ks * ks;
  const shelfSection: Biquad = {
    b0: (vh + (vb * ks) / shelf.q + ks * ks) / shelfA0,
    b1: (2 * (ks * ks - vh)) / shelfA0,
    b2: (vh - (vb * ks) / shelf.q + ks * ks) / shelfA0,
    a1: (2 * (ks * ks - 1)) / shelfA0,
    a2: (1 - ks / shelf.q + ks * ks) / shelfA0,
  };

  const highPass = K_WEIGHTING_HIGH_PASS;
  const highPassA0At = (rateHz: number): number => {
    const k = Math.tan((Math.PI * highPass.cornerHz) / rateHz);
    return 1 + k / highPass.q + k * k;
  };
  const kh = Math.tan((Math.PI * highPass.cornerHz) / sampleRateHz);
  const highPassA0 = highPassA0At(sampleRateHz);
  const numeratorGain = highPassA0At(K_WEIGHTING_REFERENCE_RATE_HZ) / highPassA0;
  const highPassSection: Biquad = {
    b0: numeratorGain,
    b1: -2 * numeratorGain,
    b2: numeratorGain,
    a1: (2 * (kh * kh - 1)) / highPassA0,
    a2: (1 - kh / highPass.q + kh * kh) / highPassA0,
  };
  return [shelfSection, highPassSection];
}

/** |H(e^jω)|² of one biquad at frequencyHz. */
export function biquadPowerGain(section: Biquad, frequencyHz: number, sampleRateHz: number): number {
  const omegaRad = (2 * Math.PI * frequencyHz) / sampleRateHz;
  const c1 = Math.cos(omegaRad);
  const s1 = Math.sin(omegaRad);
  const c2 = Math.cos(2 * omegaRad);
  const s2 = Math.sin(2 * omegaRad);
  const numRe = section.b0 + section.b1 * c1 + section.b2 * c2;
  const numIm = -(section.b1 * s1 + section.b2 * s2);
  const denRe = 1 + section.a1 * c1 + section.a2 * c2;
  const denIm = -(section.a1 * s1 + section.a2 * s2);
  return (numRe * numRe + numIm * numIm) / (denRe * denRe + denIm * denIm);
}

/** |K(f)|², the power gain of the whole K-weighting at frequencyHz. */
export function kWeightingPowerGain(frequencyHz: number, sampleRateHz: number): number {
  const [shelf, highPass] = kWeightingSections(sampleRateHz);
  return biquadPowerGain(shelf, frequencyHz, sampleRateHz) * biquadPowerGain(highPass, frequencyHz, sampleRateHz);
}

/** Runs one channel through both K-weighting sections (transposed direct form II, float64). */
function kWeightedSquares(
  samples: Float32Array | Float64Array,
  sections: readonly [Biquad, Biquad],
  visit: (index: number, squared: number) => void,
): void {
  const [f, g] = sections;
  let f1 = 0;
  let f2 = 0;
  let g1 = 0;
  let g2 = 0;
  for (let n = 0; n < samples.length; n++) {
    const raw = samples[n] as number;
    const x = Number.isFinite(raw) ? raw : 0;
    const shelved = f.b0 * x + f1;
    f1 = f.b1 * x - f.a1 * shelved + f2;
    f2 = f.b2 * x - f.a2 * shelved;
    const weighted = g.b0 * shelved + g1;
    g1 = g.b1 * shelved - g.a1 * weighted + g2;
    g2 = g.b2 * shelved - g.a2 * weighted;
    visit(n, weighted * weighted);
  }
}

/**
 * Gated integrated loudness, BS.1770-4 §2 and Annex 1: K-weight each channel; mean square z_ij
 * over 400 ms blocks stepped by 100 ms (75 % overlap); block loudness
 * l_j = −0.691 + 10·log10(Σ_i G_i·z_ij); keep blocks above −70 LUFS, then above (loudness of
 * those blocks − 10 LU); result −0.691 + 10·log10(Σ_i G_i·mean_j z_ij) over the kept blocks.
 * Channels are taken as L, R, C, Ls, Rs (weights CHANNEL_WEIGHTS; any further channel weighs 1).
 * Blocks start at round(j·0.1·fs), so at rates where 0.1 s is not whole samples a block may be one
 * sample longer or shorter than 0.4·fs. Returns −Infinity when no block passes the gates
 * (silence, or a signal shorter than 400 ms).
 */
export function integratedLoudnessLufs(
  channels: readonly (Float32Array | Float64Array)[],
  sampleRateHz: number,
): number {
  if (channels.length === 0) throw new RangeError('integratedLoudnessLufs: no channels');
  const length = (channels[0] as Float32Array | Float64Array).length;
  for (const channel of channels) {
    if (channel.length !== length) {
      throw new RangeError(`integratedLoudnessLufs: channel lengths differ (${length} vs ${channel.length})`);
    }
  }
  const hopSamples = BLOCK_HOP_S * sampleRateHz;
  const hopsPerBlock = Math.round(BLOCK_DURATION_S / BLOCK_HOP_S);
  const segmentCount = Math.floor(length / hopSamples + 1e-9);
  const blockCount = segmentCount - hopsPerBlock + 1;
  if (blockCount < 1) return -Infinity;

  const segmentStart = new Float64Array(segmentCount + 1);
  for (let s = 0; s <= segmentCount; s++) segmentStart[s] = Math.min(length, Math.round(s * hopSamples));

  const sections = kWeightingSections(sampleRateHz);
  const weightedBlockPower = new Float64Array(blockCount);
  const segmentEnergy = new Float64Array(segmentCount);
  channels.forEach((channel, channelIndex) => {
    const weight = CHANNEL_WEIGHTS[channelIndex] ?? 1;
    segmentEnergy.fill(0);
    let segment = 0;
    kWeightedSquares(channel, sections, (n, squared) => {
      while (segment < segmentCount && n >= (segmentStart[segment + 1] as number)) segment++;
      if (segment < segmentCount) segmentEnergy[segment] = (segmentEnergy[segment] as number) + squared;
    });
    for (let j = 0; j < blockCount; j++) {
      let energy = 0;
      for (let s = j; s < j + hopsPerBlock; s++) energy += segmentEnergy[s] as number;
      const blockSamples = (segmentStart[j + hopsPerBlock] as number) - (segmentStart[j] as number);
      weightedBlockPower[j] = (weightedBlockPower[j] as number) + (weight * energy) / blockSamples;
    }
  });

  const loudnessOf = (power: number): number => LOUDNESS_OFFSET_DB + 10 * Math.log10(power);
  const meanPowerAbove = (thresholdLufs: number): number => {
    let sum = 0;
    let count = 0;
    for (let j = 0; j < blockCount; j++) {
      const power = weightedBlockPower[j] as number;
      if (loudnessOf(power) > thresholdLufs) {
        sum += power;
        count++;
      }
    }
    return count === 0 ? 0 : sum / count;
  };

  const absolutelyGatedPower = meanPowerAbove(ABSOLUTE_GATE_LUFS);
  if (absolutelyGatedPower === 0) return -Infinity;
  const relativeGateLufs = Math.max(ABSOLUTE_GATE_LUFS, loudnessOf(absolutelyGatedPower) + RELATIVE_GATE_LU);
  const gatedPower = meanPowerAbove(relativeGateLufs);
  return gatedPower === 0 ? -Infinity : loudnessOf(gatedPower);
}

/** Audible band over which kWeightedPinkLevelChangeDb integrates by default. */
export const PINK_MODEL_BAND_HZ = { lowHz: 20, highHz: 20000 } as const;

/**
 * Model of the loudness change a filter H causes on pink noise (power density ∝ 1/f), K-weighted:
 * ΔL = 10·log10( ∫|H|²|K|²/f df / ∫|K|²/f df ), integrated over bandHz (default 20 Hz – 20 kHz,
 * the top capped just below fs/2) by the trapezoidal rule on 2048 log-spaced points, where
 * df/f = d(ln f). magnitudeDbAtHz(f) is 20·log10|H(f)|. Ungated and steady-state: over the full
 * band 0 … fs/2 it agrees with integratedLoudnessLufs on long pink noise; the default band leaves
 * out what lies outside human hearing. Used to loudness-match A and B.
 */
export function kWeightedPinkLevelChangeDb(
  magnitudeDbAtHz: (frequencyHz: number) => number,
  sampleRateHz: number = 48000,
  bandHz: { readonly lowHz: number; readonly highHz: number } = PINK_MODEL_BAND_HZ,
): number {
  const lowHz = bandHz.lowHz;
  const highHz = Math.min(bandHz.highHz, 0.4999 * sampleRateHz);
  if (!(lowHz > 0 && highHz > lowHz)) {
    throw new RangeError(`kWeightedPinkLevelChangeDb: band ${lowHz}–${highHz} Hz is empty or not positive`);
  }
  const pointCount = 2048;
  const [shelf, highPass] = kWeightingSections(sampleRateHz);
  const logStep = Math.log(highHz / lowHz) / (pointCount - 1);
  let filtered = 0;
  let reference = 0;
  for (let i = 0; i < pointCount; i++) {
    const frequencyHz = lowHz * Math.exp(i * logStep);
    const trapezoidWeight = i === 0 || i === pointCount - 1 ? 0.5 : 1;
    const kPower =
      biquadPowerGain(shelf, frequencyHz, sampleRateHz) * biquadPowerGain(highPass, frequencyHz, sampleRateHz);
    const filterPower = 10 ** (magnitudeDbAtHz(frequencyHz) / 10);
    reference += trapezoidWeight * kPower;
    filtered += trapezoidWeight * kPower * filterPower;
  }
  return 10 * Math.log10(filtered / reference);
}

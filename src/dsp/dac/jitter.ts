/**
 * Sampling-clock jitter: a sine sampled at slightly wrong instants, and the closed forms for the noise and sidebands
 * that causes. Leaves out: jitter spectra other than white or single-tone, and the DAC's own noise and distortion.
 */

/** Random jitter: independent Gaussian timing errors; sinusoidal: a single periodic timing wobble. */
export type JitterKind = 'random' | 'sinusoidal';

/** Standard normal variates by the Box–Muller transform (Box & Muller, Ann. Math. Stat. 29, 1958). */
function gaussianSource(random: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    const angleRad = 2 * Math.PI * random();
    spare = radius * Math.sin(angleRad);
    return radius * Math.cos(angleRad);
  };
}

/**
 * A sine of frequency f and amplitude A sampled with timing error τn: x[n] = A·sin(2πf·(n/fs + τn)).
 * - 'random': τn Gaussian, independent per sample, with rms jitterSecondsRms (drawn from `random`, uniform in [0, 1)).
 * - 'sinusoidal': τn = √2·jitterSecondsRms·sin(2π·fj·n/fs), a peak of √2 × the rms; needs jitterFrequencyHz.
 * Float32 output rounds each sample to 24 significant bits, a floor near −150 dB re a full-scale sine.
 */
export function jitteredSine(
  lengthSamples: number,
  sampleRateHz: number,
  toneHz: number,
  amplitude: number,
  jitterSecondsRms: number,
  kind: JitterKind,
  random: () => number,
  jitterFrequencyHz?: number,
): Float32Array {
  const pattern = jitterPattern(lengthSamples, sampleRateHz, kind, random, jitterFrequencyHz);
  return sineWithJitterPattern(sampleRateHz, toneHz, amplitude, jitterSecondsRms, kind, pattern);
}

/**
 * The shape of jitteredSine's timing errors, τn = scale·p[n] (scale: jitterScaleSeconds): for 'random' p[n] are
 * standard normal variates from `random`, for 'sinusoidal' p[n] = sin(2π·fj·n/fs). It does not depend on the amount
 * of jitter, so a figure redrawn for a new amount can keep it.
 */
export function jitterPattern(
  lengthSamples: number,
  sampleRateHz: number,
  kind: JitterKind,
  random: () => number,
  jitterFrequencyHz?: number,
): Float64Array {
  if (!(sampleRateHz > 0)) throw new RangeError(`jitteredSine: sample rate ${sampleRateHz} Hz is not positive`);
  if (kind === 'sinusoidal' && !(jitterFrequencyHz !== undefined && Number.isFinite(jitterFrequencyHz))) {
    throw new RangeError('jitteredSine: sinusoidal jitter needs a jitter frequency');
  }
  const pattern = new Float64Array(Math.max(0, Math.floor(lengthSamples)));
  const gaussian = gaussianSource(random);
  const jitterCyclesPerSample = (jitterFrequencyHz ?? 0) / sampleRateHz;
  for (let n = 0; n < pattern.length; n++) {
    if (kind === 'random') {
      pattern[n] = gaussian();
    } else {
      const jitterCycles = jitterCyclesPerSample * n;
      pattern[n] = Math.sin(2 * Math.PI * (jitterCycles - Math.floor(jitterCycles)));
    }
  }
  return pattern;
}

/** The timing errors' scale for jitterPattern: the rms for Gaussian jitter, the peak √2·rms for sinusoidal. */
export function jitterScaleSeconds(jitterSecondsRms: number, kind: JitterKind): number {
  return kind === 'random' ? jitterSecondsRms : Math.SQRT2 * jitterSecondsRms;
}

/** jitteredSine from a kept jitterPattern (one sample per pattern entry). */
export function sineWithJitterPattern(
  sampleRateHz: number,
  toneHz: number,
  amplitude: number,
  jitterSecondsRms: number,
  kind: JitterKind,
  pattern: Float64Array,
): Float32Array {
  if (!(sampleRateHz > 0)) throw new RangeError(`jitteredSine: sample rate ${sampleRateHz} Hz is not positive`);
  if (!(jitterSecondsRms >= 0)) throw new RangeError(`jitteredSine: jitter ${jitterSecondsRms} s rms is negative`);
  const output = new Float32Array(pattern.length);
  const scaleSeconds = jitterScaleSeconds(jitterSecondsRms, kind);
  for (let n = 0; n < output.length; n++) {
    const timingErrorSeconds = scaleSeconds * (pattern[n] as number);
    const cycles = (toneHz * n) / sampleRateHz;
    output[n] = amplitude * Math.sin(2 * Math.PI * (cycles - Math.floor(cycles) + toneHz * timingErrorSeconds));
  }
  return output;
}

/**
 * Jitter-limited SNR in dB for a sine of frequency f: −20·log10(2π·f·tj). For small τ the error is
 * A·2πf·τn·cos(2πf·n/fs), of mean square A²(2πf)²·tj²/2 against the sine's A²/2, so tj here is the rms timing
 * error, for any jitter spectrum. At 20 kHz: 1 ns → 78.0 dB, 100 ps → 98.0 dB, 1 ps → 138.0 dB (REFERENCES §5).
 * [disputed] ADI's tutorials take tj as rms, as derived here; other sources quote the formula with a peak-to-peak tj.
 * For sinusoidal jitter tpp = 2√2·trms, so a peak-to-peak figure read as rms overstates the noise by 9 dB; Gaussian
 * jitter has no fixed peak-to-peak value at all.
 */
export function jitterLimitedSnrDb(toneHz: number, jitterSecondsRms: number): number {
  return -20 * Math.log10(2 * Math.PI * toneHz * jitterSecondsRms);
}

/**
 * Level of each sideband at f ± fj relative to the tone, in dB, for sinusoidal jitter of peak tpk:
 * sampling at n/fs + tpk·sin(2π·fj·n/fs) phase-modulates the tone with index β = 2π·f·tpk, and for small β each
 * sideband is J1(β)/J0(β) ≈ β/2, i.e. 20·log10(π·f·tpk). Both sidebands together carry
 * −jitterLimitedSnrDb(f, tpk/√2).
 */
export function sinusoidalJitterSidebandDb(toneHz: number, jitterSecondsPeak: number): number {
  return 20 * Math.log10(Math.PI * toneHz * jitterSecondsPeak);
}

// Making sample blocks loop without a click: folding a render's tail back onto its start, crossfading
// a noise block's wrap, whole-cycle lengths for tones, and peak normalisation. Leaves out: playback.

/** Greatest common divisor of two non-negative integers (Euclid). */
function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/**
 * Overlap-add a render that ran past the loop end back onto the loop:
 * out[n] = Σ_k x[n + k·L] for 0 ≤ n < L. What a looped performance sounds like in steady state:
 * the tails of the last notes ring on over the first beat of the next pass. The wrap point is
 * seamless because out[L−1] → out[0] continues every term x[kL−1] → x[kL] of the original render.
 */
export function wrapTail(rendered: Float32Array, loopLengthSamples: number): Float32Array {
  const loopLength = Math.floor(loopLengthSamples);
  if (!(loopLength > 0)) throw new RangeError(`wrapTail: loop length ${loopLengthSamples} is not positive`);
  const out = new Float32Array(loopLength);
  for (let n = 0; n < rendered.length; n++) out[n % loopLength] = (out[n % loopLength] as number) + (rendered[n] as number);
  return out;
}

/**
 * Turn a block of at least L + X samples into a loop of length L whose wrap is a crossfade:
 * for 0 ≤ n < X, out[n] = x[n]·sin(π/2·w) + x[L + n]·cos(π/2·w) with w = (n + ½)/X; out[n] = x[n]
 * after. Sine/cosine gains keep the power of uncorrelated signals (noise) constant, and the sample
 * played after out[L−1] is (almost exactly) x[L], the original's own next sample.
 */
export function crossfadeLoop(signal: Float32Array, loopLengthSamples: number, crossfadeSamples: number): Float32Array {
  const loopLength = Math.floor(loopLengthSamples);
  const crossfade = Math.floor(crossfadeSamples);
  if (!(loopLength > 0) || crossfade < 0 || crossfade > loopLength) {
    throw new RangeError(`crossfadeLoop: need 0 ≤ crossfade (${crossfadeSamples}) ≤ loop length (${loopLengthSamples})`);
  }
  if (signal.length < loopLength + crossfade) {
    throw new RangeError(`crossfadeLoop: ${signal.length} samples do not cover loop + crossfade (${loopLength + crossfade})`);
  }
  const out = signal.slice(0, loopLength);
  for (let n = 0; n < crossfade; n++) {
    const phase = (Math.PI / 2) * ((n + 0.5) / crossfade);
    out[n] = (signal[n] as number) * Math.sin(phase) + (signal[loopLength + n] as number) * Math.cos(phase);
  }
  return out;
}

/**
 * The shortest length ≥ minLengthSamples holding a whole number of cycles of a tone, so that
 * sin(2π·f·n/fs) repeats exactly when looped: f·N/fs must be an integer, and for integer f and fs
 * the smallest such N is fs / gcd(fs, f) (1 kHz: 48 samples at 48 kHz, 441 at 44.1 kHz). For
 * non-integer values the nearest whole-sample length of the needed cycles is returned.
 */
export function wholeCycleLoopLength(frequencyHz: number, sampleRateHz: number, minLengthSamples: number): number {
  if (!(frequencyHz > 0) || !(sampleRateHz > 0)) {
    throw new RangeError(`wholeCycleLoopLength: frequency ${frequencyHz} Hz and rate ${sampleRateHz} Hz must be positive`);
  }
  const minLength = Math.max(1, Math.ceil(minLengthSamples));
  if (Number.isInteger(frequencyHz) && Number.isInteger(sampleRateHz)) {
    const period = sampleRateHz / gcd(sampleRateHz, frequencyHz);
    return Math.ceil(minLength / period) * period;
  }
  const cycles = Math.max(1, Math.ceil((minLength * frequencyHz) / sampleRateHz));
  return Math.round((cycles * sampleRateHz) / frequencyHz);
}

/** Largest |sample| over all channels. */
export function peakOf(channels: readonly Float32Array[]): number {
  let peak = 0;
  for (const channel of channels) {
    for (let n = 0; n < channel.length; n++) {
      const magnitude = Math.abs(channel[n] as number);
      if (magnitude > peak) peak = magnitude;
    }
  }
  return peak;
}

/**
 * Scale all channels in place by one factor so the largest |sample| is 10^(peakDbfs/20).
 * Silent input is left silent. Returns the factor applied.
 */
export function normalizePeak(channels: readonly Float32Array[], peakDbfs: number): number {
  const peak = peakOf(channels);
  if (peak === 0) return 1;
  const factor = 10 ** (peakDbfs / 20) / peak;
  for (const channel of channels) {
    for (let n = 0; n < channel.length; n++) channel[n] = (channel[n] as number) * factor;
  }
  return factor;
}

/**
 * A signal known at unevenly spaced times (a circuit simulator's transient, whose steps it chooses itself) read at
 * evenly spaced ones, so the FFT-based analyses can take it. Linear interpolation between neighbouring samples.
 * Leaves out: band-limiting (the signal is read, not decimated: anything above fs/2 aliases as sampling would alias
 * it) and extrapolation (every time asked for must lie within the samples).
 */

/**
 * y at t = n/fs, n = 0 … count − 1, from samples (times[i], values[i]) with times ascending:
 *   y(t) = v[i] + (v[i+1] − v[i])·(t − t[i])/(t[i+1] − t[i]) for t[i] ≤ t ≤ t[i+1].
 * Its error is at most h²/8·max|y″| for steps of h: 250 steps per period of a sine of amplitude A put it below
 * A·(2π/250)²/8 ≈ 8·10⁻⁵·A.
 */
export function resampleUniform(
  timesSeconds: readonly number[],
  values: readonly number[],
  sampleRateHz: number,
  count: number,
): Float64Array {
  if (timesSeconds.length !== values.length || timesSeconds.length < 2) {
    throw new RangeError(`resampleUniform: need at least 2 samples with one time each, got ${timesSeconds.length} times, ${values.length} values`);
  }
  if (!(sampleRateHz > 0) || !(Number.isInteger(count) && count >= 0)) {
    throw new RangeError(`resampleUniform: sample rate ${sampleRateHz} Hz and count ${count} must be positive and whole`);
  }
  const first = timesSeconds[0] as number;
  const last = timesSeconds[timesSeconds.length - 1] as number;
  const lastWanted = (count - 1) / sampleRateHz;
  if (count > 0 && (first > 0 || lastWanted > last * (1 + 1e-12))) {
    throw new RangeError(`resampleUniform: samples span ${first}–${last} s; ${count} at ${sampleRateHz} Hz need 0–${lastWanted} s`);
  }
  const output = new Float64Array(count);
  let i = 0;
  for (let n = 0; n < count; n++) {
    const t = Math.min(n / sampleRateHz, last);
    while (i < timesSeconds.length - 2 && (timesSeconds[i + 1] as number) < t) i++;
    const t0 = timesSeconds[i] as number;
    const t1 = timesSeconds[i + 1] as number;
    const v0 = values[i] as number;
    const v1 = values[i + 1] as number;
    output[n] = t1 > t0 ? v0 + ((v1 - v0) * (t - t0)) / (t1 - t0) : v0;
  }
  return output;
}

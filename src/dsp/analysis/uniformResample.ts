/**
 * A signal known at unevenly spaced times (a circuit simulator's transient, whose steps it chooses itself) read at
 * evenly spaced ones, so the FFT-based analyses can take it. Cubic interpolation through the four nearest samples.
 * Leaves out: band-limiting (the signal is read, not decimated: anything above fs/2 aliases as sampling would alias
 * it) and extrapolation (every time asked for must lie within the samples).
 */

/**
 * y at t = n/fs, n = 0 … count − 1, from samples (times[i], values[i]) with times ascending, by the cubic through
 * the four samples around t (Lagrange's form, so uneven steps are fine; the first and last intervals use the four
 * samples at that end):
 *   y(t) = Σ_j v[j]·Π_{k≠j} (t − t[k])/(t[j] − t[k]).
 * It is exact for any cubic, and its error is at most (9/16)/24·h⁴·max|y⁗| for steps of h: for a sine of
 * amplitude A read at 100 steps per period, (9/384)·(2π/100)⁴·A ≈ 3.7·10⁻⁷·A (−129 dB), where a straight line
 * between neighbours errs by up to (2π/100)²/8·A ≈ 5·10⁻⁴·A (−66 dB), and does so periodically, so its error lands
 * on discrete frequencies (at 250 steps per period read at 48 kHz, a spur at 9 kHz, −95 dB). Needs 4 samples.
 */
export function resampleUniform(
  allTimesSeconds: readonly number[],
  allValues: readonly number[],
  sampleRateHz: number,
  count: number,
): Float64Array {
  if (allTimesSeconds.length !== allValues.length) {
    throw new RangeError(`resampleUniform: need one time per sample, got ${allTimesSeconds.length} times, ${allValues.length} values`);
  }
  // A simulator may report one time twice (at a breakpoint); the later sample stands.
  const keep = allTimesSeconds.flatMap((t, i) => (i + 1 < allTimesSeconds.length && allTimesSeconds[i + 1] === t ? [] : [i]));
  const timesSeconds = keep.map((i) => allTimesSeconds[i] as number);
  const values = keep.map((i) => allValues[i] as number);
  if (timesSeconds.length < 4) throw new RangeError(`resampleUniform: need at least 4 samples at distinct times, got ${timesSeconds.length}`);
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
    const from = Math.max(0, Math.min(i - 1, timesSeconds.length - 4));
    let y = 0;
    for (let j = from; j < from + 4; j++) {
      const tj = timesSeconds[j] as number;
      let weight = 1;
      for (let k = from; k < from + 4; k++) {
        if (k !== j) weight *= (t - (timesSeconds[k] as number)) / (tj - (timesSeconds[k] as number));
      }
      y += weight * (values[j] as number);
    }
    output[n] = y;
  }
  return output;
}

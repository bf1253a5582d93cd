// The limiter's last step, shared by its AudioWorklet (live) and the offline render (downloads): the −1 dBFS peak
// limiter over one block, then a clamp to a value 16- and 24-bit files store exactly. Leaves out: the limiter itself.
import { LIMITER_CEILING_DBFS, type PeakLimiter } from '../dsp/limiter';

/**
 * The largest 16-bit code value at or below the ceiling, k/2¹⁵ with k = ⌊c·2¹⁵⌋ (−1.00003 dBFS).
 * The limiter already keeps |y| ≤ c; a sample exactly at c would round up by half a step when a
 * WAV stores it as an integer (round(c·2²³) > c·2²³). Clamped to this value, which 16-bit and
 * 24-bit codes both hold exactly, every sample stays ≤ −1 dBFS in a downloaded file too.
 */
export const STORABLE_CEILING = Math.floor(10 ** (LIMITER_CEILING_DBFS / 20) * 2 ** 15) / 2 ** 15;

/** limiter.process(input, output), then every output sample clamped to ±STORABLE_CEILING. No allocation. */
export function limitBlock(limiter: PeakLimiter, input: readonly Float32Array[], output: Float32Array[]): void {
  limiter.process(input, output);
  const ceiling = STORABLE_CEILING;
  for (const channel of output) {
    const length = channel.length;
    for (let n = 0; n < length; n++) {
      const sample = channel[n] as number;
      if (sample > ceiling) channel[n] = ceiling;
      else if (sample < -ceiling) channel[n] = -ceiling;
    }
  }
}

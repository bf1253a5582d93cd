// AudioWorklet processor running the −1 dBFS look-ahead peak limiter (src/dsp/limiter.ts) on stereo
// audio: the last stage before the speakers. Leaves out: everything else in the chain.
import { LIMITER_CEILING_DBFS, PeakLimiter } from '../dsp/limiter';
import { LIMITER_CHANNEL_COUNT, LIMITER_PROCESSOR_NAME, LIMITER_RELEASE_MESSAGE } from './limiterProtocol';
import { registerProcessor, ReleasableProcessor, workletSampleRate } from './workletScope';

/** Nothing connected: the limiter reads missing channels as silence (and flushes its delay line). */
const NO_INPUT: readonly Float32Array[] = [];

/**
 * The largest 16-bit code value at or below the ceiling, k/2¹⁵ with k = ⌊c·2¹⁵⌋ (−1.00003 dBFS).
 * The limiter already keeps |y| ≤ c; a sample exactly at c would round up by half a step when a
 * WAV stores it as an integer (round(c·2²³) > c·2²³). Clamped to this value, which 16-bit and
 * 24-bit codes both hold exactly, every sample stays ≤ −1 dBFS in a downloaded file too.
 */
const STORABLE_CEILING = Math.floor(10 ** (LIMITER_CEILING_DBFS / 20) * 2 ** 15) / 2 ** 15;

class PeakLimiterProcessor extends ReleasableProcessor {
  private readonly limiter = new PeakLimiter({ ceilingDbfs: LIMITER_CEILING_DBFS, channelCount: LIMITER_CHANNEL_COUNT });

  constructor(options: AudioWorkletNodeOptions) {
    super(options, LIMITER_RELEASE_MESSAGE);
    this.limiter.prepare(workletSampleRate());
  }

  /**
   * The node up-mixes its input to exactly two channels ("explicit", "speakers"), so inputs[0] is
   * stereo when anything is connected and empty when not. The limiter ignores non-finite samples
   * and clamps every output sample to the ceiling; then STORABLE_CEILING applies. No allocation.
   */
  process(inputList: Float32Array[][], outputList: Float32Array[][]): boolean {
    const output = outputList[0];
    if (!output || output.length === 0) return this.running;
    this.limiter.process(inputList[0] ?? NO_INPUT, output);
    for (const channel of output) {
      for (let n = 0; n < channel.length; n++) {
        const sample = channel[n] as number;
        if (sample > STORABLE_CEILING) channel[n] = STORABLE_CEILING;
        else if (sample < -STORABLE_CEILING) channel[n] = -STORABLE_CEILING;
      }
    }
    return this.running;
  }
}

registerProcessor(LIMITER_PROCESSOR_NAME, PeakLimiterProcessor);

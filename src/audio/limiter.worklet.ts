// AudioWorklet processor running the −1 dBFS look-ahead peak limiter (src/dsp/limiter.ts) on stereo
// audio: the last stage before the speakers. Leaves out: everything else in the chain.
import { LIMITER_CEILING_DBFS, PeakLimiter } from '../dsp/limiter';
import { limitBlock } from './limiterOutput';
import { LIMITER_CHANNEL_COUNT, LIMITER_PROCESSOR_NAME, LIMITER_RELEASE_MESSAGE } from './limiterProtocol';
import { registerProcessor, ReleasableProcessor, workletSampleRate } from './workletScope';

/** Nothing connected: the limiter reads missing channels as silence (and flushes its delay line). */
const NO_INPUT: readonly Float32Array[] = [];

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
    limitBlock(this.limiter, inputList[0] ?? NO_INPUT, output);
    return this.running;
  }
}

registerProcessor(LIMITER_PROCESSOR_NAME, PeakLimiterProcessor);

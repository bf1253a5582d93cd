// AudioWorklet processor running a DAC at a fraction of the context's rate (src/dsp/dac/lowRateDac.ts) on each
// channel: band-limit and decimate, then hold (NOS) or interpolate back. Leaves out: everything else in the chain.
import type { LowRateDac } from '../dsp/dac/lowRateDac';
import { channelLowRateDac, DAC_CHANNELS } from './dacChannels';
import { DAC_RELEASE_MESSAGE, LOW_RATE_DAC_PROCESSOR_NAME, type LowRateDacSettings } from './dacProtocol';
import { forEachChannel, registerProcessor, ReleasableProcessor } from './workletScope';

class LowRateDacProcessor extends ReleasableProcessor {
  private readonly dacs: LowRateDac[];
  private readonly silence = new Float32Array(128);

  constructor(options: AudioWorkletNodeOptions) {
    super(options, DAC_RELEASE_MESSAGE);
    const settings = options.processorOptions as LowRateDacSettings;
    this.dacs = Array.from({ length: DAC_CHANNELS }, () => channelLowRateDac(settings));
  }

  /** Each channel through its own DAC; a missing input is silence. No allocation for 128-sample quanta. */
  process(inputList: Float32Array[][], outputList: Float32Array[][]): boolean {
    forEachChannel(inputList, outputList, this.silence, (channel, input, output) => this.dacs[channel]?.process(input, output));
    return this.running;
  }
}

registerProcessor(LOW_RATE_DAC_PROCESSOR_NAME, LowRateDacProcessor);

// AudioWorklet processor applying DAC clock jitter (src/dsp/dac/jitterDelay.ts) to each channel: a time-varying
// fractional delay that converts each sample at n/fs + τn. Leaves out: everything else in the chain.
import type { JitterDelay } from '../dsp/dac/jitterDelay';
import { channelJitter, DAC_CHANNELS } from './dacChannels';
import { DAC_RELEASE_MESSAGE, JITTER_PROCESSOR_NAME, type JitterSettings } from './dacProtocol';
import { forEachChannel, registerProcessor, ReleasableProcessor, workletSampleRate } from './workletScope';

class JitterProcessor extends ReleasableProcessor {
  private readonly delays: JitterDelay[];
  private readonly silence = new Float32Array(128);

  /** Both channels share one clock: the same seed gives both the same sampling-time errors. */
  constructor(options: AudioWorkletNodeOptions) {
    super(options, DAC_RELEASE_MESSAGE);
    const s = options.processorOptions as JitterSettings;
    this.delays = Array.from({ length: DAC_CHANNELS }, () => channelJitter(s, workletSampleRate()));
  }

  process(inputList: Float32Array[][], outputList: Float32Array[][]): boolean {
    forEachChannel(inputList, outputList, this.silence, (channel, input, output) => this.delays[channel]?.process(input, output));
    return this.running;
  }
}

registerProcessor(JITTER_PROCESSOR_NAME, JitterProcessor);

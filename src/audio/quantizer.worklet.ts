// AudioWorklet processor running the N-bit quantizer with dither (src/dsp/dac/quantizer.ts, built by dacChannels.ts) on
// each channel. Leaves out: gain before and after (GainNodes around it) and anything analog.
import { channelQuantizer, DAC_CHANNELS } from './dacChannels';
import { DAC_RELEASE_MESSAGE, QUANTIZER_PROCESSOR_NAME, type QuantizerProcessorOptions } from './dacProtocol';
import { forEachChannel, registerProcessor, ReleasableProcessor } from './workletScope';

class QuantizerProcessor extends ReleasableProcessor {
  private readonly quantizers: ((x: number) => number)[];
  private readonly silence = new Float32Array(128);

  constructor(options: AudioWorkletNodeOptions) {
    super(options, DAC_RELEASE_MESSAGE);
    const settings = options.processorOptions as QuantizerProcessorOptions;
    this.quantizers = Array.from({ length: DAC_CHANNELS }, (_, channel) => channelQuantizer(settings, channel));
  }

  /** Quantizes each channel sample by sample; a missing input is silence (still dithered). No allocation. */
  process(inputList: Float32Array[][], outputList: Float32Array[][]): boolean {
    forEachChannel(inputList, outputList, this.silence, (channel, input, output) => {
      const quantize = this.quantizers[channel];
      if (!quantize) return;
      for (let n = 0; n < output.length; n++) output[n] = quantize(input[n] as number);
    });
    return this.running;
  }
}

registerProcessor(QUANTIZER_PROCESSOR_NAME, QuantizerProcessor);

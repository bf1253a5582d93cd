// AudioWorklet processor running the N-bit quantizer with dither (src/dsp/dac/quantizer.ts) on each
// channel. Leaves out: gain before and after (GainNodes around it) and anything analog.
import { createQuantizer } from '../dsp/dac/quantizer';
import { mulberry32 } from '../dsp/random';
import { DAC_RELEASE_MESSAGE, QUANTIZER_PROCESSOR_NAME, type QuantizerProcessorOptions } from './dacProtocol';
import { forEachChannel, registerProcessor, ReleasableProcessor } from './workletScope';

const CHANNELS = 2;

class QuantizerProcessor extends ReleasableProcessor {
  private readonly quantizers: ((x: number) => number)[];
  private readonly silence = new Float32Array(128);

  constructor(options: AudioWorkletNodeOptions) {
    super(options, DAC_RELEASE_MESSAGE);
    const settings = options.processorOptions as QuantizerProcessorOptions;
    this.quantizers = Array.from({ length: CHANNELS }, (_, channel) =>
      createQuantizer(settings.bits, settings.dither, mulberry32(settings.seed + channel * 7919), settings.shaping),
    );
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

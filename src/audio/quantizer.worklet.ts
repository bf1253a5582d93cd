// AudioWorklet processor running the N-bit quantizer with dither (src/dsp/dac/quantizer.ts) on each
// channel. Leaves out: gain before and after (GainNodes around it) and anything analog.
import { createQuantizer } from '../dsp/dac/quantizer';
import { mulberry32 } from '../dsp/random';
import { QUANTIZER_PROCESSOR_NAME, DAC_RELEASE_MESSAGE, type QuantizerProcessorOptions } from './dacProtocol';

// The AudioWorkletGlobalScope, which TypeScript's DOM library does not describe.
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: AudioWorkletNodeOptions);
}
declare function registerProcessor(
  name: string,
  processorConstructor: new (options: AudioWorkletNodeOptions) => AudioWorkletProcessor,
): void;

const CHANNELS = 2;

class QuantizerProcessor extends AudioWorkletProcessor {
  private readonly quantizers: ((x: number) => number)[];
  private running = true;

  constructor(options: AudioWorkletNodeOptions) {
    super(options);
    const settings = options.processorOptions as QuantizerProcessorOptions;
    this.quantizers = Array.from({ length: CHANNELS }, (_, channel) =>
      createQuantizer(settings.bits, settings.dither, mulberry32(settings.seed + channel * 7919), settings.shaping),
    );
    this.port.onmessage = (event: MessageEvent<unknown>) => {
      if (event.data === DAC_RELEASE_MESSAGE) this.running = false;
    };
  }

  /** Quantizes each channel sample by sample; a missing input is silence (still dithered). No allocation. */
  process(inputList: Float32Array[][], outputList: Float32Array[][]): boolean {
    const input = inputList[0] ?? [];
    const output = outputList[0] ?? [];
    for (let channel = 0; channel < output.length; channel++) {
      const out = output[channel] as Float32Array;
      const inp = input[channel] ?? input[0];
      const quantize = this.quantizers[channel] ?? this.quantizers[0];
      if (!quantize) continue;
      for (let n = 0; n < out.length; n++) out[n] = quantize(inp ? (inp[n] as number) : 0);
    }
    return this.running;
  }
}

registerProcessor(QUANTIZER_PROCESSOR_NAME, QuantizerProcessor);

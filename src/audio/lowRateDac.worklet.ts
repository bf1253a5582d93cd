// AudioWorklet processor running a DAC at a fraction of the context's rate (src/dsp/dac/lowRateDac.ts) on each
// channel: band-limit and decimate, then hold (NOS) or interpolate back. Leaves out: everything else in the chain.
import { LowRateDac } from '../dsp/dac/lowRateDac';
import { DAC_RELEASE_MESSAGE, LOW_RATE_DAC_PROCESSOR_NAME, type LowRateDacSettings } from './dacProtocol';

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

class LowRateDacProcessor extends AudioWorkletProcessor {
  private readonly dacs: LowRateDac[];
  private readonly silence = new Float32Array(128);
  private running = true;

  constructor(options: AudioWorkletNodeOptions) {
    super(options);
    const settings = options.processorOptions as LowRateDacSettings;
    this.dacs = Array.from({ length: CHANNELS }, () => new LowRateDac(settings.oversampling, settings.mode));
    this.port.onmessage = (event: MessageEvent<unknown>) => {
      if (event.data === DAC_RELEASE_MESSAGE) this.running = false;
    };
  }

  /** Each channel through its own DAC; a missing input is silence. No allocation for 128-sample quanta. */
  process(inputList: Float32Array[][], outputList: Float32Array[][]): boolean {
    const input = inputList[0] ?? [];
    const output = outputList[0] ?? [];
    for (let channel = 0; channel < output.length; channel++) {
      const out = output[channel] as Float32Array;
      const dac = this.dacs[channel];
      if (!dac) continue;
      const inp = input[channel] ?? input[0] ?? (this.silence.length === out.length ? this.silence : new Float32Array(out.length));
      dac.process(inp, out);
    }
    return this.running;
  }
}

registerProcessor(LOW_RATE_DAC_PROCESSOR_NAME, LowRateDacProcessor);

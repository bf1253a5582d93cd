// AudioWorklet processor applying DAC clock jitter (src/dsp/dac/jitterDelay.ts) to each channel: a time-varying
// fractional delay that converts each sample at n/fs + τn. Leaves out: everything else in the chain.
import { JitterDelay } from '../dsp/dac/jitterDelay';
import { mulberry32 } from '../dsp/random';
import { DAC_RELEASE_MESSAGE, JITTER_PROCESSOR_NAME, type JitterSettings } from './dacProtocol';

// The AudioWorkletGlobalScope, which TypeScript's DOM library does not describe.
declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: AudioWorkletNodeOptions);
}
declare function registerProcessor(
  name: string,
  processorConstructor: new (options: AudioWorkletNodeOptions) => AudioWorkletProcessor,
): void;

class JitterProcessor extends AudioWorkletProcessor {
  private readonly left: JitterDelay;
  private readonly right: JitterDelay;
  private readonly silence = new Float32Array(128);
  private running = true;

  /** Both channels share one clock: the same seed gives both the same sampling-time errors. */
  constructor(options: AudioWorkletNodeOptions) {
    super(options);
    const s = options.processorOptions as JitterSettings;
    this.left = new JitterDelay(sampleRate, s.jitterSecondsRms, s.kind, mulberry32(s.seed), s.jitterFrequencyHz);
    this.right = new JitterDelay(sampleRate, s.jitterSecondsRms, s.kind, mulberry32(s.seed), s.jitterFrequencyHz);
    this.port.onmessage = (event: MessageEvent<unknown>) => {
      if (event.data === DAC_RELEASE_MESSAGE) this.running = false;
    };
  }

  process(inputList: Float32Array[][], outputList: Float32Array[][]): boolean {
    const input = inputList[0] ?? [];
    const output = outputList[0] ?? [];
    const delays = [this.left, this.right];
    for (let channel = 0; channel < output.length; channel++) {
      const out = output[channel] as Float32Array;
      const delay = delays[channel];
      if (!delay) continue;
      const inp = input[channel] ?? input[0] ?? (this.silence.length === out.length ? this.silence : new Float32Array(out.length));
      delay.process(inp, out);
    }
    return this.running;
  }
}

registerProcessor(JITTER_PROCESSOR_NAME, JitterProcessor);

// What an AudioWorklet processor module sees of its global scope (AudioWorkletProcessor, registerProcessor,
// sampleRate), typed once for the site's worklets, plus the per-channel loop the DAC processors share.
// Imported only by *.worklet.ts files; it reads the globals when those run in the worklet scope.

/** The part of an AudioWorkletProcessor instance our processors use. */
export interface WorkletProcessor {
  readonly port: MessagePort;
}

interface WorkletGlobalScope {
  AudioWorkletProcessor: new (options?: AudioWorkletNodeOptions) => WorkletProcessor;
  registerProcessor(name: string, processorConstructor: new (options: AudioWorkletNodeOptions) => WorkletProcessor): void;
  sampleRate: number;
}

const scope = globalThis as unknown as WorkletGlobalScope;

/** The scope's AudioWorkletProcessor, to extend. */
export const AudioWorkletProcessorBase = scope.AudioWorkletProcessor;

/**
 * A processor that keeps running until the main thread posts `releaseMessage` to its port (when its chain or
 * stage is disposed); then process() should return `this.running` = false so the processor can be collected.
 */
export class ReleasableProcessor extends AudioWorkletProcessorBase {
  protected running = true;

  constructor(options: AudioWorkletNodeOptions, releaseMessage: string) {
    super(options);
    this.port.onmessage = (event: MessageEvent<unknown>) => {
      if (event.data === releaseMessage) this.running = false;
    };
  }
}

/** Registers a processor class under a name. */
export function registerProcessor(name: string, processorConstructor: new (options: AudioWorkletNodeOptions) => WorkletProcessor): void {
  scope.registerProcessor(name, processorConstructor);
}

/** The context's sample rate, Hz (a global of the worklet scope). */
export function workletSampleRate(): number {
  return scope.sampleRate;
}

/**
 * Runs `each(channel, input, output)` for every output channel of the first output, feeding a missing input
 * channel from the first input channel, or from silence when nothing is connected. Allocates only if a
 * block is longer than `silence`.
 */
export function forEachChannel(
  inputList: Float32Array[][],
  outputList: Float32Array[][],
  silence: Float32Array,
  each: (channel: number, input: Float32Array, output: Float32Array) => void,
): void {
  const input = inputList[0] ?? [];
  const output = outputList[0] ?? [];
  for (let channel = 0; channel < output.length; channel++) {
    const out = output[channel] as Float32Array;
    const inp = input[channel] ?? input[0] ?? (silence.length >= out.length ? silence.subarray(0, out.length) : new Float32Array(out.length));
    each(channel, inp, out);
  }
}

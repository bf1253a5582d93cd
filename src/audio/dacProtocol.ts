// What the main thread and the DAC worklets (quantizer, low-rate DAC) agree on: processor names and options.
// Leaves out: the models themselves (src/dsp/dac).
import type { DitherKind, NoiseShaping } from '../dsp/dac/dither';

/** Name the quantizer AudioWorkletProcessor is registered under. */
export const QUANTIZER_PROCESSOR_NAME = 'amp-lab-quantizer';

/** Posted to the node's port when its chain is disposed: the processor stops and can be collected. */
export const DAC_RELEASE_MESSAGE = 'release';

/** A chain's DAC stage: gain in the digital domain, N-bit quantization with dither, then make-up gain. */
export interface QuantizerSettings {
  readonly bits: number;
  readonly dither: DitherKind;
  readonly shaping: NoiseShaping;
  /** Level of the signal going into the quantizer, dB (a quiet passage is a negative value). */
  readonly inputGainDb: number;
  /** Seed of the dither's random numbers (each channel offsets it), so renders repeat. */
  readonly seed: number;
}

/** processorOptions sent to the worklet (plain data). */
export type QuantizerProcessorOptions = Pick<QuantizerSettings, 'bits' | 'dither' | 'shaping' | 'seed'>;

/** Name the low-rate DAC AudioWorkletProcessor is registered under. */
export const LOW_RATE_DAC_PROCESSOR_NAME = 'amp-lab-low-rate-dac';

/** A DAC running at the context's rate / oversampling, reconstructed by a hold (NOS) or an oversampling filter. */
export interface LowRateDacSettings {
  readonly oversampling: number;
  readonly mode: 'nos' | 'oversampled';
}

/** Name the jitter AudioWorkletProcessor is registered under. */
export const JITTER_PROCESSOR_NAME = 'amp-lab-jitter';

/** A DAC clock with jitter: the sampling-time error applied to the program (rms seconds, random or sinusoidal). */
export interface JitterSettings {
  readonly jitterSecondsRms: number;
  readonly kind: 'random' | 'sinusoidal';
  readonly jitterFrequencyHz: number;
  readonly seed: number;
}

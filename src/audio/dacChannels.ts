// One channel of each DAC stage, built the same way by its AudioWorklet processor (live playback) and by the
// offline renders that run the stages on the main thread (offlineDac.ts): the same models, options and seeds, so
// both give the same samples. Leaves out: the gains around the quantizer (GainNodes live, offlineDac offline).
import { LowRateDac } from '../dsp/dac/lowRateDac';
import { JitterDelay } from '../dsp/dac/jitterDelay';
import { createQuantizer } from '../dsp/dac/quantizer';
import { mulberry32 } from '../dsp/random';
import type { JitterSettings, LowRateDacSettings, QuantizerProcessorOptions } from './dacProtocol';

/** Channels every DAC stage processes (its node's output is always stereo). */
export const DAC_CHANNELS = 2;

/** Added to the dither seed per channel, so the two channels' dither is independent. */
const CHANNEL_SEED_STEP = 7919;

/** Channel `channel`'s N-bit quantizer, its dither drawn from mulberry32(seed + channel·7919). */
export function channelQuantizer(options: QuantizerProcessorOptions, channel: number): (x: number) => number {
  return createQuantizer(options.bits, options.dither, mulberry32(options.seed + channel * CHANNEL_SEED_STEP), options.shaping);
}

/** A channel's low-rate DAC (the channels share nothing but their settings). */
export function channelLowRateDac(settings: LowRateDacSettings): LowRateDac {
  return new LowRateDac(settings.oversampling, settings.mode);
}

/** A channel's jittered clock: every channel gets the same seed, so both share one clock's sampling-time errors. */
export function channelJitter(settings: JitterSettings, sampleRateHz: number): JitterDelay {
  return new JitterDelay(sampleRateHz, settings.jitterSecondsRms, settings.kind, mulberry32(settings.seed), settings.jitterFrequencyHz);
}

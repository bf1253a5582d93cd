// Offline renders (downloads, loudness measurement) of a chain with DAC stages, without AudioWorklet modules:
// Chromium never frees an OfflineAudioContext that had a module added, nor the audio it rendered. The program goes
// through the chain's start natively (loop, delay, the quantizer's input gain) in one offline context, then through
// the DAC stages on the main thread with the processors' own code (dacChannels.ts), and the result is the input of
// the rest of the chain, rendered natively in the caller's context. The samples equal those of the worklet graph:
// the same nodes before and after, the same models, seeds and order in between, and processing that does not
// depend on block length. Leaves out: live playback (its one context keeps the worklets).
import type { ChainSettings } from './chainSettings';
import { channelJitter, channelLowRateDac, channelQuantizer, DAC_CHANNELS } from './dacChannels';
import { MAX_DELAY_SECONDS } from './chainSettings';
import { dbToGain } from './volume';
import { chainWorkletModules } from './worklets';

/** What an offline render plays into buildChain: the buffer, whether it loops, and the chain to build natively. */
export interface OfflineChainInput {
  readonly buffer: AudioBuffer;
  readonly loop: boolean;
  /** The chain left to build in the render's context (no DAC stage, so no worklet module). */
  readonly settings: ChainSettings;
}

/** True when buildChain(settings) would need a worklet (a quantizer, a low-rate DAC or jitter). */
export function hasDacStages(settings: ChainSettings): boolean {
  return chainWorkletModules(settings).length > 0;
}

/** The chain after its DAC stages: sections, shaper, clipper, gain, noise and hum (the delay came before them). */
export function chainAfterDacStages(settings: ChainSettings): ChainSettings {
  return { ...settings, delaySeconds: undefined, quantizer: undefined, lowRateDac: undefined, jitter: undefined };
}

/**
 * The input of an offline render of `settings` over `program` (looped from time 0) lasting `length` samples at
 * `sampleRateHz`: for a chain without DAC stages, the program itself, looped, and the whole chain; otherwise
 * renderDacStages's buffer, played once, and chainAfterDacStages.
 */
export async function offlineChainInput(program: AudioBuffer, settings: ChainSettings, length: number, sampleRateHz: number): Promise<OfflineChainInput> {
  if (!hasDacStages(settings)) return { buffer: program, loop: true, settings };
  return { buffer: await renderDacStages(program, settings, length, sampleRateHz), loop: false, settings: chainAfterDacStages(settings) };
}

/**
 * `program` looped from time 0 through the chain's delay and DAC stages (delay → input gain → quantizer → gain back
 * → low-rate DAC → jitter), `length` samples at `sampleRateHz`, stereo: what the chain's first section receives in
 * a render with the worklets. The delay and input gain are the chain's own native nodes, rendered in an offline
 * context without worklets (mixed to stereo by its destination as the worklet node mixes its input); the rest runs
 * here, each channel through the stages its worklet would build, in order.
 */
export async function renderDacStages(program: AudioBuffer, settings: ChainSettings, length: number, sampleRateHz: number): Promise<AudioBuffer> {
  const ctx = new OfflineAudioContext({ numberOfChannels: DAC_CHANNELS, length, sampleRate: sampleRateHz });
  const source = new AudioBufferSourceNode(ctx, { buffer: program, loop: true });
  const delaySeconds = settings.delaySeconds ?? 0;
  const nodes: AudioNode[] = [source];
  if (delaySeconds > 0) nodes.push(new DelayNode(ctx, { delayTime: delaySeconds, maxDelayTime: MAX_DELAY_SECONDS }));
  if (settings.quantizer) nodes.push(new GainNode(ctx, { gain: dbToGain(settings.quantizer.inputGainDb) }));
  nodes.push(ctx.destination);
  for (let index = 1; index < nodes.length; index++) (nodes[index - 1] as AudioNode).connect(nodes[index] as AudioNode);
  source.start(0);
  const rendered = await ctx.startRendering();
  const channels = Array.from({ length: DAC_CHANNELS }, (_, channel) => rendered.getChannelData(channel));
  channels.forEach((samples, channel) => processDacStages(samples, channel, settings));
  // Every channel's jitter stage runs the same clock (channelJitter): its timing errors and kernels are worked out once.
  if (settings.jitter) channelJitter(settings.jitter, sampleRateHz).processChannelsInPlace(channels);
  return rendered;
}

/**
 * One channel through the DAC stages before the jitter, in place. The quantizer's output is stored as float32 (as the worklet's output
 * buffer stores it), then multiplied by the gain back as a GainNode does: the float32 gain times the float32 sample,
 * rounded once to float32 (the product of two floats is exact in a double, so storing it rounds as the node does).
 */
function processDacStages(samples: Float32Array, channel: number, settings: ChainSettings): void {
  const quantizer = settings.quantizer;
  if (quantizer) {
    const quantize = channelQuantizer(quantizer, channel);
    const gainBack = Math.fround(dbToGain(-quantizer.inputGainDb));
    for (let n = 0; n < samples.length; n++) samples[n] = Math.fround(quantize(samples[n] as number)) * gainBack;
  }
  if (settings.lowRateDac) channelLowRateDac(settings.lowRateDac).process(samples, samples);
}

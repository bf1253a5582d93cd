// One version (A or B) of a widget's chain as Web Audio nodes: one IIRFilterNode per biquad section
// in series (after an optional DAC stage), then a gain. The same function builds it live and offline.
// Leaves out: safety (safety.ts).
import type { Biquad } from '../dsp/biquad';
import { checkChainSettings, MAX_DELAY_SECONDS, type ChainSettings } from './chainSettings';
import {
  DAC_RELEASE_MESSAGE,
  JITTER_PROCESSOR_NAME,
  LOW_RATE_DAC_PROCESSOR_NAME,
  QUANTIZER_PROCESSOR_NAME,
  type LowRateDacSettings,
  type QuantizerProcessorOptions,
  type QuantizerSettings,
} from './dacProtocol';
import { whiteNoise } from '../dsp/testSignals';
import { dbToGain } from './volume';
import { crossfeedNodes } from './crossfeedNodes';

export type { ChainSettings };
export { BYPASS_CHAIN, chainSettingsEqual } from './chainSettings';

export interface Chain {
  readonly input: AudioNode;
  readonly output: AudioNode;
  /** Disconnect every node of the chain. */
  dispose(): void;
}

/**
 * A biquad as a native IIRFilterNode: feedforward [b0, b1, b2], feedback [1, a1, a2], i.e.
 * y[n] = b0·x[n] + b1·x[n−1] + b2·x[n−2] − a1·y[n−1] − a2·y[n−2]. A section with all-zero
 * numerator (which IIRFilterNode rejects) passes nothing, so it becomes a gain of 0.
 */
function sectionNode(ctx: BaseAudioContext, section: Biquad): AudioNode {
  if (section.b0 === 0 && section.b1 === 0 && section.b2 === 0) return new GainNode(ctx, { gain: 0 });
  return new IIRFilterNode(ctx, {
    feedforward: [section.b0, section.b1, section.b2],
    feedback: [1, section.a1, section.a2],
  });
}

/**
 * Sections in series, then a GainNode of settings.gainDb; with no sections, just the gain. Throws a
 * RangeError for a non-finite or unstable section (the limiter would contain it, but it is a bug).
 */
export function buildChain(ctx: BaseAudioContext, settings: ChainSettings): Chain {
  checkChainSettings(settings);
  const gain = new GainNode(ctx, { gain: dbToGain(settings.gainDb) });
  const quantizer = settings.quantizer ? quantizerNodes(ctx, settings.quantizer) : [];
  const lowRate = settings.lowRateDac ? [lowRateDacNode(ctx, settings.lowRateDac)] : [];
  const jitter = settings.jitter ? [stereoWorkletNode(ctx, JITTER_PROCESSOR_NAME, { ...settings.jitter })] : [];
  const delaySeconds = settings.delaySeconds ?? 0;
  const delay = delaySeconds > 0 ? [new DelayNode(ctx, { delayTime: delaySeconds, maxDelayTime: MAX_DELAY_SECONDS })] : [];
  const shaper = settings.shaper ? [new WaveShaperNode(ctx, { curve: settings.shaper.curve, oversample: settings.shaper.oversample })] : [];
  const clipper = settings.clipper ? [clipperNode(ctx, settings.clipper.levelFullScale)] : [];
  const nodes: AudioNode[] = [
    ...delay,
    ...quantizer,
    ...lowRate,
    ...jitter,
    ...settings.sections.map((section) => sectionNode(ctx, section)),
    ...shaper,
    ...(settings.sectionsAfterShaper ?? []).map((section) => sectionNode(ctx, section)),
    ...clipper,
    gain,
  ];
  const crossfeed = settings.crossfeed ? crossfeedNodes(ctx, settings.crossfeed) : null;
  if (crossfeed) crossfeed.output.connect(nodes[0] as AudioNode);
  for (let index = 1; index < nodes.length; index++) (nodes[index - 1] as AudioNode).connect(nodes[index] as AudioNode);
  const hiss = settings.noise && settings.noise.rmsFullScale > 0 ? noiseSourceNode(ctx, settings.noise.rmsFullScale, settings.noise.seed) : null;
  const hum = settings.hum && settings.hum.harmonicRmsFullScale.some((rms) => rms > 0) ? humSourceNode(ctx, settings.hum.fundamentalHz, settings.hum.harmonicRmsFullScale) : null;
  const event = settings.loopedEvent ? loopedEventNode(ctx, settings.loopedEvent.samplesFullScale) : null;
  const added = [hiss, hum, event].filter((node): node is AudioBufferSourceNode => node !== null);
  for (const node of added) node.connect(gain);
  const balance = settings.channelGainsDb ? channelGainNodes(ctx, settings.channelGainsDb.leftDb, settings.channelGainsDb.rightDb) : [];
  if (balance[0]) gain.connect(balance[0]);
  return {
    input: crossfeed ? crossfeed.input : (nodes[0] as AudioNode),
    output: balance.at(-1) ?? gain,
    dispose() {
      crossfeed?.dispose();
      for (const node of balance) node.disconnect();
      for (const node of added) {
        node.stop();
        node.disconnect();
      }
      for (const node of nodes) {
        node.disconnect();
        if (node instanceof AudioWorkletNode) node.port.postMessage(DAC_RELEASE_MESSAGE);
      }
    },
  };
}

/**
 * A gain per channel: a GainNode that up-mixes to stereo ("speakers": mono goes to both sides), a splitter, one gain
 * per side, a merger. Returns the nodes in order, wired, the first being the input and the last the output.
 */
function channelGainNodes(ctx: BaseAudioContext, leftDb: number, rightDb: number): AudioNode[] {
  const input = new GainNode(ctx, { gain: 1, channelCount: 2, channelCountMode: 'explicit', channelInterpretation: 'speakers' });
  const splitter = new ChannelSplitterNode(ctx, { numberOfOutputs: 2 });
  const left = new GainNode(ctx, { gain: dbToGain(leftDb) });
  const right = new GainNode(ctx, { gain: dbToGain(rightDb) });
  const merger = new ChannelMergerNode(ctx, { numberOfInputs: 2 });
  input.connect(splitter);
  splitter.connect(left, 0);
  splitter.connect(right, 1);
  left.connect(merger, 0, 0);
  right.connect(merger, 0, 1);
  return [input, splitter, left, right, merger];
}

/** Length of the looped hiss buffer, seconds (long enough that its repetition isn't heard). */
const NOISE_LOOP_SECONDS = 3;

/**
 * An amplifier's hiss: independent white noise in each channel at rmsFullScale, looped and started at once, to be
 * summed into the chain after the clipper (the noise of the output stage, which the clip does not touch).
 */
function noiseSourceNode(ctx: BaseAudioContext, rmsFullScale: number, seed: number): AudioBufferSourceNode {
  const length = Math.round(NOISE_LOOP_SECONDS * ctx.sampleRate);
  const buffer = new AudioBuffer({ numberOfChannels: 2, length, sampleRate: ctx.sampleRate });
  buffer.getChannelData(0).set(whiteNoise(length, rmsFullScale, seed));
  buffer.getChannelData(1).set(whiteNoise(length, rmsFullScale, seed ^ 0x5bd1e995));
  const source = new AudioBufferSourceNode(ctx, { buffer, loop: true });
  source.start();
  return source;
}

/** Most periods of the hum's fundamental a loop may hold while looking for a whole number of samples. */
const HUM_MAX_LOOP_PERIODS = 200;

/**
 * Hum from a power supply: harmonics k·f0 at the given rms values (sine phase), in a looped buffer holding a whole
 * number of periods of f0 that is also a whole number of samples, so the loop is seamless; same in both channels.
 */
function humSourceNode(ctx: BaseAudioContext, fundamentalHz: number, harmonicRms: readonly number[]): AudioBufferSourceNode {
  let periods = 1;
  while (periods < HUM_MAX_LOOP_PERIODS && Math.abs(((periods * ctx.sampleRate) / fundamentalHz) % 1) > 1e-9) periods++;
  const length = Math.round((periods * ctx.sampleRate) / fundamentalHz);
  const samples = new Float32Array(length);
  for (let n = 0; n < length; n++) {
    let value = 0;
    harmonicRms.forEach((rms, index) => {
      const cycles = ((index + 1) * fundamentalHz * n) / ctx.sampleRate;
      value += rms * Math.SQRT2 * Math.sin(2 * Math.PI * (cycles - Math.floor(cycles)));
    });
    samples[n] = value;
  }
  const buffer = new AudioBuffer({ numberOfChannels: 2, length, sampleRate: ctx.sampleRate });
  buffer.getChannelData(0).set(samples);
  buffer.getChannelData(1).set(samples);
  const source = new AudioBufferSourceNode(ctx, { buffer, loop: true });
  source.start();
  return source;
}

/** A repeating event (one period of samples), looped from now, the same in both channels. */
function loopedEventNode(ctx: BaseAudioContext, samples: Float32Array): AudioBufferSourceNode {
  const buffer = new AudioBuffer({ numberOfChannels: 2, length: samples.length, sampleRate: ctx.sampleRate });
  buffer.getChannelData(0).set(samples);
  buffer.getChannelData(1).set(samples);
  const source = new AudioBufferSourceNode(ctx, { buffer, loop: true });
  source.start();
  return source;
}

/** Points of the clipper's curve over the WaveShaperNode's input range −1…1 (odd, so 0 maps exactly to 0). */
const CLIPPER_CURVE_POINTS = 8193;

/**
 * A hard clip at ±level: a WaveShaperNode whose curve is y = clamp(x, −level, level) on −1…1, without
 * oversampling (the clip happens at the sample rate, adding no delay). Inputs beyond ±1 hold the end values.
 */
function clipperNode(ctx: BaseAudioContext, levelFullScale: number): AudioNode {
  const curve = new Float32Array(CLIPPER_CURVE_POINTS);
  for (let i = 0; i < CLIPPER_CURVE_POINTS; i++) {
    const x = (2 * i) / (CLIPPER_CURVE_POINTS - 1) - 1;
    curve[i] = Math.max(-levelFullScale, Math.min(levelFullScale, x));
  }
  return new WaveShaperNode(ctx, { curve, oversample: 'none' });
}

/** One of the chain's worklet processors, one input and one output, always stereo. */
function stereoWorkletNode(ctx: BaseAudioContext, name: string, processorOptions: object): AudioWorkletNode {
  return new AudioWorkletNode(ctx, name, {
    numberOfInputs: 1,
    numberOfOutputs: 1,
    outputChannelCount: [2],
    channelCount: 2,
    channelCountMode: 'explicit',
    channelInterpretation: 'speakers',
    processorOptions,
  });
}

/** A DAC at ctx.sampleRate / oversampling (stereo worklet); the context needs ensureWorkletModules first. */
function lowRateDacNode(ctx: BaseAudioContext, settings: LowRateDacSettings): AudioNode {
  const options: LowRateDacSettings = { oversampling: settings.oversampling, mode: settings.mode };
  return stereoWorkletNode(ctx, LOW_RATE_DAC_PROCESSOR_NAME, options);
}

/**
 * The DAC stage: a GainNode of inputGainDb (the level the converter sees), the quantizer worklet
 * (stereo, N bits, dither, optional noise shaping), and a GainNode of −inputGainDb that brings the
 * result back to the program's level so its noise and distortion are heard as a listener would hear
 * a quiet passage turned up. The context needs ensureWorkletModules first.
 */
function quantizerNodes(ctx: BaseAudioContext, q: QuantizerSettings): AudioNode[] {
  const options: QuantizerProcessorOptions = { bits: q.bits, dither: q.dither, shaping: q.shaping, seed: q.seed };
  return [
    new GainNode(ctx, { gain: dbToGain(q.inputGainDb) }),
    stereoWorkletNode(ctx, QUANTIZER_PROCESSOR_NAME, options),
    new GainNode(ctx, { gain: dbToGain(-q.inputGainDb) }),
  ];
}

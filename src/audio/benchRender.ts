// The measurement bench's signal path, rendered in an OfflineAudioContext: a test signal in (input volts) → the amp's
// loaded curve as a WaveShaperNode → the headphone's output-impedance divider as IIRFilterNodes → out, with the amp's
// hiss (white noise, volts) summed at the output. Samples carry volts (float, never clamped offline). Leaves out:
// worklets (offline contexts get none), the safety limiter (nothing here is played), a second channel.
import type { Biquad } from '../dsp/biquad';
import { mulberry32 } from '../dsp/random';

/** The bench renders at 96 kHz so a clipped 1 kHz sine's harmonics up to the 47th sit below Nyquist. */
export const BENCH_SAMPLE_RATE_HZ = 96_000;
/** WaveShaper curve points (odd, so 0 V falls on a point); Chromium interpolates linearly between them. */
export const BENCH_CURVE_POINTS = 65_537;

/** The amp's curve sampled for a WaveShaperNode: input −1…1 stands for ±inputVoltsPerFullScale. */
export interface SampledCurve {
  readonly curve: Float32Array<ArrayBuffer>;
  readonly inputVoltsPerFullScale: number;
}

export interface BenchRenderSpec {
  readonly shaper: SampledCurve;
  /** The divider's response relative to the nominal resistance, as biquads, and its gain; none for a resistor. */
  readonly response: { readonly sections: readonly Biquad[]; readonly gain: number } | null;
  /** The test signal at the amp's input, volts. */
  readonly inputVolts: Float32Array;
  /** White noise at the output, volts rms over 0…fs/2 (0 for none). */
  readonly noiseVoltsRms: number;
  /** Leading samples dropped from the result (filter settling). */
  readonly settleSamples: number;
}

/** Samples loadVolts over ±inputVoltsPerFullScale at BENCH_CURVE_POINTS points. */
export function sampleCurve(loadVolts: (inputVolts: number) => number, inputVoltsPerFullScale: number): SampledCurve {
  const curve = new Float32Array(BENCH_CURVE_POINTS);
  for (let i = 0; i < BENCH_CURVE_POINTS; i++) {
    curve[i] = loadVolts(((2 * i) / (BENCH_CURVE_POINTS - 1) - 1) * inputVoltsPerFullScale);
  }
  return { curve, inputVoltsPerFullScale };
}

/** Uniform white noise (seeded, mulberry32) of the given rms: uniform on ±√3·rms. */
function whiteNoiseBuffer(length: number, rms: number, seed: number): Float32Array<ArrayBuffer> {
  const out = new Float32Array(length);
  const random = mulberry32(seed);
  const scale = rms * Math.sqrt(3);
  for (let n = 0; n < length; n++) out[n] = scale * (2 * random() - 1);
  return out;
}

/** Most chains one render carries, one per output channel (Web Audio guarantees 32 channels). */
export const BENCH_MAX_CHAINS = 32;

function connectChain(ctx: OfflineAudioContext, spec: BenchRenderSpec, length: number, destination: AudioNode, input: number, seed: number): void {
  const inputBuffer = new AudioBuffer({ numberOfChannels: 1, length, sampleRate: BENCH_SAMPLE_RATE_HZ });
  const scaled = new Float32Array(length);
  const toFullScale = 1 / spec.shaper.inputVoltsPerFullScale;
  for (let n = 0; n < length; n++) scaled[n] = (spec.inputVolts[n] as number) * toFullScale;
  inputBuffer.copyToChannel(scaled, 0);
  const source = new AudioBufferSourceNode(ctx, { buffer: inputBuffer });
  const shaper = new WaveShaperNode(ctx, { curve: spec.shaper.curve, oversample: 'none' });
  source.connect(shaper);
  let last: AudioNode = shaper;
  if (spec.response) {
    for (const section of spec.response.sections) {
      const node = new IIRFilterNode(ctx, { feedforward: [section.b0, section.b1, section.b2], feedback: [1, section.a1, section.a2] });
      last.connect(node);
      last = node;
    }
    const gain = new GainNode(ctx, { gain: spec.response.gain });
    last.connect(gain);
    last = gain;
  }
  last.connect(destination, 0, input);
  source.start(0);
  if (spec.noiseVoltsRms > 0) {
    const noiseBuffer = new AudioBuffer({ numberOfChannels: 1, length, sampleRate: BENCH_SAMPLE_RATE_HZ });
    noiseBuffer.copyToChannel(whiteNoiseBuffer(length, spec.noiseVoltsRms, seed), 0);
    const noise = new AudioBufferSourceNode(ctx, { buffer: noiseBuffer });
    noise.connect(destination, 0, input);
    noise.start(0);
  }
}

/**
 * Renders several measurements of the same length at once, each chain on its own output channel (through a
 * ChannelMergerNode): one offline context instead of many, whose start-up dominates short renders. Returns each
 * channel in volts, settleSamples dropped.
 */
export async function renderBenchChains(specs: readonly BenchRenderSpec[], seed = 1): Promise<Float32Array[]> {
  const first = specs[0];
  if (!first) return [];
  if (specs.length > BENCH_MAX_CHAINS) throw new RangeError(`renderBenchChains: ${specs.length} chains, at most ${BENCH_MAX_CHAINS}`);
  const length = first.inputVolts.length;
  if (specs.some((spec) => spec.inputVolts.length !== length)) throw new RangeError('renderBenchChains: every chain needs the same length');
  const channels = specs.length;
  const ctx = new OfflineAudioContext({ numberOfChannels: channels, length, sampleRate: BENCH_SAMPLE_RATE_HZ });
  const merger = new ChannelMergerNode(ctx, { numberOfInputs: channels });
  merger.connect(ctx.destination);
  ctx.destination.channelCount = channels;
  ctx.destination.channelCountMode = 'explicit';
  ctx.destination.channelInterpretation = 'discrete';
  specs.forEach((spec, index) => connectChain(ctx, spec, length, merger, index, seed + index));
  const rendered = await ctx.startRendering();
  return specs.map((spec, index) => rendered.getChannelData(index).slice(spec.settleSamples));
}

/** Renders one measurement and returns the output in volts, settleSamples dropped. */
export async function renderBench(spec: BenchRenderSpec, seed = 1): Promise<Float32Array> {
  const [out] = await renderBenchChains([spec], seed);
  return out ?? new Float32Array(0);
}

// "Download what you hear": the same chain and safety stage as live playback, rendered offline to a
// 24-bit WAV. Leaves out: loudness matching (the chain's gainDb carries it) and dithering.
import { buildChain, type ChainSettings } from './chain';
import { programBuffer, type ProgramId } from './program';
import { createSafetyStage, limitRendered } from './safety';
import { encodeWav } from './wav';
import { offlineChainInput } from './offlineDac';

export const RENDER_DEFAULT_SECONDS = 10;
export const RENDER_DEFAULT_SAMPLE_RATE_HZ = 48000;
/** Longest render accepted, seconds (10 min of 48 kHz stereo float is 230 MB). */
export const RENDER_MAX_SECONDS = 600;
/** Fade at the start of a render, seconds. */
export const RENDER_FADE_IN_SECONDS = 0.05;
/** Fade at the end of a render (over by the last sample, limiter delay included), seconds. */
export const RENDER_FADE_OUT_SECONDS = 0.1;

/** Each offline render leaves a performance measure of this name (npm run bench reads it). */
export const RENDER_MEASURE_NAME = 'amp-lab:offline-render';
/** Its phases, measured too: the chain's DAC stages on the main thread, the native graph, the limiter; then the encode. */
export const RENDER_PHASE_MEASURES = {
  dacStages: 'amp-lab:offline-render:dac-stages',
  graph: 'amp-lab:offline-render:graph',
  limiter: 'amp-lab:offline-render:limiter',
  encode: 'amp-lab:wav-encode',
} as const;

export interface RenderOptions {
  /** The reader's volume, applied as live (so the file is what they hear). */
  volumeDb: number;
  /** Length, seconds (default 10). */
  seconds?: number;
  /** Sample rate, Hz (default 48000). */
  sampleRateHz?: number;
}

/**
 * Render `program` (a built-in program, or any AudioBuffer — a source node plays it at any rate)
 * looped through buildChain(settings) and createSafetyStage in an OfflineAudioContext(2,
 * seconds·rate, rate), fading in at the start and out before the end. Returns the stereo result.
 * No offline context gets a worklet module: a chain's DAC stages run on the main thread first
 * (offlineChainInput), and the limiter runs over the rendered buffer (limitRendered); both give the
 * samples their worklets would.
 */
export async function renderOffline(
  program: ProgramId | AudioBuffer,
  settings: ChainSettings,
  options: RenderOptions,
): Promise<AudioBuffer> {
  const seconds = options.seconds ?? RENDER_DEFAULT_SECONDS;
  const sampleRateHz = options.sampleRateHz ?? RENDER_DEFAULT_SAMPLE_RATE_HZ;
  if (!(seconds > 0 && seconds <= RENDER_MAX_SECONDS)) {
    throw new RangeError(`renderOffline: ${seconds} s is outside 0 … ${RENDER_MAX_SECONDS} s`);
  }
  if (!Number.isInteger(sampleRateHz) || sampleRateHz < 8000 || sampleRateHz > 192000) {
    throw new RangeError(`renderOffline: sample rate ${sampleRateHz} Hz is not an integer in 8000 … 192000`);
  }
  const startMs = performance.now();
  const length = Math.round(seconds * sampleRateHz);
  const ctx = new OfflineAudioContext({ numberOfChannels: 2, length, sampleRate: sampleRateHz });
  const buffer = typeof program === 'string' ? await programBuffer(ctx, program) : program;
  const dacStart = performance.now();
  const input = await offlineChainInput(buffer, settings, length, sampleRateHz);
  performance.measure(RENDER_PHASE_MEASURES.dacStages, { start: dacStart });
  const graphStart = performance.now();
  const source = new AudioBufferSourceNode(ctx, { buffer: input.buffer, loop: input.loop });
  const chain = buildChain(ctx, input.settings);
  const safety = createSafetyStage(ctx, options.volumeDb, 'after-render');
  source.connect(chain.input);
  chain.output.connect(safety.input);
  const fadeInSeconds = Math.min(RENDER_FADE_IN_SECONDS, seconds / 4);
  const fadeOutSeconds = Math.min(RENDER_FADE_OUT_SECONDS, seconds / 4);
  safety.fadeIn(fadeInSeconds, 0);
  void safety.fadeOut(fadeOutSeconds, Math.max(fadeInSeconds, seconds - fadeOutSeconds - safety.latencySeconds));
  source.start(0);
  const rendered = await ctx.startRendering();
  performance.measure(RENDER_PHASE_MEASURES.graph, { start: graphStart });
  const limiterStart = performance.now();
  limitRendered(rendered);
  performance.measure(RENDER_PHASE_MEASURES.limiter, { start: limiterStart });
  performance.measure(RENDER_MEASURE_NAME, { start: startMs, detail: { seconds } });
  return rendered;
}

/** renderOffline, encoded as a 24-bit stereo WAV (Blob of type audio/wav). */
export async function renderToWav(
  program: ProgramId | AudioBuffer,
  settings: ChainSettings,
  options: RenderOptions,
): Promise<Blob> {
  const rendered = await renderOffline(program, settings, options);
  const encodeStart = performance.now();
  const bytes = encodeWav([rendered.getChannelData(0), rendered.getChannelData(1)], rendered.sampleRate, 24);
  const blob = new Blob([bytes], { type: 'audio/wav' });
  performance.measure(RENDER_PHASE_MEASURES.encode, { start: encodeStart });
  return blob;
}

/** Save a Blob under a file name through a temporary <a download> link. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

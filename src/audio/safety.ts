// The safety stage every widget's audio ends in: volume (clamped, smoothed) → start/stop fade →
// look-ahead limiter at −1 dBFS → destination. Offline, the same limiter runs over the rendered buffer instead of
// in an AudioWorklet (an offline context with a worklet module is never freed by Chromium). Leaves out: the
// program and the chain being compared.
import { LIMITER_CEILING_DBFS, PeakLimiter } from '../dsp/limiter';
import { LIMITER_CHANNEL_COUNT, LIMITER_PROCESSOR_NAME, LIMITER_RELEASE_MESSAGE } from './limiterProtocol';
import { atContextTime } from './contextTimer';
import { RampedParam } from './rampedParam';
import { limitBlock } from './limiterOutput';
import { ensureWorkletModules } from './worklets';
import { VOLUME_DEFAULT_DB, VOLUME_MAX_DB, VOLUME_MIN_DB, volumeGain } from './volume';

export { VOLUME_DEFAULT_DB, VOLUME_MAX_DB, VOLUME_MIN_DB };
export { LIMITER_CEILING_DBFS };

/** Default length of the fade at start and at stop, seconds. */
export const SAFETY_FADE_SECONDS = 0.05;
/** Time constant of the volume smoothing (≈ 95 % of a change within 3τ = 60 ms), seconds. */
const VOLUME_SMOOTHING_SECONDS = 0.02;

/**
 * Add the worklet modules (the limiter's among them) to the live context, once. Must finish before
 * createSafetyStage(ctx, volume, 'in-graph') is called on that context.
 */
export const ensureSafetyModule = (ctx: BaseAudioContext): Promise<void> => ensureWorkletModules(ctx);

/**
 * Where the limiter runs: 'in-graph', an AudioWorkletNode before the destination (live playback); 'after-render',
 * over the rendered buffer with limitRendered (offline renders), which gives the same samples without a worklet.
 */
export type LimiterPlacement = 'in-graph' | 'after-render';

export interface SafetyStage {
  /** Connect the widget's audio here. */
  readonly input: AudioNode;
  /** Set the reader's volume (clamped to [VOLUME_MIN_DB, VOLUME_MAX_DB], muted at the minimum), smoothed. */
  setVolumeDb(volumeDb: number): void;
  /** Fade in from the present level over `seconds`, starting at context time `startTime` (default now). */
  fadeIn(seconds?: number, startTime?: number): void;
  /**
   * Fade out over `seconds` from `startTime` (default now). On a running context, resolves once the
   * audio clock has passed the fade and the limiter's delay (output silent); otherwise at once.
   */
  fadeOut(seconds?: number, startTime?: number): Promise<void>;
  /** Context time from which the output is silent after a fade-out; Infinity while it may be audible. */
  readonly silentFromTime: number;
  /** The limiter's look-ahead delay, seconds. */
  readonly latencySeconds: number;
  /** Disconnect everything and let the limiter processor end. Fade out first to avoid a click. */
  dispose(): void;
}

const latencyByRate = new Map<number, number>();

/** The look-ahead delay of the limiter the worklet runs, at a sample rate, seconds. */
function limiterLatencySeconds(sampleRateHz: number): number {
  let latency = latencyByRate.get(sampleRateHz);
  if (latency === undefined) {
    const probe = new PeakLimiter({ ceilingDbfs: LIMITER_CEILING_DBFS, channelCount: LIMITER_CHANNEL_COUNT });
    probe.prepare(sampleRateHz);
    latency = probe.latencySamples / sampleRateHz;
    latencyByRate.set(sampleRateHz, latency);
  }
  return latency;
}

const isOffline = (ctx: BaseAudioContext): boolean => 'startRendering' in ctx;

/**
 * input → volume gain → fade gain (starts at 0, silent) → limiter worklet (stereo, −1 dBFS) →
 * ctx.destination, with nothing after the limiter; ensureSafetyModule(ctx) must have resolved. With
 * 'after-render', the fade feeds the destination directly and limitRendered must be applied to the result.
 */
export function createSafetyStage(ctx: BaseAudioContext, volumeDb: number, placement: LimiterPlacement = 'in-graph'): SafetyStage {
  const volume = new GainNode(ctx, { gain: volumeGain(volumeDb) });
  const fade = new GainNode(ctx, { gain: 0 });
  const limiter =
    placement === 'in-graph'
      ? new AudioWorkletNode(ctx, LIMITER_PROCESSOR_NAME, {
          numberOfInputs: 1,
          numberOfOutputs: 1,
          outputChannelCount: [LIMITER_CHANNEL_COUNT],
          channelCount: LIMITER_CHANNEL_COUNT,
          channelCountMode: 'explicit',
          channelInterpretation: 'speakers',
        })
      : null;
  volume.connect(fade);
  if (limiter) fade.connect(limiter).connect(ctx.destination);
  else fade.connect(ctx.destination);
  const fadeLevel = new RampedParam(fade.gain, ctx, 0);
  const latencySeconds = limiterLatencySeconds(ctx.sampleRate);
  let silentFromTime = 0;

  return {
    input: volume,
    latencySeconds,
    get silentFromTime() {
      return silentFromTime;
    },
    setVolumeDb(newVolumeDb: number) {
      volume.gain.setTargetAtTime(volumeGain(newVolumeDb), ctx.currentTime, VOLUME_SMOOTHING_SECONDS);
    },
    fadeIn(seconds = SAFETY_FADE_SECONDS, startTime = ctx.currentTime) {
      fadeLevel.rampTo(1, startTime, seconds);
      silentFromTime = Number.POSITIVE_INFINITY;
    },
    fadeOut(seconds = SAFETY_FADE_SECONDS, startTime = ctx.currentTime) {
      const start = Math.max(startTime, ctx.currentTime);
      fadeLevel.rampTo(0, start, seconds);
      silentFromTime = start + seconds + latencySeconds;
      // Offline, nothing plays yet; suspended, nothing is heard (and waiting could hang a Stop button).
      if (isOffline(ctx) || ctx.state !== 'running') return Promise.resolve();
      const silentFrom = silentFromTime;
      return new Promise<void>((resolve) => {
        atContextTime(ctx, silentFrom, resolve);
      });
    },
    dispose() {
      limiter?.port.postMessage(LIMITER_RELEASE_MESSAGE);
      volume.disconnect();
      fade.disconnect();
      limiter?.disconnect();
    },
  };
}

/**
 * The safety limiter over a rendered stereo buffer, in place: the same PeakLimiter and clamp as the worklet, from
 * the same initial state, so the samples equal what the in-graph limiter would have written (the limiter works
 * sample by sample, so the worklet's 128-frame blocks make no difference). The output is delayed by latencySeconds.
 */
export function limitRendered(buffer: AudioBuffer): void {
  const limiter = new PeakLimiter({ ceilingDbfs: LIMITER_CEILING_DBFS, channelCount: LIMITER_CHANNEL_COUNT });
  limiter.prepare(buffer.sampleRate);
  if (buffer.numberOfChannels !== LIMITER_CHANNEL_COUNT) throw new RangeError(`limitRendered: ${buffer.numberOfChannels} channels, not ${LIMITER_CHANNEL_COUNT}`);
  const channels = Array.from({ length: LIMITER_CHANNEL_COUNT }, (_, channel) => buffer.getChannelData(channel));
  limitBlock(limiter, channels, channels);
}

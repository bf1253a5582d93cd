// Live A/B of two versions of one program, the original (A) and the codec's decoded output (B): two looped sources
// started on the same sample, so switching keeps the place in the music, each behind a fader (40 ms equal-gain
// crossfade), into the shared safety stage (volume, fades, limiter at −1 dBFS). Unlike AbPlayer, the two sides are two
// buffers, not two chains of one buffer: a codec is not a Web Audio node. Leaves out offline rendering (render.ts).
import { getAudioContext } from '../../../audio/context';
import { RampedParam } from '../../../audio/rampedParam';
import { createSafetyStage, ensureSafetyModule, SAFETY_FADE_SECONDS, type SafetyStage } from '../../../audio/safety';
import { dbToGain } from '../../../audio/volume';

export type Side = 'A' | 'B';

export const CODEC_CROSSFADE_SECONDS = 0.04;
/** Sources start this far ahead, so both are scheduled on the same sample. */
const START_AHEAD_SECONDS = 0.05;

interface Voice {
  readonly source: AudioBufferSourceNode;
  readonly fader: GainNode;
  readonly level: RampedParam;
}

export class CodecPlayer {
  private voices: Record<Side, Voice> | null = null;

  private constructor(
    private readonly ctx: AudioContext,
    private readonly safety: SafetyStage,
  ) {}

  static async create(volumeDb: number): Promise<CodecPlayer> {
    const ctx = await getAudioContext();
    await ensureSafetyModule(ctx);
    return new CodecPlayer(ctx, createSafetyStage(ctx, volumeDb));
  }

  get isPlaying(): boolean {
    return this.voices !== null;
  }

  /** Loop A and B together, B's level changed by matchGainDb, with `side` heard; replaces what was playing. */
  async play(a: AudioBuffer, b: AudioBuffer, matchGainDb: number, side: Side): Promise<void> {
    if (this.voices) await this.stop();
    const start = this.ctx.currentTime + START_AHEAD_SECONDS;
    const voice = (buffer: AudioBuffer, gain: number, heard: boolean): Voice => {
      const source = new AudioBufferSourceNode(this.ctx, { buffer, loop: true });
      const trim = new GainNode(this.ctx, { gain });
      const fader = new GainNode(this.ctx, { gain: heard ? 1 : 0 });
      source.connect(trim).connect(fader).connect(this.safety.input);
      source.start(start);
      return { source, fader, level: new RampedParam(fader.gain, this.ctx, heard ? 1 : 0) };
    };
    this.voices = { A: voice(a, 1, side === 'A'), B: voice(b, dbToGain(matchGainDb), side === 'B') };
    this.safety.fadeIn(SAFETY_FADE_SECONDS, start);
  }

  select(side: Side): void {
    if (!this.voices) return;
    const now = this.ctx.currentTime;
    this.voices.A.level.rampTo(side === 'A' ? 1 : 0, now, CODEC_CROSSFADE_SECONDS);
    this.voices.B.level.rampTo(side === 'B' ? 1 : 0, now, CODEC_CROSSFADE_SECONDS);
  }

  setVolumeDb(volumeDb: number): void {
    this.safety.setVolumeDb(volumeDb);
  }

  async stop(): Promise<void> {
    const voices = this.voices;
    if (!voices) return;
    this.voices = null;
    await this.safety.fadeOut(SAFETY_FADE_SECONDS);
    for (const voice of [voices.A, voices.B]) {
      voice.source.stop();
      voice.source.disconnect();
      voice.fader.disconnect();
    }
  }

  async dispose(): Promise<void> {
    await this.stop();
    this.safety.dispose();
  }
}

// Live A/B listening for one widget: a looped program feeds chains A and B in parallel, one side is
// heard, switches and edits crossfade without clicks, and all of it ends in the safety stage.
// Leaves out: level matching (the widget sets each chain's gainDb) and offline rendering (render.ts).
import { buildChain, chainSettingsEqual, type Chain, type ChainSettings } from './chain';
import { checkChainSettings } from './chainSettings';
import { getAudioContext } from './context';
import { atContextTime } from './contextTimer';
import { RampedParam } from './rampedParam';
import { createSafetyStage, SAFETY_FADE_SECONDS, type SafetyStage } from './safety';
import { LatestThrottle } from './throttleLatest';

export type Side = 'A' | 'B';

/** A ↔ B switch: linear, equal-gain (A and B are correlated versions of one program), seconds. */
export const SELECT_CROSSFADE_SECONDS = 0.04;
/** Old chain → rebuilt chain after a control moved, seconds. */
export const UPDATE_CROSSFADE_SECONDS = 0.03;
/** A rebuilt chain runs silently this long first, so its filters' start-up transient isn't heard, seconds. */
export const UPDATE_WARMUP_SECONDS = 0.02;
/** At most one chain rebuild per this interval while a control is dragged, ms. */
export const UPDATE_INTERVAL_MS = 50;
/** Old program → new program, seconds. */
export const PROGRAM_CROSSFADE_SECONDS = 0.05;
/** Extra audio time before disconnecting a faded-out chain or source, seconds. */
const RETIRE_SLACK_SECONDS = 0.01;

interface ChainPair {
  readonly a: ChainSettings;
  readonly b: ChainSettings;
}

/** A GainNode whose gain only ever moves by interruptible linear ramps. */
interface Fader {
  readonly node: GainNode;
  readonly level: RampedParam;
}

/** One built chain and the fader that fades it in or out within its side. */
interface ChainVoice {
  readonly settings: ChainSettings;
  readonly chain: Chain;
  readonly fade: Fader;
}

/** One side: its current chain and the fader that makes the side heard or not. */
interface SidePath {
  readonly fader: Fader;
  current: ChainVoice;
}

/** A looped program source and the fader that fades it in or out. */
interface SourceVoice {
  readonly buffer: AudioBuffer;
  readonly source: AudioBufferSourceNode;
  readonly fade: Fader;
}

function createFader(ctx: BaseAudioContext, initialGain: number): Fader {
  const node = new GainNode(ctx, { gain: initialGain });
  return { node, level: new RampedParam(node.gain, ctx, initialGain) };
}

type PlayerState = 'stopped' | 'playing' | 'stopping';

/**
 * Players whose output may be audible (playing, or fading out): only one plays at a time and the
 * next starts when the last is silent, so two limited outputs never add up above the ceiling.
 */
const audiblePlayers = new Set<AbPlayer>();

export class AbPlayer {
  /** Called when another player's play() stopped this one (so its widget can show "stopped"). */
  onPreempted: (() => void) | null = null;

  private readonly bus: GainNode;
  private readonly updates: LatestThrottle<ChainPair>;
  private source: SourceVoice | null = null;
  private paths: Record<Side, SidePath> | null = null;
  private state: PlayerState = 'stopped';
  private stopping: Promise<void> | null = null;
  private disposed = false;
  /** Chains and sources fading out, with the cancel function of their pending clean-up. */
  private readonly retiring = new Map<ChainVoice | SourceVoice, () => void>();

  private constructor(
    private readonly ctx: AudioContext,
    private readonly safety: SafetyStage,
  ) {
    this.bus = new GainNode(ctx, { gain: 1 });
    this.updates = new LatestThrottle(UPDATE_INTERVAL_MS, (pair) => this.applySettings(pair));
  }

  /** A player on the shared AudioContext (created and started here if needed), silent until play(). */
  static async create(volumeDb: number): Promise<AbPlayer> {
    const ctx = await getAudioContext();
    return new AbPlayer(ctx, createSafetyStage(ctx, volumeDb));
  }

  get isPlaying(): boolean {
    return this.state === 'playing';
  }

  /**
   * Loop `program` through chains A and B in parallel with only `side` heard, fading in over 50 ms.
   * Any other playing player is stopped first, and this one starts once that one is silent.
   * Called while playing (or stopping), it moves to the new program, chains and side smoothly.
   */
  play(program: AudioBuffer, a: ChainSettings, b: ChainSettings, side: Side): void {
    this.assertUsable();
    checkChainSettings(a);
    checkChainSettings(b);
    const startTime = this.preemptOthers();
    this.state = 'playing';
    this.stopping = null;
    audiblePlayers.add(this);
    if (this.paths) {
      this.updates.cancel();
      this.applySettings({ a, b });
      this.setProgram(program);
      this.select(side);
    } else {
      this.paths = { A: this.createPath(a, side === 'A'), B: this.createPath(b, side === 'B') };
      this.startSource(program, startTime, 0);
    }
    this.safety.fadeIn(SAFETY_FADE_SECONDS, startTime);
  }

  /** Hear `side`: a 40 ms linear crossfade whose two gains always sum to 1. */
  select(side: Side): void {
    if (!this.paths) return;
    const now = this.ctx.currentTime;
    this.paths.A.fader.level.rampTo(side === 'A' ? 1 : 0, now, SELECT_CROSSFADE_SECONDS);
    this.paths.B.fader.level.rampTo(side === 'B' ? 1 : 0, now, SELECT_CROSSFADE_SECONDS);
  }

  /**
   * New settings for A and B (a control moved). A side whose settings changed gets a new chain that
   * warms up silently, then crossfades in over 30 ms while the old one fades out and is then
   * disconnected. Bursts are coalesced: at most one rebuild per 50 ms, the latest settings win.
   * Throws a RangeError at once for non-finite or unstable settings. Ignored while not playing.
   */
  update(a: ChainSettings, b: ChainSettings): void {
    this.assertUsable();
    checkChainSettings(a);
    checkChainSettings(b);
    if (this.state !== 'playing') return;
    this.updates.push({ a, b });
  }

  /**
   * New settings for A and B applied now, not coalesced (as update() does otherwise): resolves once any rebuilt chain
   * has fully crossfaded in, so a side held silent until then is never heard with its old chain. Resolves at once
   * while not playing.
   */
  applyNow(a: ChainSettings, b: ChainSettings): Promise<void> {
    this.assertUsable();
    checkChainSettings(a);
    checkChainSettings(b);
    if (this.state !== 'playing' || !this.paths) return Promise.resolve();
    this.updates.cancel();
    const fadeEnd = this.applySettings({ a, b });
    return new Promise((resolve) => {
      atContextTime(this.ctx, fadeEnd, resolve);
    });
  }

  /** Loop another program: the old one fades out as the new one fades in (50 ms). */
  setProgram(program: AudioBuffer): void {
    this.assertUsable();
    if (!this.paths || this.source?.buffer === program) return;
    this.startSource(program, this.ctx.currentTime, PROGRAM_CROSSFADE_SECONDS);
  }

  setVolumeDb(volumeDb: number): void {
    if (!this.disposed) this.safety.setVolumeDb(volumeDb);
  }

  /** Fade out over 50 ms, then stop the source and disconnect the chains. */
  stop(): Promise<void> {
    if (this.state === 'stopped') return Promise.resolve();
    if (this.state === 'stopping' && this.stopping) return this.stopping;
    this.state = 'stopping';
    this.updates.cancel();
    const stopping: Promise<void> = this.safety.fadeOut(SAFETY_FADE_SECONDS).then(() => {
      if (this.stopping !== stopping) return;
      this.teardown();
      this.state = 'stopped';
      this.stopping = null;
      audiblePlayers.delete(this);
    });
    this.stopping = stopping;
    return stopping;
  }

  /** Stop, then disconnect everything including the safety stage (the widget unmounts). */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.stop();
    this.teardown();
    this.state = 'stopped';
    this.safety.dispose();
    this.bus.disconnect();
    audiblePlayers.delete(this);
  }

  private assertUsable(): void {
    if (this.disposed) throw new Error('AbPlayer: used after dispose()');
  }

  /** Stop every other playing player; returns the context time at which all others are silent. */
  private preemptOthers(): number {
    let startTime = this.ctx.currentTime;
    for (const other of audiblePlayers) {
      if (other === this) continue;
      if (other.state === 'playing') {
        void other.stop();
        other.onPreempted?.();
      }
      startTime = Math.max(startTime, other.safety.silentFromTime);
    }
    return startTime;
  }

  private createVoice(settings: ChainSettings, destination: AudioNode, initialGain: number): ChainVoice {
    const chain = buildChain(this.ctx, settings);
    const fade = createFader(this.ctx, initialGain);
    this.bus.connect(chain.input);
    chain.output.connect(fade.node).connect(destination);
    return { settings, chain, fade };
  }

  private createPath(settings: ChainSettings, audible: boolean): SidePath {
    const fader = createFader(this.ctx, audible ? 1 : 0);
    fader.node.connect(this.safety.input);
    return { fader, current: this.createVoice(settings, fader.node, 1) };
  }

  /** Rebuild the sides whose settings changed; returns the context time their crossfades end. */
  private applySettings({ a, b }: ChainPair): number {
    if (!this.paths) return this.ctx.currentTime;
    const fadeStart = this.ctx.currentTime + UPDATE_WARMUP_SECONDS;
    for (const [side, settings] of [['A', a], ['B', b]] as const) {
      const path = this.paths[side];
      const old = path.current;
      if (chainSettingsEqual(old.settings, settings)) continue;
      const next = this.createVoice(settings, path.fader.node, 0);
      next.fade.level.rampTo(1, fadeStart, UPDATE_CROSSFADE_SECONDS);
      old.fade.level.rampTo(0, fadeStart, UPDATE_CROSSFADE_SECONDS);
      path.current = next;
      this.retireAt(old, fadeStart + UPDATE_CROSSFADE_SECONDS);
    }
    return fadeStart + UPDATE_CROSSFADE_SECONDS;
  }

  /** Start looping `program` at `when`, fading it in over fadeSeconds (0: at once) and the previous one out. */
  private startSource(program: AudioBuffer, when: number, fadeSeconds: number): void {
    const source = new AudioBufferSourceNode(this.ctx, { buffer: program, loop: true });
    const fade = createFader(this.ctx, fadeSeconds > 0 ? 0 : 1);
    source.connect(fade.node).connect(this.bus);
    source.start(when);
    if (fadeSeconds > 0) fade.level.rampTo(1, when, fadeSeconds);
    const previous = this.source;
    this.source = { buffer: program, source, fade };
    if (previous) {
      previous.fade.level.rampTo(0, when, fadeSeconds);
      this.retireAt(previous, when + fadeSeconds);
    }
  }

  /** Disconnect a faded-out chain or source once the audio clock has passed its fade's end (plus slack). */
  private retireAt(voice: ChainVoice | SourceVoice, fadeEndTime: number): void {
    let released = false;
    const cancel = atContextTime(this.ctx, fadeEndTime + RETIRE_SLACK_SECONDS, () => {
      released = true;
      this.retiring.delete(voice);
      this.release(voice);
    });
    if (!released) this.retiring.set(voice, cancel);
  }

  private release(voice: ChainVoice | SourceVoice): void {
    if ('source' in voice) {
      voice.source.stop();
      voice.source.disconnect();
    } else {
      this.bus.disconnect(voice.chain.input);
      voice.chain.dispose();
    }
    voice.fade.node.disconnect();
  }

  private teardown(): void {
    for (const [voice, cancel] of this.retiring) {
      cancel();
      this.release(voice);
    }
    this.retiring.clear();
    if (this.source) this.release(this.source);
    this.source = null;
    if (this.paths) {
      for (const path of [this.paths.A, this.paths.B]) {
        this.release(path.current);
        path.fader.node.disconnect();
      }
    }
    this.paths = null;
  }
}

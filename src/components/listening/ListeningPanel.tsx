// "Listen": plays A and B of a widget's chain through the shared safety stage, switches between them
// without clicks, renders either to a WAV, and runs a blind ABX test of the two. Reusable by every
// listening widget: the widget supplies the two chains for a sample rate; the panel owns program
// material, loudness matching (measured, when asked), volume, playback, downloads and the blind test.
import { useEffect, useRef, useState } from 'preact/hooks';
import { Component, type JSX } from 'preact';
import { AbSwitch, type AbSide } from '../controls/AbSwitch';
import { PlayButton, type PlayState } from '../controls/PlayButton';
import { Select } from '../controls/Select';
import { VolumeSlider } from '../controls/VolumeSlider';
import type { ChainPair, MatchProblem } from '../../audio/loudnessMatch';
import type { ProgramId } from '../../audio/program';
import { VOLUME_DEFAULT_DB } from '../../audio/volume';
import { CHUNK_LOAD_MESSAGE, isChunkLoadError, retryingImport } from '../../lib/retryImport';
import { AbxLauncher } from './AbxLauncher';
import '../../styles/widgets.css';

export type { ChainPair };
type ProgramChoice = ProgramId | 'file';
type AudioModule = typeof import('./audio');
type Player = import('../../audio/abPlayer').AbPlayer;

export interface ListeningPanelProps {
  idPrefix: string;
  labelA: string;
  labelB: string;
  /** Changes whenever the chains change, so the panel knows to rebuild them. */
  settingsKey: string;
  /** The A and B chains for a sample rate (may load model code lazily). */
  makeChains: (sampleRateHz: number) => Promise<ChainPair>;
  /** Match B's integrated loudness (BS.1770, measured on the program in use) to A's. */
  matchLoudness: boolean;
  /** File name stem for downloads, without side or extension. */
  downloadStem: string;
  /** One sentence on how A and B are level-matched (or that the level difference is the lesson). */
  levelNote: string;
  /** The program chosen when the panel opens (default: the music loop). */
  defaultProgram?: ProgramId;
}

const PROGRAM_OPTIONS: readonly { value: ProgramChoice; label: string }[] = [
  { value: 'music', label: 'Music loop (synthesized)' },
  { value: 'piano', label: 'Piano (CC BY 3.0)' },
  { value: 'pink', label: 'Pink noise' },
  { value: 'sine', label: '1 kHz sine' },
  { value: 'sweep', label: 'Sweep 20 Hz–20 kHz' },
  { value: 'panned', label: 'Music loop, hard-panned' },
  { value: 'file', label: 'Your own file' },
];

const DOWNLOAD_SECONDS = 10;
const DOWNLOAD_RATE_HZ = 48000;
const CHAIN_REBUILD_SETTLE_MS = 80;
/** A download leaves performance measures: the whole of it (click to file handed to the browser), and its chains (loudness match included). */
const DOWNLOAD_MEASURE = 'amp-lab:download';
const DOWNLOAD_CHAINS_MEASURE = 'amp-lab:download:chains';
/** Shown while A plays and B's loudness match is measured. */
const MATCHING_MESSAGE = 'Matching B’s loudness to A’s… B can be heard in a moment.';
const NO_FILE_MESSAGE = 'Choose an audio file first, or pick another program.';

const loadAudio = retryingImport((): Promise<AudioModule> => import('./audio'));

/** The widget's chains for one sample rate, as matched, with what kept a match from being made and the settings they belong to. */
interface ResolvedChains {
  readonly pair: ChainPair;
  readonly problem: MatchProblem | null;
  readonly key: string;
}

/** Chains designed ahead, before the program they will be matched on is ready. */
interface DesignedChains {
  readonly settingsKey: string;
  readonly sampleRateHz: number;
  readonly raw: Promise<ChainPair>;
}

/** Resolves after the tasks already queued (a Play's next steps among them) have run. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Chains being resolved for one settings key, rate and program: as designed (raw) and as matched (chains). */
interface Resolving {
  readonly key: string;
  readonly sampleRateHz: number;
  readonly source: ProgramId | AudioBuffer;
  readonly matched: boolean;
  readonly raw: Promise<ChainPair>;
  readonly chains: Promise<ResolvedChains>;
  settled: boolean;
}

function ListeningPanelView(props: ListeningPanelProps) {
  const { idPrefix, labelA, labelB, settingsKey, makeChains, matchLoudness, downloadStem, levelNote, defaultProgram = 'music' } = props;
  const [program, setProgram] = useState<ProgramChoice>(defaultProgram);
  const [side, setSide] = useState<AbSide>('A');
  const [volumeDb, setVolumeDb] = useState(VOLUME_DEFAULT_DB);
  const [playState, setPlayState] = useState<PlayState>('stopped');
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [busy, setBusy] = useState<AbSide | null>(null);
  const [abxActive, setAbxActive] = useState(false);
  /** Set when loudness matching was asked for but could not be made on this program (said, not hidden). */
  const [matchNote, setMatchNote] = useState<string | null>(null);
  /** A plays while B's loudness match is still being measured (B is not heard until it is in place). */
  const [matching, setMatching] = useState(false);
  /** Set (to a token of that Play) while B is held silent for its match. */
  const bHeld = useRef<object | null>(null);
  const player = useRef<Player | null>(null);
  /** The settings (key) the playing chains were resolved for: a Play's own chains are not resolved a second time. */
  const playingKey = useRef<string | null>(null);
  const fileBuffer = useRef<AudioBuffer | null>(null);
  /** The chains last resolved, for which settings, rate and program: asked again, they are not designed or matched anew. */
  const lastResolved = useRef<Resolving | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const latest = useRef({ makeChains, matchLoudness, settingsKey, side, volumeDb, program });
  latest.current = { makeChains, matchLoudness, settingsKey, side, volumeDb, program };

  const describeError = (error: unknown, audio: AudioModule | null): string => {
    if (isChunkLoadError(error)) return CHUNK_LOAD_MESSAGE;
    if (audio && (error instanceof audio.AudioStartError || error instanceof audio.ProgramFileError)) return error.message;
    return `Audio could not start: ${error instanceof Error ? error.message : String(error)}`;
  };

  /** The program to play or render: the reader's decoded file, or a built-in program. */
  const programSource = (audio: AudioModule, choice: ProgramChoice): ProgramId | AudioBuffer => {
    if (choice !== 'file') return choice;
    if (!fileBuffer.current) throw new audio.ProgramFileError(NO_FILE_MESSAGE);
    return fileBuffer.current;
  };

  /**
   * Start resolving the widget's chains at a sample rate, loudness-matched on the program when the widget asks for it
   * (a match is measured once per program, settings and rate). `raw` are the chains as designed, before any match.
   */
  const startResolving = (audio: AudioModule, sampleRateHz: number, source: ProgramId | AudioBuffer, designed?: DesignedChains): Resolving => {
    const { makeChains: make, matchLoudness: match, settingsKey: key } = latest.current;
    const resolvedKey = `${key}|${match ? 'matched' : 'unmatched'}`;
    const last = lastResolved.current;
    if (last && last.key === resolvedKey && last.sampleRateHz === sampleRateHz && last.source === source) return last;
    const raw = designed && designed.settingsKey === key && designed.sampleRateHz === sampleRateHz ? designed.raw : make(sampleRateHz);
    const chains = raw.then(async (pair): Promise<ResolvedChains> => {
      if (!match) return { pair, problem: null, key: resolvedKey };
      // Measuring the loudness renders both chains offline: let the Play waiting for `raw` start A first.
      await nextTask();
      const matched = await audio.loudnessMatch(source, pair, sampleRateHz);
      return { pair: matched.pair, problem: matched.problem, key: resolvedKey };
    });
    const entry: Resolving = { key: resolvedKey, sampleRateHz, source, matched: match, raw, chains, settled: false };
    lastResolved.current = entry;
    chains.then(
      () => {
        entry.settled = true;
      },
      () => {
        if (lastResolved.current === entry) lastResolved.current = null;
      },
    );
    return entry;
  };

  /**
   * The chains for the present settings at a rate, designed now (their model code loading meanwhile), unless the
   * last resolved chains are for these settings and rate already.
   */
  const designChainsAhead = (sampleRateHz: number): DesignedChains | undefined => {
    const { makeChains: make, settingsKey: key } = latest.current;
    const last = lastResolved.current;
    if (last && last.key.startsWith(`${key}|`) && last.sampleRateHz === sampleRateHz) return undefined;
    const raw = make(sampleRateHz);
    // A failure is reported when the chains are awaited (startResolving's `raw`), not as an unhandled rejection here.
    raw.catch(() => undefined);
    return { settingsKey: key, sampleRateHz, raw };
  };

  /** The chains once resolved; says so in the panel when a match cannot be made. */
  const finishResolving = async (audio: AudioModule, entry: Resolving): Promise<ResolvedChains> => {
    const resolved = await entry.chains;
    setMatchNote(entry.matched && resolved.problem ? audio.matchProblemText(resolved.problem, labelA, labelB) : null);
    return resolved;
  };

  const resolveChains = async (audio: AudioModule, sampleRateHz: number, source: ProgramId | AudioBuffer): Promise<ResolvedChains> =>
    finishResolving(audio, startResolving(audio, sampleRateHz, source));

  /** B's matched chain is in place: B may be heard, and the side the reader chose meanwhile is. */
  const releaseB = (token: object) => {
    if (bHeld.current !== token) return;
    bHeld.current = null;
    setMatching(false);
    if (player.current?.isPlaying) player.current.select(latest.current.side);
  };

  /** Put matched chains in place now; if B was held for them, hear B (when chosen) once its new chain has crossfaded in. */
  const applyMatched = (resolved: ResolvedChains) => {
    const current = player.current;
    if (!current?.isPlaying) return;
    playingKey.current = resolved.key;
    const token = bHeld.current;
    const applied = current.applyNow(resolved.pair.a, resolved.pair.b);
    if (token) void applied.then(() => releaseB(token));
  };

  const play = async (startSide: AbSide = latest.current.side) => {
    setMessage(null);
    setPlayState('starting');
    bHeld.current = null;
    setMatching(false);
    let audio: AudioModule | null = null;
    try {
      audio = await loadAudio();
      // The context is made now and started below; meanwhile the program is read and the chains are designed.
      const opened = audio.openAudioContext();
      const source = programSource(audio, latest.current.program);
      const designed = designChainsAhead(opened.sampleRate);
      const [ctx, buffer] = await Promise.all([
        audio.getAudioContext(),
        typeof source === 'string' ? audio.programBuffer(opened, source) : source,
      ]);
      const entry = startResolving(audio, ctx.sampleRate, buffer, designed);
      // A starts at once (a match never changes A); B stays silent until its loudness has been matched.
      const early = entry.matched && !entry.settled && startSide === 'A';
      const pair = early ? await entry.raw : (await finishResolving(audio, entry)).pair;
      if (!player.current) {
        player.current = await audio.AbPlayer.create(latest.current.volumeDb);
        player.current.onPreempted = () => setPlayState('stopped');
      }
      player.current.setVolumeDb(latest.current.volumeDb);
      player.current.play(buffer, pair.a, pair.b, startSide);
      playingKey.current = entry.key;
      setPlayState('playing');
      if (early) {
        const token = {};
        bHeld.current = token;
        setMatching(true);
        finishResolving(audio, entry).then(
          (resolved) => {
            if (bHeld.current !== token) return;
            if (lastResolved.current === entry) applyMatched(resolved);
          },
          (error: unknown) => {
            if (bHeld.current !== token) return;
            bHeld.current = null;
            setMatching(false);
            setMessage({ kind: 'error', text: describeError(error, audio) });
            void stop();
          },
        );
      }
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error, audio) });
      setPlayState('stopped');
      throw error;
    }
  };

  const stop = async () => {
    playingKey.current = null;
    bHeld.current = null;
    setMatching(false);
    await player.current?.stop();
    setPlayState('stopped');
  };

  /** Make one side audible (the blind test's Play A/B/X), starting playback if needed. */
  const listen = async (which: AbSide) => {
    latest.current.side = which;
    setSide(which);
    if (!player.current?.isPlaying) await play(which);
    else if (which === 'A' || !bHeld.current) player.current.select(which);
  };

  // The chains changed while playing: rebuild them (the player crossfades and coalesces bursts).
  useEffect(() => {
    if (playState !== 'playing' || !player.current) return;
    // Play has just built the chains for these very settings.
    if (playingKey.current === `${settingsKey}|${matchLoudness ? 'matched' : 'unmatched'}`) return;
    let cancelled = false;
    // Designing and matching a chain can take tens of milliseconds: wait until the control settles.
    const timer = setTimeout(() => {
      let audio: AudioModule | null = null;
      void loadAudio()
        .then(async (loaded) => {
          audio = loaded;
          const ctx = await loaded.getAudioContext();
          const source = programSource(loaded, latest.current.program);
          const buffer = typeof source === 'string' ? await loaded.programBuffer(ctx, source) : source;
          const chains = await resolveChains(loaded, ctx.sampleRate, buffer);
          if (cancelled) return;
          if (bHeld.current) {
            applyMatched(chains);
            return;
          }
          player.current?.update(chains.pair.a, chains.pair.b);
          playingKey.current = chains.key;
        })
        .catch((error: unknown) => {
          if (!cancelled) setMessage({ kind: 'error', text: describeError(error, audio) });
        });
    }, CHAIN_REBUILD_SETTLE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [settingsKey, matchLoudness, playState]);

  useEffect(() => {
    // While B is held for its match, a choice of B is heard once matched (releaseB).
    if (side === 'A' || !bHeld.current) player.current?.select(side);
  }, [side]);
  useEffect(() => player.current?.setVolumeDb(volumeDb), [volumeDb]);

  // Stop when the widget is scrolled away; dispose on unmount.
  useEffect(() => {
    const element = root.current?.closest('[data-widget]') ?? root.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => !e.isIntersecting) && player.current?.isPlaying) void stop();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      void player.current?.dispose();
      player.current = null;
    };
  }, []);

  const changeProgram = async (choice: ProgramChoice) => {
    setProgram(choice);
    latest.current.program = choice;
    setMessage(null);
    if (choice === 'file' && !fileBuffer.current) {
      setMessage({ kind: 'info', text: 'Choose an audio file below. It is decoded in your browser and never uploaded.' });
      if (playState === 'playing') await stop();
      return;
    }
    if (playState !== 'playing') return;
    // Restart on the new program: a loudness match belongs to the program it was measured on.
    await stop();
    await play().catch(() => undefined);
  };

  const onFile = async (event: JSX.TargetedEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    setMessage({ kind: 'info', text: `Decoding “${file.name}”…` });
    let audio: AudioModule | null = null;
    try {
      audio = await loadAudio();
      const ctx = await audio.getAudioContext();
      const { buffer, notes } = await audio.decodeUserFile(ctx, file);
      fileBuffer.current = buffer;
      setFileName(file.name);
      setProgram('file');
      latest.current.program = 'file';
      const loaded = `Loaded “${file.name}” (${buffer.duration.toFixed(1)} s). It stays on your device.`;
      setMessage({ kind: 'info', text: [loaded, ...notes].join(' ') });
      if (playState === 'playing') {
        await stop();
        await play().catch(() => undefined);
      }
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error, audio) });
    }
  };

  const download = async (which: AbSide) => {
    const startMs = performance.now();
    setBusy(which);
    setMessage({ kind: 'info', text: `Rendering ${which} (${DOWNLOAD_SECONDS} s)…` });
    let audio: AudioModule | null = null;
    try {
      audio = await loadAudio();
      const source = programSource(audio, latest.current.program);
      const chains = await resolveChains(audio, DOWNLOAD_RATE_HZ, source);
      performance.measure(DOWNLOAD_CHAINS_MEASURE, { start: startMs });
      const blob = await audio.renderToWav(source, which === 'A' ? chains.pair.a : chains.pair.b, {
        volumeDb: latest.current.volumeDb,
        seconds: DOWNLOAD_SECONDS,
        sampleRateHz: DOWNLOAD_RATE_HZ,
      });
      audio.downloadBlob(blob, `${downloadStem}-${which}.wav`);
      performance.measure(DOWNLOAD_MEASURE, { start: startMs });
      setMessage({ kind: 'info', text: `Downloaded ${which} as ${downloadStem}-${which}.wav.` });
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error, audio) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="listening-panel" ref={root} data-play-state={playState}>
      <p class="panel-title">Listen</p>
      <p class="panel-note">{levelNote} Volume starts low; a limiter at −1 dBFS is always the last stage.</p>
      <div class="panel-grid">
        <Select id={`${idPrefix}-program`} label="Program" value={program} options={PROGRAM_OPTIONS} onChange={(c) => void changeProgram(c)} />
        <VolumeSlider id={`${idPrefix}-volume`} volumeDb={volumeDb} onChange={setVolumeDb} />
      </div>
      {program === 'file' && (
        <div class="control file-input">
          <label for={`${idPrefix}-file`}>Your audio file</label>
          <input id={`${idPrefix}-file`} type="file" accept="audio/*,.wav,.mp3,.flac,.ogg,.m4a,.aac,.opus" onChange={(e) => void onFile(e)} />
          {fileName && <p class="control-hint">Using “{fileName}”.</p>}
        </div>
      )}
      {!abxActive && <AbSwitch name={`${idPrefix}-ab`} label="Hear" value={side} labelA={labelA} labelB={labelB} onChange={setSide} />}
      <div class="panel-actions">
        <PlayButton state={playState} onPlay={() => void play().catch(() => undefined)} onStop={() => void stop()} />
        {!abxActive && (
          <>
            <button type="button" class="download" aria-disabled={busy !== null} onClick={() => { if (busy === null) void download('A'); }}>
              {busy === 'A' ? 'Rendering A…' : 'Download A'}
            </button>
            <button type="button" class="download" aria-disabled={busy !== null} onClick={() => { if (busy === null) void download('B'); }}>
              {busy === 'B' ? 'Rendering B…' : 'Download B'}
            </button>
          </>
        )}
      </div>
      <p class="panel-message" role="status">{[message?.kind === 'info' ? message.text : null, matching ? MATCHING_MESSAGE : null, matchNote].filter((text) => text).join(' ')}</p>
      <p class="panel-message is-error" role="alert">{message?.kind === 'error' ? message.text : ''}</p>
      <AbxLauncher
        testId={idPrefix}
        settingsKey={`${settingsKey}|${matchLoudness ? 'matched' : 'unmatched'}`}
        describeSettings={`A: ${labelA}; B: ${labelB}`}
        listen={listen}
        onActiveChange={setAbxActive}
      />
    </div>
  );
}

/**
 * The panel, re-rendered only when a prop other than `makeChains` changes. A widget makes a new `makeChains` on every
 * render (each control step); by this panel's contract `settingsKey` changes whenever the chains would, so the
 * function it holds from the last render with this key makes the same chains, and the panel's controls needn't be
 * diffed again on every step of a widget's slider.
 */
export class ListeningPanel extends Component<ListeningPanelProps> {
  override shouldComponentUpdate(next: ListeningPanelProps): boolean {
    const keys = new Set([...Object.keys(this.props), ...Object.keys(next)] as (keyof ListeningPanelProps)[]);
    for (const key of keys) if (key !== 'makeChains' && this.props[key] !== next[key]) return true;
    return false;
  }

  override render(props: ListeningPanelProps): JSX.Element {
    return <ListeningPanelView {...props} />;
  }
}

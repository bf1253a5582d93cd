// Hear a real lossy codec: the program (A) against the same program encoded to Opus at a chosen bitrate and decoded
// again (B), in the browser, level-matched, with the codec's error measured on the samples heard and plotted by
// third-octave band. A blind test and WAV downloads of both sides as in the shared listening panel.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { AbSwitch, type AbSide } from '../../controls/AbSwitch';
import { PlayButton, type PlayState } from '../../controls/PlayButton';
import { Select } from '../../controls/Select';
import { VolumeSlider } from '../../controls/VolumeSlider';
import { XYPlot } from '../../plots/XYPlot';
import { AbxLauncher } from '../../listening/AbxLauncher';
import { formatDb, formatHz, formatNumber, formatSigned } from '../../format';
import { VOLUME_DEFAULT_DB } from '../../../audio/volume';
import type { ProgramId } from '../../../audio/program';
import { CHUNK_LOAD_MESSAGE, isChunkLoadError, retryingImport } from '../../../lib/retryImport';

type AudioModule = typeof import('./codecAudio');
type Comparison = import('./codecAudio').CodecComparison;
type Player = import('./codecPlayer').CodecPlayer;
type ProgramChoice = Exclude<ProgramId, 'sine'> | 'file';
type Bitrate = '16' | '24' | '32' | '64' | '128' | '256';

const loadAudio = retryingImport((): Promise<AudioModule> => import('./codecAudio'));

const BITRATE_OPTIONS: readonly { value: Bitrate; label: string }[] = [
  { value: '16', label: 'Opus at 16 kb/s (far below Bluetooth)' },
  { value: '24', label: 'Opus at 24 kb/s' },
  { value: '32', label: 'Opus at 32 kb/s' },
  { value: '64', label: 'Opus at 64 kb/s' },
  { value: '128', label: 'Opus at 128 kb/s' },
  { value: '256', label: 'Opus at 256 kb/s (near SBC’s 328)' },
];
const PROGRAM_OPTIONS: readonly { value: ProgramChoice; label: string }[] = [
  { value: 'music', label: 'Music loop (synthesized)' },
  { value: 'piano', label: 'Piano (CC BY 3.0)' },
  { value: 'pink', label: 'Pink noise' },
  { value: 'sweep', label: 'Sweep 20 Hz–20 kHz' },
  { value: 'file', label: 'Your own file' },
];
const DOWNLOAD_SECONDS = 10;
const ENCODING_MESSAGE = 'Encoding and decoding with Opus in your browser…';

export interface CodecListeningProps {
  figure: number;
}

export function CodecListening({ figure }: CodecListeningProps) {
  const [bitrate, setBitrate] = useState<Bitrate>('32');
  const [program, setProgram] = useState<ProgramChoice>('music');
  const [side, setSide] = useState<AbSide>('A');
  const [volumeDb, setVolumeDb] = useState(VOLUME_DEFAULT_DB);
  const [playState, setPlayState] = useState<PlayState>('stopped');
  const [comparison, setComparison] = useState<{ key: string; value: Comparison } | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState<AbSide | null>(null);
  const [abxActive, setAbxActive] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  const player = useRef<Player | null>(null);
  /** The last comparison made, by program, file and bitrate (state lags a render behind; this does not). */
  const made = useRef<{ key: string; value: Comparison } | null>(null);
  const fileBuffer = useRef<AudioBuffer | null>(null);
  const fileRef = useRef<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const latest = useRef({ bitrate, program, side, volumeDb });
  latest.current = { bitrate, program, side, volumeDb };
  const labelB = `Opus at ${bitrate} kb/s`;
  const key = `${program}|${fileName ?? ''}|${bitrate}`;

  const describeError = (error: unknown, audio: AudioModule | null): string => {
    if (isChunkLoadError(error)) return CHUNK_LOAD_MESSAGE;
    if (audio && (error instanceof audio.CodecUnavailableError || error instanceof audio.AudioStartError || error instanceof audio.ProgramFileError)) return error.message;
    return `The codec comparison could not start: ${error instanceof Error ? error.message : String(error)}`;
  };

  /** A and B for the current program and bitrate, measured (made once per program and bitrate). */
  const prepare = async (audio: AudioModule): Promise<Comparison> => {
    const { program: choice, bitrate: rate } = latest.current;
    const wanted = `${choice}|${fileRef.current ?? ''}|${rate}`;
    if (made.current && made.current.key === wanted) return made.current.value;
    if (choice === 'file' && !fileBuffer.current) throw new audio.ProgramFileError('Choose an audio file first, or pick another program.');
    setMessage({ kind: 'info', text: ENCODING_MESSAGE });
    const source = await audio.sourceBuffer(choice === 'file' ? (fileBuffer.current as AudioBuffer) : choice);
    const value = await audio.compareCodec(source, Number(rate) * 1000);
    made.current = { key: wanted, value };
    setComparison({ key: wanted, value });
    setMessage(null);
    return value;
  };

  const play = async (startSide: AbSide = latest.current.side) => {
    setPlayState('starting');
    let audio: AudioModule | null = null;
    try {
      audio = await loadAudio();
      const value = await prepare(audio);
      if (!player.current) player.current = await audio.CodecPlayer.create(latest.current.volumeDb);
      player.current.setVolumeDb(latest.current.volumeDb);
      await player.current.play(value.a, value.b, value.matchGainDb, startSide);
      setPlayState('playing');
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error, audio) });
      setPlayState('stopped');
    }
  };

  const stop = async () => {
    await player.current?.stop();
    setPlayState('stopped');
  };

  const listen = async (which: AbSide) => {
    latest.current.side = which;
    setSide(which);
    if (!player.current?.isPlaying) await play(which);
    else player.current.select(which);
  };

  useEffect(() => player.current?.select(side), [side]);
  useEffect(() => player.current?.setVolumeDb(volumeDb), [volumeDb]);
  // A new bitrate or program: encode again and keep playing.
  useEffect(() => {
    if (playState === 'playing') void play();
  }, [key]);
  useEffect(() => {
    const element = root.current;
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

  const onFile = async (event: JSX.TargetedEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    let audio: AudioModule | null = null;
    try {
      audio = await loadAudio();
      const decoded = await audio.decodeUserFile(await audio.getAudioContext(), file);
      fileBuffer.current = decoded.buffer;
      fileRef.current = file.name;
      setFileName(file.name);
      setMessage({ kind: 'info', text: [`Loaded “${file.name}”. It stays on your device.`, ...decoded.notes].join(' ') });
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error, audio) });
    }
  };

  const download = async (which: AbSide) => {
    setBusy(which);
    let audio: AudioModule | null = null;
    try {
      audio = await loadAudio();
      const value = await prepare(audio);
      const blob = await audio.renderSide(value, which, latest.current.volumeDb, Math.min(DOWNLOAD_SECONDS, value.a.duration));
      const stem = `amp-lab-opus-${latest.current.bitrate}kbps`;
      audio.downloadBlob(blob, `${stem}-${which}.wav`);
      setMessage({ kind: 'info', text: `Downloaded ${which} as ${stem}-${which}.wav.` });
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error, audio) });
    } finally {
      setBusy(null);
    }
  };

  const measured = comparison?.key === key ? comparison.value : null;
  const bands = measured
    ? [
        { id: 'program', label: 'Program', points: measured.bandCentresHz.map((x, i) => ({ x, y: Math.max(-140, measured.programBandsDb[i] ?? -140) })), color: 'a' as const },
        { id: 'error', label: `What ${labelB} changed`, points: measured.bandCentresHz.map((x, i) => ({ x, y: Math.max(-140, measured.errorBandsDb[i] ?? -140) })), color: 'b' as const },
      ]
    : [];

  return (
    <div class="listening-panel codec-listening" ref={root} data-play-state={playState} data-measured={measured ? 'yes' : 'no'}>
      <p class="panel-title">Listen through a real lossy codec</p>
      <p class="panel-note">
        B is Opus at the bitrate you choose: a lossy codec like those Bluetooth uses, run in your browser. It is not SBC,
        AAC, aptX or LDAC themselves. B is loudness-matched to A (BS.1770). Volume starts low; a limiter at −1 dBFS is
        always the last stage.
      </p>
      <div class="panel-grid">
        <Select id="bt-bitrate" label="Codec for B" value={bitrate} options={BITRATE_OPTIONS} onChange={setBitrate} />
        <Select id="bt-program" label="Program" value={program} options={PROGRAM_OPTIONS} onChange={setProgram} />
        <VolumeSlider id="bt-volume" volumeDb={volumeDb} onChange={setVolumeDb} />
      </div>
      {program === 'file' && (
        <div class="control file-input">
          <label for="bt-file">Your audio file</label>
          <input id="bt-file" type="file" accept="audio/*,.wav,.mp3,.flac,.ogg,.m4a,.aac,.opus" onChange={(e) => void onFile(e)} />
          {fileName && <p class="control-hint">Using “{fileName}”.</p>}
        </div>
      )}
      {!abxActive && <AbSwitch name="bt-ab" label="Hear" value={side} labelA="Program" labelB={labelB} onChange={setSide} />}
      <div class="panel-actions">
        <PlayButton state={playState} onPlay={() => void play()} onStop={() => void stop()} />
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
      <p class="panel-message" role="status">{message?.kind === 'info' ? message.text : ''}</p>
      <p class="panel-message is-error" role="alert">{message?.kind === 'error' ? message.text : ''}</p>
      <dl class="readouts" aria-live="polite">
        <div>
          <dt>Measured bitrate of B</dt>
          <dd data-readout="opus-bitrate">{measured ? `${formatNumber(measured.measuredBitrateBitsPerSecond / 1000, 3)} kb/s` : 'press Play'}</dd>
        </div>
        <div>
          <dt>Bits per sample per channel (48 kHz)</dt>
          <dd data-readout="opus-bits">{measured ? formatNumber(measured.bitsPerSamplePerChannel, 3) : 'press Play'}</dd>
        </div>
        <div>
          <dt>What the codec changed, re the program</dt>
          <dd data-readout="opus-error">{measured ? formatDb(measured.errorLevelDb) : 'press Play'}</dd>
        </div>
        <div>
          <dt>Level match applied to B</dt>
          <dd data-readout="opus-match">{measured ? `${formatSigned(measured.matchGainDb, 2)} dB` : 'press Play'}</dd>
        </div>
      </dl>
      {measured ? (
        <XYPlot
          id="bt-fig-error"
          title={`Figure ${figure}. The program and what ${labelB} changed, by third-octave band (measured)`}
          summary={`Measured on the samples you hear: the codec's error is ${formatDb(measured.errorLevelDb)} relative to the program overall; in the band at ${formatHz(1000)} it is ${formatDb((measured.errorBandsDb[16] ?? 0) - (measured.programBandsDb[16] ?? 0))} and at ${formatHz(16000)} ${formatDb((measured.errorBandsDb[28] ?? 0) - (measured.programBandsDb[28] ?? 0))} relative to the program's band.`}
          series={bands}
          xLabel="Frequency (Hz)"
          yLabel="Level, left channel (dB re full scale)"
          xScale="log"
          xDomain={[20, 20000]}
          formatX={formatHz}
          formatY={(y) => formatDb(y)}
        />
      ) : (
        <figure class="plot" data-figure-pending>
          <figcaption class="plot-caption">
            <span class="plot-title">{`Figure ${figure}. The program and what the codec changed, by third-octave band (measured)`}</span>{' '}
            <span class="plot-summary">It is drawn once you press Play, from the samples you hear.</span>
          </figcaption>
        </figure>
      )}
      <AbxLauncher testId="bt-opus" settingsKey={key} describeSettings={`A: the program; B: ${labelB}`} listen={listen} onActiveChange={setAbxActive} />
    </div>
  );
}

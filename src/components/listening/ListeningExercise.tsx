// A graded listening exercise: two sounds, one of them the target (louder, the tube amp, …), placed at
// random as Sound 1 or Sound 2 each round; the reader listens, answers, and gets feedback that says why.
// The sounds come from the same chains as the lesson's widget; the safety stage is the shared one. The score is
// recorded in the reader's progress when the last round is answered.
import { useEffect, useRef, useState } from 'preact/hooks';
import { VolumeSlider } from '../controls/VolumeSlider';
import type { ChainSettings } from '../../audio/chain';
import type { ChainPair } from '../../audio/loudnessMatch';
import { VOLUME_DEFAULT_DB } from '../../audio/volume';
import { lessonOf } from '../../lib/lessonOf';
import { CHUNK_LOAD_MESSAGE, isChunkLoadError, retryingImport } from '../../lib/retryImport';
import { recordExercise } from '../../lib/progress';
import '../../styles/widgets.css';

type AudioModule = typeof import('./audio');
type Player = import('../../audio/abPlayer').AbPlayer;
type Slot = 1 | 2;

export interface ExerciseRound {
  /** The question, e.g. "Which sound is louder?" */
  question: string;
  /** What the target is, for feedback: "the louder one (by 1 dB)". */
  targetName: string;
  /** The target's chain and the other sound's chain at a sample rate. */
  target: (sampleRateHz: number) => Promise<ChainSettings>;
  other: (sampleRateHz: number) => Promise<ChainSettings>;
  /** Why, in a sentence or two (shown after the answer, right or wrong). */
  explanation: string;
}

export interface ListeningExerciseProps {
  id: string;
  title: string;
  intro: string;
  rounds: readonly ExerciseRound[];
  /** Loudness-match the two sounds (BS.1770, measured) so level can't give the answer away. */
  matchLoudness: boolean;
}

const loadAudio = retryingImport((): Promise<AudioModule> => import('./audio'));
const randomSlot = (): Slot => {
  const word = new Uint32Array(1);
  crypto.getRandomValues(word);
  return ((word[0] ?? 0) & 1) === 0 ? 1 : 2;
};

export function ListeningExercise({ id, title, intro, rounds, matchLoudness }: ListeningExerciseProps) {
  const [roundIndex, setRoundIndex] = useState(0);
  const [targetSlot, setTargetSlot] = useState<Slot>(1);
  const [playing, setPlaying] = useState<Slot | null>(null);
  const [answer, setAnswer] = useState<Slot | null>(null);
  const [rightCount, setRightCount] = useState(0);
  const [volumeDb, setVolumeDb] = useState(VOLUME_DEFAULT_DB);
  const [error, setError] = useState<string | null>(null);
  /** Set when the two sounds could not be loudness-matched on this program (said, not hidden). */
  const [matchNote, setMatchNote] = useState<string | null>(null);
  const player = useRef<Player | null>(null);
  const root = useRef<HTMLElement>(null);
  const round = rounds[roundIndex];

  useEffect(() => setTargetSlot(randomSlot()), [roundIndex]);
  useEffect(() => player.current?.setVolumeDb(volumeDb), [volumeDb]);
  // Stop when scrolled away; dispose on unmount.
  useEffect(() => {
    const element = root.current;
    const observer =
      element && typeof IntersectionObserver !== 'undefined'
        ? new IntersectionObserver((entries) => {
            if (entries.some((e) => !e.isIntersecting) && player.current?.isPlaying) void stop();
          })
        : null;
    if (element) observer?.observe(element);
    return () => {
      observer?.disconnect();
      void player.current?.dispose();
    };
  }, []);

  const play = async (slot: Slot) => {
    if (!round) return;
    setError(null);
    try {
      if (playing !== null && player.current?.isPlaying) {
        player.current.select(slot === 1 ? 'A' : 'B');
        setPlaying(slot);
        return;
      }
      const audio = await loadAudio();
      const ctx = await audio.getAudioContext();
      const buffer = await audio.programBuffer(ctx, 'music');
      const [target, other] = await Promise.all([round.target(ctx.sampleRate), round.other(ctx.sampleRate)]);
      const pair: ChainPair = targetSlot === 1 ? { a: target, b: other } : { a: other, b: target };
      const matched = matchLoudness ? await audio.loudnessMatch(buffer, pair, ctx.sampleRate) : null;
      const chains = matched?.pair ?? pair;
      setMatchNote(matched?.problem ? audio.matchProblemText(matched.problem, 'sound 1', 'sound 2') : null);
      if (!player.current) {
        player.current = await audio.AbPlayer.create(volumeDb);
        player.current.onPreempted = () => setPlaying(null);
      }
      player.current.setVolumeDb(volumeDb);
      player.current.play(buffer, chains.a, chains.b, slot === 1 ? 'A' : 'B');
      setPlaying(slot);
    } catch (e) {
      setError(isChunkLoadError(e) ? CHUNK_LOAD_MESSAGE : `Audio could not start: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const stop = async () => {
    await player.current?.stop();
    setPlaying(null);
  };

  const choose = (slot: Slot) => {
    if (answer !== null) return;
    setAnswer(slot);
    const right = slot === targetSlot;
    if (right) setRightCount((n) => n + 1);
    if (roundIndex === rounds.length - 1) {
      recordExercise(id, { lesson: lessonOf(root.current), title, correct: rightCount + (right ? 1 : 0), total: rounds.length });
    }
  };

  const next = async () => {
    await stop();
    setAnswer(null);
    setRoundIndex((i) => i + 1);
  };

  const finished = roundIndex >= rounds.length;
  return (
    <section class="widget exercise" ref={root} aria-labelledby={`${id}-title`} data-widget={`exercise-${id}`}>
      <p class="panel-title" id={`${id}-title`}>{title}</p>
      <p class="panel-note">{intro}</p>
      {round && !finished && (
        <>
          <p class="exercise-question">
            Round {roundIndex + 1} of {rounds.length}: {round.question}
          </p>
          <VolumeSlider id={`${id}-volume`} volumeDb={volumeDb} onChange={setVolumeDb} />
          <p class="group-label" id={`${id}-listen`}>Listen</p>
          <div class="abx-buttons" role="group" aria-labelledby={`${id}-listen`}>
            {([1, 2] as const).map((slot) => (
              <button type="button" class="abx-listen" aria-pressed={playing === slot} onClick={() => void play(slot)}>
                Play sound {slot}
              </button>
            ))}
            <button type="button" class="abx-listen" onClick={() => void stop()}>Stop</button>
          </div>
          <p class="group-label" id={`${id}-answer`}>Your answer</p>
          <div class="abx-buttons" role="group" aria-labelledby={`${id}-answer`}>
            {([1, 2] as const).map((slot) => (
              <button type="button" class="abx-answer" aria-pressed={answer === slot} onClick={() => choose(slot)}>
                Sound {slot}
              </button>
            ))}
          </div>
          <p class="exercise-feedback" role="status" data-result={answer === null ? 'none' : answer === targetSlot ? 'right' : 'wrong'}>
            {answer !== null &&
              `${answer === targetSlot ? 'Right' : 'Not this time'}: sound ${targetSlot} was ${round.targetName}. ${round.explanation}`}
          </p>
          {answer !== null && (
            <button type="button" class="abx-start" onClick={() => void next()}>
              {roundIndex + 1 < rounds.length ? 'Next round' : 'See your score'}
            </button>
          )}
        </>
      )}
      {finished && (
        <p class="exercise-score" role="status">
          You got {rightCount} of {rounds.length} right.{' '}
          <button type="button" class="abx-start" onClick={() => { setRightCount(0); setRoundIndex(0); }}>Try again</button>
        </p>
      )}
      {matchNote && <p class="panel-message" role="status">{matchNote}</p>}
      {error && <p class="panel-message is-error" role="alert">{error}</p>}
    </section>
  );
}

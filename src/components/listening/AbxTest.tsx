// Blind ABX test of a listening panel's A and B: each trial X is A or B at random; the reader listens to
// A, B and X as often as they like and says which X is. Progress lives in localStorage (survives a reload,
// never leaves the browser); the result is scored with the one-sided binomial test and kept in the reader's progress.
import { useEffect, useRef, useState } from 'preact/hooks';
import { Select } from '../controls/Select';
import {
  ABX_DEFAULT_TRIALS,
  ABX_TRIAL_CHOICES,
  abxScore,
  answerTrial,
  createAbxSession,
  currentTrialIndex,
  parseAbxSession,
  serializeAbxSession,
  type AbxSession,
  type AbxSide,
} from '../../dsp/abxSession';
import { lessonOf } from '../../lib/lessonOf';
import { AbxIntro, abxStorageKey as storageKey } from './AbxLauncher';
import { recordAbx } from '../../lib/progress';

type Binomial = typeof import('../../dsp/binomial');
const loadBinomial = (): Promise<Binomial> => import('../../dsp/binomial');

export interface AbxTestProps {
  testId: string;
  /** The settings under test; a stored session for other settings is not resumed. */
  settingsKey: string;
  /** Human description of what A and B are, shown while testing. */
  describeSettings: string;
  /** Make `side` audible, starting playback if needed. */
  listen: (side: AbxSide) => Promise<void>;
  /** Tells the panel whether a test is running (it hides its own A/B switch then). */
  onActiveChange: (active: boolean) => void;
  /** Open the disclosure at once (the reader opened it before the test had loaded). */
  initiallyOpen?: boolean;
}

type Listening = 'A' | 'B' | 'X' | null;

function loadSession(testId: string): AbxSession | null {
  try {
    return parseAbxSession(localStorage.getItem(storageKey(testId)));
  } catch {
    return null;
  }
}

function saveSession(testId: string, session: AbxSession | null): void {
  try {
    if (session) localStorage.setItem(storageKey(testId), serializeAbxSession(session));
    else localStorage.removeItem(storageKey(testId));
  } catch {
    /* storage unavailable (private mode): the test still runs, it just won't survive a reload */
  }
}

const secureRandom = (): number => {
  const word = new Uint32Array(1);
  crypto.getRandomValues(word);
  return (word[0] ?? 0) / 2 ** 32;
};

export function AbxTest({ testId, settingsKey, describeSettings, listen, onActiveChange, initiallyOpen = false }: AbxTestProps) {
  const [trialCount, setTrialCount] = useState<string>(String(ABX_DEFAULT_TRIALS));
  const [session, setSession] = useState<AbxSession | null>(null);
  const [listening, setListening] = useState<Listening>(null);
  const [error, setError] = useState<string | null>(null);

  const [expanded, setExpanded] = useState(initiallyOpen);
  /** The binomial test loads only when a test has finished: nothing before that needs it. */
  const [binomial, setBinomial] = useState<Binomial | null>(null);
  const root = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const restored = loadSession(testId);
    setSession(restored);
    if (restored && currentTrialIndex(restored) !== null) setExpanded(true);
  }, [testId]);

  const trialIndex = session ? currentTrialIndex(session) : null;
  const running = session !== null && trialIndex !== null && session.settingsKey === settingsKey;
  const stale = session !== null && trialIndex !== null && session.settingsKey !== settingsKey;
  useEffect(() => onActiveChange(running), [running]);

  const update = (next: AbxSession | null) => {
    setSession(next);
    saveSession(testId, next);
  };

  const start = () => {
    setError(null);
    setListening(null);
    update(createAbxSession(testId, settingsKey, Number(trialCount), secureRandom, Date.now()));
  };

  const play = async (choice: 'A' | 'B' | 'X') => {
    if (!session || trialIndex === null) return;
    const trial = session.trials[trialIndex];
    if (!trial) return;
    try {
      await listen(choice === 'X' ? trial.x : choice);
      setListening(choice);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const answer = (side: AbxSide) => {
    if (!session || trialIndex === null) return;
    setListening(null);
    const next = answerTrial(session, side);
    update(next);
    const { correct, finished: done } = abxScore(next);
    if (done) {
      const lesson = lessonOf(root.current);
      void loadBinomial().then((module) => {
        recordAbx({ lesson, widget: testId, correct, trials: next.trialCount, pValue: module.oneSidedPValue(correct, next.trialCount) });
      });
    }
  };

  const score = session ? abxScore(session) : null;
  const finished = session !== null && score?.finished === true;
  useEffect(() => {
    if (finished && binomial === null) void loadBinomial().then(setBinomial);
  }, [finished, binomial]);
  const result = finished && score && binomial ? binomial.describeAbxResult(score.correct, session.trialCount) : null;

  const trialOptions = ABX_TRIAL_CHOICES.map((n) => ({ value: String(n), label: `${n} trials` }));

  return (
    <details
      ref={root}
      class="abx"
      open={expanded}
      onToggle={(event) => setExpanded(event.currentTarget.open)}
      data-abx-state={running ? 'running' : finished ? 'finished' : 'idle'}>
      <AbxIntro />
      {!running && (
        <div class="abx-setup">
          <Select id={`${testId}-abx-trials`} label="Number of trials" value={trialCount} options={trialOptions} onChange={setTrialCount} />
          <button type="button" class="abx-start" onClick={start}>
            {session ? 'Start a new blind test' : 'Start blind test'}
          </button>
        </div>
      )}
      {stale && (
        <p class="abx-note">
          A test you started earlier was for other settings. Set them back to resume it, or start a new test for these settings.
        </p>
      )}
      {running && session && trialIndex !== null && (
        <div class="abx-run">
          <p class="abx-progress" aria-live="polite">
            Trial {trialIndex + 1} of {session.trialCount} · {describeSettings}
          </p>
          <p class="group-label" id={`${testId}-abx-listen`}>Listen</p>
          <div class="abx-buttons" role="group" aria-labelledby={`${testId}-abx-listen`}>
            {(['A', 'B', 'X'] as const).map((choice) => (
              <button type="button" class="abx-listen" aria-pressed={listening === choice} onClick={() => void play(choice)}>
                Play {choice}
              </button>
            ))}
          </div>
          <p class="group-label" id={`${testId}-abx-answer`}>Your answer</p>
          <div class="abx-buttons" role="group" aria-labelledby={`${testId}-abx-answer`}>
            <button type="button" class="abx-answer" onClick={() => answer('A')}>X is A</button>
            <button type="button" class="abx-answer" onClick={() => answer('B')}>X is B</button>
          </div>
          <button type="button" class="abx-abandon" onClick={() => update(null)}>Abandon this test</button>
        </div>
      )}
      {finished && score && result && session && (
        <div class="abx-result" data-abx-correct={score.correct} data-abx-trials={session.trialCount}>
          <p class="abx-score">
            <strong>{score.correct} of {session.trialCount} correct</strong> · one-sided binomial p = <span data-abx-p>{binomial?.formatPValue(result.pValue)}</span>
          </p>
          <p>{result.verdict}</p>
          <p class="abx-caveat">{result.caveat}</p>
        </div>
      )}
      {error && <p class="abx-error" role="alert">{error}</p>}
    </details>
  );
}


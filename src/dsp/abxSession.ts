// One blind ABX run as plain, JSON-serialisable data: the hidden X of each trial, the answers so far, and the
// score. Leaves out playback, timing of listening, and the statistics (see binomial.ts).

export type AbxSide = 'A' | 'B';

/** One trial: the hidden identity of X and the listener's answer (null until answered). */
export interface AbxTrial {
  x: AbxSide;
  answer: AbxSide | null;
}

/** A run; answers fill the trials strictly in order, so the answered trials are always a prefix. */
export interface AbxSession {
  version: 1;
  testId: string;
  /** Identifies the settings under test, so a stored run is not resumed for different settings. */
  settingsKey: string;
  trialCount: number;
  trials: AbxTrial[];
  startedAtMs: number;
}

/** Clark (JAES 1982) used 16 trials: a pass needs 12 correct (p = 0.038). */
export const ABX_DEFAULT_TRIALS = 16;
export const ABX_TRIAL_CHOICES: readonly number[] = [8, 12, 16, 20, 24, 32];

const SESSION_VERSION = 1;
const SESSION_KEYS = ['version', 'testId', 'settingsKey', 'trialCount', 'trials', 'startedAtMs'];
const TRIAL_KEYS = ['x', 'answer'];

/**
 * A fresh run of `trialCount` trials. Each X is drawn independently: 'A' when random() < 0.5, else 'B', so
 * with a uniform [0, 1) source each side has probability exactly 1/2 and runs of one side are allowed.
 */
export function createAbxSession(
  testId: string,
  settingsKey: string,
  trialCount: number,
  random: () => number,
  nowMs: number,
): AbxSession {
  if (!Number.isInteger(trialCount) || trialCount < 1) {
    throw new RangeError(`trialCount must be a positive integer, got ${trialCount}`);
  }
  const trials: AbxTrial[] = [];
  for (let i = 0; i < trialCount; i++) trials.push({ x: random() < 0.5 ? 'A' : 'B', answer: null });
  return { version: SESSION_VERSION, testId, settingsKey, trialCount, trials, startedAtMs: nowMs };
}

/** Index of the first unanswered trial, or null when every trial is answered. */
export function currentTrialIndex(s: AbxSession): number | null {
  const index = s.trials.findIndex((trial) => trial.answer === null);
  return index === -1 ? null : index;
}

/** A new session with the current trial answered; the input is left unchanged. Throws once finished. */
export function answerTrial(s: AbxSession, answer: AbxSide): AbxSession {
  if (answer !== 'A' && answer !== 'B') throw new RangeError(`answer must be 'A' or 'B', got ${String(answer)}`);
  const index = currentTrialIndex(s);
  if (index === null) throw new Error('This ABX session is finished; start a new one to answer more trials.');
  const trials = s.trials.map((trial, i) => (i === index ? { x: trial.x, answer } : { ...trial }));
  return { ...s, trials };
}

/** Answers given, how many matched X, and whether every trial is answered. */
export function abxScore(s: AbxSession): { answered: number; correct: number; finished: boolean } {
  let answered = 0;
  let correct = 0;
  for (const trial of s.trials) {
    if (trial.answer === null) continue;
    answered++;
    if (trial.answer === trial.x) correct++;
  }
  return { answered, correct, finished: answered === s.trialCount };
}

export function serializeAbxSession(s: AbxSession): string {
  return JSON.stringify(s);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hasExactKeys = (record: Record<string, unknown>, keys: readonly string[]): boolean => {
  const own = Object.keys(record);
  return own.length === keys.length && keys.every((key) => Object.hasOwn(record, key));
};

const isSide = (value: unknown): value is AbxSide => value === 'A' || value === 'B';

function parseTrial(value: unknown): AbxTrial | null {
  if (!isRecord(value) || !hasExactKeys(value, TRIAL_KEYS)) return null;
  const { x, answer } = value;
  if (!isSide(x)) return null;
  if (answer !== null && !isSide(answer)) return null;
  return { x, answer };
}

/**
 * A session from stored JSON, or null for anything that is not exactly one: unparsable text, wrong version,
 * missing or extra fields, sides other than 'A'/'B', a trial list whose length differs from trialCount, or an
 * answer after an unanswered trial. Never throws; the result shares nothing with the parsed object.
 */
export function parseAbxSession(json: string | null): AbxSession | null {
  if (json === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRecord(data) || !hasExactKeys(data, SESSION_KEYS)) return null;
  const { version, testId, settingsKey, trialCount, trials, startedAtMs } = data;
  if (version !== SESSION_VERSION) return null;
  if (typeof testId !== 'string' || typeof settingsKey !== 'string') return null;
  if (typeof trialCount !== 'number' || !Number.isInteger(trialCount) || trialCount < 1) return null;
  if (typeof startedAtMs !== 'number' || !Number.isFinite(startedAtMs)) return null;
  if (!Array.isArray(trials) || trials.length !== trialCount) return null;
  const parsed: AbxTrial[] = [];
  let seenUnanswered = false;
  for (const raw of trials) {
    const trial = parseTrial(raw);
    if (trial === null) return null;
    if (trial.answer === null) seenUnanswered = true;
    else if (seenUnanswered) return null;
    parsed.push(trial);
  }
  return { version: SESSION_VERSION, testId, settingsKey, trialCount, trials: parsed, startedAtMs };
}

// The reader's progress through the course — lessons visited and done, answers, listening exercises, ABX results —
// kept in localStorage only (nothing leaves the browser), with export, import and reset. Leaves out the page: no DOM
// beyond a Storage-like object and one CustomEvent on window after each write. Never throws into the page: blocked
// storage reads as no progress and every write to it is a silent no-op.

export const PROGRESS_STORAGE_KEY = 'amp-lab-progress';
/** A CustomEvent dispatched on window after every write; its detail is the new ProgressData. */
export const PROGRESS_EVENT = 'amp-lab-progress';
/** The ABX log keeps only this many results, newest last. */
export const ABX_RESULTS_KEPT = 50;
/** Larger text than this is refused by importProgress: a real progress file is a few kilobytes. */
export const IMPORT_MAX_CHARS = 1_000_000;
export const IMPORT_TOO_LARGE_MESSAGE = 'This file is too large to be an Amp Lab progress file (over 1 MB). Nothing was imported.';

/** The part of the Web Storage API progress needs; window.localStorage is one, and so is an in-memory map. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** ISO 8601 times; a lesson is done while doneAt is set. */
export interface LessonProgress {
  visitedAt?: string;
  doneAt?: string;
}
/**
 * `lesson` is the lesson's slug (its id, as in /lessons/<slug>/); a record made outside a lesson (a lab page)
 * holds that page's path instead, which starts with "/".
 */
export interface AnswerRecord {
  lesson: string;
  correct: boolean;
  at: string;
}
export interface ExerciseRecord {
  lesson: string;
  title: string;
  correct: number;
  total: number;
  at: string;
}
export interface AbxRecord {
  lesson: string;
  widget: string;
  correct: number;
  trials: number;
  pValue: number;
  at: string;
}
/** A committed prediction: the option's text as the reader saw it. Locked: a later commit never replaces it. */
export interface PredictionRecord {
  lesson: string;
  choice: string;
  at: string;
}
/**
 * Answers and exercises are keyed by question and exercise id and hold the latest attempt; predictions by question
 * id hold the first commit (optional in files written before predictions were kept); ABX is a log.
 */
export interface ProgressData {
  version: 1;
  lessons: Record<string, LessonProgress>;
  answers: Record<string, AnswerRecord>;
  predictions?: Record<string, PredictionRecord>;
  exercises: Record<string, ExerciseRecord>;
  abx: AbxRecord[];
}

export function emptyProgress(): ProgressData {
  return { version: 1, lessons: {}, answers: {}, exercises: {}, abx: [] };
}

/** window.localStorage if it can be written (a probe write), else null: blocked (SecurityError), absent or full. */
export function progressStorage(): StorageLike | null {
  const probe = `${PROGRESS_STORAGE_KEY}:probe`;
  try {
    const storage = (globalThis as { localStorage?: StorageLike }).localStorage;
    if (!storage) return null;
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

const storageOrDefault = (storage: StorageLike | null | undefined): StorageLike | null =>
  storage === undefined ? progressStorage() : storage;

/** The stored progress; missing, unreadable or malformed data (or blocked storage) gives emptyProgress(). */
export function readProgress(storage?: StorageLike | null): ProgressData {
  try {
    const text = storageOrDefault(storage)?.getItem(PROGRESS_STORAGE_KEY) ?? null;
    return text === null ? emptyProgress() : parseProgress(JSON.parse(text));
  } catch {
    return emptyProgress();
  }
}

function announce(data: ProgressData): void {
  const target = globalThis as { dispatchEvent?: (event: Event) => boolean };
  if (typeof target.dispatchEvent !== 'function' || typeof CustomEvent !== 'function') return;
  target.dispatchEvent(new CustomEvent<ProgressData>(PROGRESS_EVENT, { detail: data }));
}

/** Stores `data` and announces it; false when storage is blocked or refuses the write (full). */
function store(target: StorageLike | null, data: ProgressData): boolean {
  if (!target) return false;
  try {
    target.setItem(PROGRESS_STORAGE_KEY, JSON.stringify(data));
  } catch {
    return false;
  }
  announce(data);
  return true;
}

function update(storage: StorageLike | null | undefined, change: (data: ProgressData) => ProgressData): void {
  const target = storageOrDefault(storage);
  if (target) store(target, change(readProgress(target)));
}

const now = (): string => new Date().toISOString();

/** Notes that the reader opened `lesson` now (the latest visit is kept). */
export function recordVisit(lesson: string, storage?: StorageLike | null): void {
  update(storage, (data) => ({ ...data, lessons: { ...data.lessons, [lesson]: { ...data.lessons[lesson], visitedAt: now() } } }));
}

/** Marks `lesson` done now, or not done (its visit is kept). */
export function setLessonDone(lesson: string, done: boolean, storage?: StorageLike | null): void {
  update(storage, (data) => {
    const entry: LessonProgress = { ...data.lessons[lesson] };
    if (done) entry.doneAt = now();
    else delete entry.doneAt;
    const lessons = { ...data.lessons, [lesson]: entry };
    if (Object.keys(entry).length === 0) delete lessons[lesson];
    return { ...data, lessons };
  });
}

/** The reader's latest answer to question `questionId` of `lesson`. */
export function recordAnswer(questionId: string, lesson: string, correct: boolean, storage?: StorageLike | null): void {
  update(storage, (data) => ({ ...data, answers: { ...data.answers, [questionId]: { lesson, correct, at: now() } } }));
}

/** Keeps the reader's prediction for question `questionId`; the first one committed stays (a prediction is locked). */
export function recordPrediction(questionId: string, lesson: string, choice: string, storage?: StorageLike | null): void {
  update(storage, (data) => {
    if (data.predictions?.[questionId]) return data;
    return { ...data, predictions: { ...data.predictions, [questionId]: { lesson, choice, at: now() } } };
  });
}

/** The reader's committed prediction for question `questionId`, if any. */
export function readPrediction(questionId: string, storage?: StorageLike | null): PredictionRecord | undefined {
  return readProgress(storage).predictions?.[questionId];
}

/** The reader's latest score in listening exercise `exerciseId`. */
export function recordExercise(exerciseId: string, record: Omit<ExerciseRecord, 'at'>, storage?: StorageLike | null): void {
  const entry: ExerciseRecord = { lesson: record.lesson, title: record.title, correct: record.correct, total: record.total, at: now() };
  update(storage, (data) => ({ ...data, exercises: { ...data.exercises, [exerciseId]: entry } }));
}

/** Appends a finished ABX run to the log, keeping the latest ABX_RESULTS_KEPT. */
export function recordAbx(record: Omit<AbxRecord, 'at'>, storage?: StorageLike | null): void {
  const entry: AbxRecord = {
    lesson: record.lesson,
    widget: record.widget,
    correct: record.correct,
    trials: record.trials,
    pValue: record.pValue,
    at: now(),
  };
  update(storage, (data) => ({ ...data, abx: [...data.abx, entry].slice(-ABX_RESULTS_KEPT) }));
}

/** The stored progress as pretty-printed JSON, the format importProgress reads. */
export function exportProgress(storage?: StorageLike | null): string {
  return JSON.stringify(readProgress(storage), null, 2);
}

/** Replaces the stored progress with an exported file's, after checking every field; nothing is merged. */
export function importProgress(json: string, storage?: StorageLike | null): { ok: true } | { ok: false; message: string } {
  if (json.length > IMPORT_MAX_CHARS) {
    return { ok: false, message: IMPORT_TOO_LARGE_MESSAGE };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false, message: 'This file is not JSON, so it is not an Amp Lab progress file. Nothing was imported.' };
  }
  let data: ProgressData;
  try {
    data = parseProgress(parsed);
  } catch (error) {
    const reason = error instanceof ShapeError ? error.message : 'its contents are not as expected';
    return { ok: false, message: `This is not an Amp Lab progress file: ${reason}. Nothing was imported.` };
  }
  if (!store(storageOrDefault(storage), data)) {
    return { ok: false, message: 'Progress can’t be kept in this browser (storage is blocked or full), so nothing was imported.' };
  }
  return { ok: true };
}

/** Deletes all stored progress. */
export function resetProgress(storage?: StorageLike | null): void {
  const target = storageOrDefault(storage);
  if (!target) return;
  try {
    target.removeItem(PROGRESS_STORAGE_KEY);
  } catch {
    return;
  }
  announce(emptyProgress());
}

// Strict reading of stored or imported data: exact fields, the right types, counts that add up.

class ShapeError extends Error {}

function fail(message: string): never {
  throw new ShapeError(message);
}

const MAX_KEY_CHARS = 200;
const MAX_TEXT_CHARS = 500;
const MAX_TIME_CHARS = 40;

function object(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${path} should be an object`);
  return value as Record<string, unknown>;
}

/** An object with every `required` field, and no field outside `required` and `optional`. */
function fields(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
  const record = object(value, path);
  for (const key of required) if (!Object.hasOwn(record, key)) fail(`${path} has no field "${key}"`);
  for (const key of Object.keys(record)) {
    if (!required.includes(key) && !optional.includes(key)) fail(`${path} has an unexpected field "${key}"`);
  }
  return record;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TEXT_CHARS) fail(`${path} should be a non-empty text`);
  return value;
}

function time(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length > MAX_TIME_CHARS || !Number.isFinite(Date.parse(value))) {
    fail(`${path} should be a date and time`);
  }
  return value;
}

function count(value: unknown, path: string, atMost = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > atMost) {
    fail(`${path} should be a whole number from 0${atMost === Number.MAX_SAFE_INTEGER ? '' : ` to ${atMost}`}`);
  }
  return value;
}

/** An object of entries keyed by id, each read by `item`; Object.fromEntries keeps a "__proto__" id as plain data. */
function keyed<T>(value: unknown, path: string, item: (entry: unknown, path: string) => T): Record<string, T> {
  const entries = Object.entries(object(value, path)).map(([key, entry]): [string, T] => {
    if (key.length === 0 || key.length > MAX_KEY_CHARS) fail(`${path} should be keyed by ids of 1 to ${MAX_KEY_CHARS} characters`);
    return [key, item(entry, `${path}["${key}"]`)];
  });
  return Object.fromEntries(entries);
}

function lessonProgress(value: unknown, path: string): LessonProgress {
  const record = fields(value, path, [], ['visitedAt', 'doneAt']);
  const entry: LessonProgress = {};
  if (Object.hasOwn(record, 'visitedAt')) entry.visitedAt = time(record['visitedAt'], `${path}.visitedAt`);
  if (Object.hasOwn(record, 'doneAt')) entry.doneAt = time(record['doneAt'], `${path}.doneAt`);
  return entry;
}

function answerRecord(value: unknown, path: string): AnswerRecord {
  const record = fields(value, path, ['lesson', 'correct', 'at']);
  const correct = record['correct'];
  if (typeof correct !== 'boolean') fail(`${path}.correct should be true or false`);
  return { lesson: text(record['lesson'], `${path}.lesson`), correct, at: time(record['at'], `${path}.at`) };
}

function exerciseRecord(value: unknown, path: string): ExerciseRecord {
  const record = fields(value, path, ['lesson', 'title', 'correct', 'total', 'at']);
  const total = count(record['total'], `${path}.total`);
  if (total === 0) fail(`${path}.total should be at least 1`);
  return {
    lesson: text(record['lesson'], `${path}.lesson`),
    title: text(record['title'], `${path}.title`),
    correct: count(record['correct'], `${path}.correct`, total),
    total,
    at: time(record['at'], `${path}.at`),
  };
}

function abxRecord(value: unknown, path: string): AbxRecord {
  const record = fields(value, path, ['lesson', 'widget', 'correct', 'trials', 'pValue', 'at']);
  const trials = count(record['trials'], `${path}.trials`);
  if (trials === 0) fail(`${path}.trials should be at least 1`);
  const pValue = record['pValue'];
  if (typeof pValue !== 'number' || !(pValue >= 0 && pValue <= 1)) fail(`${path}.pValue should be a number from 0 to 1`);
  return {
    lesson: text(record['lesson'], `${path}.lesson`),
    widget: text(record['widget'], `${path}.widget`),
    correct: count(record['correct'], `${path}.correct`, trials),
    trials,
    pValue,
    at: time(record['at'], `${path}.at`),
  };
}

function predictionRecord(value: unknown, path: string): PredictionRecord {
  const record = fields(value, path, ['lesson', 'choice', 'at']);
  return { lesson: text(record['lesson'], `${path}.lesson`), choice: text(record['choice'], `${path}.choice`), at: time(record['at'], `${path}.at`) };
}

function parseProgress(value: unknown): ProgressData {
  const record = fields(value, 'the file', ['version', 'lessons', 'answers', 'exercises', 'abx'], ['predictions']);
  if (record['version'] !== 1) fail('its version should be 1');
  const abx = record['abx'];
  if (!Array.isArray(abx) || abx.length > ABX_RESULTS_KEPT) fail(`abx should be a list of at most ${ABX_RESULTS_KEPT} results`);
  return {
    version: 1,
    lessons: keyed(record['lessons'], 'lessons', lessonProgress),
    answers: keyed(record['answers'], 'answers', answerRecord),
    exercises: keyed(record['exercises'], 'exercises', exerciseRecord),
    ...(Object.hasOwn(record, 'predictions') ? { predictions: keyed(record['predictions'], 'predictions', predictionRecord) } : {}),
    abx: abx.map((entry: unknown, index) => abxRecord(entry, `abx[${index}]`)),
  };
}

// The reader's progress in storage: every write and read, export → import round trips, strict refusal of files that
// are not progress, the ABX log's cap, and blocked storage (every call quietly does nothing, nothing throws).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ABX_RESULTS_KEPT,
  IMPORT_MAX_CHARS,
  PROGRESS_EVENT,
  PROGRESS_STORAGE_KEY,
  emptyProgress,
  exportProgress,
  importProgress,
  progressStorage,
  readPrediction,
  readProgress,
  recordAbx,
  recordPrediction,
  recordAnswer,
  recordExercise,
  recordVisit,
  resetProgress,
  setLessonDone,
  type ProgressData,
  type StorageLike,
} from '../../src/lib/progress';

class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** Storage as a browser with storage blocked exposes it: every call throws a SecurityError. */
class BlockedStorage implements StorageLike {
  calls = 0;
  private refuse(): never {
    this.calls++;
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
  getItem(): string | null {
    return this.refuse();
  }
  setItem(): void {
    this.refuse();
  }
  removeItem(): void {
    this.refuse();
  }
}

/** Reads fine but refuses writes, as a full quota does. */
class FullStorage extends MemoryStorage {
  override setItem(): void {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
}

const T0 = new Date('2025-03-01T10:00:00.000Z');
const T1 = new Date('2025-03-02T11:30:00.000Z');
const abxRun = (correct: number) => ({ lesson: 'hearing-differences', widget: 'ld', correct, trials: 16, pValue: 0.5 });

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const stored = (): unknown => JSON.parse(storage.getItem(PROGRESS_STORAGE_KEY) ?? 'null');

/** A valid progress file with one of everything, to break one field at a time. */
function fullProgress(): ProgressData {
  return {
    version: 1,
    lessons: { 'output-impedance': { visitedAt: T0.toISOString(), doneAt: T1.toISOString() } },
    answers: { 'predict-bass-120': { lesson: 'output-impedance', correct: true, at: T0.toISOString() } },
    exercises: {
      'oi-iem-exercise': { lesson: 'output-impedance', title: 'Which source has 100 Ω?', correct: 1, total: 1, at: T0.toISOString() },
    },
    abx: [{ ...abxRun(12), pValue: 0.038, at: T1.toISOString() }],
  };
}

describe('an empty or fresh store', () => {
  it('emptyProgress is version 1 with nothing recorded, and a new object each time', () => {
    expect(emptyProgress()).toEqual({ version: 1, lessons: {}, answers: {}, exercises: {}, abx: [] });
    expect(emptyProgress()).not.toBe(emptyProgress());
  });

  it('readProgress of storage that holds nothing is empty progress', () => {
    expect(readProgress(storage)).toEqual(emptyProgress());
  });
});

describe('recording', () => {
  it('recordVisit stores the time of the latest visit and keeps a done mark', () => {
    recordVisit('output-impedance', storage);
    expect(readProgress(storage).lessons).toEqual({ 'output-impedance': { visitedAt: T0.toISOString() } });
    setLessonDone('output-impedance', true, storage);
    vi.setSystemTime(T1);
    recordVisit('output-impedance', storage);
    expect(readProgress(storage).lessons['output-impedance']).toEqual({ visitedAt: T1.toISOString(), doneAt: T0.toISOString() });
  });

  it('setLessonDone marks a lesson done and unmarks it, keeping the visit', () => {
    recordVisit('output-impedance', storage);
    vi.setSystemTime(T1);
    setLessonDone('output-impedance', true, storage);
    expect(readProgress(storage).lessons['output-impedance']).toEqual({ visitedAt: T0.toISOString(), doneAt: T1.toISOString() });
    setLessonDone('output-impedance', false, storage);
    expect(readProgress(storage).lessons['output-impedance']).toEqual({ visitedAt: T0.toISOString() });
  });

  it('unmarking a lesson that was only marked done leaves no entry for it', () => {
    setLessonDone('jitter', true, storage);
    setLessonDone('jitter', false, storage);
    expect(readProgress(storage).lessons).toEqual({});
  });

  it('recordAnswer keeps the latest answer to each question, with its lesson', () => {
    recordAnswer('predict-bass-120', 'output-impedance', false, storage);
    recordAnswer('check-damping', 'output-impedance', true, storage);
    vi.setSystemTime(T1);
    recordAnswer('predict-bass-120', 'output-impedance', true, storage);
    expect(readProgress(storage).answers).toEqual({
      'predict-bass-120': { lesson: 'output-impedance', correct: true, at: T1.toISOString() },
      'check-damping': { lesson: 'output-impedance', correct: true, at: T0.toISOString() },
    });
  });

  it('recordExercise keeps the latest score of each exercise', () => {
    recordExercise('oi-iem-exercise', { lesson: 'output-impedance', title: 'Which source?', correct: 0, total: 1 }, storage);
    vi.setSystemTime(T1);
    recordExercise('oi-iem-exercise', { lesson: 'output-impedance', title: 'Which source?', correct: 1, total: 1 }, storage);
    expect(readProgress(storage).exercises).toEqual({
      'oi-iem-exercise': { lesson: 'output-impedance', title: 'Which source?', correct: 1, total: 1, at: T1.toISOString() },
    });
  });

  it('recordAbx appends each run with its time', () => {
    recordAbx(abxRun(9), storage);
    vi.setSystemTime(T1);
    recordAbx(abxRun(13), storage);
    expect(readProgress(storage).abx).toEqual([
      { ...abxRun(9), at: T0.toISOString() },
      { ...abxRun(13), at: T1.toISOString() },
    ]);
  });

  it(`recordAbx keeps only the latest ${ABX_RESULTS_KEPT} runs`, () => {
    for (let i = 0; i <= ABX_RESULTS_KEPT; i++) recordAbx({ ...abxRun(i % 17), widget: `run-${i}` }, storage);
    const { abx } = readProgress(storage);
    expect(abx).toHaveLength(ABX_RESULTS_KEPT);
    expect(abx[0]?.widget).toBe('run-1');
    expect(abx.at(-1)?.widget).toBe(`run-${ABX_RESULTS_KEPT}`);
  });

  it('records are written under amp-lab-progress as the documented JSON', () => {
    recordAnswer('q', 'jitter', true, storage);
    expect(stored()).toEqual({ ...emptyProgress(), answers: { q: { lesson: 'jitter', correct: true, at: T0.toISOString() } } });
  });

  it('a committed prediction is kept and locked: a second commit does not replace the first', () => {
    expect(readPrediction('p', storage)).toBeUndefined();
    recordPrediction('p', 'jitter', 'The bass rises.', storage);
    recordPrediction('p', 'jitter', 'The bass falls.', storage);
    expect(readPrediction('p', storage)).toEqual({ lesson: 'jitter', choice: 'The bass rises.', at: T0.toISOString() });
  });

  it('predictions survive export and import, and files without them (written before) still import', () => {
    recordPrediction('p', 'jitter', 'Up', storage);
    const exported = exportProgress(storage);
    resetProgress(storage);
    expect(importProgress(exported, storage)).toEqual({ ok: true });
    expect(readPrediction('p', storage)?.choice).toBe('Up');
    expect(importProgress(JSON.stringify(emptyProgress()), storage)).toEqual({ ok: true });
    expect(readPrediction('p', storage)).toBeUndefined();
    const broken = { ...emptyProgress(), predictions: { p: { lesson: 'jitter', choice: '', at: T0.toISOString() } } };
    expect(importProgress(JSON.stringify(broken), storage).ok).toBe(false);
  });

  it('an id such as "__proto__" is stored as plain data', () => {
    recordAnswer('__proto__', 'jitter', true, storage);
    const answers = readProgress(storage).answers;
    expect(Object.keys(answers)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(answers)).toBe(Object.prototype);
  });

  it(`every write dispatches "${PROGRESS_EVENT}" on window with the new progress`, () => {
    const events: Event[] = [];
    vi.stubGlobal('dispatchEvent', (event: Event) => events.push(event) > 0);
    recordVisit('jitter', storage);
    setLessonDone('jitter', true, storage);
    recordAnswer('q', 'jitter', true, storage);
    recordExercise('e', { lesson: 'jitter', title: 'E', correct: 1, total: 2 }, storage);
    recordAbx(abxRun(8), storage);
    expect(importProgress(JSON.stringify(fullProgress()), storage)).toEqual({ ok: true });
    resetProgress(storage);
    expect(events.map((e) => e.type)).toEqual(Array(7).fill(PROGRESS_EVENT));
    const details = events.map((e) => (e as CustomEvent<ProgressData>).detail);
    expect(details[4]?.abx).toHaveLength(1);
    expect(details[5]).toEqual(fullProgress());
    expect(details[6]).toEqual(emptyProgress());
  });
});

describe('export, import and reset', () => {
  it('exportProgress is pretty-printed JSON of what is stored', () => {
    recordVisit('jitter', storage);
    const text = exportProgress(storage);
    expect(text).toContain('\n  "version": 1');
    expect(JSON.parse(text)).toEqual(readProgress(storage));
  });

  it('export → reset → import restores exactly what was there', () => {
    recordVisit('output-impedance', storage);
    setLessonDone('output-impedance', true, storage);
    recordAnswer('predict-bass-120', 'output-impedance', false, storage);
    recordExercise('oi-iem-exercise', { lesson: 'output-impedance', title: 'Which?', correct: 1, total: 1 }, storage);
    recordAbx(abxRun(12), storage);
    const before = readProgress(storage);
    const file = exportProgress(storage);
    resetProgress(storage);
    expect(readProgress(storage)).toEqual(emptyProgress());
    expect(importProgress(file, storage)).toEqual({ ok: true });
    expect(readProgress(storage)).toEqual(before);
  });

  it('importProgress replaces what is stored rather than merging', () => {
    recordAnswer('other-question', 'jitter', true, storage);
    expect(importProgress(JSON.stringify(fullProgress()), storage)).toEqual({ ok: true });
    expect(readProgress(storage)).toEqual(fullProgress());
  });

  it('resetProgress removes everything', () => {
    recordVisit('jitter', storage);
    resetProgress(storage);
    expect(storage.items.size).toBe(0);
    expect(readProgress(storage)).toEqual(emptyProgress());
  });
});

describe('importProgress refuses files that are not progress, saying why, and keeps what was stored', () => {
  const refusals: [string, string, RegExp][] = [
    ['text that is not JSON', '{"version": 1,', /not JSON/],
    ['a JSON list', '[]', /the file should be an object/],
    ['JSON null', 'null', /the file should be an object/],
    ['another version', JSON.stringify({ ...fullProgress(), version: 2 }), /version should be 1/],
    ['a missing section', JSON.stringify({ version: 1, lessons: {}, answers: {}, exercises: {} }), /no field "abx"/],
    ['an extra section', JSON.stringify({ ...fullProgress(), settings: {} }), /unexpected field "settings"/],
    ['lessons as a list', JSON.stringify({ ...fullProgress(), lessons: [] }), /lessons should be an object/],
    ['a lesson with an unknown field', JSON.stringify({ ...fullProgress(), lessons: { x: { seen: true } } }), /lessons\["x"\] has an unexpected field "seen"/],
    ['a visit time that is no date', JSON.stringify({ ...fullProgress(), lessons: { x: { visitedAt: 'yesterday' } } }), /lessons\["x"\]\.visitedAt should be a date and time/],
    ['an empty id', JSON.stringify({ ...fullProgress(), answers: { '': fullProgress().answers['predict-bass-120'] } }), /answers should be keyed by ids/],
    ['an answer marked "yes"', JSON.stringify({ ...fullProgress(), answers: { q: { lesson: 'x', correct: 'yes', at: T0.toISOString() } } }), /answers\["q"\]\.correct should be true or false/],
    ['an answer with no lesson', JSON.stringify({ ...fullProgress(), answers: { q: { correct: true, at: T0.toISOString() } } }), /answers\["q"\] has no field "lesson"/],
    ['an exercise with more right than asked', JSON.stringify({ ...fullProgress(), exercises: { e: { lesson: 'x', title: 'E', correct: 3, total: 2, at: T0.toISOString() } } }), /exercises\["e"\]\.correct should be a whole number from 0 to 2/],
    ['an exercise of no rounds', JSON.stringify({ ...fullProgress(), exercises: { e: { lesson: 'x', title: 'E', correct: 0, total: 0, at: T0.toISOString() } } }), /exercises\["e"\]\.total should be at least 1/],
    ['an exercise with a fractional score', JSON.stringify({ ...fullProgress(), exercises: { e: { lesson: 'x', title: 'E', correct: 0.5, total: 2, at: T0.toISOString() } } }), /correct should be a whole number/],
    ['an ABX run with a p-value above 1', JSON.stringify({ ...fullProgress(), abx: [{ ...abxRun(3), pValue: 1.5, at: T0.toISOString() }] }), /abx\[0\]\.pValue should be a number from 0 to 1/],
    ['an ABX run with an empty widget name', JSON.stringify({ ...fullProgress(), abx: [{ ...abxRun(3), widget: '', at: T0.toISOString() }] }), /abx\[0\]\.widget should be a non-empty text/],
    ['an ABX run of no trials', JSON.stringify({ ...fullProgress(), abx: [{ ...abxRun(0), trials: 0, at: T0.toISOString() }] }), /abx\[0\]\.trials should be at least 1/],
    ['an ABX log as an object', JSON.stringify({ ...fullProgress(), abx: {} }), /abx should be a list of at most 50 results/],
    [
      `more than ${ABX_RESULTS_KEPT} ABX runs`,
      JSON.stringify({ ...fullProgress(), abx: Array.from({ length: ABX_RESULTS_KEPT + 1 }, () => ({ ...abxRun(1), at: T0.toISOString() })) }),
      /abx should be a list of at most 50 results/,
    ],
    ['a file over 1 MB', JSON.stringify({ ...fullProgress(), padding: 'x'.repeat(IMPORT_MAX_CHARS) }), /too large.*over 1 MB/],
  ];

  for (const [what, json, reason] of refusals) {
    it(`refuses ${what}`, () => {
      recordVisit('jitter', storage);
      const before = storage.getItem(PROGRESS_STORAGE_KEY);
      const result = importProgress(json, storage);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.message).toMatch(reason);
      expect(result.message).toMatch(/Nothing was imported\.$/);
      expect(storage.getItem(PROGRESS_STORAGE_KEY)).toBe(before);
    });
  }

  it('accepts a lesson entry with neither time (visited and unmarked) and optional fields left out', () => {
    const file = { ...emptyProgress(), lessons: { a: {}, b: { doneAt: T0.toISOString() } } };
    expect(importProgress(JSON.stringify(file), storage)).toEqual({ ok: true });
    expect(readProgress(storage).lessons).toEqual(file.lessons);
  });
});

describe('reading damaged storage', () => {
  const damaged: [string, string][] = [
    ['text that is not JSON', '{"version":'],
    ['a JSON string', '"progress"'],
    ['another version', JSON.stringify({ ...emptyProgress(), version: 0 })],
    ['a record of the wrong shape', JSON.stringify({ ...emptyProgress(), answers: { q: { lesson: 'x', correct: 1, at: T0.toISOString() } } })],
  ];
  for (const [what, text] of damaged) {
    it(`reads ${what} as empty progress, and the next write starts afresh`, () => {
      storage.setItem(PROGRESS_STORAGE_KEY, text);
      expect(readProgress(storage)).toEqual(emptyProgress());
      recordVisit('jitter', storage);
      expect(readProgress(storage)).toEqual({ ...emptyProgress(), lessons: { jitter: { visitedAt: T0.toISOString() } } });
    });
  }
});

describe('blocked storage', () => {
  for (const [what, blocked] of [
    ['storage that throws SecurityError', () => new BlockedStorage()],
    ['no storage (null)', () => null],
  ] as const) {
    it(`with ${what} reads are empty and writes are silent no-ops`, () => {
      const target = blocked();
      const events: Event[] = [];
      vi.stubGlobal('dispatchEvent', (event: Event) => events.push(event) > 0);
      // Storage passed in is used as given: a blocked one never falls back to a working window.localStorage.
      const windowStorage = new MemoryStorage();
      vi.stubGlobal('localStorage', windowStorage);
      expect(readProgress(target)).toEqual(emptyProgress());
      expect(() => {
        recordVisit('jitter', target);
        setLessonDone('jitter', true, target);
        recordAnswer('q', 'jitter', true, target);
        recordExercise('e', { lesson: 'jitter', title: 'E', correct: 1, total: 1 }, target);
        recordAbx(abxRun(4), target);
        resetProgress(target);
      }).not.toThrow();
      expect(JSON.parse(exportProgress(target))).toEqual(emptyProgress());
      expect(events).toEqual([]);
      expect(windowStorage.items.size).toBe(0);
      if (target) expect(target.calls).toBeGreaterThan(0);
    });

    it(`with ${what} importProgress says progress can't be kept`, () => {
      const result = importProgress(JSON.stringify(fullProgress()), blocked());
      expect(result).toEqual({ ok: false, message: expect.stringMatching(/can’t be kept in this browser/) });
    });
  }

  it('storage that reads but cannot write (full) keeps what it had and reports a refused import', () => {
    const full = new FullStorage();
    full.items.set(PROGRESS_STORAGE_KEY, JSON.stringify(fullProgress()));
    expect(() => recordVisit('jitter', full)).not.toThrow();
    expect(readProgress(full)).toEqual(fullProgress());
    expect(importProgress(JSON.stringify(emptyProgress()), full).ok).toBe(false);
  });
});

describe('progressStorage', () => {
  it('is window.localStorage when it can be written, and leaves no probe behind', () => {
    vi.stubGlobal('localStorage', storage);
    expect(progressStorage()).toBe(storage);
    expect(storage.items.size).toBe(0);
  });

  it('is used when no storage is passed', () => {
    vi.stubGlobal('localStorage', storage);
    recordVisit('jitter');
    expect(readProgress().lessons).toEqual({ jitter: { visitedAt: T0.toISOString() } });
    expect(JSON.parse(exportProgress())).toEqual(readProgress(storage));
    resetProgress();
    expect(storage.items.size).toBe(0);
  });

  it('is null when touching localStorage throws SecurityError', () => {
    vi.stubGlobal('localStorage', undefined);
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(progressStorage()).toBeNull();
    expect(readProgress()).toEqual(emptyProgress());
    expect(() => recordVisit('jitter')).not.toThrow();
  });

  it('is null when localStorage refuses writes or does not exist', () => {
    vi.stubGlobal('localStorage', new FullStorage());
    expect(progressStorage()).toBeNull();
    vi.stubGlobal('localStorage', undefined);
    expect(progressStorage()).toBeNull();
  });
});

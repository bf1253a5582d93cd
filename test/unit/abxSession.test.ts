// ABX session data: random assignment of X, ordered answers, scoring, and strict round-tripping through JSON.
// Leaves out the statistics of the score (binomial.test.ts) and the widget around it.
import { describe, expect, it } from 'vitest';
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
} from '../../src/dsp/abxSession';
import { mulberry32 } from '../../src/dsp/random';

const START_MS = 1_700_000_000_000;
const other = (side: AbxSide): AbxSide => (side === 'A' ? 'B' : 'A');
const fresh = (trialCount = ABX_DEFAULT_TRIALS, seed = 1) =>
  createAbxSession('amp-vs-dac', 'gain=6', trialCount, mulberry32(seed), START_MS);

/** Answer every remaining trial, right on the trials whose index is in `rightAt`. */
function answerAll(s: AbxSession, rightAt: (index: number) => boolean): AbxSession {
  let session = s;
  for (let i = 0; i < s.trialCount; i++) {
    const x = session.trials[i]?.x ?? 'A';
    session = answerTrial(session, rightAt(i) ? x : other(x));
  }
  return session;
}

describe('creating a session', () => {
  it('has the requested number of unanswered trials and records its identity and start time', () => {
    const s = fresh(12);
    expect(s.version).toBe(1);
    expect(s.testId).toBe('amp-vs-dac');
    expect(s.settingsKey).toBe('gain=6');
    expect(s.trialCount).toBe(12);
    expect(s.trials).toHaveLength(12);
    expect(s.trials.every((t) => t.answer === null)).toBe(true);
    expect(s.startedAtMs).toBe(START_MS);
    expect(currentTrialIndex(s)).toBe(0);
  });

  it('maps random() < 0.5 to A and random() ≥ 0.5 to B, one draw per trial', () => {
    const draws = [0, 0.4999999, 0.5, 0.9999999];
    let i = 0;
    const s = createAbxSession('t', 'k', 4, () => draws[i++] ?? Number.NaN, START_MS);
    expect(s.trials.map((t) => t.x)).toEqual(['A', 'A', 'B', 'B']);
    expect(i).toBe(4);
  });

  it('makes X A about half the time and independent of the previous trial, over 200 seeded sessions', () => {
    // 200 × 16 = 3200 fair draws: the proportion of A has standard deviation 0.5/√3200 = 0.0088, so ±0.03 is
    // 3.4 σ (two-sided chance of falling outside ≈ 7·10⁻⁴ for a correct generator). Likewise 200 × 15 = 3000
    // consecutive pairs repeat the previous side with probability 1/2: σ = 0.5/√3000 = 0.0091, ±0.03 is 3.3 σ.
    let aCount = 0;
    let total = 0;
    let repeats = 0;
    let pairs = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const xs = fresh(16, seed).trials.map((t) => t.x);
      aCount += xs.filter((x) => x === 'A').length;
      total += xs.length;
      for (let i = 1; i < xs.length; i++) {
        pairs++;
        if (xs[i] === xs[i - 1]) repeats++;
      }
    }
    expect(Math.abs(aCount / total - 0.5)).toBeLessThan(0.03);
    expect(Math.abs(repeats / pairs - 0.5)).toBeLessThan(0.03);
  });

  it('rejects a trial count that is not a positive integer', () => {
    expect(() => fresh(0)).toThrow(RangeError);
    expect(() => fresh(2.5)).toThrow(RangeError);
  });

  it('offers 16 trials by default among ascending choices', () => {
    expect(ABX_TRIAL_CHOICES).toContain(ABX_DEFAULT_TRIALS);
    expect([...ABX_TRIAL_CHOICES].sort((a, b) => a - b)).toEqual(ABX_TRIAL_CHOICES);
  });
});

describe('answering', () => {
  it('records answers in order without changing the earlier session', () => {
    const s0 = fresh(4);
    const s1 = answerTrial(s0, 'B');
    const s2 = answerTrial(s1, 'A');
    expect(s0.trials.map((t) => t.answer)).toEqual([null, null, null, null]);
    expect(s1.trials.map((t) => t.answer)).toEqual(['B', null, null, null]);
    expect(s2.trials.map((t) => t.answer)).toEqual(['B', 'A', null, null]);
    expect(s2.trials.map((t) => t.x)).toEqual(s0.trials.map((t) => t.x));
    expect(currentTrialIndex(s2)).toBe(2);
  });

  it('scores the answers that match X, counting only those given', () => {
    let s = fresh(16, 7);
    const rightAt = (i: number) => i % 3 !== 0; // wrong on trials 0, 3, 6, 9, 12, 15
    for (let i = 0; i < 5; i++) {
      const x = s.trials[i]?.x ?? 'A';
      s = answerTrial(s, rightAt(i) ? x : other(x));
    }
    expect(abxScore(s)).toEqual({ answered: 5, correct: 3, finished: false });
  });

  it('finishes after exactly trialCount answers, with 16 − 6 = 10 right', () => {
    const done = answerAll(fresh(16, 7), (i) => i % 3 !== 0);
    expect(currentTrialIndex(done)).toBeNull();
    expect(abxScore(done)).toEqual({ answered: 16, correct: 10, finished: true });
  });

  it('throws when answering a finished session', () => {
    const done = answerAll(fresh(8), () => true);
    expect(() => answerTrial(done, 'A')).toThrow();
  });
});

describe('storing and restoring', () => {
  it('round-trips a part-answered session through JSON', () => {
    const s = answerTrial(answerTrial(fresh(12, 3), 'A'), 'B');
    expect(parseAbxSession(serializeAbxSession(s))).toEqual(s);
  });

  it('round-trips a finished session and keeps its score', () => {
    const done = answerAll(fresh(20, 9), (i) => i % 2 === 0);
    const back = parseAbxSession(serializeAbxSession(done));
    expect(back).toEqual(done);
    expect(back && abxScore(back)).toEqual({ answered: 20, correct: 10, finished: true });
  });

  /** A valid stored session as a plain object, for corrupting one field at a time. */
  const stored = (): Record<string, unknown> => JSON.parse(serializeAbxSession(answerTrial(fresh(4, 5), 'A')));
  const withChange = (change: (o: Record<string, unknown>) => void): string => {
    const o = stored();
    change(o);
    return JSON.stringify(o);
  };
  const trialsOf = (o: Record<string, unknown>) => o['trials'] as Record<string, unknown>[];

  it('accepts the unmodified stored object (so the rejections below are about the change)', () => {
    expect(parseAbxSession(withChange(() => undefined))).not.toBeNull();
  });

  it('returns null, without throwing, for missing or unparsable text', () => {
    for (const text of [null, '', '{', 'undefined', 'null', '42', '"session"', '[]']) {
      expect(parseAbxSession(text)).toBeNull();
    }
  });

  it('returns null for a wrong version or wrongly typed fields', () => {
    const changes: ((o: Record<string, unknown>) => void)[] = [
      (o) => (o['version'] = 2),
      (o) => (o['version'] = '1'),
      (o) => (o['testId'] = 7),
      (o) => (o['settingsKey'] = null),
      (o) => (o['startedAtMs'] = 'yesterday'),
      (o) => (o['trials'] = {}),
      (o) => delete o['startedAtMs'],
      (o) => (o['extra'] = true),
    ];
    for (const change of changes) expect(parseAbxSession(withChange(change))).toBeNull();
  });

  it('returns null for sides other than A and B', () => {
    expect(parseAbxSession(withChange((o) => (trialsOf(o)[1] = { x: 'C', answer: null })))).toBeNull();
    expect(parseAbxSession(withChange((o) => (trialsOf(o)[0] = { x: 'A', answer: 'a' })))).toBeNull();
    expect(parseAbxSession(withChange((o) => (trialsOf(o)[0] = { x: 'A' })))).toBeNull();
  });

  it('returns null for an answer after an unanswered trial', () => {
    expect(parseAbxSession(withChange((o) => (trialsOf(o)[2] = { x: 'B', answer: 'B' })))).toBeNull();
  });

  it('returns null when trialCount disagrees with the trials listed', () => {
    expect(parseAbxSession(withChange((o) => (o['trialCount'] = 5)))).toBeNull();
    expect(parseAbxSession(withChange((o) => (o['trialCount'] = 3)))).toBeNull();
    expect(parseAbxSession(withChange((o) => trialsOf(o).push({ x: 'A', answer: null })))).toBeNull();
    expect(parseAbxSession(withChange((o) => (o['trialCount'] = 0)))).toBeNull();
    expect(parseAbxSession(withChange((o) => (o['trialCount'] = 4.5)))).toBeNull();
  });
});

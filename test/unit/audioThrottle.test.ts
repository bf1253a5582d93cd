import { describe, expect, it } from 'vitest';
import { LatestThrottle, type ThrottleTimers } from '../../src/audio/throttleLatest';

/** A manual clock: advance(ms) runs due timers in time order. */
function manualTimers(): ThrottleTimers & { advance(ms: number): void } {
  let nowMs = 0;
  let nextId = 0;
  const due = new Map<number, { atMs: number; callback: () => void }>();
  return {
    nowMs: () => nowMs,
    schedule(callback, delayMs) {
      const id = nextId++;
      due.set(id, { atMs: nowMs + delayMs, callback });
      return () => due.delete(id);
    },
    advance(ms) {
      const endMs = nowMs + ms;
      for (;;) {
        const next = [...due.entries()].filter(([, t]) => t.atMs <= endMs).sort((p, q) => p[1].atMs - q[1].atMs)[0];
        if (!next) break;
        due.delete(next[0]);
        nowMs = next[1].atMs;
        next[1].callback();
      }
      nowMs = endMs;
    },
  };
}

describe('LatestThrottle', () => {
  it('applies the first value at once', () => {
    const timers = manualTimers();
    const applied: number[] = [];
    new LatestThrottle<number>(50, (v) => applied.push(v), timers).push(1);
    expect(applied).toEqual([1]);
  });

  it('turns a burst within one interval into one more application, with the last value, when the interval ends', () => {
    const timers = manualTimers();
    const applied: { value: number; atMs: number }[] = [];
    const throttle = new LatestThrottle<number>(50, (value) => applied.push({ value, atMs: timers.nowMs() }), timers);
    throttle.push(1);
    timers.advance(10);
    throttle.push(2);
    timers.advance(10);
    throttle.push(3);
    timers.advance(100);
    expect(applied).toEqual([
      { value: 1, atMs: 0 },
      { value: 3, atMs: 50 },
    ]);
  });

  it('during a long drag applies at most once per interval and ends on the last value', () => {
    const timers = manualTimers();
    const applied: { value: number; atMs: number }[] = [];
    const throttle = new LatestThrottle<number>(50, (value) => applied.push({ value, atMs: timers.nowMs() }), timers);
    for (let step = 0; step <= 100; step++) {
      throttle.push(step);
      timers.advance(7);
    }
    timers.advance(100);
    for (let k = 1; k < applied.length; k++) {
      expect((applied[k] as { atMs: number }).atMs - (applied[k - 1] as { atMs: number }).atMs).toBeGreaterThanOrEqual(50);
    }
    // 707 ms of pushes: at most one application per started 50 ms interval.
    expect(applied.length).toBeLessThanOrEqual(Math.ceil(707 / 50) + 1);
    expect(applied.at(-1)?.value).toBe(100);
  });

  it('applies at once again after a quiet interval', () => {
    const timers = manualTimers();
    const applied: number[] = [];
    const throttle = new LatestThrottle<number>(50, (v) => applied.push(v), timers);
    throttle.push(1);
    timers.advance(60);
    throttle.push(2);
    expect(applied).toEqual([1, 2]);
  });

  it('cancel() drops the pending value', () => {
    const timers = manualTimers();
    const applied: number[] = [];
    const throttle = new LatestThrottle<number>(50, (v) => applied.push(v), timers);
    throttle.push(1);
    throttle.push(2);
    throttle.cancel();
    timers.advance(100);
    expect(applied).toEqual([1]);
  });
});

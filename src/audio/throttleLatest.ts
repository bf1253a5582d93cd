// Coalescing a burst of updates (a dragged slider) into at most one application per interval, the
// latest value winning. Leaves out: what is applied (abPlayer.ts rebuilds chains with it).

/** The clock and timer the throttle uses; injectable so its timing can be tested without waiting. */
export interface ThrottleTimers {
  nowMs(): number;
  /** Run callback after delayMs; returns a function that cancels it. */
  schedule(callback: () => void, delayMs: number): () => void;
}

const browserTimers: ThrottleTimers = {
  nowMs: () => performance.now(),
  schedule(callback, delayMs) {
    const handle = setTimeout(callback, delayMs);
    return () => clearTimeout(handle);
  },
};

/**
 * push(value) applies at once if nothing was applied in the last intervalMs; otherwise it stores
 * the value and applies the latest stored one when the interval has passed. So a burst of pushes
 * yields at most one application per interval, and the last pushed value is always applied.
 */
export class LatestThrottle<T> {
  private lastAppliedMs = Number.NEGATIVE_INFINITY;
  private pending: { value: T } | null = null;
  private cancelTimer: (() => void) | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly apply: (value: T) => void,
    private readonly timers: ThrottleTimers = browserTimers,
  ) {}

  push(value: T): void {
    this.pending = { value };
    if (this.cancelTimer) return;
    const waitMs = this.lastAppliedMs + this.intervalMs - this.timers.nowMs();
    if (waitMs <= 0) this.flush();
    else this.cancelTimer = this.timers.schedule(() => this.flush(), waitMs);
  }

  /** Apply the pending value now, if there is one. */
  flush(): void {
    this.stopTimer();
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    this.lastAppliedMs = this.timers.nowMs();
    this.apply(pending.value);
  }

  /** Drop the pending value without applying it. */
  cancel(): void {
    this.stopTimer();
    this.pending = null;
  }

  private stopTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }
}

// A widget's "Check with SPICE" state: idle, loading the engine, simulating, done or failed — each tied to the key of
// the values it ran for, so a result never stands for other values: once the widget's key changes, the result is
// stale and the widget stops drawing it. The check itself comes in by dynamic import when the reader asks.
import { useRef, useState } from 'preact/hooks';

export type SpiceCheckProgress = 'loading' | 'simulating';

/** What a check hands back: its result, and the decks that ran (for the downloads). */
export interface SpiceCheckOutcome<R> {
  readonly result: R;
  readonly decks: readonly { readonly label: string; readonly fileName: string; readonly deck: string }[];
  /** A line on how long the engine and each analysis took. */
  readonly timing: string;
}

export type SpiceCheckState<R> =
  | { readonly phase: 'idle' }
  | { readonly phase: SpiceCheckProgress; readonly key: string }
  | { readonly phase: 'done'; readonly key: string; readonly outcome: SpiceCheckOutcome<R> }
  | { readonly phase: 'failed'; readonly key: string; readonly message: string; readonly log: string };

export type SpiceCheck<R> = (onProgress: (progress: SpiceCheckProgress) => void) => Promise<SpiceCheckOutcome<R>>;

/** The error's text and ngspice's own log, from whatever a check threw. */
function failureOf(error: unknown): { message: string; log: string } {
  if (error instanceof Error) {
    const log = 'log' in error && typeof error.log === 'string' ? error.log : '';
    return { message: error.message, log };
  }
  return { message: String(error), log: '' };
}

export function useSpiceCheck<R>(key: string): {
  state: SpiceCheckState<R>;
  /** The result, only while it is for the widget's current key. */
  current: SpiceCheckOutcome<R> | null;
  /** A result or failure is on hand for values the reader has since changed. */
  stale: boolean;
  start: (check: SpiceCheck<R>) => void;
} {
  const [state, setState] = useState<SpiceCheckState<R>>({ phase: 'idle' });
  const running = useRef(false);
  const start = (check: SpiceCheck<R>) => {
    if (running.current) return;
    running.current = true;
    const runKey = key;
    setState({ phase: 'loading', key: runKey });
    check((phase) => setState({ phase, key: runKey }))
      .then((outcome) => setState({ phase: 'done', key: runKey, outcome }))
      .catch((error: unknown) => setState({ phase: 'failed', key: runKey, ...failureOf(error) }))
      .finally(() => {
        running.current = false;
      });
  };
  const current = state.phase === 'done' && state.key === key ? state.outcome : null;
  const stale = (state.phase === 'done' || state.phase === 'failed') && state.key !== key;
  return { state, current, stale, start };
}

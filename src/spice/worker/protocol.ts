/**
 * The messages between the page and the SPICE worker: the page asks it to run a deck; it says when the engine is
 * ready and when it starts each run, then answers with the run's vectors or ngspice's own error text. Leaves out
 * cancelling a run: ngspice can't be interrupted, so the page ends the whole worker (client.ts).
 */
import type { ResultType } from 'eecircuit-engine';

export interface SpiceRunRequest {
  readonly type: 'run';
  readonly id: number;
  /** The whole deck, as a desktop ngspice would read it. */
  readonly deck: string;
}

export type SpiceWorkerRequest = SpiceRunRequest;

/** A run that worked: what ngspice returned, its messages (warnings), and how long it took. */
export interface SpiceRun {
  readonly result: ResultType;
  readonly messages: readonly string[];
  readonly runMs: number;
}

export type SpiceWorkerResponse =
  /** The engine has loaded and ngspice has started (once per worker). */
  | { readonly type: 'ready'; readonly startMs: number }
  /** ngspice has started on this run. */
  | { readonly type: 'simulating'; readonly id: number }
  | { readonly type: 'result'; readonly id: number; readonly run: SpiceRun }
  /** The run failed: `message` in plain words, `log` ngspice's own text (empty when the engine itself failed). */
  | { readonly type: 'error'; readonly id: number; readonly message: string; readonly log: string };

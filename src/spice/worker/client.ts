/**
 * The page's side of the SPICE worker: starts the worker on the first run (one per page, shared by every widget),
 * sends decks, reports progress (loading the engine, then simulating) and answers each run with its vectors or an
 * error. A run that simulates past its time limit ends the worker (ngspice can't be interrupted); the next run
 * starts a fresh one. Leaves out: retrying, and running decks side by side (one ngspice runs one deck at a time).
 */
import type { SpiceRun, SpiceWorkerRequest, SpiceWorkerResponse } from './protocol';

export type SpiceProgress = 'loading' | 'simulating';

/** How a run failed: ngspice refused the deck, it ran past the time limit, or the engine did not load or start. */
export type SpiceFailure = 'netlist' | 'time-limit' | 'engine';

export class SpiceRunError extends Error {
  constructor(
    message: string,
    readonly failure: SpiceFailure,
    /** ngspice's own text, when it gave one. */
    readonly log = '',
  ) {
    super(message);
    this.name = 'SpiceRunError';
  }
}

/** The part of a Worker the client uses. */
export interface SpiceWorkerPort {
  postMessage(message: SpiceWorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<SpiceWorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** A run's answer, with the engine's start-up time when this run waited for it. */
export interface SpiceRunAnswer extends SpiceRun {
  readonly engineStartMs: number | null;
}

export interface SpiceRunOptions {
  readonly onProgress?: (progress: SpiceProgress) => void;
  /** How long ngspice may simulate this deck before the worker is ended (default DEFAULT_TIME_LIMIT_MS). */
  readonly timeLimitMs?: number;
}

export const DEFAULT_TIME_LIMIT_MS = 20_000;

interface PendingRun {
  readonly resolve: (answer: SpiceRunAnswer) => void;
  readonly reject: (error: SpiceRunError) => void;
  readonly options: SpiceRunOptions;
  timer: ReturnType<typeof setTimeout> | null;
}

function moduleWorker(): SpiceWorkerPort {
  return new Worker(new URL('./spiceWorker.ts', import.meta.url), { type: 'module', name: 'ngspice' });
}

export class SpiceClient {
  private worker: SpiceWorkerPort | null = null;
  private readonly pending = new Map<number, PendingRun>();
  private nextId = 1;
  private engineReady = false;
  /** The engine's start-up time, until a run's answer has carried it. */
  private unreportedStartMs: number | null = null;

  constructor(private readonly createWorker: () => SpiceWorkerPort = moduleWorker) {}

  /** Runs a deck; resolves with ngspice's vectors, rejects with a SpiceRunError. */
  run(deck: string, options: SpiceRunOptions = {}): Promise<SpiceRunAnswer> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<SpiceRunAnswer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, options, timer: null });
      if (!this.engineReady) options.onProgress?.('loading');
      worker.postMessage({ type: 'run', id, deck });
    });
  }

  /** Ends the worker and every run still waiting. */
  dispose(): void {
    this.end(new SpiceRunError('The simulator was closed.', 'engine'));
  }

  private started(): SpiceWorkerPort {
    if (this.worker !== null) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = () => {
      this.end(new SpiceRunError('The simulator could not be loaded. Check your connection, then press the button again.', 'engine'));
    };
    this.worker = worker;
    return worker;
  }

  private receive(message: SpiceWorkerResponse): void {
    if (message.type === 'ready') {
      this.engineReady = true;
      this.unreportedStartMs = message.startMs;
      return;
    }
    const run = this.pending.get(message.id);
    if (run === undefined) return;
    if (message.type === 'simulating') {
      run.options.onProgress?.('simulating');
      const limitMs = run.options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
      run.timer = setTimeout(() => this.stopRunaway(limitMs), limitMs);
      return;
    }
    this.pending.delete(message.id);
    if (run.timer !== null) clearTimeout(run.timer);
    if (message.type === 'result') {
      const engineStartMs = this.unreportedStartMs;
      this.unreportedStartMs = null;
      run.resolve({ ...message.run, engineStartMs });
    } else {
      run.reject(new SpiceRunError(message.message, message.log.length > 0 ? 'netlist' : 'engine', message.log));
    }
  }

  private stopRunaway(limitMs: number): void {
    const seconds = Math.round(limitMs / 100) / 10;
    this.end(
      new SpiceRunError(
        `ngspice was still simulating after ${seconds} s, so it was stopped. Press the button to start it afresh.`,
        'time-limit',
      ),
    );
  }

  private end(error: SpiceRunError): void {
    this.worker?.terminate();
    this.worker = null;
    this.engineReady = false;
    this.unreportedStartMs = null;
    const runs = [...this.pending.values()];
    this.pending.clear();
    for (const run of runs) {
      if (run.timer !== null) clearTimeout(run.timer);
      run.reject(error);
    }
  }
}

let shared: SpiceClient | null = null;

/** The page's one client: widgets share its worker, and so load the engine once. */
export function sharedSpiceClient(): SpiceClient {
  shared ??= new SpiceClient();
  return shared;
}

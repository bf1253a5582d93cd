/**
 * ngspice, compiled to WebAssembly (eecircuit-engine, MIT), as one simulator that runs decks one at a time and reads
 * back `.dc` sweeps. The same code runs in Node (the tests) and in a module Worker in the page. The engine (~20 MB)
 * is imported only when a simulator is started. Leaves out: `.ac` results; a `.tran` is read from `run` with
 * realVectors (./results).
 */
import type { ResultType, Simulation } from 'eecircuit-engine';
import { realVectors } from './results';

export interface DcSweepResult {
  /** The swept source's values, in sweep order. */
  readonly sweep: readonly number[];
  /** Each requested vector's values, keyed by the name as requested (e.g. "v(p)", "i(vcp)"). */
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

/** The sweep and the named vectors of a `.dc` result; throws, with ngspice's own messages, if any is missing. */
export function dcSweepFromResult(result: ResultType, vectorNames: readonly string[], messages: readonly string[] = []): DcSweepResult {
  const { scale, vectors } = realVectors(result, vectorNames, messages);
  return { sweep: scale, vectors };
}

export class SpiceSimulator {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly simulation: Simulation) {}

  /** Loads the engine and starts ngspice (about 0.6 s). */
  static async start(): Promise<SpiceSimulator> {
    const { Simulation } = await import('eecircuit-engine');
    const simulation = new Simulation();
    await simulation.start();
    return new SpiceSimulator(simulation);
  }

  /** Runs a deck; runs queue, since one ngspice runs one deck at a time. Returns the result and ngspice's messages. */
  run(netlist: string): Promise<{ result: ResultType; messages: string[] }> {
    const next = this.queue.then(async () => {
      const before = this.simulation.getError().length;
      this.simulation.setNetList(netlist);
      const result = await this.simulation.runSim();
      return { result, messages: this.simulation.getError().slice(before) };
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Runs a deck's `.dc` sweep and returns the sweep and each named vector. */
  async dcSweep(netlist: string, vectorNames: readonly string[]): Promise<DcSweepResult> {
    if (vectorNames.length === 0) throw new Error('name at least one vector to read, e.g. "v(out)"');
    if (!/^\s*\.dc\b/im.test(netlist)) throw new Error('the deck has no .dc line to sweep');
    const { result, messages } = await this.run(netlist);
    return dcSweepFromResult(result, vectorNames, messages);
  }
}

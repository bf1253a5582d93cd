// The page's SPICE client (src/spice/worker/client.ts) against a stand-in worker: progress in order, ngspice's error
// text passed on, a run past its time limit ending the worker (and the next run starting a fresh one), a worker
// that fails to load failing its runs. Time is vitest's fake clock, so nothing here waits.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SpiceClient, SpiceRunError, type SpiceProgress, type SpiceWorkerPort } from '../../src/spice/worker/client';
import type { SpiceRun, SpiceWorkerRequest, SpiceWorkerResponse } from '../../src/spice/worker/protocol';

class FakeWorker implements SpiceWorkerPort {
  onmessage: ((event: MessageEvent<SpiceWorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly requests: SpiceWorkerRequest[] = [];
  terminated = false;
  postMessage(message: SpiceWorkerRequest): void {
    this.requests.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  say(message: SpiceWorkerResponse): void {
    this.onmessage?.({ data: message } as MessageEvent<SpiceWorkerResponse>);
  }
}

const RUN: SpiceRun = {
  result: { header: '', numVariables: 1, variableNames: ['v-sweep'], numPoints: 2, dataType: 'real', data: [{ name: 'v-sweep', type: 'voltage', values: [0, 1] }] },
  messages: [],
  runMs: 40,
};

let workers: FakeWorker[];
let client: SpiceClient;
beforeEach(() => {
  vi.useFakeTimers();
  workers = [];
  client = new SpiceClient(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the SPICE client', () => {
  it('starts one worker, says it is loading then simulating, and answers with the run and the engine start-up time once', async () => {
    const progress: SpiceProgress[] = [];
    const first = client.run('* deck one', { onProgress: (p) => progress.push(p) });
    const worker = workers[0] as FakeWorker;
    expect(worker.requests).toEqual([{ type: 'run', id: 1, deck: '* deck one' }]);
    worker.say({ type: 'ready', startMs: 600 });
    worker.say({ type: 'simulating', id: 1 });
    worker.say({ type: 'result', id: 1, run: RUN });
    await expect(first).resolves.toMatchObject({ runMs: 40, engineStartMs: 600 });
    expect(progress).toEqual(['loading', 'simulating']);

    const laterProgress: SpiceProgress[] = [];
    const second = client.run('* deck two', { onProgress: (p) => laterProgress.push(p) });
    worker.say({ type: 'simulating', id: 2 });
    worker.say({ type: 'result', id: 2, run: RUN });
    await expect(second).resolves.toMatchObject({ engineStartMs: null });
    expect(laterProgress).toEqual(['simulating']);
    expect(workers).toHaveLength(1);
  });

  it("rejects a deck ngspice refused with ngspice's own text", async () => {
    const run = client.run('* bad');
    const log = "Error on line 4 or its substitute:\n  .foo\n unimplemented dot command '.foo'";
    workers[0]?.say({ type: 'error', id: 1, message: 'ngspice could not run this netlist.', log });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpiceRunError);
    expect(error).toMatchObject({ failure: 'netlist', log });
  });

  it('ends the worker when a run simulates past its time limit, and the next run starts a fresh worker', async () => {
    const run = client.run('* runaway', { timeLimitMs: 2000 });
    const caught = run.catch((e: unknown) => e);
    const worker = workers[0] as FakeWorker;
    worker.say({ type: 'ready', startMs: 600 });
    vi.advanceTimersByTime(10_000);
    expect(worker.terminated).toBe(false);
    worker.say({ type: 'simulating', id: 1 });
    vi.advanceTimersByTime(1999);
    expect(worker.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(worker.terminated).toBe(true);
    const error = await caught;
    expect(error).toMatchObject({ failure: 'time-limit' });
    expect(String((error as Error).message)).toMatch(/after 2 s, so it was stopped/);

    const progress: SpiceProgress[] = [];
    void client.run('* next', { onProgress: (p) => progress.push(p) });
    expect(workers).toHaveLength(2);
    expect(progress).toEqual(['loading']);
  });

  it('fails every waiting run when the worker cannot load', async () => {
    const a = client.run('* a').catch((e: unknown) => e);
    const b = client.run('* b').catch((e: unknown) => e);
    workers[0]?.onerror?.(new Event('error') as ErrorEvent);
    expect(await a).toMatchObject({ failure: 'engine' });
    expect(await b).toMatchObject({ failure: 'engine' });
    expect(workers[0]?.terminated).toBe(true);
  });
});

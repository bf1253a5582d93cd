/**
 * The module Worker that runs ngspice (eecircuit-engine, WebAssembly) off the page's thread: it starts the engine on
 * its first request and runs decks one at a time (see protocol.ts). Loaded only when a reader asks for a check, by
 * client.ts. Leaves out: interrupting a run (the page ends the worker instead).
 */
import { ngspiceFailed, ngspiceLog } from '../results';
import { SpiceSimulator } from '../simulator';
import type { SpiceWorkerRequest, SpiceWorkerResponse } from './protocol';

interface WorkerScope {
  postMessage(message: SpiceWorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SpiceWorkerRequest>) => void): void;
  fetch: typeof fetch;
}
const scope = globalThis as unknown as WorkerScope;

const INLINED_WASM = 'data:application/wasm;base64,';

/**
 * The engine fetches its WebAssembly from a data: URL inlined in its own code. A Content-Security-Policy that
 * limits connect-src to 'self' refuses such a fetch, so the worker decodes that one URL itself; every other
 * request goes to the network as before.
 */
function decodeInlinedWasm(): void {
  const networkFetch = scope.fetch.bind(scope);
  scope.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(INLINED_WASM)) return networkFetch(input, init);
    const text = atob(url.slice(INLINED_WASM.length));
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return Promise.resolve(new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } }));
  };
}

let simulator: Promise<SpiceSimulator> | null = null;

function started(): Promise<SpiceSimulator> {
  if (simulator === null) {
    decodeInlinedWasm();
    const startedAt = performance.now();
    simulator = SpiceSimulator.start().then((spice) => {
      scope.postMessage({ type: 'ready', startMs: performance.now() - startedAt });
      return spice;
    });
  }
  return simulator;
}

async function run({ id, deck }: SpiceWorkerRequest): Promise<SpiceWorkerResponse> {
  let spice: SpiceSimulator;
  try {
    spice = await started();
  } catch (error) {
    simulator = null;
    return { type: 'error', id, message: `The simulator did not start: ${String(error)}`, log: '' };
  }
  scope.postMessage({ type: 'simulating', id });
  const startedAt = performance.now();
  try {
    const { result, messages } = await spice.run(deck);
    if (ngspiceFailed(messages)) {
      return { type: 'error', id, message: 'ngspice could not run this netlist.', log: ngspiceLog(messages) };
    }
    return { type: 'result', id, run: { result, messages, runMs: performance.now() - startedAt } };
  } catch (error) {
    return { type: 'error', id, message: `ngspice stopped: ${String(error)}`, log: '' };
  }
}

scope.addEventListener('message', (event) => {
  void run(event.data).then((response) => scope.postMessage(response));
});

// The page's one AudioContext, created on the reader's first Play (or Download), and Tone.js, loaded only when a
// program has to be synthesized and then pointed at that context. Leaves out: the graphs (safety.ts, abPlayer.ts).
import { CHUNK_LOAD_MESSAGE, retryingImport } from '../lib/retryImport';
import { ensureSafetyModule } from './safety';

type ToneModule = typeof import('tone');

/**
 * Tone's global-context module alone. Tone's index makes an AudioContext of its own when it is first evaluated
 * (for Tone.Transport, Tone.Destination…) unless a context is already set, so ours is set through this first.
 */
const loadToneGlobal = retryingImport(async () => {
  const [global, { Context }] = await Promise.all([import('tone/build/esm/core/Global.js'), import('tone/build/esm/core/context/Context.js')]);
  return { setContext: global.setContext, Context };
});
const loadToneIndex = retryingImport(() => import('tone'));

/** Audio could not start; the message is written for the reader. */
export class AudioStartError extends Error {
  override name = 'AudioStartError';
}

const MESSAGES = {
  noWebAudio: "This browser can't play sound from a web page (no Web Audio). Try a current Firefox, Chrome, Edge or Safari.",
  engineLoad: CHUNK_LOAD_MESSAGE,
  create: 'The browser refused to open an audio output. Close other tabs playing sound and press Play again.',
  blocked: "The browser didn't let sound start. Press Play again (sound can only start from a click or key press).",
  worklet: "The sound safety limiter couldn't start. It needs a secure (https) page and a current browser.",
} as const;

/** How long ctx.resume() may take before we report that sound is blocked. */
const RESUME_TIMEOUT_MS = 3000;

/** The page's AudioContext (made without Tone.js: sound is native nodes, so Play never waits for Tone to load). */
let sharedContext: AudioContext | null = null;
/** Tone.js with its global context set to the shared AudioContext, once loaded. */
let tonePromise: Promise<ToneModule> | null = null;
/** The AudioContext Tone was last pointed at (kept across a failed attempt, so a retry opens no second one). */
let toneContext: AudioContext | null = null;

/**
 * The shared AudioContext as it is, created on first call (or again if closed) and not started: a Play makes it at
 * once, so the program can be read and the chains designed for its rate while getAudioContext starts it.
 * Throws AudioStartError with a reader-facing message when there is no Web Audio or no context can be made.
 */
export function openAudioContext(): AudioContext {
  if (sharedContext && sharedContext.state !== 'closed') return sharedContext;
  if (typeof AudioContext === 'undefined') throw new AudioStartError(MESSAGES.noWebAudio);
  try {
    sharedContext = new AudioContext({ latencyHint: 'interactive' });
  } catch {
    throw new AudioStartError(MESSAGES.create);
  }
  return sharedContext;
}

async function createTone(): Promise<ToneModule> {
  // Keep Tone's version banner out of the reader's console.
  (globalThis as { TONE_SILENCE_LOGGING?: boolean }).TONE_SILENCE_LOGGING = true;
  let toneGlobal: Awaited<ReturnType<typeof loadToneGlobal>>;
  try {
    toneGlobal = await loadToneGlobal();
  } catch {
    throw new AudioStartError(MESSAGES.engineLoad);
  }
  const context = openAudioContext();
  if (toneContext !== context) {
    // Set before Tone's index first runs, so Tone never opens a context of its own; an earlier (closed) one is disposed.
    // The site schedules nothing on Tone's live clock (sound is native nodes; the music loop renders offline), so that
    // clock ticks on timeouts rather than in a worker made from a blob: URL, which the Content-Security-Policy forbids.
    toneGlobal.setContext(new toneGlobal.Context({ context, clockSource: 'timeout' }), toneContext !== null);
    toneContext = context;
  }
  try {
    return await loadToneIndex();
  } catch {
    throw new AudioStartError(MESSAGES.engineLoad);
  }
}

/**
 * Tone.js, loaded by dynamic import, with its global context set to the shared AudioContext (which
 * this creates if needed, without starting it). For rendering with Tone.Offline. A failed attempt is forgotten so a
 * retry can succeed; a context closed since is replaced and Tone pointed at the new one.
 */
export async function loadTone(): Promise<ToneModule> {
  if (tonePromise && toneContext && toneContext.state === 'closed') tonePromise = null;
  tonePromise ??= createTone().catch((error: unknown) => {
    tonePromise = null;
    throw error;
  });
  return tonePromise;
}

const isRunning = (context: BaseAudioContext): boolean => context.state === 'running';

async function resumeWithin(context: AudioContext, timeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  try {
    await Promise.race([context.resume(), timeout]);
  } catch {
    // A refused resume leaves the context suspended, which the caller reports.
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The shared AudioContext, running, with the safety limiter's worklet module added. Creates it on
 * first call (without Tone.js, which loadTone brings when needed). Call it from the click or
 * key press that starts sound. Throws AudioStartError with a reader-facing message on failure.
 */
export async function getAudioContext(): Promise<AudioContext> {
  const context = openAudioContext();
  if (!isRunning(context)) await resumeWithin(context, RESUME_TIMEOUT_MS);
  if (!isRunning(context)) throw new AudioStartError(MESSAGES.blocked);
  try {
    await ensureSafetyModule(context);
  } catch {
    throw new AudioStartError(MESSAGES.worklet);
  }
  return context;
}

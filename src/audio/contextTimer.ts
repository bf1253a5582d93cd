// Running main-thread code once the audio clock (not the wall clock) has passed a time, e.g. to
// disconnect a node only after its fade-out has really been rendered. Leaves out: sample accuracy.

/** Wall-clock margin added to each wait, ms (timers are coarse; the audio clock advances in blocks). */
const SLACK_MS = 20;
/** Re-check interval while the context is suspended, ms. */
const SUSPENDED_POLL_MS = 100;

/**
 * Call `callback` once ctx.currentTime ≥ time. Waits by timers and re-checks the audio clock,
 * so a late or glitching audio thread delays the callback instead of cutting audio short. While
 * the context is suspended it keeps waiting; a closed context runs the callback at once.
 * Returns a function that cancels the callback.
 */
export function atContextTime(ctx: BaseAudioContext, time: number, callback: () => void): () => void {
  let handle: ReturnType<typeof setTimeout> | undefined;
  let cancelled = false;
  const check = () => {
    if (cancelled) return;
    const remainingSeconds = time - ctx.currentTime;
    if (ctx.state === 'closed' || remainingSeconds <= 0) {
      callback();
      return;
    }
    const delayMs = ctx.state === 'running' ? remainingSeconds * 1000 + SLACK_MS : SUSPENDED_POLL_MS;
    handle = setTimeout(check, delayMs);
  };
  check();
  return () => {
    cancelled = true;
    clearTimeout(handle);
  };
}

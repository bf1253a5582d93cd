// Every AudioWorklet module the site's graphs use (the safety limiter and the DAC models: quantizer, low-rate DAC, jitter), added to a
// context — live or offline — once. Leaves out: the processors themselves.
import limiterWorkletUrl from './limiter.worklet.ts?worker&url';
import jitterWorkletUrl from './jitter.worklet.ts?worker&url';
import lowRateDacWorkletUrl from './lowRateDac.worklet.ts?worker&url';
import quantizerWorkletUrl from './quantizer.worklet.ts?worker&url';

const WORKLET_URLS = [limiterWorkletUrl, quantizerWorkletUrl, lowRateDacWorkletUrl, jitterWorkletUrl] as const;
const modules = new WeakMap<BaseAudioContext, Promise<void>>();

/** Adds every module to `ctx` once; must finish before any chain or safety stage is built on it. */
export function ensureWorkletModules(ctx: BaseAudioContext): Promise<void> {
  let added = modules.get(ctx);
  if (!added) {
    const worklet: AudioWorklet | undefined = ctx.audioWorklet;
    added = worklet
      ? Promise.all(WORKLET_URLS.map((url) => worklet.addModule(url))).then(() => undefined)
      : Promise.reject(new Error('AudioWorklet is not available (it needs a secure context)'));
    modules.set(ctx, added);
    added.catch(() => modules.delete(ctx));
  }
  return added;
}

// The AudioWorklet modules the site's graphs use (the safety limiter and the DAC models: quantizer, low-rate DAC,
// jitter), each added to a context once. Chromium keeps the memory of every OfflineAudioContext that had a worklet
// module added (its rendered buffer included), so only the live context gets them: offline renders run the
// limiter and the DAC stages on the main thread (limiterOutput.ts, offlineDac.ts). Leaves out: the processors.
import type { ChainSettings } from './chainSettings';
import limiterWorkletUrl from './limiter.worklet.ts?worker&url';
import jitterWorkletUrl from './jitter.worklet.ts?worker&url';
import lowRateDacWorkletUrl from './lowRateDac.worklet.ts?worker&url';
import quantizerWorkletUrl from './quantizer.worklet.ts?worker&url';

/** One worklet module: the processor it registers. */
export type WorkletModule = 'limiter' | 'quantizer' | 'lowRateDac' | 'jitter';

const WORKLET_URLS: Readonly<Record<WorkletModule, string>> = {
  limiter: limiterWorkletUrl,
  quantizer: quantizerWorkletUrl,
  lowRateDac: lowRateDacWorkletUrl,
  jitter: jitterWorkletUrl,
};

/** Every module, for the live context (one per page, so adding all of them up front costs nothing per Play). */
export const ALL_WORKLET_MODULES: readonly WorkletModule[] = ['limiter', 'quantizer', 'lowRateDac', 'jitter'];

const added = new WeakMap<BaseAudioContext, Map<WorkletModule, Promise<void>>>();

/** The modules buildChain(settings) needs: one per DAC stage it has (none for filters, shapers, clippers, noise, hum). */
export function chainWorkletModules(settings: ChainSettings): WorkletModule[] {
  const modules: WorkletModule[] = [];
  if (settings.quantizer) modules.push('quantizer');
  if (settings.lowRateDac) modules.push('lowRateDac');
  if (settings.jitter) modules.push('jitter');
  return modules;
}

/** Adds each of `modules` to `ctx` once; must finish before a node of theirs is built on it. */
export function ensureWorkletModules(ctx: BaseAudioContext, modules: readonly WorkletModule[] = ALL_WORKLET_MODULES): Promise<void> {
  if (modules.length === 0) return Promise.resolve();
  let forContext = added.get(ctx);
  if (!forContext) {
    forContext = new Map();
    added.set(ctx, forContext);
  }
  const table = forContext;
  const worklet: AudioWorklet | undefined = ctx.audioWorklet;
  return Promise.all(
    modules.map((module) => {
      let adding = table.get(module);
      if (!adding) {
        adding = worklet ? worklet.addModule(WORKLET_URLS[module]) : Promise.reject(new Error('AudioWorklet is not available (it needs a secure context)'));
        table.set(module, adding);
        adding.catch(() => table.delete(module));
      }
      return adding;
    }),
  ).then(() => undefined);
}

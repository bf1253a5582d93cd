// Browser-test probes for audio resources: how many AudioContexts and OfflineAudioContexts a page constructs, how
// many are live, which offline contexts were given AudioWorklet modules, and the renderer processes' resident memory.
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export interface AudioCounts {
  /** AudioContexts constructed, and of those, how many are not closed. */
  live: number;
  liveOpen: number;
  /** OfflineAudioContexts constructed, and how many of them had an AudioWorklet module added. */
  offline: number;
  offlineWithWorklets: number;
}

/**
 * Before any page script runs: wraps AudioContext, OfflineAudioContext and AudioWorklet.addModule so the page counts
 * constructions (whoever constructs them: the site, Tone.js, …) and the offline contexts that get worklet modules.
 * Offline contexts are counted, never held (holding them would itself keep their buffers alive).
 */
export async function countAudioContexts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const live: AudioContext[] = [];
    const offlineContexts = new WeakSet<BaseAudioContext>();
    const counted = { offline: 0, offlineWithWorklets: 0 };
    const withWorklets = new WeakSet<BaseAudioContext>();
    const worklets = new WeakMap<AudioWorklet, BaseAudioContext>();
    const NativeLive = window.AudioContext;
    const NativeOffline = window.OfflineAudioContext;
    window.AudioContext = class extends NativeLive {
      constructor(options?: AudioContextOptions) {
        super(options);
        live.push(this);
        worklets.set(this.audioWorklet, this);
      }
    };
    window.OfflineAudioContext = class extends NativeOffline {
      constructor(...args: [OfflineAudioContextOptions] | [number, number, number]) {
        if (args.length === 1) super(args[0]);
        else super(args[0], args[1], args[2]);
        counted.offline++;
        offlineContexts.add(this);
        worklets.set(this.audioWorklet, this);
      }
    } as typeof OfflineAudioContext;
    const addModule = AudioWorklet.prototype.addModule;
    AudioWorklet.prototype.addModule = function (this: AudioWorklet, ...args: Parameters<AudioWorklet['addModule']>) {
      const ctx = worklets.get(this);
      if (ctx && offlineContexts.has(ctx) && !withWorklets.has(ctx)) {
        withWorklets.add(ctx);
        counted.offlineWithWorklets++;
      }
      return addModule.apply(this, args);
    };
    (window as unknown as { __audioCounts: () => unknown }).__audioCounts = () => ({
      live: live.length,
      liveOpen: live.filter((ctx) => ctx.state !== 'closed').length,
      offline: counted.offline,
      offlineWithWorklets: counted.offlineWithWorklets,
    });
  });
}

/** The counts so far (countAudioContexts must have been installed before the page loaded). */
export function audioCounts(page: Page): Promise<AudioCounts> {
  return page.evaluate(() => (window as unknown as { __audioCounts: () => AudioCounts }).__audioCounts());
}

/**
 * Resident memory (VmRSS) of the browser's renderer processes, MB, read from /proc (Linux, where the tests run).
 * This is where a leaked OfflineAudioContext's buffers live; the JavaScript heap does not show them.
 */
export async function rendererMemoryMb(browser: Browser): Promise<number> {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { id: number; type: string }[] };
  await session.detach();
  let kilobytes = 0;
  for (const process of processInfo.filter((p) => p.type === 'renderer')) {
    const status = readFileSync(`/proc/${process.id}/status`, 'utf8');
    kilobytes += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  }
  expect(kilobytes, 'renderer memory readable from /proc').toBeGreaterThan(0);
  return kilobytes / 1024;
}

/** The panel inside a widget. */
export const panelOf = (widget: Locator): Locator => widget.locator('.listening-panel');

/** Press Play and wait until the panel plays. */
export async function playAndWait(widget: Locator): Promise<void> {
  await widget.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(panelOf(widget)).toHaveAttribute('data-play-state', 'playing', { timeout: 30_000 });
}

/** Press Stop and wait until the panel has stopped. */
export async function stopAndWait(widget: Locator): Promise<void> {
  await widget.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(panelOf(widget)).toHaveAttribute('data-play-state', 'stopped');
}

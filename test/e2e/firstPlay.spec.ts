// First Play on a fresh page: A is heard before B's loudness match is measured, B is never heard unmatched (a choice
// of B waits for the match), and the synthesized music loop is kept across pages, sample for sample, so a later page
// plays it without Tone.js.
import { expect, test, type Page } from '@playwright/test';
import { hydrateWidget, setRange } from './helpers';
import { panelOf } from './audioProbes';

const LESSON = '/lessons/output-impedance/';
const WIDGET = '[data-widget="output-impedance"]';
const MATCHING = /Matching B’s loudness/;
/** Offline renders (the loudness match) are held back this long, so the match is surely not ready at Play, ms. */
const MATCH_DELAY_MS = 3000;

declare global {
  interface Window {
    __levelsDb: { t: number; db: number }[];
    __looped: { length: number; hash: string; sampleRate: number }[];
    __loopRenders: number;
    __toneCoreRuns: number;
  }
}

/** Before page scripts: an AnalyserNode on every connection to a live destination, level readings every 10 ms. */
async function recordOutputLevels(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__levelsDb = [];
    const connect = AudioNode.prototype.connect as (this: AudioNode, destination: AudioNode, ...rest: number[]) => AudioNode;
    let analyser: AnalyserNode | null = null;
    AudioNode.prototype.connect = function (this: AudioNode, destination: AudioNode | AudioParam, ...rest: number[]) {
      if (destination instanceof AudioParam) return (connect as unknown as (d: AudioParam, o?: number) => void).call(this, destination, rest[0]);
      const result = connect.call(this, destination, ...rest);
      if (destination instanceof AudioDestinationNode && this.context instanceof AudioContext) {
        if (!analyser) {
          const probe = new AnalyserNode(this.context, { fftSize: 2048 });
          analyser = probe;
          const data = new Float32Array(2048);
          setInterval(() => {
            probe.getFloatTimeDomainData(data);
            let sum = 0;
            for (const x of data) sum += x * x;
            window.__levelsDb.push({ t: performance.now(), db: 10 * Math.log10(sum / data.length) });
          }, 10);
        }
        connect.call(this, analyser);
      }
      return result;
    } as typeof AudioNode.prototype.connect;
  });
}

test('A plays before B’s loudness match is ready, a choice of B waits for it, and the level never jumps', async ({ page }) => {
  test.setTimeout(90_000);
  await recordOutputLevels(page);
  await page.addInitScript((delayMs) => {
    const render = OfflineAudioContext.prototype.startRendering;
    OfflineAudioContext.prototype.startRendering = function (this: OfflineAudioContext) {
      return new Promise<void>((resolve) => setTimeout(resolve, delayMs)).then(() => render.call(this));
    };
  }, MATCH_DELAY_MS);
  await page.goto(LESSON);
  const widget = await hydrateWidget(page, WIDGET);
  await widget.getByRole('combobox', { name: 'Headphone', exact: true }).selectOption({ label: 'Multi-driver balanced-armature IEM' });
  await setRange(widget.getByRole('slider', { name: 'Output impedance', exact: true }), 75);
  await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: 'Pink noise' });
  await widget.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(panelOf(widget)).toHaveAttribute('data-play-state', 'playing');
  // Playing while the match is still being measured: A did not wait for it.
  await expect(panelOf(widget).locator('p.panel-message[role="status"]')).toHaveText(MATCHING);
  await page.waitForFunction(() => window.__levelsDb.some((l) => l.db > -120));
  const heardAt = await page.evaluate(() => window.__levelsDb.find((l) => l.db > -120)?.t ?? Number.NaN);
  // A is heard while the match is still pending.
  await expect(panelOf(widget).locator('p.panel-message[role="status"]')).toHaveText(MATCHING);
  // Choose B while the match is pending: it is queued, A goes on.
  await page.waitForTimeout(600);
  await widget.getByRole('radio', { name: /^B/ }).check();
  const choseBAt = await page.evaluate(() => performance.now());
  await expect(panelOf(widget).locator('p.panel-message[role="status"]')).not.toHaveText(MATCHING, { timeout: 30_000 });
  const releasedAt = await page.evaluate(() => performance.now());
  // Readings for two whole 250 ms bins of the matched B (a fixed wait gave one on a busy machine).
  await page.waitForFunction((after) => window.__levelsDb.some((l) => l.t > after), releasedAt + 150 + 3 * 250);
  const levels = await page.evaluate(() => window.__levelsDb);
  // Levels in 250 ms bins (power averaged), from the end of the fade-in and one analyser window on.
  const bins = new Map<number, number[]>();
  for (const { t, db } of levels.filter((l) => l.t > heardAt + 150)) {
    const bin = Math.floor((t - heardAt) / 250);
    bins.set(bin, [...(bins.get(bin) ?? []), 10 ** (db / 10)]);
  }
  const binned = [...bins].map(([bin, powers]) => ({ t: heardAt + bin * 250, db: 10 * Math.log10(powers.reduce((s, p) => s + p, 0) / powers.length) }));
  const aLevels = binned.filter((l) => l.t + 250 < choseBAt).map((l) => l.db);
  expect(aLevels.length).toBeGreaterThan(0);
  const aDb = aLevels.reduce((s, x) => s + x, 0) / aLevels.length;
  expect(binned.filter((l) => l.t > releasedAt + 150).length).toBeGreaterThan(1);
  // From A alone, through the wait for the match, to the matched B: always within 2.5 dB of A.
  for (const { db } of binned) expect(Math.abs(db - aDb)).toBeLessThan(2.5);
  await widget.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(panelOf(widget)).toHaveAttribute('data-play-state', 'stopped');
});

test('the music loop made on one page is played, sample for sample, on the next without synthesizing it again or loading Tone.js', async ({ context }) => {
  test.setTimeout(120_000);
  await context.addInitScript(() => {
    // Tone's core reads window.TONE_SILENCE_LOGGING once when it is evaluated (Global.js), and nothing else reads it.
    window.__toneCoreRuns = 0;
    Object.defineProperty(window, 'TONE_SILENCE_LOGGING', {
      get: () => {
        window.__toneCoreRuns++;
        return true;
      },
      set: () => undefined,
      configurable: true,
    });
    // A seeded Math.random, so every synthesis of the loop (its noise included) is the same.
    let seed = 12345;
    Math.random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    window.__looped = [];
    window.__loopRenders = 0;
    const NativeOffline = window.OfflineAudioContext;
    window.OfflineAudioContext = class extends NativeOffline {
      constructor(...args: [OfflineAudioContextOptions] | [number, number, number]) {
        if (args.length === 1) super(args[0]);
        else super(args[0], args[1], args[2]);
        // The loop is rendered 8 s + 1 s of tails long (musicLoop.ts).
        if (Math.abs(this.length / this.sampleRate - 9) < 0.01) window.__loopRenders++;
      }
    } as typeof OfflineAudioContext;
    const NativeSource = window.AudioBufferSourceNode;
    window.AudioBufferSourceNode = class extends NativeSource {
      constructor(ctx: BaseAudioContext, options?: AudioBufferSourceOptions) {
        super(ctx, options);
        const buffer = options?.buffer;
        if (ctx instanceof AudioContext && buffer && options?.loop) {
          let hash = 0x811c9dc5;
          for (let channel = 0; channel < buffer.numberOfChannels; channel++) {
            for (const word of new Uint32Array(buffer.getChannelData(channel).slice().buffer)) hash = Math.imul(hash ^ word, 0x01000193);
          }
          window.__looped.push({ length: buffer.length, hash: (hash >>> 0).toString(16), sampleRate: buffer.sampleRate });
        }
      }
    } as typeof AudioBufferSourceNode;
  });
  const playMusic = async () => {
    const page = await context.newPage();
    await page.goto(LESSON);
    const widget = await hydrateWidget(page, WIDGET);
    await widget.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(panelOf(widget)).toHaveAttribute('data-play-state', 'playing', { timeout: 30_000 });
    await page.waitForFunction(() => window.__looped.length > 0);
    // The loop is stored (in the background) under a key naming the synthesis version and the rate.
    await page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('amp-lab-programs');
          open.onerror = () => resolve(false);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('programs')) return resolve(false);
            const keys = db.transaction('programs').objectStore('programs').getAllKeys();
            keys.onsuccess = () => resolve(keys.result.some((k) => String(k).startsWith('music|')));
            keys.onerror = () => resolve(false);
          };
        }),
    );
    const result = await page.evaluate(() => ({ looped: window.__looped[0], renders: window.__loopRenders, toneCoreRuns: window.__toneCoreRuns }));
    await widget.getByRole('button', { name: 'Stop', exact: true }).click();
    await page.close();
    return result;
  };
  const first = await playMusic();
  expect(first.renders).toBe(1);
  expect(first.toneCoreRuns).toBe(1);
  expect(first.looped?.length).toBe(8 * (first.looped?.sampleRate ?? Number.NaN));
  const second = await playMusic();
  expect(second.renders).toBe(0);
  // Sound is native nodes: with the loop stored, Play never waits for Tone.js.
  expect(second.toneCoreRuns).toBe(0);
  expect(second.looped).toEqual(first.looped);
});

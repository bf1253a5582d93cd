// Shared browser-test helpers: page list from the build, island hydration, slider setting, WAV download.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { decodeWav } from '../../src/audio/wav';

const DIST = 'dist';

/** Every HTML page the build produced, as site paths ("/", "/lessons/x/", "/404.html"). */
export function builtPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) {
        const rel = relative(DIST, path).split('\\').join('/');
        pages.push(rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`);
      }
    }
  };
  walk(DIST);
  return pages.sort();
}

/** Waits until every Astro island on the page has hydrated (the `ssr` attribute is removed then). */
export async function waitForIslands(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
}

/**
 * Reaches for an element the way a reader does before using it: scrolls to it and puts the pointer over it. Lesson
 * widgets hydrate on that first intent (`client:intent`, src/lib/hydrateOnIntent.ts), not on sight.
 */
export async function reachFor(target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.evaluateHandle((element) => {
    const visible = [element, ...element.querySelectorAll('*')].find((e) => {
      const rect = e.getBoundingClientRect();
      return rect.width > 0 && rect.height > 0;
    });
    return visible ?? element;
  });
  const element = box.asElement();
  if (!element) throw new Error('reachFor: the element is gone');
  // Two hovers a few pixels apart: Playwright waits until the element is stable and hit by the pointer (a widget
  // hydrating above may still move it), and the second is a real movement (a pointer the page merely scrolled
  // under is not intent).
  const rect = await element.boundingBox();
  await element.hover();
  if (rect) await element.hover({ position: { x: Math.min(rect.width - 1, rect.width / 2 + 3), y: Math.min(rect.height - 1, rect.height / 2 + 3) } });
  await box.dispose();
}

/** Reaches for every island in turn (scroll to it, pointer over it) and waits until all have hydrated. */
export async function hydrateAll(page: Page): Promise<void> {
  for (const island of await page.locator('astro-island').all()) {
    if (await island.evaluate((element) => element.hasAttribute('ssr'))) await reachFor(island);
  }
  await waitForIslands(page);
}

/** Reaches for a widget (scroll to it, pointer over it: islands hydrate on intent) and waits for its island to hydrate. */
export async function hydrateWidget(page: Page, selector: string): Promise<Locator> {
  const widget = page.locator(selector);
  await reachFor(widget);
  await page.waitForFunction((s) => {
    const island = document.querySelector(s)?.closest('astro-island');
    return island !== null && island !== undefined && !island.hasAttribute('ssr');
  }, selector);
  return widget;
}

/** Waits until the island around a widget has hydrated, without reaching for it (for tests that act otherwise first). */
export async function waitForHydration(widget: Locator): Promise<void> {
  await widget.evaluate((element) => new Promise<void>((resolve) => {
    const island = element.closest('astro-island');
    const check = () => {
      if (island?.hasAttribute('ssr')) return;
      observer.disconnect();
      resolve();
    };
    const observer = new MutationObserver(check);
    if (island) observer.observe(island, { attributes: true, attributeFilter: ['ssr'] });
    check();
  }));
}

/** Sets a range input the way a drag would end: value then an input event. */
export async function setRange(slider: Locator, value: number): Promise<void> {
  await slider.evaluate((element, v) => {
    const input = element as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, String(v));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Clicks a download button and decodes the WAV it produces. */
export async function downloadWav(
  page: Page,
  buttonName: string,
  within: Page | Locator = page,
): Promise<{ sampleRateHz: number; channels: Float32Array[]; fileName: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    within.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  const bytes = await readDownload(download);
  return { ...decodeWav(bytes), fileName: download.suggestedFilename() };
}

async function readDownload(download: Download): Promise<Uint8Array> {
  const path = await download.path();
  return new Uint8Array(readFileSync(path));
}

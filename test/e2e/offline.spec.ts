// Offline and install: the service worker (scripts/serviceWorker.mjs, Workbox) keeps a lesson read once, with its
// widgets and sound; a page never visited shows the offline page; the web app manifest makes the site installable;
// a new deploy waits for the reader's Reload. The other specs block service workers (playwright.config.ts).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/browser.mjs';
import { PAGES_CACHE } from '../../src/components/offline/pagesCache';
import { peakAbs } from '../../src/dsp/spectrum';
import { builtPages, downloadWav, hydrateWidget } from './helpers';

test.use({ serviceWorkers: 'allow' });

const LESSON = '/lessons/output-impedance/';
const LESSON_TITLE = 'Output impedance and your headphones';
const WIDGET = '[data-widget="output-impedance"]';
const PRECACHE_LIMIT_BYTES = 3 * 1024 * 1024;

/** What the page's audio did, recorded by an init script: worklet modules loaded and live contexts that ran. */
interface AudioAudit {
  workletModules: string[];
  workletFailures: string[];
  contexts: Set<BaseAudioContext>;
}
type AuditedWindow = Window & { audioAudit: AudioAudit };

function auditAudio(): void {
  const audit: AudioAudit = { workletModules: [], workletFailures: [], contexts: new Set() };
  (window as unknown as AuditedWindow).audioAudit = audit;
  const addModule = AudioWorklet.prototype.addModule;
  AudioWorklet.prototype.addModule = function (this: AudioWorklet, url: string | URL, options?: WorkletOptions) {
    const loading = addModule.call(this, url, options);
    loading.then(
      () => audit.workletModules.push(String(url)),
      () => audit.workletFailures.push(String(url)),
    );
    return loading;
  };
  const connect = AudioNode.prototype.connect as (this: AudioNode, ...args: unknown[]) => unknown;
  AudioNode.prototype.connect = function (this: AudioNode, ...args: unknown[]) {
    audit.contexts.add(this.context);
    return connect.apply(this, args);
  } as typeof AudioNode.prototype.connect;
}

/** Waits until the service worker controls the page and keeps `path` in its pages cache. */
async function waitUntilSaved(page: Page, path: string): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  // page.waitForFunction takes a returned promise as truthy, so the cache is polled from here.
  const saved = () => page.evaluate(async ({ cacheName, url }) => (await (await caches.open(cacheName)).match(url)) !== undefined, { cacheName: PAGES_CACHE, url: path });
  await expect.poll(saved, { timeout: 30_000 }).toBe(true);
}

/** The precache manifest Workbox wrote into dist/sw.js: each entry's URL, relative to the site's base. */
function precachedUrls(): string[] {
  const sw = readFileSync('dist/sw.js', 'utf8');
  return [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1] ?? '');
}

test('a lesson read once opens offline: it renders, its widget hydrates, Play sounds and Download B works', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.addInitScript(auditAudio);
  await page.goto(LESSON);
  await waitUntilSaved(page, LESSON);

  await context.setOffline(true);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LESSON_TITLE);
  const widget = await hydrateWidget(page, WIDGET);

  // Tone.js, the listening code and the worklets were never loaded online: they come from the precache.
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect(widget.locator('[data-play-state="playing"]')).toHaveCount(1, { timeout: 20_000 });
  const running = await page.evaluate(async () => {
    const audit = (window as unknown as AuditedWindow).audioAudit;
    const live = [...audit.contexts].filter((c): c is AudioContext => c instanceof AudioContext && c.state === 'running');
    const before = live.map((c) => c.currentTime);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { advanced: live.filter((c, i) => c.currentTime > (before[i] ?? 0)).length, modules: audit.workletModules, failures: audit.workletFailures };
  });
  expect(running.advanced).toBeGreaterThanOrEqual(1);
  expect(running.modules.some((url) => /limiter\.worklet/.test(url))).toBe(true);
  expect(running.failures).toEqual([]);
  await widget.getByRole('button', { name: 'Stop' }).click();

  // Offline, Download B renders exactly what it renders online.
  const offline = await downloadWav(page, 'Download B');
  await context.setOffline(false);
  const online = await downloadWav(page, 'Download B');
  expect(offline.fileName).toMatch(/-B\.wav$/);
  expect(offline.channels[0]?.length).toBeGreaterThanOrEqual(offline.sampleRateHz * 9.5);
  expect(offline.channels.length).toBe(online.channels.length);
  offline.channels.forEach((channel, i) => {
    const reference = online.channels[i] ?? new Float32Array();
    expect(channel.length).toBe(reference.length);
    expect(peakAbs(channel)).toBeGreaterThan(0.01);
    expect(peakAbs(channel.map((x, n) => x - (reference[n] ?? 0)))).toBe(0);
  });
});

test('offline, a page never visited shows the offline page, which lists the lessons saved on this device', async ({ page, context }) => {
  await page.goto(LESSON);
  await waitUntilSaved(page, LESSON);
  await context.setOffline(true);
  await page.goto('/lessons/jitter/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("You're offline");
  const saved = page.locator('[data-saved-lessons]');
  await expect(saved.getByRole('link')).toHaveText([LESSON_TITLE]);
  await expect(page.getByText('These lessons are saved on this device')).toBeVisible();
  await saved.getByRole('link', { name: LESSON_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LESSON_TITLE);
});

test('the precache holds every script, style, worklet and woff2 font, no file over 3 MB and no page but the offline one', () => {
  const urls = precachedUrls();
  const expected = builtAstroFiles().filter((file) => /\.(js|css|woff2)$/.test(file.name) && file.bytes <= PRECACHE_LIMIT_BYTES).map((file) => `_astro/${file.name}`);
  expect(expected.some((url) => /limiter\.worklet/.test(url))).toBe(true);
  expect(urls).toEqual(expect.arrayContaining(expected));
  expect(urls.filter((url) => url.endsWith('.html'))).toEqual(['offline/index.html']);
  for (const url of urls) expect(statBytes(`dist/${url}`), url).toBeLessThanOrEqual(PRECACHE_LIMIT_BYTES);
});

test('every page links the web app manifest, and Chromium finds the site installable with icons that load', async ({ playwright, baseURL }) => {
  for (const path of builtPages()) {
    const html = readFileSync(`dist${path.endsWith('/') ? `${path}index.html` : path}`, 'utf8');
    expect(html, path).toContain('<link rel="manifest" href="/manifest.webmanifest">');
  }
  // Chromium never offers to install from an incognito profile, which a fresh Playwright context is: use a real one.
  const profile = mkdtempSync(join(tmpdir(), 'amp-lab-install-'));
  const browser = findChromium();
  const context = await playwright.chromium.launchPersistentContext(profile, {
    executablePath: browser?.source === 'system' ? browser.executablePath : undefined,
    args: CHROMIUM_ARGS,
    baseURL,
    serviceWorkers: 'allow',
  });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: { message: string }[]; data?: string };
    expect(manifest.errors).toEqual([]);
    const data = JSON.parse(manifest.data ?? '{}') as { icons: { src: string; sizes: string; type: string }[] };
    expect(data).toMatchObject({ name: 'Amp Lab', short_name: 'Amp Lab', start_url: './', scope: './', display: 'standalone', theme_color: '#0b5cad', background_color: '#fbfaf7' });
    const installability = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installability.installabilityErrors).toEqual([]);
    for (const icon of data.icons) {
      const size = await page.evaluate(async (src) => {
        const image = new Image();
        image.src = new URL(src, new URL('/manifest.webmanifest', location.href)).href;
        await image.decode();
        return { width: image.naturalWidth, height: image.naturalHeight };
      }, icon.src);
      if (icon.sizes === 'any') expect(size.width, icon.src).toBeGreaterThan(0);
      else expect(`${size.width}x${size.height}`, icon.src).toBe(icon.sizes);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('"Install Amp Lab" shows only once the browser offers to install, and opens its dialog', async ({ page }) => {
  await page.goto('/');
  const install = page.getByRole('button', { name: 'Install Amp Lab' });
  await expect(install).toBeHidden();
  await page.evaluate(() => {
    const offer = new Event('beforeinstallprompt', { cancelable: true });
    Object.assign(offer, {
      prompt: () => {
        document.body.dataset['installPrompted'] = 'yes';
        return Promise.resolve();
      },
    });
    window.dispatchEvent(offer);
  });
  await expect(install).toBeVisible();
  await expectNoAxeViolations(page, '[data-install-offer]');
  await install.click();
  await expect(page.locator('body')).toHaveAttribute('data-install-prompted', 'yes');
  await expect(install).toBeHidden();
});

test('a new deploy waits: the page says a new version is ready, and Reload brings it in', async ({ page }) => {
  await page.goto(LESSON);
  await waitUntilSaved(page, LESSON);
  const notice = page.getByText('A new version of Amp Lab is ready.');
  await expect(notice).toBeHidden();
  // A worker with another script URL for the same scope is an update, as a deploy's changed sw.js is.
  const next = await page.evaluate(async () => (await navigator.serviceWorker.register('/sw.js?deploy=next', { scope: '/' })).installing?.scriptURL ?? '');
  expect(next).toMatch(/\/sw\.js\?deploy=next$/);
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expectNoAxeViolations(page, '[data-update-notice]');
  // Until the reader says so, the page keeps the worker it was loaded with.
  const waiting = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return { waiting: registration.waiting?.scriptURL, controller: navigator.serviceWorker.controller?.scriptURL };
  });
  expect(waiting.waiting).toBe(next);
  expect(waiting.controller).toMatch(/\/sw\.js$/);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload', exact: true }).click()]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LESSON_TITLE);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(next);
});

/** axe finds nothing in `selector`, in the light and the dark theme. */
async function expectNoAxeViolations(page: Page, selector: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).include(selector).analyze();
    expect(results.violations.map((v) => v.id), colorScheme).toEqual([]);
  }
}

test('offline, a script the waiting new version has precached is served although the old worker does not list it', async ({ page, context }) => {
  await page.goto(LESSON);
  await waitUntilSaved(page, LESSON);
  // What a deploy's new worker does while it waits: put its files in the precache, which the old worker still serves.
  const url = '/_astro/next-deploy-chunk.js';
  await page.evaluate(async (path) => {
    const precache = (await caches.keys()).find((name) => name.startsWith('workbox-precache'));
    if (precache === undefined) throw new Error('no precache');
    await (await caches.open(precache)).put(new URL(path, location.href).href, new Response('export const deploy = "next";', { headers: { 'content-type': 'text/javascript' } }));
  }, url);
  await context.setOffline(true);
  expect(await page.evaluate(async (path) => ((await import(path)) as { deploy: string }).deploy, url)).toBe('next');
});

function builtAstroFiles(): { name: string; bytes: number }[] {
  return readdirSync('dist/_astro').map((name) => ({ name, bytes: statBytes(`dist/_astro/${name}`) }));
}

function statBytes(path: string): number {
  return statSync(path).size;
}

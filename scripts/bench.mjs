// npm run bench: measures the budgets in DESIGN.md on the production build, in Chromium.
//  1. gzipped JS each page loads before the reader interacts (scrolled through, nothing clicked): ≤ 48 KB
//  2. recompute + redraw of every widget for one control step: median and p95 (scripts/benchRedraw.mjs, p95 ≤ 4 ms)
//  3. offline audio render speed of the widgets' B chains (10 s of the music loop), × realtime (triode stage ≥ 50×)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './browser.mjs';
import { benchRedraw, printRedraw, redrawWithinBudget } from './benchRedraw.mjs';

// BENCH_PORT lets two benches run side by side (each in its own checkout).
const PORT = Number(process.env.BENCH_PORT ?? 4323);
const BASE = `http://127.0.0.1:${PORT}`;
const JS_BUDGET_BYTES = 48 * 1024;
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

if (!process.argv.includes('--no-build')) {
  const status = spawnSync('npx', ['astro', 'build'], { stdio: 'inherit', env }).status;
  if (status !== 0) process.exit(status ?? 1);
}

const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], { env, stdio: 'ignore', detached: true });
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
process.on('exit', stopServer);

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${BASE}/`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('astro preview did not start');
}

/** Every HTML page of the build, as site paths. */
function builtPages(dir) {
  const pages = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) {
        const rel = relative(dir, path);
        pages.push(rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`);
      }
    }
  };
  walk(dir);
  return pages.sort();
}

/** Scrolls a widget into view (islands hydrate client:visible) and waits for its island to hydrate. */
async function hydrateWidget(page, selector) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.waitForFunction((s) => {
    const island = document.querySelector(s)?.closest('astro-island');
    return Boolean(island) && !island.hasAttribute('ssr');
  }, selector);
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

async function pageJs(browser, path) {
  const page = await browser.newPage();
  const bodies = new Map();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    try {
      bodies.set(response.url(), await response.body());
    } catch {
      /* redirected or aborted */
    }
  });
  await page.goto(BASE + path);
  for (let y = 0; y < 40; y++) {
    const done = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight * 0.8);
      return window.scrollY + window.innerHeight >= document.body.scrollHeight - 2;
    });
    await page.waitForTimeout(50);
    if (done) break;
  }
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
  await page.waitForLoadState('networkidle');
  const files = [...bodies].map(([url, body]) => ({ url: new URL(url).pathname, gzipBytes: gzipSync(body).length }));
  await page.close();
  return { path, files, gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
}

/** Offline render speed of one widget's B chain (Download B, four times; the first includes loading Tone and the loop). */
async function renderSpeed(browser, { path, selector }) {
  const context = await browser.newContext({ acceptDownloads: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${BASE}${path}`);
  await hydrateWidget(page, selector);
  const runs = [];
  const renders = [];
  for (let i = 0; i < 4; i++) {
    const t0 = Date.now();
    await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Download B', exact: true }).click()]);
    runs.push((Date.now() - t0) / 1000);
    // The render alone (graph, 10 s offline, no loudness matching or WAV encoding): the measure renderOffline leaves.
    renders.push(await page.evaluate(() => (performance.getEntriesByName('amp-lab:offline-render').at(-1)?.duration ?? Number.NaN) / 1000));
  }
  await context.close();
  const medianSeconds = quantile(runs.slice(1), 0.5);
  const renderSeconds = quantile(renders.slice(1), 0.5);
  return { renderedSeconds: 10, firstRunSeconds: runs[0], medianSeconds, timesRealtime: 10 / medianSeconds, renderSeconds, renderTimesRealtime: 10 / renderSeconds };
}

await waitForServer();
const browser = await chromium.launch(chromiumLaunchOptions());
const pages = [];
for (const path of builtPages('dist')) pages.push(await pageJs(browser, path));
const redraw = await benchRedraw(browser, BASE);
const render = await renderSpeed(browser, { path: '/lessons/output-impedance/', selector: '[data-widget="output-impedance"]' });
// The heaviest amplifier stage to solve is the triode (a Newton solve per curve point); its sound is a 4× oversampled
// waveshaper built from that curve.
const stageRender = await renderSpeed(browser, { path: '/lessons/tube-vs-solid-state/', selector: '[data-widget="amp-stage"]' });
await browser.close();
stopServer();

console.log('\nJS before interaction (gzipped), budget 48 KB per page:');
for (const p of pages) console.log(`  ${p.path.padEnd(30)} ${(p.gzipBytes / 1024).toFixed(1).padStart(6)} KB  ${p.gzipBytes <= JS_BUDGET_BYTES ? 'ok' : 'OVER BUDGET'}`);
printRedraw(redraw);
for (const [name, r] of [['output impedance', render], ['triode stage (budget ≥ 50×)', stageRender]]) {
  console.log(`\nOffline render of B, ${name} (10 s music loop, 48 kHz stereo): render alone ${r.renderSeconds.toFixed(3)} s → ${r.renderTimesRealtime.toFixed(0)}× realtime; whole Download B incl. loudness match and WAV encode ${r.medianSeconds.toFixed(2)} s → ${r.timesRealtime.toFixed(1)}× (first run incl. Tone.js load and loop synthesis: ${r.firstRunSeconds.toFixed(2)} s)`);
}

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', JSON.stringify({ pages, redraw, render, stageRender }, null, 2));
const STAGE_RENDER_BUDGET_TIMES_REALTIME = 50;
const ok =
  pages.every((p) => p.gzipBytes <= JS_BUDGET_BYTES) &&
  redrawWithinBudget(redraw) &&
  stageRender.renderTimesRealtime >= STAGE_RENDER_BUDGET_TIMES_REALTIME;
process.exit(ok ? 0 : 1);

// npm run bench: measures the budgets in DESIGN.md on the production build, in Chromium.
//  1. gzipped JS each page loads before the reader interacts (scrolled through, nothing clicked): ≤ 50 KB
//  2. recompute + redraw of the output-impedance widget and the matcher for one slider step: median and p95 (p95 ≤ 8 ms)
//  3. audio (scripts/benchAudio.mjs): every listening widget's whole Download B, × realtime; click → sound on Play
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './browser.mjs';
import { audioBudgetsMet, benchAudio, printAudio } from './benchAudio.mjs';

// BENCH_PORT lets two benches run side by side (each in its own checkout).
const PORT = Number(process.env.BENCH_PORT ?? 4323);
const BASE = `http://127.0.0.1:${PORT}`;
const JS_BUDGET_BYTES = 50 * 1024;
const REDRAW_BUDGET_P95_MS = 8;
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

/** Recompute + redraw time of one widget per slider step, stepping the slider with the input id through `values`. */
async function redrawTimes(browser, { path, selector, inputId, values }) {
  // No service worker: its precaching of the site's scripts on a first visit would run during the timed steps.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  await page.goto(`${BASE}${path}`);
  await hydrateWidget(page, selector);
  const times = await page.evaluate(async ({ inputId, values }) => {
    const input = document.getElementById(inputId);
    const readout = document.querySelector(`output[for="${inputId}"]`);
    if (!(input instanceof HTMLInputElement) || !readout) throw new Error('widget not found');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    const channel = new MessageChannel();
    const yieldToTask = () => new Promise((resolve) => { channel.port1.onmessage = resolve; channel.port2.postMessage(0); });
    const samples = [];
    for (const value of values) {
      const before = readout.textContent;
      const t0 = performance.now();
      setter?.call(input, String(value));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve();
      await Promise.resolve();
      document.body.getBoundingClientRect();
      const t1 = performance.now();
      if (readout.textContent === before) samples.push(Number.NaN);
      else samples.push(t1 - t0);
      await yieldToTask();
    }
    return samples;
  }, { inputId, values });
  await page.close();
  const valid = times.filter(Number.isFinite).slice(20);
  if (process.env.BENCH_DEBUG) console.log(times.slice(0, 30));
  if (valid.length < times.length / 2) throw new Error('the widget did not redraw synchronously after input; timings would be meaningless');
  return { steps: valid.length, medianMs: quantile(valid, 0.5), p95Ms: quantile(valid, 0.95) };
}

await waitForServer();
const browser = await chromium.launch(chromiumLaunchOptions());
const pages = [];
for (const path of builtPages('dist')) pages.push(await pageJs(browser, path));
// Output impedance: 10 … 69.5 Ω, then 70 … 129.5 Ω, in 0.5 Ω steps. Matcher: 60 … 110 dB SPL and back, 1 dB steps.
const redraw = await redrawTimes(browser, {
  path: '/lessons/output-impedance/',
  selector: '[data-widget="output-impedance"]',
  inputId: 'oi-zout',
  values: Array.from({ length: 240 }, (_, i) => 10 + (i % 120) * 0.5 + (i >= 120 ? 60 : 0)),
});
const matcherRedraw = await redrawTimes(browser, {
  path: '/lab/matcher/',
  selector: '[data-widget="matcher"]',
  inputId: 'm-level',
  values: Array.from({ length: 240 }, (_, i) => 60 + Math.abs(((i + 50) % 100) - 50)),
});
// The heaviest amplifier stage to solve is the triode (a Newton solve per curve point).
const stageRedraw = await redrawTimes(browser, {
  path: '/lessons/tube-vs-solid-state/',
  selector: '[data-widget="amp-stage"]',
  inputId: 'tvs-drive',
  values: Array.from({ length: 240 }, (_, i) => -40 + Math.abs(((i + 40) % 80) - 40)),
});
const audio = await benchAudio(browser, BASE);
await browser.close();
stopServer();

console.log('\nJS before interaction (gzipped), budget 50 KB per page:');
for (const p of pages) console.log(`  ${p.path.padEnd(30)} ${(p.gzipBytes / 1024).toFixed(1).padStart(6)} KB  ${p.gzipBytes <= JS_BUDGET_BYTES ? 'ok' : 'OVER BUDGET'}`);
for (const [name, r] of [['Output-impedance widget', redraw], ['Matcher (listening level)', matcherRedraw], ['Amp stage, triode (drive)', stageRedraw]]) {
  console.log(`\n${name}, recompute + redraw per slider step (${r.steps} steps): median ${r.medianMs.toFixed(2)} ms, p95 ${r.p95Ms.toFixed(2)} ms (budget p95 ≤ ${REDRAW_BUDGET_P95_MS} ms) ${r.p95Ms <= REDRAW_BUDGET_P95_MS ? 'ok' : 'OVER BUDGET'}`);
}
printAudio(audio);

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', JSON.stringify({ pages, redraw, matcherRedraw, stageRedraw, audio }, null, 2));
const ok =
  pages.every((p) => p.gzipBytes <= JS_BUDGET_BYTES) &&
  [redraw, matcherRedraw, stageRedraw].every((r) => r.p95Ms <= REDRAW_BUDGET_P95_MS) &&
  audioBudgetsMet(audio);
process.exit(ok ? 0 : 1);

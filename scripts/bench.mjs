// npm run bench: measures the budgets in DESIGN.md on the production build, in Chromium.
//  1. gzipped JS each page loads before the reader interacts (scrolled through, the pointer outside the page, so no
//     island hydrates on intent; nothing clicked): ≤ 30 KB
//  2. recompute + redraw of every widget for one control step: median and p95 (scripts/benchRedraw.mjs, p95 ≤ 4 ms)
//  3. audio (scripts/benchAudio.mjs): every listening widget's whole Download B, × realtime; click → sound on Play
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './browser.mjs';
import { audioBudgetsMet, benchAudio, printAudio } from './benchAudio.mjs';
import { benchRedraw, printRedraw, redrawWithinBudget } from './benchRedraw.mjs';

// BENCH_PORT lets two benches run side by side (each in its own checkout).
const PORT = Number(process.env.BENCH_PORT ?? 4323);
const BASE = `http://127.0.0.1:${PORT}`;
const JS_BUDGET_BYTES = 30 * 1024;
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
  await page.waitForTimeout(200);
  await page.waitForLoadState('networkidle');
  const files = [...bodies].map(([url, body]) => ({ url: new URL(url).pathname, gzipBytes: gzipSync(body).length }));
  await page.close();
  return { path, files, gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
}

await waitForServer();
const browser = await chromium.launch(chromiumLaunchOptions());
const pages = [];
for (const path of builtPages('dist')) pages.push(await pageJs(browser, path));
const redraw = await benchRedraw(browser, BASE);
const audio = await benchAudio(browser, BASE);
await browser.close();
stopServer();

console.log('\nJS before interaction (gzipped), budget 30 KB per page:');
for (const p of pages) console.log(`  ${p.path.padEnd(30)} ${(p.gzipBytes / 1024).toFixed(1).padStart(6)} KB  ${p.gzipBytes <= JS_BUDGET_BYTES ? 'ok' : 'OVER BUDGET'}`);
printRedraw(redraw);
printAudio(audio);

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', JSON.stringify({ pages, redraw, audio }, null, 2));
const ok =
  pages.every((p) => p.gzipBytes <= JS_BUDGET_BYTES) &&
  redrawWithinBudget(redraw) &&
  audioBudgetsMet(audio);
process.exit(ok ? 0 : 1);

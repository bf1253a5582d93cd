// The audio part of `npm run bench` (issue #20, budgets 2 and 4), measured in Chromium on the built site:
//  - Download B of every listening widget: 10 s at 48 kHz stereo, the whole of it (click → WAV handed to the browser:
//    chains and loudness match, DAC stages, native render, limiter, WAV encode), × realtime, with each phase's time.
//    Budgets: ≥ 200× for the output-impedance chain, ≥ 100× for the heaviest chain (the slowest widget measured).
//  - First Play: click → sound, p95 ≤ 150 ms, with Tone.js and the program already cached.
//
// "Whole Download B" is the page's own measure `amp-lab:download` (ListeningPanel: from the click handler to the WAV
// Blob handed to the browser's download); the browser writing the file to disk is left out (it is not the page's
// work, and Playwright's download event adds its own round trips). Runs after the first: the first loads Tone.js,
// synthesizes the program and measures A's and B's loudness, which later runs find cached.
//
// "Sound" for First Play: before the page loads, every connection made to an AudioContext's destination is also made
// to an AnalyserNode (fftSize 2048); after the click on Play, the page polls that analyser (≈ every 1–4 ms) until a
// sample of its latest 2048 is not zero. Latency = (that poll's time − the click event's timeStamp) + the context's
// outputLatency (the device buffer, time for the sample to reach the ear). The poll finds the first rendered quantum
// holding signal within one poll of it being rendered, so this overstates the latency by at most a poll interval.
// Cases: a second Play after a Stop on the same page, and a first Play on a fresh page whose scripts (Tone.js
// included) are in the HTTP cache; both after the program was made once in that page or an earlier one.

export const DOWNLOAD_BUDGET_OUTPUT_IMPEDANCE_TIMES_REALTIME = 200;
export const DOWNLOAD_BUDGET_HEAVIEST_TIMES_REALTIME = 100;
export const FIRST_PLAY_BUDGET_P95_MS = 150;
const DOWNLOAD_SECONDS = 10;

/** Every listening widget, on a page where it is at its default settings. */
export const LISTENING_WIDGETS = [
  { name: 'output impedance', path: '/lessons/output-impedance/', widget: 'output-impedance' },
  { name: 'amp stage (clipping)', path: '/lessons/amplification/', widget: 'amp-stage' },
  { name: 'amp stage (class B crossover)', path: '/lessons/output-stage-classes/', widget: 'amp-stage' },
  { name: 'amp stage (triode)', path: '/lessons/tube-vs-solid-state/', widget: 'amp-stage' },
  { name: 'EQ and tone controls', path: '/lessons/eq-and-tone-controls/', widget: 'eq' },
  { name: 'power supply (ripple and hum)', path: '/lessons/power-supplies/', widget: 'power-supply' },
  { name: 'rails and batteries', path: '/lessons/portable-vs-desktop/', widget: 'supply' },
  { name: 'chain builder', path: '/lessons/connections/', widget: 'chain-builder' },
  { name: 'level chain', path: '/lessons/dac-amp-combos/', widget: 'level-chain' },
  { name: 'matcher', path: '/lab/matcher/', widget: 'matcher' },
  { name: 'jitter', path: '/lessons/jitter/', widget: 'jitter' },
  { name: 'bits and dither', path: '/lessons/bits-and-dither/', widget: 'bits' },
  { name: 'sample rate', path: '/lessons/sample-rates/', widget: 'sample-rate' },
  { name: 'level difference', path: '/lessons/hearing-differences/', widget: 'level-difference' },
];

const PHASES = [
  ['chains', 'amp-lab:download:chains'],
  ['dacStages', 'amp-lab:offline-render:dac-stages'],
  ['graph', 'amp-lab:offline-render:graph'],
  ['limiter', 'amp-lab:offline-render:limiter'],
  ['encode', 'amp-lab:wav-encode'],
  ['render', 'amp-lab:offline-render'],
  ['whole', 'amp-lab:download'],
];

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

/** Scrolls a widget into view and puts the pointer over it (islands hydrate on intent, client:intent), then waits for its island to hydrate. */
async function hydrate(page, selector) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  const box = await page.locator(selector).boundingBox();
  // Widgets hydrate when the pointer moves over them (client:intent): move onto the widget in steps.
  const y = Math.max(box.y, 0) + Math.min(box.height, 80) / 2;
  await page.mouse.move(box.x + box.width / 2 - 4, y - 4);
  await page.mouse.move(box.x + box.width / 2, y, { steps: 2 });
  await page.waitForFunction((s) => {
    const island = document.querySelector(s)?.closest('astro-island');
    return Boolean(island) && !island.hasAttribute('ssr');
  }, selector);
}

/** Download B `runs` times on one widget; per run, each phase's time (ms) from the page's performance measures. */
async function downloadTimes(browser, base, { path, widget }, runs) {
  const context = await browser.newContext({ acceptDownloads: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(base + path);
  const selector = `[data-widget="${widget}"]`;
  await hydrate(page, selector);
  const button = page.locator(selector).getByRole('button', { name: 'Download B', exact: true });
  const samples = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => performance.clearMeasures());
    const t0 = Date.now();
    await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
    const wallMs = Date.now() - t0;
    const phases = await page.evaluate(
      (names) => Object.fromEntries(names.map(([key, name]) => [key, performance.getEntriesByName(name).reduce((sum, m) => sum + m.duration, 0)])),
      PHASES,
    );
    samples.push({ ...phases, wallMs });
  }
  await context.close();
  return samples;
}

/** Per widget: the median of each phase over the runs after the first, and × realtime of the whole Download B. */
export async function benchDownloads(browser, base, { runs = 6 } = {}) {
  const results = [];
  for (const entry of LISTENING_WIDGETS) {
    const samples = await downloadTimes(browser, base, entry, runs);
    const later = samples.slice(1);
    const median = Object.fromEntries([...PHASES.map(([key]) => key), 'wallMs'].map((key) => [key, quantile(later.map((s) => s[key]), 0.5)]));
    results.push({ ...entry, first: samples[0], median, timesRealtime: (DOWNLOAD_SECONDS * 1000) / median.whole });
  }
  return results;
}

/** Installed before any page script: taps every connection to an AudioContext's destination with an AnalyserNode. */
function installOutputProbe() {
  const probes = new WeakMap();
  const connect = AudioNode.prototype.connect;
  AudioNode.prototype.connect = function (destination, ...rest) {
    const result = connect.call(this, destination, ...rest);
    if (destination instanceof AudioDestinationNode && this.context instanceof AudioContext) {
      let analyser = probes.get(this.context);
      if (!analyser) {
        analyser = new AnalyserNode(this.context, { fftSize: 2048 });
        probes.set(this.context, analyser);
        window.__ampLabOutput = { context: this.context, analyser };
      }
      connect.call(this, analyser);
    }
    return result;
  };
  // The click's time, taken by the first listener to see it.
  window.addEventListener('click', (event) => { window.__ampLabClickAt = event.timeStamp; }, { capture: true });
}

/** From the click (already dispatched) to the first non-zero sample seen at the output, ms, plus outputLatency. */
async function waitForSound(page) {
  return page.evaluate(async () => {
    const started = performance.now();
    const data = new Float32Array(2048);
    for (;;) {
      const probe = window.__ampLabOutput;
      if (probe && probe.context.state === 'running') {
        probe.analyser.getFloatTimeDomainData(data);
        if (data.some((x) => x !== 0)) {
          const heardAt = performance.now();
          return { latencyMs: heardAt - window.__ampLabClickAt + probe.context.outputLatency * 1000, outputLatencyMs: probe.context.outputLatency * 1000 };
        }
      }
      if (performance.now() - started > 20_000) throw new Error('no sound within 20 s of Play');
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  });
}

/** Waits until the output is silent again after Stop (so the next Play's sound is its own). */
async function waitForSilence(page) {
  await page.evaluate(async () => {
    const data = new Float32Array(2048);
    const probe = window.__ampLabOutput;
    for (let i = 0; i < 2000; i++) {
      probe.analyser.getFloatTimeDomainData(data);
      if (data.every((x) => x === 0)) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('still sounding 10 s after Stop');
  });
}

async function playOnce(page, selector) {
  await page.locator(selector).getByRole('button', { name: 'Play', exact: true }).click();
  const result = await waitForSound(page);
  await page.locator(selector).getByRole('button', { name: 'Stop', exact: true }).click();
  await page.waitForFunction((s) => document.querySelector(s)?.querySelector('.listening-panel')?.getAttribute('data-play-state') === 'stopped', selector);
  await waitForSilence(page);
  return result;
}

/**
 * First Play latency on one widget: `replays` Plays after a Stop on one page (after a first Play that loads and makes
 * everything), and `freshPages` first Plays on new pages of one browser context whose HTTP cache holds the scripts.
 */
export async function benchFirstPlay(browser, base, { path = '/lessons/output-impedance/', widget = 'output-impedance', replays = 20, freshPages = 8 } = {}) {
  const selector = `[data-widget="${widget}"]`;
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(installOutputProbe);
  const page = await context.newPage();
  await page.goto(base + path);
  await hydrate(page, selector);
  const cold = await playOnce(page, selector);
  const replay = [];
  for (let i = 0; i < replays; i++) replay.push(await playOnce(page, selector));
  await page.close();
  const fresh = [];
  for (let i = 0; i < freshPages; i++) {
    const freshPage = await context.newPage();
    await freshPage.goto(base + path);
    await hydrate(freshPage, selector);
    fresh.push(await playOnce(freshPage, selector));
    await freshPage.close();
  }
  await context.close();
  const summary = (list) => ({ runs: list.length, medianMs: quantile(list.map((r) => r.latencyMs), 0.5), p95Ms: quantile(list.map((r) => r.latencyMs), 0.95) });
  return { path, widget, coldMs: cold.latencyMs, outputLatencyMs: cold.outputLatencyMs, replay: summary(replay), fresh: summary(fresh) };
}

export async function benchAudio(browser, base) {
  const downloads = await benchDownloads(browser, base);
  const firstPlay = await benchFirstPlay(browser, base);
  return { downloads, firstPlay };
}

export function heaviestDownload(audio) {
  return audio.downloads.reduce((slowest, d) => (d.median.whole > slowest.median.whole ? d : slowest));
}

export function printAudio(audio) {
  const ms = (value) => `${value.toFixed(1).padStart(6)} ms`;
  console.log(`\nDownload B, ${DOWNLOAD_SECONDS} s at 48 kHz stereo, median of runs 2… (ms): chains+match | DAC stages | graph | limiter | WAV encode | whole → × realtime`);
  for (const d of audio.downloads) {
    const m = d.median;
    console.log(
      `  ${d.name.padEnd(30)} ${ms(m.chains)} ${ms(m.dacStages)} ${ms(m.graph)} ${ms(m.limiter)} ${ms(m.encode)} ${ms(m.whole)} → ${d.timesRealtime.toFixed(0).padStart(4)}×` +
        `  (first run ${(d.first.whole / 1000).toFixed(2)} s; browser's download event ${m.wallMs.toFixed(0)} ms)`,
    );
  }
  const oi = audio.downloads.find((d) => d.widget === 'output-impedance');
  const heaviest = heaviestDownload(audio);
  console.log(`  output impedance ${oi.timesRealtime.toFixed(0)}× (budget ≥ ${DOWNLOAD_BUDGET_OUTPUT_IMPEDANCE_TIMES_REALTIME}×) ${oi.timesRealtime >= DOWNLOAD_BUDGET_OUTPUT_IMPEDANCE_TIMES_REALTIME ? 'ok' : 'OVER BUDGET'}`);
  console.log(`  heaviest: ${heaviest.name} ${heaviest.timesRealtime.toFixed(0)}× (budget ≥ ${DOWNLOAD_BUDGET_HEAVIEST_TIMES_REALTIME}×) ${heaviest.timesRealtime >= DOWNLOAD_BUDGET_HEAVIEST_TIMES_REALTIME ? 'ok' : 'OVER BUDGET'}`);
  const p = audio.firstPlay;
  const verdict = (s) => (s.p95Ms <= FIRST_PLAY_BUDGET_P95_MS ? 'ok' : 'OVER BUDGET');
  console.log(`\nFirst Play, click → sound (${p.path}; output latency ${p.outputLatencyMs.toFixed(1)} ms included), budget p95 ≤ ${FIRST_PLAY_BUDGET_P95_MS} ms:`);
  console.log(`  Play after Stop (${p.replay.runs}): median ${p.replay.medianMs.toFixed(1)} ms, p95 ${p.replay.p95Ms.toFixed(1)} ms ${verdict(p.replay)}`);
  console.log(`  first Play on a fresh page, scripts cached (${p.fresh.runs}): median ${p.fresh.medianMs.toFixed(1)} ms, p95 ${p.fresh.p95Ms.toFixed(1)} ms ${verdict(p.fresh)}`);
  console.log(`  (the page's very first Play, loading Tone.js and making the program: ${p.coldMs.toFixed(0)} ms)`);
}

export function audioBudgetsMet(audio) {
  const oi = audio.downloads.find((d) => d.widget === 'output-impedance');
  return (
    oi.timesRealtime >= DOWNLOAD_BUDGET_OUTPUT_IMPEDANCE_TIMES_REALTIME &&
    heaviestDownload(audio).timesRealtime >= DOWNLOAD_BUDGET_HEAVIEST_TIMES_REALTIME &&
    audio.firstPlay.replay.p95Ms <= FIRST_PLAY_BUDGET_P95_MS &&
    audio.firstPlay.fresh.p95Ms <= FIRST_PLAY_BUDGET_P95_MS
  );
}

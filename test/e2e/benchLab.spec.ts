// The measurement bench (/lab/bench/): its readings, measured from audio rendered in Chromium, agree with what the
// amp models predict from their own equations (clip point, output impedance, noise); the O2's 1 % THD+N points land
// within 10 % of the published measurements; each figure's CSV holds exactly the points it draws; the setup survives
// a reload; axe finds nothing; no horizontal scroll at 375 px; the measuring code loads only on Measure.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { aWeightingWhiteNoiseRatio } from '../../src/dsp/analysis/aWeighting';
import { benchAmps, predictedClipVoltsRms } from '../../src/dsp/bench/benchAmps';
import { hydrateWidget } from './helpers';

/** Published (SBAF, low gain, 1 % THD+N): 7.24 Vrms into 300 Ω, 4.24 Vrms into 33 Ω. Written out, not read from the catalogue. */
const O2_CLIP_VOLTS_RMS: Readonly<Record<number, number>> = { 300: 7.24, 33: 4.24 };
/** JDS Labs: 0.54 Ω output impedance; −109 dBu A-weighted noise = 0.7746·10^(−109/20) V. */
const O2_OUTPUT_IMPEDANCE_OHMS = 0.54;
const O2_NOISE_VOLTS = 0.7746 * 10 ** (-109 / 20);
/** The Scarlett 2i2 (4th gen) headphone output's published output impedance, ohms. */
const SCARLETT_OUTPUT_IMPEDANCE_OHMS = 50;
const BENCH_SAMPLE_RATE_HZ = 96_000;

/** Tolerances: the render goes through a 65 537-point waveshaper in float32, and the noise is 2 s of random samples. */
const CLIP_TOLERANCE = 0.02;
const IMPEDANCE_TOLERANCE = 0.02;
const NOISE_TOLERANCE = 0.05;
const PUBLISHED_CLIP_TOLERANCE = 0.1;

const MEASURE_TIMEOUT_MS = 120_000;
/** Issue #20's budget: JavaScript before the reader interacts, gzipped. */
const JS_BUDGET_BYTES = 30 * 1024;

const amp = (id: string) => {
  const found = benchAmps(aWeightingWhiteNoiseRatio()).find((a) => a.id === id);
  if (!found) throw new Error(`no bench amp ${id}`);
  return found;
};

async function openBench(page: Page, query = ''): Promise<Locator> {
  await page.goto(`/lab/bench/${query}`);
  return hydrateWidget(page, '[data-widget="bench"]');
}

async function measure(bench: Locator): Promise<void> {
  await bench.getByRole('button', { name: 'Measure' }).click();
  await expect(bench.locator('.bench-results')).toBeVisible({ timeout: MEASURE_TIMEOUT_MS });
}

async function readout(bench: Locator, setup: 'A' | 'B', name: string): Promise<number> {
  return Number(await bench.locator(`[data-setup="${setup}"] [data-readout="${name}"]`).getAttribute('data-value'));
}

const relativeError = (measured: number, expected: number) => Math.abs(measured - expected) / expected;

async function downloadText(page: Page, button: Locator): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return { download, text: readFileSync(path, 'utf8') };
}

test.describe.serial('the O2 stage into 32 Ω, measured once', () => {
  test.setTimeout(2 * MEASURE_TIMEOUT_MS);
  let page: Page;
  let bench: Locator;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(2 * MEASURE_TIMEOUT_MS);
    page = await (await browser.newContext()).newPage();
    bench = await openBench(page, '?a=o2-stage&la=32');
    await measure(bench);
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  test('the 1 % point into 32 Ω is the model’s own (predictedThd of its curve) within 2 %', async () => {
    const predicted = await predictedClipVoltsRms(amp('o2-stage'), 32, BENCH_SAMPLE_RATE_HZ);
    expect(predicted).not.toBeNull();
    expect(relativeError(await readout(bench, 'A', 'clip'), predicted ?? Number.NaN)).toBeLessThan(CLIP_TOLERANCE);
  });

  test('the output impedance read from 1 kHz into 32 Ω and 300 Ω is the 0.54 Ω build-out within 2 %', async () => {
    expect(relativeError(await readout(bench, 'A', 'zout'), O2_OUTPUT_IMPEDANCE_OHMS)).toBeLessThan(IMPEDANCE_TOLERANCE);
  });

  test('the A-weighted noise is the published −109 dBu (2.75 µV) within 5 %', async () => {
    expect(relativeError(await readout(bench, 'A', 'noise'), O2_NOISE_VOLTS)).toBeLessThan(NOISE_TOLERANCE);
  });

  test('the 1 % THD+N points into 33 Ω and 300 Ω land within 10 % (in voltage) of the SBAF measurements', async () => {
    for (const [ohms, volts] of Object.entries(O2_CLIP_VOLTS_RMS)) {
      const cell = bench.locator(`.bench-published td[data-load-ohms="${ohms}"]`);
      const difference = Number(await cell.getAttribute('data-difference'));
      expect(Number.isFinite(difference), `${ohms} Ω`).toBe(true);
      expect(Math.abs(difference), `${ohms} Ω: published ${volts} V`).toBeLessThan(PUBLISHED_CLIP_TOLERANCE);
    }
  });

  test('the THD+N figure’s CSV holds exactly the points its curves draw, series by series', async () => {
    const figure = bench.locator('[data-figure="bench-thdn"]');
    const { text } = await downloadText(page, figure.getByRole('button', { name: 'Download data (CSV)' }));
    const rows = text.trim().split('\n').slice(1).map((line) => {
      const match = /^(.*),([^,]+),([^,]+)$/.exec(line);
      if (!match) throw new Error(`bad CSV row ${line}`);
      return { series: (match[1] as string).replace(/^"|"$/g, ''), x: Number(match[2]), y: Number(match[3]) };
    });
    const paths = await figure.locator('svg.plot-svg path.plot-series').evaluateAll((elements) => elements.map((e) => e.getAttribute('d') ?? ''));
    const vertices = paths.map((d) => [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => ({ px: Number(m[1]), py: Number(m[2]) })));
    const labels = [...new Set(rows.map((r) => r.series))];
    expect(labels.length).toBe(vertices.length);
    const first = rows.filter((r) => r.series === labels[0]);
    const v0 = vertices[0] ?? [];
    expect(first.length).toBe(v0.length);
    // Fit the axes from the first series' two ends (x on a log scale, y linear), then every CSV point must land on its vertex.
    const [a, b] = [first[0], first.at(-1)];
    const [pa, pb] = [v0[0], v0.at(-1)];
    if (!a || !b || !pa || !pb) throw new Error('empty series');
    const xScale = (pb.px - pa.px) / Math.log10(b.x / a.x);
    const yOf = (y: number, ref: { y: number; py: number }, slope: number) => ref.py + slope * (y - ref.y);
    const ySlope = (pb.py - pa.py) / (b.y - a.y);
    labels.forEach((label, index) => {
      const points = rows.filter((r) => r.series === label);
      const drawn = vertices[index] ?? [];
      expect(points.length, label).toBe(drawn.length);
      points.forEach((p, i) => {
        const vertex = drawn[i];
        if (!vertex) throw new Error('missing vertex');
        expect(Math.abs(pa.px + xScale * Math.log10(p.x / a.x) - vertex.px), `${label} x #${i}`).toBeLessThan(0.01);
        expect(Math.abs(yOf(p.y, { y: a.y, py: pa.py }, ySlope) - vertex.py), `${label} y #${i}`).toBeLessThan(0.01);
      });
    });
  });

  test('the plot exports as a standalone SVG and as a PNG', async () => {
    const figure = bench.locator('[data-figure="bench-response"]');
    const { text: svg } = await downloadText(page, figure.getByRole('button', { name: 'Download plot (SVG)' }));
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('<path');
    const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Download plot (PNG)' }).click()]);
    const png = readFileSync(await download.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  test('axe finds nothing on the page with its results', async () => {
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('at 375 px wide the page with its results does not scroll sideways', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });
});

test('two setups overlaid: a catalogue source and the OTL follower each read their own output impedance and clip point', async ({ page }) => {
  test.setTimeout(3 * MEASURE_TIMEOUT_MS);
  const bench = await openBench(page, '?a=focusrite-scarlett-2i2-gen4&la=32&b=otl-follower&lb=300');
  await measure(bench);
  expect(relativeError(await readout(bench, 'A', 'zout'), SCARLETT_OUTPUT_IMPEDANCE_OHMS)).toBeLessThan(IMPEDANCE_TOLERANCE);
  const follower = amp('otl-follower');
  expect(relativeError(await readout(bench, 'B', 'zout'), follower.outputImpedanceOhms)).toBeLessThan(IMPEDANCE_TOLERANCE);
  const scarlettClip = await predictedClipVoltsRms(amp('focusrite-scarlett-2i2-gen4'), 32, BENCH_SAMPLE_RATE_HZ);
  const followerClip = await predictedClipVoltsRms(follower, 300, BENCH_SAMPLE_RATE_HZ);
  expect(relativeError(await readout(bench, 'A', 'clip'), scarlettClip ?? Number.NaN)).toBeLessThan(CLIP_TOLERANCE);
  expect(relativeError(await readout(bench, 'B', 'clip'), followerClip ?? Number.NaN)).toBeLessThan(CLIP_TOLERANCE);
  await expect(bench.locator('[data-figure="bench-thdn"] svg.plot-svg path.plot-series--dashed')).toHaveCount(3);
});

test('the setup lives in the URL: chosen with the controls, it is still there after a reload', async ({ page }) => {
  let bench = await openBench(page);
  await bench.getByRole('combobox', { name: 'Amplifier' }).first().selectOption('push-pull-b');
  await bench.getByRole('combobox', { name: 'Load' }).first().selectOption('hp-sennheiser-hd650');
  await bench.getByRole('checkbox', { name: 'Compare with a second setup' }).check();
  await page.locator('#bench-b-amp').selectOption('schiit-magni-2');
  await page.locator('#bench-b-load').selectOption('600');
  await expect(page).toHaveURL(/\?a=push-pull-b&la=hp-sennheiser-hd650&b=schiit-magni-2&lb=600$/);
  await page.reload();
  bench = await hydrateWidget(page, '[data-widget="bench"]');
  await expect(page.locator('#bench-a-amp')).toHaveValue('push-pull-b');
  await expect(page.locator('#bench-a-load')).toHaveValue('hp-sennheiser-hd650');
  await expect(page.locator('#bench-b-amp')).toHaveValue('schiit-magni-2');
  await expect(page.locator('#bench-b-load')).toHaveValue('600');
  await expect(bench.getByRole('checkbox', { name: 'Compare with a second setup' })).toBeChecked();
});

test('before Measure the page loads at most 30 KB of gzipped JavaScript and none of the measuring code or plots', async ({ page }) => {
  const scripts: string[] = [];
  const bodies: Promise<Buffer | null>[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.body().catch(() => null));
  });
  const bench = await openBench(page, '?a=apple-usbc-adapter&la=300');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((path) => /BenchResults|XYPlot/.test(path))).toEqual([]);
  const gzippedBytes = (await Promise.all(bodies)).reduce((sum, body) => sum + (body ? gzipSync(body).length : 0), 0);
  expect(gzippedBytes).toBeLessThanOrEqual(JS_BUDGET_BYTES);
  await measure(bench);
  expect(scripts.some((path) => /BenchResults/.test(path))).toBe(true);
});

test('an unbiased class B pair, never clean enough for a 1 % point, is measured and says so', async ({ page }) => {
  test.setTimeout(2 * MEASURE_TIMEOUT_MS);
  expect(await predictedClipVoltsRms(amp('push-pull-b'), 32, BENCH_SAMPLE_RATE_HZ)).toBeNull();
  const bench = await openBench(page, '?a=push-pull-b&la=32');
  await measure(bench);
  await expect(bench.locator('[data-setup="A"] [data-readout="clip"]')).toHaveText('never down to 1 %');
});

// "Check with SPICE" in the browser (issue #17): the engine (a 20 MB worker) is never requested before the reader
// presses the button; pressing it on the triode stage draws ngspice's curves dashed over the model's, with 2nd and
// 3rd harmonics within 0.5 dB of the model's, and offers the decks that ran; changing a control clears them; a deck
// ngspice refuses shows ngspice's own text and the widget keeps working; a runaway analysis is stopped and the next
// check starts a fresh worker. axe finds nothing in the results or the error box, which fits 375 px. Broken and runaway decks go through the page's real client: the test swaps the deck
// inside Worker.prototype.postMessage, and shortens the client's 20 s time limit to 2 s, in its own init script.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { hydrateAll, hydrateWidget, setRange } from './helpers';

const LESSON = '/lessons/tube-vs-solid-state/';
const WIDGET = '[data-widget="amp-stage"]:has(#tvs-drive)';
const ENGINE_REQUEST = /spiceWorker|spiceCheck/;

/** A deck ngspice refuses, and one that would simulate for hours (10 s of 1 ns steps). */
const BROKEN_DECK = '* broken\nV1 a 0 DC 1\nR1 a 0 1k\n.foo\n.dc V1 0 1 0.1\n.end\n';
const RUNAWAY_DECK = '* runaway\nV1 a 0 SIN(0 1 1k)\nR1 a b 1k\nC1 b 0 1u\n.tran 1e-9 10 0 1e-9\n.end\n';

declare global {
  interface Window {
    /** When set, the deck every run sends instead of the page's own. */
    testSpiceDeck?: string;
  }
}

/** While window.testSpiceDeck is set: swaps the deck in each run message, and makes the client's 20 s limit 2 s. */
async function interceptDecks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, options?: StructuredSerializeOptions) {
      const deck = window.testSpiceDeck;
      const isRun = typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'run';
      post.call(this, isRun && deck !== undefined ? { ...(message as object), deck } : message, options);
    } as typeof Worker.prototype.postMessage;
    const setTimer = window.setTimeout;
    window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) =>
      setTimer(handler, ms === 20_000 && window.testSpiceDeck !== undefined ? 2000 : ms, ...rest)) as typeof window.setTimeout;
  });
}

async function openTriode(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  return hydrateWidget(page, WIDGET);
}

async function check(widget: Locator): Promise<void> {
  await widget.getByRole('button', { name: /Check (again )?with SPICE/ }).click();
}

test('the engine is not requested before the reader presses Check with SPICE, and is once they do', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(LESSON);
  await hydrateAll(page);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => ENGINE_REQUEST.test(url))).toEqual([]);
  const widget = page.locator(WIDGET);
  await check(widget);
  await expect(widget.locator('[data-spice="status"]')).toHaveText(/Loading the simulator \(5\.7 MB\)|Simulating/);
  await expect.poll(() => requested.some((url) => /spiceWorker/.test(url))).toBe(true);
});

test("Check with SPICE on the triode stage draws ngspice's curves and harmonics within 0.5 dB of the model's, then clears them when a control moves", async ({ page }) => {
  test.setTimeout(90_000);
  const widget = await openTriode(page);
  const transfer = widget.locator('#tvs-fig-transfer');
  await expect(transfer.locator('.plot-legend')).toHaveCount(0);
  const pressedAt = Date.now();
  await check(widget);
  const findings = widget.locator('[data-spice="findings"]');
  await expect(findings).toBeVisible({ timeout: 60_000 });
  const status = await widget.locator('[data-spice="status"]').innerText();
  console.log(`SPICE check: ${status} Button to findings: ${Date.now() - pressedAt} ms.`);

  await expect(transfer.locator('.plot-legend')).toContainText('SPICE (ngspice), dashed');
  await expect(transfer.locator('path.plot-series--dashed.plot-series--c')).toHaveCount(1);
  await expect(transfer.locator('table th')).toContainText(['Plate voltage, SPICE (ngspice), dashed']);
  await expect(widget.locator('#tvs-fig-waveform path.plot-series--c')).toHaveCount(1);
  await expect(widget.locator('#tvs-fig-spectrum .plot-bar--comparison').first()).toBeVisible();
  await expect(findings.locator('[data-spice="difference"]')).toHaveText(/differ by (at most|less than) [\d.]+ % of full swing/);

  for (const order of ['2', '3']) {
    const line = findings.locator(`[data-spice-harmonic="${order}"]`);
    const modelDb = Number(await line.getAttribute('data-model-db'));
    const spiceDb = Number(await line.getAttribute('data-spice-db'));
    expect(modelDb).toBeLessThan(-20);
    expect(Math.abs(spiceDb - modelDb), `harmonic ${order}: model ${modelDb} dB, SPICE ${spiceDb} dB`).toBeLessThan(0.5);
  }
  const readout = await widget.locator('[data-readout="harmonics"]').innerText();
  expect(await findings.locator('[data-spice-harmonic="2"]').innerText()).toContain(`model ${readout.split(' · ')[0]}`);

  const axe = await new AxeBuilder({ page }).include(WIDGET).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

  const download = widget.getByRole('link', { name: /Download netlist \(\.cir\): 1000 Hz sine/ });
  const href = decodeURIComponent((await download.getAttribute('href')) ?? '').replace(/^data:text\/plain;charset=utf-8,/, '');
  expect(href).toMatch(/^\* Triode common-cathode stage, 12AU7/);
  expect(href).toMatch(/^Vin g 0 DC 0 SIN\(0 [\d.]+ 1000\)$/m);
  expect(href).toMatch(/^\.tran /m);
  expect(await download.getAttribute('download')).toBe('amp-lab-triode-12AU7-250V-transient.cir');

  await setRange(widget.getByRole('slider', { name: 'Plate supply B+' }), 300);
  await expect(widget.locator('[data-spice="status"]')).toHaveText(/You changed the circuit since SPICE ran/);
  await expect(transfer.locator('path.plot-series--c')).toHaveCount(0);
  await expect(transfer.locator('.plot-legend')).toHaveCount(0);
  await expect(findings).toHaveCount(0);
});

test("a netlist ngspice refuses shows ngspice's own words, and the widget keeps working", async ({ page }) => {
  test.setTimeout(90_000);
  await interceptDecks(page);
  const widget = await openTriode(page);
  await page.evaluate((deck) => {
    window.testSpiceDeck = deck;
  }, BROKEN_DECK);
  await check(widget);
  const error = widget.locator('[data-spice="error"]');
  await expect(error).toBeVisible({ timeout: 60_000 });
  await expect(error).toContainText('ngspice could not run this netlist.');
  await expect(error.locator('pre')).toContainText("unimplemented dot command '.foo'");
  await expect(widget.locator('#tvs-fig-transfer path.plot-series--c')).toHaveCount(0);
  await page.setViewportSize({ width: 375, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const axe = await new AxeBuilder({ page }).include(WIDGET).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  const thdBefore = await widget.locator('[data-readout="thd"]').innerText();
  await setRange(widget.getByRole('slider', { name: /^Drive/ }), -12);
  await expect(widget.locator('[data-readout="thd"]')).not.toHaveText(thdBefore);
  await page.evaluate(() => {
    delete window.testSpiceDeck;
  });
  await check(widget);
  await expect(widget.locator('[data-spice="findings"]')).toBeVisible({ timeout: 60_000 });
  await expect(widget.locator('[data-spice="error"]')).toHaveCount(0);
});

test('a runaway analysis is stopped at the time limit, and the next check starts a fresh simulator', async ({ page }) => {
  test.setTimeout(90_000);
  await interceptDecks(page);
  const widget = await openTriode(page);
  await page.evaluate((deck) => {
    window.testSpiceDeck = deck;
  }, RUNAWAY_DECK);
  await check(widget);
  await expect(widget.locator('[data-spice="status"]')).toHaveText('Simulating…', { timeout: 60_000 });
  const error = widget.locator('[data-spice="error"]');
  await expect(error).toContainText(/still simulating after 20 s, so it was stopped/, { timeout: 15_000 });
  await expect(widget.getByRole('button', { name: 'Check again with SPICE' })).toBeEnabled();

  await page.evaluate(() => {
    delete window.testSpiceDeck;
  });
  await check(widget);
  await expect(widget.locator('[data-spice="status"]')).toHaveText(/Loading the simulator/);
  await expect(widget.locator('[data-spice="findings"]')).toBeVisible({ timeout: 60_000 });
  await expect(widget.locator('[data-spice="status"]')).toHaveText(/The simulator started in \d+ ms/);
});

test("Check with SPICE on the push-pull stage: ngspice's odd harmonics within 0.01 dB of the model's, its even ones below −100 dB like the model's, and the transfer curve within 0.05 % of the swing", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/lessons/output-stage-classes/');
  const widget = await hydrateWidget(page, '[data-widget="amp-stage"]:has(#cls-drive)');
  await check(widget);
  const findings = widget.locator('[data-spice="findings"]');
  await expect(findings).toBeVisible({ timeout: 60_000 });
  console.log(`SPICE check (push-pull): ${await widget.locator('[data-spice="status"]').innerText()}`);

  const transfer = widget.locator('#cls-fig-transfer');
  await expect(transfer.locator('path.plot-series--dashed.plot-series--c')).toHaveCount(1);
  await expect(transfer.locator('table th')).toContainText(['Voltage across the headphone, SPICE (ngspice), dashed']);
  await expect(widget.locator('#cls-fig-waveform path.plot-series--c')).toHaveCount(1);
  const difference = await findings.locator('[data-spice="difference"]').innerText();
  const percent = Number(/differ by (?:at most|less than) ([\d.]+) %/.exec(difference)?.[1]);
  expect(percent, difference).toBeLessThan(0.05);

  const second = findings.locator('[data-spice-harmonic="2"]');
  await expect(second).toHaveText('2nd harmonic: model and SPICE both below −100 dB.');
  const third = findings.locator('[data-spice-harmonic="3"]');
  const modelDb = Number(await third.getAttribute('data-model-db'));
  const spiceDb = Number(await third.getAttribute('data-spice-db'));
  expect(modelDb).toBeGreaterThan(-100);
  expect(Math.abs(spiceDb - modelDb), `3rd: model ${modelDb} dB, SPICE ${spiceDb} dB`).toBeLessThan(0.01);
  const worstDb = Number(await findings.locator('[data-spice="harmonics-agreement"]').getAttribute('data-worst-db'));
  expect(worstDb).toBeLessThan(0.01);
  await expect(findings.locator('[data-spice="note"]')).toContainText('Gummel-Poon');

  const download = widget.getByRole('link', { name: /Download netlist \(\.cir\): transfer curve/ });
  const deck = decodeURIComponent((await download.getAttribute('href')) ?? '').replace(/^data:text\/plain;charset=utf-8,/, '');
  expect(deck).toMatch(/^\* Complementary emitter follower, class AB/);
  expect(deck).toMatch(/^\.dc Vin -12 12 /m);
  expect(await download.getAttribute('download')).toBe('amp-lab-push-pull-class-AB-20mA-32ohm-dc-sweep.cir');
  const axe = await new AxeBuilder({ page }).include('[data-widget="amp-stage"]:has(#cls-drive)').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test("Check with SPICE on the op-amp stage says it checks the circuit's algebra, and the curves differ by the model's knee: k·(1 − tanh 1)/(2L) of the swing", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/lessons/amplification/');
  const selector = '[data-widget="amp-stage"]:has(#amp-drive)';
  const widget = await hydrateWidget(page, selector);
  await check(widget);
  const findings = widget.locator('[data-spice="findings"]');
  await expect(findings).toBeVisible({ timeout: 60_000 });
  console.log(`SPICE check (op amp): ${await widget.locator('[data-spice="status"]').innerText()}`);
  await expect(findings.locator('[data-spice="note"]')).toContainText("this checks the circuit's algebra");
  // The O2 into 32 Ω is current-limited: L = 0.1877 A × 32.54 Ω = 6.107 V at the pin; knee k = 0.2 V.
  const kneePercent = (100 * 0.2 * (1 - Math.tanh(1))) / (2 * 6.107);
  const difference = await findings.locator('[data-spice="difference"]').innerText();
  const percent = Number(/differ by (?:at most|less than) ([\d.]+) %/.exec(difference)?.[1]);
  expect(percent, difference).toBeLessThan(kneePercent * 1.05);
  expect(percent, difference).toBeGreaterThan(kneePercent * 0.85);
  // At the lesson's −6 dB the sine stays below the knee: no harmonic above the floor in either.
  await expect(findings.locator('[data-spice-harmonic="3"]')).toHaveText(' 3rd harmonic: model and SPICE both below −100 dB.');
  await expect(findings.locator('[data-spice="harmonics-agreement"]')).toContainText('below −100 dB in both');
  const download = widget.getByRole('link', { name: /Download netlist \(\.cir\): 1000 Hz sine/ });
  const deck = decodeURIComponent((await download.getAttribute('href')) ?? '').replace(/^data:text\/plain;charset=utf-8,/, '');
  expect(deck).toMatch(/^\* Op-amp gain stage, gain 2\.5, into 32 ohm/);
  expect(deck).toMatch(/^RL out 0 32$/m);
  const axe = await new AxeBuilder({ page }).include(selector).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

// "Check with SPICE" in the remaining circuit widgets (issue #17): the OTL cathode follower in the amp-stage widget
// (its model itself loads only when chosen), the source into a headphone (an AC sweep) and the rectifier supply (a
// transient). On each page nothing of the engine is requested before the button is pressed; pressing it draws the
// SPICE series dashed over the model's, states the largest difference within the tolerance the unit tests hold, and
// offers the deck that ran. axe finds nothing in the results.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { hydrateAll, hydrateWidget } from './helpers';

const ENGINE_REQUEST = /spiceWorker|spiceCheck/;

/** Records every request the page makes. */
function requests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

async function check(widget: Locator): Promise<Locator> {
  await widget.getByRole('button', { name: /Check (again )?with SPICE/ }).click();
  const findings = widget.locator('[data-spice="findings"]');
  await expect(findings).toBeVisible({ timeout: 60_000 });
  return findings;
}

/** The deck behind a "Download netlist (.cir)" link, and its file name. */
async function deckOf(widget: Locator, label: RegExp): Promise<{ deck: string; fileName: string | null }> {
  const link = widget.getByRole('link', { name: label });
  const deck = decodeURIComponent((await link.getAttribute('href')) ?? '').replace(/^data:text\/plain;charset=utf-8,/, '');
  return { deck, fileName: await link.getAttribute('download') };
}

async function expectNoAxeViolations(page: Page, selector: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).include(selector).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

test("the cathode follower loads when chosen; Check with SPICE draws ngspice's curve, harmonics within 0.5 dB and its output impedance within 0.5 % of the model's", async ({ page }) => {
  test.setTimeout(120_000);
  const requested = requests(page);
  await page.goto('/lessons/tube-vs-solid-state/');
  await hydrateAll(page);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => ENGINE_REQUEST.test(url) || /\/follower\./.test(url))).toEqual([]);

  const selector = '[data-widget="amp-stage"]:has(#tvs-drive)';
  const widget = page.locator(selector);
  await widget.getByLabel('Stage', { exact: true }).selectOption('follower');
  await expect(widget).toHaveAttribute('data-stage', 'follower');
  expect(requested.some((url) => /\/follower\./.test(url))).toBe(true);
  const impedanceText = await widget.locator('[data-readout="output-impedance"]').innerText();
  expect(impedanceText).toMatch(/^1\d\d Ω$/);
  await expect(widget.getByRole('group', { name: /Circuit diagram: OTL cathode follower, 2 × 12AU7/ })).toBeVisible();

  const findings = await check(widget);
  console.log(`SPICE check (cathode follower): ${await widget.locator('[data-spice="status"]').innerText()}`);
  const transfer = widget.locator('#tvs-fig-transfer');
  await expect(transfer.locator('path.plot-series--dashed.plot-series--c')).toHaveCount(1);
  await expect(transfer.locator('table th')).toContainText(['Voltage across the headphone, SPICE (ngspice), dashed']);
  const difference = await findings.locator('[data-spice="difference"]').innerText();
  const percent = Number(/differ by (?:at most|less than) ([\d.]+) %/.exec(difference)?.[1]);
  expect(percent, difference).toBeLessThan(2);
  for (const order of ['2', '3']) {
    const line = findings.locator(`[data-spice-harmonic="${order}"]`);
    const modelDb = Number(await line.getAttribute('data-model-db'));
    const spiceDb = Number(await line.getAttribute('data-spice-db'));
    expect(Math.abs(spiceDb - modelDb), `harmonic ${order}: model ${modelDb} dB, SPICE ${spiceDb} dB`).toBeLessThan(0.5);
  }
  const impedance = findings.locator('[data-spice="output-impedance"]');
  const modelOhms = Number(await impedance.getAttribute('data-model-ohms'));
  const spiceOhms = Number(await impedance.getAttribute('data-spice-ohms'));
  expect(Math.abs(spiceOhms / modelOhms - 1)).toBeLessThan(0.005);
  await expect(impedance).toContainText(`model ${impedanceText}`);

  const ac = await deckOf(widget, /Download netlist \(\.cir\): output impedance/);
  expect(ac.deck).toMatch(/^\* OTL cathode follower output impedance, 2 x 12AU7/);
  expect(ac.deck).toMatch(/^Itest 0 o DC 0 AC 1$/m);
  expect(ac.fileName).toBe('amp-lab-cathode-follower-2x12AU7-output-impedance.cir');
  const sweep = await deckOf(widget, /Download netlist \(\.cir\): transfer curve/);
  expect(sweep.deck).toMatch(/^Bcap k o V = v\(k0\)$/m);
  await expectNoAxeViolations(page, selector);
  await page.setViewportSize({ width: 375, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test("the source into a headphone: Check with SPICE runs an AC sweep and draws its response and impedance dashed, within 0.01 dB of the model's", async ({ page }) => {
  test.setTimeout(90_000);
  const requested = requests(page);
  await page.goto('/lessons/output-impedance/');
  await hydrateAll(page);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => ENGINE_REQUEST.test(url))).toEqual([]);

  const selector = '[data-widget="output-impedance"]';
  const widget = await hydrateWidget(page, selector);
  const findings = await check(widget);
  console.log(`SPICE check (source into headphone): ${await widget.locator('[data-spice="status"]').innerText()}`);
  await expect(widget.locator('#oi-fig-response path.plot-series--dashed.plot-series--c')).toHaveCount(1);
  await expect(widget.locator('#oi-fig-impedance path.plot-series--dashed.plot-series--c')).toHaveCount(1);
  await expect(widget.locator('#oi-fig-response table th')).toContainText(['B: 33 Ω source, SPICE (ngspice), dashed']);
  const worstDb = Number(await findings.locator('[data-spice="difference"]').getAttribute('data-worst-db'));
  expect(worstDb).toBeLessThan(0.01);
  await expect(findings.locator('[data-spice="difference"]')).toHaveText(/differ by (less than 0\.001 dB|at most [\d.]+ dB) from 20 Hz to 20 kHz/);
  const worstImpedance = Number(await findings.locator('[data-spice="impedance"]').getAttribute('data-worst-fraction'));
  expect(worstImpedance).toBeLessThan(1e-4);

  const { deck, fileName } = await deckOf(widget, /Download netlist \(\.cir\): response and impedance/);
  expect(deck).toMatch(/^Rout s hp 33$/m);
  expect(deck).toMatch(/^\.ac dec 80 20 20000$/m);
  expect(fileName).toBe('amp-lab-dynamic-300-33ohm-ac-sweep.cir');
  await expectNoAxeViolations(page, selector);

  await widget.getByRole('button', { name: /Tube OTL/ }).click();
  await expect(widget.locator('[data-spice="status"]')).toHaveText(/You changed the circuit since SPICE ran/);
  await expect(widget.locator('#oi-fig-response path.plot-series--c')).toHaveCount(0);
});

test("the rectifier supply: Check with SPICE draws ngspice's rail dashed, its ripple within 5 % of the model's and its lines stated", async ({ page }) => {
  test.setTimeout(90_000);
  const requested = requests(page);
  await page.goto('/lessons/power-supplies/');
  await hydrateAll(page);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => ENGINE_REQUEST.test(url))).toEqual([]);

  const selector = '[data-widget="power-supply"]';
  const widget = await hydrateWidget(page, selector);
  const findings = await check(widget);
  console.log(`SPICE check (rectifier supply): ${await widget.locator('[data-spice="status"]').innerText()}`);
  await expect(widget.locator('#ps-fig-rail path.plot-series--dashed.plot-series--c')).toHaveCount(1);
  await expect(widget.locator('#ps-fig-rail table th')).toContainText(['Reservoir rail, SPICE (ngspice), dashed']);
  const ripple = findings.locator('[data-spice="ripple"]');
  const modelVolts = Number(await ripple.getAttribute('data-model-volts'));
  const spiceVolts = Number(await ripple.getAttribute('data-spice-volts'));
  // REFERENCES §6: 100 mA from 2200 µF at 50 Hz, bridge: I/(2fC) = 0.45 V, an upper bound.
  expect(spiceVolts).toBeLessThan(0.4545);
  expect(Math.abs(spiceVolts / modelVolts - 1)).toBeLessThan(0.05);
  const worstVolts = Number(await findings.locator('[data-spice="difference"]').getAttribute('data-worst-volts'));
  expect(worstVolts).toBeLessThan(0.1);
  await expect(findings.locator('[data-spice="lines"]')).toContainText(/100 Hz: model [\d.]+ mV rms, SPICE [\d.]+ mV rms\./);
  expect(Number(await findings.locator('[data-spice="lines"]').getAttribute('data-worst-db'))).toBeLessThan(3);

  const { deck, fileName } = await deckOf(widget, /Download netlist \(\.cir\): supply rail/);
  expect(deck).toMatch(/^\.model drect D\(IS=/m);
  expect(deck).toMatch(/^\.tran .* uic$/m);
  expect(fileName).toBe('amp-lab-supply-ac-linear-full-wave-bridge-2200uF-100mA-50Hz-transient.cir');
  await expectNoAxeViolations(page, selector);
  await page.setViewportSize({ width: 375, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  await widget.getByLabel('Supply', { exact: true }).selectOption('batteries');
  await expect(widget.getByRole('button', { name: /Check (again )?with SPICE/ })).toHaveCount(0);
});

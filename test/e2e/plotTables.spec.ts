// A figure's data table writes its rows only once the reader opens it (a closed table costs a redraw nothing), and
// then follows the controls; without JavaScript the static table has them all. Checked on the triode stage's
// transfer curve, whose row at 0 V in is the plate's idle voltage, solved here from the model.
import { expect, test } from '@playwright/test';
import { formatVolts } from '../../src/components/format';
import '../../src/components/widgets/ampStage/allStages';
import { DEFAULT_AMP_STAGE_SETTINGS, stageView } from '../../src/components/widgets/ampStage/views';
import { hydrateWidget, setRange } from './helpers';

const LESSON = '/lessons/tube-vs-solid-state/';
const idlePlateText = (plateSupplyVolts: number) =>
  formatVolts(stageView({ ...DEFAULT_AMP_STAGE_SETTINGS, kind: 'triode', plateSupplyVolts }).stage.quiescentOutputVolts);

test('the transfer curve’s table fills when opened and follows the plate supply', async ({ page }) => {
  await page.goto(LESSON);
  const widget = await hydrateWidget(page, '[data-widget="amp-stage"]:has(#tvs-plate-supply)');
  const figure = widget.locator('#tvs-fig-transfer');
  const rows = figure.locator('tbody tr');
  await expect(rows).toHaveCount(0);
  await figure.getByText('Data table').click();
  const idleRow = figure.locator('tbody tr').filter({ has: page.locator('th', { hasText: /^0 V$/ }) });
  await expect(idleRow.locator('td')).toHaveText(idlePlateText(250));
  expect(await rows.count()).toBeGreaterThan(5);
  await setRange(widget.locator('#tvs-plate-supply'), 350);
  await expect(idleRow.locator('td')).toHaveText(idlePlateText(350));
  await figure.getByText('Data table').click();
  await expect(rows).toHaveCount(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the static tables carry their rows', async ({ page }) => {
    await page.goto(LESSON);
    const figure = page.locator('#tvs-fig-transfer');
    await figure.getByText('Data table').click();
    await expect(figure.locator('tbody tr').filter({ has: page.locator('th', { hasText: /^0 V$/ }) }).locator('td')).toHaveText(idlePlateText(250));
    expect(await page.locator('#tvs-fig-spectrum tbody tr').count()).toBe(9);
  });
});

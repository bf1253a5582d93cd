// "Check with SPICE" for the power-supply widget, loaded only when the reader presses the button: the rectifier
// supply behind the widget's settings as an ngspice deck (the generator the tests use), its transient in the page's
// SPICE worker, compared with the model's rail and ripple (src/spice/rectifierCheck.ts).
import { formatFixed } from '../../format';
import type { SpiceCheckOutcome, SpiceCheckProgress } from '../../spice/useSpiceCheck';
import { PLOT_SAMPLE_RATE_HZ, rectifierParams, type PowerSupplySettings } from '../../../dsp/circuits/ampSupply';
import { RECTIFIER_RAIL_VECTOR } from '../../../spice/netlists/rectifierSupply';
import { compareRectifier, rectifierCheckDeck, type RectifierCheckResult } from '../../../spice/rectifierCheck';
import { realVectors } from '../../../spice/results';
import { sharedSpiceClient } from '../../../spice/worker/client';

const milliseconds = (ms: number) => `${formatFixed(ms, 0)} ms`;

export async function checkSupplyWithSpice(
  settings: PowerSupplySettings,
  onProgress: (progress: SpiceCheckProgress) => void,
): Promise<SpiceCheckOutcome<RectifierCheckResult>> {
  const plan = { params: rectifierParams(settings), sampleRateHz: PLOT_SAMPLE_RATE_HZ };
  const deck = rectifierCheckDeck(plan);
  const run = await sharedSpiceClient().run(deck, { onProgress });
  const result = compareRectifier(plan, realVectors(run.result, [RECTIFIER_RAIL_VECTOR], run.messages));
  const started = run.engineStartMs === null ? '' : `The simulator started in ${milliseconds(run.engineStartMs)}; `;
  const { params } = plan;
  const stem = `amp-lab-supply-${settings.mode}-${params.rectifier}-${formatFixed(params.capacitanceFarads * 1e6, 0)}uF-${formatFixed(params.loadAmps * 1e3, 0)}mA-${params.mainsHz}Hz`;
  return {
    result,
    decks: [{ label: 'supply rail (transient)', fileName: `${stem}-transient.cir`, deck }],
    timing: `${started}ngspice ran the transient in ${milliseconds(run.runMs)}.`,
  };
}

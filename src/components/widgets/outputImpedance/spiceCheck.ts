// "Check with SPICE" for the output-impedance widget, loaded only when the reader presses the button: the source
// into the chosen headphone's model as an ngspice deck (the generator the tests use), one AC sweep in the page's
// SPICE worker, compared with the model (src/spice/sourceLoadCheck.ts).
import { formatFixed } from '../../format';
import type { SpiceCheckOutcome, SpiceCheckProgress } from '../../spice/useSpiceCheck';
import { headphoneById } from '../../../dsp/headphones';
import { acVectors } from '../../../spice/results';
import { HEADPHONE_CURRENT_VECTOR, HEADPHONE_NODE_VECTOR, sourceIntoHeadphoneNetlist } from '../../../spice/netlists/sourceIntoHeadphone';
import { SOURCE_LOAD_SWEEP, compareSourceLoad, type SourceLoadCheckResult } from '../../../spice/sourceLoadCheck';
import { savingOnly } from '../../../spice/deck';
import { sharedSpiceClient } from '../../../spice/worker/client';

const milliseconds = (ms: number) => `${formatFixed(ms, 0)} ms`;

export async function checkSourceLoadWithSpice(
  headphoneId: string,
  outputImpedanceOhms: number,
  onProgress: (progress: SpiceCheckProgress) => void,
): Promise<SpiceCheckOutcome<SourceLoadCheckResult>> {
  const model = headphoneById(headphoneId);
  const vectors = [HEADPHONE_NODE_VECTOR, HEADPHONE_CURRENT_VECTOR];
  const deck = savingOnly(sourceIntoHeadphoneNetlist(model, outputImpedanceOhms, SOURCE_LOAD_SWEEP), vectors);
  const run = await sharedSpiceClient().run(deck, { onProgress });
  const result = compareSourceLoad(model.impedance, outputImpedanceOhms, acVectors(run.result, vectors, run.messages));
  const started = run.engineStartMs === null ? '' : `The simulator started in ${milliseconds(run.engineStartMs)}; `;
  const stem = `amp-lab-${headphoneId}-${String(outputImpedanceOhms).replace('.', 'p')}ohm`;
  return {
    result,
    decks: [{ label: 'response and impedance (AC sweep)', fileName: `${stem}-ac-sweep.cir`, deck }],
    timing: `${started}ngspice ran the AC sweep in ${milliseconds(run.runMs)}.`,
  };
}

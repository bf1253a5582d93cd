// "Check with SPICE" for the amplifier-stage widget, loaded only when the reader presses the button: builds the two
// decks from the widget's values (spicePlan.ts), runs them in the page's SPICE worker and compares ngspice's curve,
// waveform and harmonics with the model's (src/spice/stageCheck.ts).
import { formatFixed } from '../../format';
import type { SpiceCheckOutcome, SpiceCheckProgress } from '../../spice/useSpiceCheck';
import { realVectors } from '../../../spice/results';
import { compareStage, stageCheckDecks, type StageCheckResult } from '../../../spice/stageCheck';
import { sharedSpiceClient } from '../../../spice/worker/client';
import { ampStageSpicePlan } from './spicePlan';
import type { AmpStageSettings } from './views';

const milliseconds = (ms: number) => `${formatFixed(ms, 0)} ms`;

export async function checkAmpStageWithSpice(
  settings: AmpStageSettings,
  driveDb: number,
  onProgress: (progress: SpiceCheckProgress) => void,
): Promise<SpiceCheckOutcome<StageCheckResult>> {
  const plan = ampStageSpicePlan(settings, driveDb);
  if (plan === null) throw new Error('This stage has no SPICE netlist yet.');
  const decks = stageCheckDecks(plan);
  const client = sharedSpiceClient();
  const vectors = [plan.circuit.outputVector];
  const transfer = await client.run(decks[0].deck, { onProgress });
  const transient = await client.run(decks[1].deck, { onProgress });
  const result = compareStage(
    plan,
    realVectors(transfer.result, vectors, transfer.messages),
    realVectors(transient.result, vectors, transient.messages),
  );
  const started = transfer.engineStartMs === null ? '' : `The simulator started in ${milliseconds(transfer.engineStartMs)}; `;
  const ran = `ngspice ran the DC sweep in ${milliseconds(transfer.runMs)} and the transient in ${milliseconds(transient.runMs)}.`;
  return { result, decks, timing: `${started}${ran}` };
}

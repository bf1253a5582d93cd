// "Check with SPICE" for the amplifier-stage widget, loaded only when the reader presses the button: builds the two
// decks from the widget's values (spicePlan.ts), runs them in the page's SPICE worker and compares ngspice's curve,
// waveform and harmonics with the model's (src/spice/stageCheck.ts); for a stage that reads out its output
// impedance (the cathode follower), a third, AC deck checks that figure.
import { formatFixed } from '../../format';
import type { SpiceCheckOutcome, SpiceCheckProgress } from '../../spice/useSpiceCheck';
import { acVectors, realVectors } from '../../../spice/results';
import { compareStage, stageCheckDecks, type StageCheckResult } from '../../../spice/stageCheck';
import { sharedSpiceClient } from '../../../spice/worker/client';
import { ampStageSpicePlan, outputImpedancePlan } from './spicePlan';
import type { AmpStageSettings, StageKind } from './views';

/** What the SPICE deck of each stage is, so a reader knows what agreement means. */
const SPICE_NOTES: Record<StageKind, string> = {
  triode: "ngspice solves the same Koren tube equations as behavioural sources, with its own solver.",
  pushpull:
    "ngspice solves the circuit with its own transistor model (Gummel-Poon, reduced to the Ebers-Moll law this model uses). Near the rails its transistors saturate gradually where the model stops hard, so a drive that reaches the rails shows the largest difference.",
  opamp:
    "The model of this stage is behavioural (a gain, a limit short of each rail, a current limit, the build-out resistor), and so is ngspice's op amp here, so this checks the circuit's algebra: the gain, where it clips into this headphone, and whether the rails or the current limit clip first. The model bends into its limits over a 0.2 V knee; ngspice's feedback loop holds the output straight up to them, so they differ most where the drive just reaches the limit.",
  follower:
    "ngspice solves the same Koren tube equations as behavioural sources, with its own solver; the coupling capacitor holds the idle cathode voltage that ngspice finds itself, from an unloaded copy of the stage in the same deck. Its output impedance comes from an AC analysis: a test current into the output with the headphone lifted.",
};

export interface AmpStageCheckResult extends StageCheckResult {
  /** The output impedance at the bias point: the model's and ngspice's AC analysis's; null for stages without one. */
  readonly outputImpedance: { readonly modelOhms: number; readonly spiceOhms: number } | null;
  /** What the deck is, so a reader knows what agreement means (kept here so the page loads it with the check). */
  readonly note: string;
}

const milliseconds = (ms: number) => `${formatFixed(ms, 0)} ms`;

export async function checkAmpStageWithSpice(
  settings: AmpStageSettings,
  driveDb: number,
  onProgress: (progress: SpiceCheckProgress) => void,
): Promise<SpiceCheckOutcome<AmpStageCheckResult>> {
  const plan = ampStageSpicePlan(settings, driveDb);
  if (plan === null) throw new Error('This stage has no SPICE netlist yet.');
  const decks = stageCheckDecks(plan);
  const client = sharedSpiceClient();
  const vectors = [plan.circuit.outputVector];
  const transfer = await client.run(decks[0].deck, { onProgress });
  const transient = await client.run(decks[1].deck, { onProgress });
  const stage = compareStage(
    plan,
    realVectors(transfer.result, vectors, transfer.messages),
    realVectors(transient.result, vectors, transient.messages),
  );
  const impedancePlan = outputImpedancePlan(settings);
  let outputImpedance: AmpStageCheckResult['outputImpedance'] = null;
  let acText = '';
  if (impedancePlan !== null) {
    const ac = await client.run(impedancePlan.deck, { onProgress });
    const value = acVectors(ac.result, [impedancePlan.vector], ac.messages).vectors[impedancePlan.vector]?.[0];
    if (value === undefined) throw new Error('ngspice returned no output impedance');
    outputImpedance = { modelOhms: impedancePlan.modelOhms, spiceOhms: Math.hypot(value.re, value.im) };
    acText = ` and the AC analysis in ${milliseconds(ac.runMs)}`;
  }
  const started = transfer.engineStartMs === null ? '' : `The simulator started in ${milliseconds(transfer.engineStartMs)}; `;
  const ran = `ngspice ran the DC sweep in ${milliseconds(transfer.runMs)}, the transient in ${milliseconds(transient.runMs)}${acText}.`;
  const allDecks = impedancePlan === null ? decks : [...decks, { label: impedancePlan.label, fileName: impedancePlan.fileName, deck: impedancePlan.deck }];
  return { result: { ...stage, outputImpedance, note: SPICE_NOTES[settings.kind] }, decks: allDecks, timing: `${started}${ran}` };
}

// The amplifier-stage widget's triode common-cathode stage: its model's view (src/dsp/circuits/triodeStage.ts) and its
// supply control's range (its schematic is ./triodeSchematic). Importing this module registers it with ./views.
import { SUPPLY_RANGE_VOLTS, triodeClippingPoints, triodeStage, TRIODE_STAGE_DESIGNS, type TriodeStageParams } from '../../../dsp/circuits/triodeStage';
import { provideStageKit, viewOf, type AmpStageSettings, type StageView } from './views';

export function triodeParams(s: AmpStageSettings): TriodeStageParams {
  return { ...TRIODE_STAGE_DESIGNS[s.tube], supplyVolts: s.plateSupplyVolts };
}

/** The triode stops at 1.5× full swing: its model has no grid current, which would clip a real stage there. */
function triodeView(s: AmpStageSettings): StageView {
  const params = triodeParams(s);
  const { inputAtGridCurrentVolts, inputAtCutoffVolts } = triodeClippingPoints(params);
  const fullSwing = Math.min(inputAtGridCurrentVolts, -inputAtCutoffVolts);
  return viewOf(triodeStage(params), fullSwing, 1.5 * fullSwing, 'Plate voltage', true);
}

provideStageKit('triode', { view: triodeView, supplyRange: SUPPLY_RANGE_VOLTS });

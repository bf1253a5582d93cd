// What "Check with SPICE" runs for the amplifier-stage widget: the stage's deck from the widget's current values (the
// generator the tests use), the model's curve, and the widget's plot ranges and tone. Pure: the unit tests build
// their checks here too. Stages without a deck get null.
import type { StageCheckPlan } from '../../../spice/stageCheck';
import { TRIODE_STAGE_INPUT, TRIODE_STAGE_OUTPUT, triodeStageNetlist } from '../../../spice/netlists/triodeStage';
import {
  CURVE_POINTS,
  HARMONICS_SHOWN,
  TONE_HZ,
  TONE_SAMPLE_RATE_HZ,
  curvePeakVolts,
  drivePeakVolts,
  stageView,
  triodeParams,
  type AmpStageSettings,
} from './views';

export function ampStageSpicePlan(settings: AmpStageSettings, driveDb: number): StageCheckPlan | null {
  if (settings.kind !== 'triode') return null;
  const view = stageView(settings);
  const params = triodeParams(settings);
  return {
    circuit: {
      fileStem: `amp-lab-triode-${params.tube.name}-${params.supplyVolts}V`,
      inputSource: TRIODE_STAGE_INPUT,
      outputVector: TRIODE_STAGE_OUTPUT,
      netlist: (analysis) => triodeStageNetlist(params, analysis),
    },
    modelVolts: view.stage.transferVolts,
    sweepPeakVolts: curvePeakVolts(view),
    sweepSteps: CURVE_POINTS - 1,
    drivePeakVolts: drivePeakVolts(view, Math.min(driveDb, view.maxDriveDb)),
    toneHz: TONE_HZ,
    sampleRateHz: TONE_SAMPLE_RATE_HZ,
    harmonicCount: HARMONICS_SHOWN,
  };
}

// What "Check with SPICE" runs for the amplifier-stage widget: the stage's deck from the widget's current values (the
// generator the tests use), the model's curve, and the widget's plot ranges and tone. Pure: the unit tests build
// their checks here too.
import { spiceNumber } from '../../../spice/deck';
import type { StageCheckPlan, StageSpiceCircuit } from '../../../spice/stageCheck';
import { TRIODE_STAGE_INPUT, TRIODE_STAGE_OUTPUT, triodeStageNetlist } from '../../../spice/netlists/triodeStage';
import { OP_AMP_STAGE_INPUT, OP_AMP_STAGE_OUTPUT, opAmpStageNetlist } from '../../../spice/netlists/opAmpStage';
import { PUSH_PULL_INPUT, PUSH_PULL_OUTPUT, pushPullStageNetlist } from '../../../spice/netlists/pushPullStage';
import {
  CATHODE_FOLLOWER_INPUT,
  CATHODE_FOLLOWER_OUTPUT,
  cathodeFollowerNetlist,
  cathodeFollowerOutputImpedanceNetlist,
} from '../../../spice/netlists/cathodeFollower';
import { cathodeFollowerOutputImpedanceOhms } from '../../../dsp/circuits/cathodeFollower';
import { followerParams } from './follower';
import { opAmpParams } from './opamp';
import { pushPullParams } from './pushpull';
import { triodeParams } from './triode';
import {
  CURVE_POINTS,
  HARMONICS_SHOWN,
  TONE_HZ,
  TONE_SAMPLE_RATE_HZ,
  curvePeakVolts,
  drivePeakVolts,
  stageView,
  type AmpStageSettings,
} from './views';

/**
 * The triode's curve is smooth (no corner: the model has no grid current), so its transient takes 100 steps a
 * period instead of 250: 2.5 times fewer points, harmonics unchanged to 0.002 dB (spiceStageCheck.test.ts).
 */
const TRIODE_STEPS_PER_PERIOD = 100;

function circuitOf(settings: AmpStageSettings): StageSpiceCircuit | null {
  switch (settings.kind) {
    case 'triode': {
      const params = triodeParams(settings);
      return {
        fileStem: `amp-lab-triode-${params.tube.name}-${params.supplyVolts}V`,
        inputSource: TRIODE_STAGE_INPUT,
        outputVector: TRIODE_STAGE_OUTPUT,
        netlist: (analysis) => triodeStageNetlist(params, analysis),
      };
    }
    case 'pushpull': {
      const params = pushPullParams(settings);
      const bias = params.outputClass === 'AB' ? `-${spiceNumber(Number((1000 * params.biasCurrentAmps).toPrecision(4)))}mA` : '';
      return {
        fileStem: `amp-lab-push-pull-class-${params.outputClass}${bias}-${spiceNumber(params.loadOhms)}ohm`,
        inputSource: PUSH_PULL_INPUT,
        outputVector: PUSH_PULL_OUTPUT,
        netlist: (analysis) => pushPullStageNetlist(params, analysis),
      };
    }
    case 'opamp': {
      const params = opAmpParams(settings);
      return {
        fileStem: `amp-lab-op-amp-${settings.opAmpOutputKind}-${settings.opAmpSupplyId}-gain-${spiceNumber(params.gain)}-${spiceNumber(params.loadOhms)}ohm`,
        inputSource: OP_AMP_STAGE_INPUT,
        outputVector: OP_AMP_STAGE_OUTPUT,
        netlist: (analysis) => opAmpStageNetlist(params, analysis),
      };
    }
    case 'follower': {
      const params = followerParams(settings);
      return {
        fileStem: `amp-lab-cathode-follower-${params.parallelSections}x${params.tube.name}-${spiceNumber(params.loadOhms)}ohm`,
        inputSource: CATHODE_FOLLOWER_INPUT,
        outputVector: CATHODE_FOLLOWER_OUTPUT,
        netlist: (analysis) => cathodeFollowerNetlist(params, analysis),
      };
    }
  }
}

/** An output-impedance check: the AC deck, the vector that reads the impedance in ohms, and the model's figure. */
export interface OutputImpedancePlan {
  readonly label: string;
  readonly fileName: string;
  readonly deck: string;
  readonly vector: string;
  readonly modelOhms: number;
}

/** The stages whose view reads out an output impedance get an AC check of it (the cathode follower); others null. */
export function outputImpedancePlan(settings: AmpStageSettings): OutputImpedancePlan | null {
  if (settings.kind !== 'follower') return null;
  const params = followerParams(settings);
  return {
    label: 'output impedance (AC)',
    fileName: `amp-lab-cathode-follower-${params.parallelSections}x${params.tube.name}-output-impedance.cir`,
    deck: cathodeFollowerOutputImpedanceNetlist(params),
    vector: CATHODE_FOLLOWER_OUTPUT,
    modelOhms: cathodeFollowerOutputImpedanceOhms(params),
  };
}

export function ampStageSpicePlan(settings: AmpStageSettings, driveDb: number): StageCheckPlan | null {
  const circuit = circuitOf(settings);
  if (circuit === null) return null;
  const view = stageView(settings);
  return {
    circuit,
    modelVolts: view.stage.transferVolts,
    sweepPeakVolts: curvePeakVolts(view),
    sweepSteps: CURVE_POINTS - 1,
    drivePeakVolts: drivePeakVolts(view, Math.min(driveDb, view.maxDriveDb)),
    toneHz: TONE_HZ,
    sampleRateHz: TONE_SAMPLE_RATE_HZ,
    harmonicCount: HARMONICS_SHOWN,
    ...(settings.kind === 'triode' ? { transientStepsPerPeriod: TRIODE_STEPS_PER_PERIOD } : {}),
  };
}

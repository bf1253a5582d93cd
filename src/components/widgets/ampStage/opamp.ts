// The amplifier-stage widget's op-amp gain stage: its model's view (src/dsp/circuits/opAmpStage.ts) and its controls'
// choices (its schematic is ./opampSchematic). Importing this module registers it with ./views.
import {
  OP_AMP_GAIN_RANGE,
  OP_AMP_OUTPUT_DEVICES,
  OP_AMP_STAGE_DEFAULTS,
  OP_AMP_SUPPLY_PRESETS,
  opAmpClipLimit,
  opAmpPinLimit,
  opAmpStage,
  opAmpStageOnSupply,
  type OpAmpOutputKind,
  type OpAmpStageParams,
} from '../../../dsp/circuits/opAmpStage';
import { provideStageKit, viewOf, type AmpStageSettings, type StageView } from './views';

/**
 * How far past full swing the op-amp stage may be driven (4×, +12 dB): past its rails the curve is simply flat, so
 * hard clipping can be heard in full.
 */
const OP_AMP_OVERDRIVE = 4;

export function opAmpParams(s: AmpStageSettings): OpAmpStageParams {
  return opAmpStageOnSupply(s.opAmpSupplyId, s.opAmpOutputKind, s.opAmpGain, s.loadOhms);
}

/** The output-stage choices, labelled with the model's own figures (how far from each rail it stays clean, its current). */
export function opAmpOutputOptions(formatVoltsText: (volts: number) => string, formatAmpsText: (amps: number) => string): { value: OpAmpOutputKind; label: string }[] {
  const shortOfRail = (kind: OpAmpOutputKind) => OP_AMP_OUTPUT_DEVICES[kind].dropoutVolts + OP_AMP_STAGE_DEFAULTS.kneeVolts;
  return [
    {
      value: 'classic',
      label: `NJM4556A pair, as in the O2 (clean to ${formatVoltsText(shortOfRail('classic'))} from each rail, ${formatAmpsText(OP_AMP_OUTPUT_DEVICES.classic.currentLimitAmps)}; from measurements)`,
    },
    {
      value: 'rail-to-rail',
      label: `Rail-to-rail (clean to ${formatVoltsText(shortOfRail('rail-to-rail'))} from each rail, ${formatAmpsText(OP_AMP_OUTPUT_DEVICES['rail-to-rail'].currentLimitAmps)}; typical, illustrative)`,
    },
  ];
}

function opAmpView(s: AmpStageSettings): StageView {
  const params = opAmpParams(s);
  const fullSwing = opAmpPinLimit(params).pinVolts / params.gain;
  return viewOf(opAmpStage(params), fullSwing, OP_AMP_OVERDRIVE * fullSwing, 'Voltage across the headphone', false);
}

provideStageKit('opamp', {
  view: opAmpView,
  supplyOptions: OP_AMP_SUPPLY_PRESETS.map((p) => ({ value: p.id, label: p.label })),
  gainMin: OP_AMP_GAIN_RANGE.min,
  outputOptions: opAmpOutputOptions,
  clipReadout: (s, frequencyHz) => {
    const params = opAmpParams(s);
    return { params, limit: opAmpClipLimit(params, frequencyHz) };
  },
});

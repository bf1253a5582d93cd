// The amplifier-stage widget's four stages behind one shape: build the stage model from the widget's settings,
// and say where its full swing is (0 dB of drive), whether it inverts, and its gain at full swing. Pure: the
// widget, its exercise and the browser tests all build stages through here. The cathode follower's model comes in
// only when a reader picks it (./follower registers it here), so pages that never show it don't load it.
import { opAmpClipLimit, opAmpPinLimit, opAmpStage, opAmpStageOnSupply, OP_AMP_OUTPUT_DEVICES, OP_AMP_STAGE_DEFAULTS, type OpAmpOutputKind, type OpAmpStageParams } from '../../../dsp/circuits/opAmpStage';
import { pushPullStage, PUSH_PULL_DEFAULTS, type PushPullClass, type PushPullParams } from '../../../dsp/circuits/pushPullStage';
import type { AmplifierStage } from '../../../dsp/circuits/stage';
import { triodeClippingPoints, triodeStage, TRIODE_STAGE_DESIGNS, type TriodeStageParams } from '../../../dsp/circuits/triodeStage';
import type { KorenTriodeName } from '../../../dsp/circuits/koren';
import { MUSIC_PEAK_DBFS } from '../../../audio/programLevels';
import type { Circuit } from '../../schematics/types';

export type StageKind = 'opamp' | 'triode' | 'pushpull' | 'follower';

export const STAGE_LABELS: Record<StageKind, string> = {
  opamp: 'Op-amp gain stage (solid state)',
  triode: 'Triode common-cathode stage (tube)',
  pushpull: 'Push-pull emitter followers (output stage)',
  follower: 'OTL cathode follower (tube output stage)',
};

export interface AmpStageSettings {
  kind: StageKind;
  /** Peak input of the program's peaks, dB relative to the input that reaches the stage's full swing. */
  driveDb: number;
  tube: KorenTriodeName;
  plateSupplyVolts: number;
  opAmpSupplyId: string;
  opAmpOutputKind: OpAmpOutputKind;
  opAmpGain: number;
  pushPullClass: PushPullClass;
  biasCurrentAmps: number;
  loadOhms: number;
  /** The cathode follower's triode sections in parallel, and its headphone (an OTL suits high impedances). */
  followerSections: number;
  followerLoadOhms: number;
}

export const DRIVE_RANGE_DB = { min: -40, step: 0.5 } as const;

/** The plots' test tone and sampling: a 1 kHz sine, harmonics read at 48 kHz, the 2nd … 10th shown. */
export const TONE_HZ = 1000;
export const TONE_SAMPLE_RATE_HZ = 48000;
export const HARMONICS_SHOWN = 9;
/** Points of the drawn transfer curve, evenly spread over ±curvePeakVolts. */
export const CURVE_POINTS = 121;

/** The stages whose circuit has a SPICE deck, so their widget offers "Check with SPICE". */
export const SPICE_CHECKED_STAGES: readonly StageKind[] = ['triode', 'pushpull', 'opamp', 'follower'];

/**
 * How far past full swing the op-amp stage may be driven (4×, +12 dB): past its rails the curve is simply flat, so
 * hard clipping can be heard in full. The triode stops at 1.5× (its model has no grid current, which would clip a
 * real stage there), the push-pull at ±Vcc in (its driver's own rails).
 */
const OP_AMP_OVERDRIVE = 4;

export const DEFAULT_AMP_STAGE_SETTINGS: AmpStageSettings = {
  kind: 'opamp',
  driveDb: -6,
  tube: '12AU7',
  plateSupplyVolts: TRIODE_STAGE_DESIGNS['12AU7'].supplyVolts,
  opAmpSupplyId: 'o2-mains',
  opAmpOutputKind: 'classic',
  opAmpGain: OP_AMP_STAGE_DEFAULTS.gain,
  pushPullClass: 'AB',
  biasCurrentAmps: PUSH_PULL_DEFAULTS.biasCurrentAmps,
  loadOhms: 32,
  followerSections: 2,
  followerLoadOhms: 300,
};

export interface StageView {
  stage: AmplifierStage;
  /** Input peak that reaches full swing: the rails (op-amp), the grid meeting the cathode (triode), ±Vcc in (push-pull). */
  fullSwingInputVoltsPeak: number;
  /** Largest drive the stage's model is meant for, dB re full swing. */
  maxDriveDb: number;
  /** The stage inverts (a common-cathode triode): the sound is flipped back so A and B share one polarity. */
  invert: boolean;
  /** (out(+full) − out(−full)) / (2·full): the gain a full-swing sine sees, sign included. */
  fullSwingGain: number;
  /** What the output is, for axis labels. */
  outputName: string;
}

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

/** What clips the op-amp stage's sine at frequencyHz, from the model (rails, current limit or slew rate). */
export function opAmpClipReadout(s: AmpStageSettings, frequencyHz: number) {
  const params = opAmpParams(s);
  return { params, limit: opAmpClipLimit(params, frequencyHz) };
}

export function triodeParams(s: AmpStageSettings): TriodeStageParams {
  return { ...TRIODE_STAGE_DESIGNS[s.tube], supplyVolts: s.plateSupplyVolts };
}

export function pushPullParams(s: AmpStageSettings): PushPullParams {
  return { ...PUSH_PULL_DEFAULTS, outputClass: s.pushPullClass, biasCurrentAmps: s.biasCurrentAmps, loadOhms: s.loadOhms };
}

export function viewOf(stage: AmplifierStage, fullSwingInputVoltsPeak: number, maxInputVoltsPeak: number, outputName: string, invert: boolean): StageView {
  const fullSwingGain = (stage.transferVolts(fullSwingInputVoltsPeak) - stage.transferVolts(-fullSwingInputVoltsPeak)) / (2 * fullSwingInputVoltsPeak);
  return {
    stage,
    fullSwingInputVoltsPeak,
    maxDriveDb: 20 * Math.log10(maxInputVoltsPeak / fullSwingInputVoltsPeak),
    invert,
    fullSwingGain,
    outputName,
  };
}

export function stageView(s: AmpStageSettings): StageView {
  switch (s.kind) {
    case 'opamp': {
      const params = opAmpParams(s);
      const fullSwing = opAmpPinLimit(params).pinVolts / params.gain;
      return viewOf(opAmpStage(params), fullSwing, OP_AMP_OVERDRIVE * fullSwing, 'Voltage across the headphone', false);
    }
    case 'triode': {
      const params = triodeParams(s);
      const { inputAtGridCurrentVolts, inputAtCutoffVolts } = triodeClippingPoints(params);
      const fullSwing = Math.min(inputAtGridCurrentVolts, -inputAtCutoffVolts);
      return viewOf(triodeStage(params), fullSwing, 1.5 * fullSwing, 'Plate voltage', true);
    }
    case 'pushpull': {
      const params = pushPullParams(s);
      return viewOf(pushPullStage(params), params.railVolts, params.railVolts, 'Voltage across the headphone', false);
    }
    case 'follower':
      return loadedFollowerKit().view(s);
  }
}

/** What ./follower provides once loaded: the cathode follower's view, schematic and output impedance. */
export interface FollowerKit {
  view(s: AmpStageSettings): StageView;
  circuit(s: AmpStageSettings, view: StageView, inputVolts: number): Circuit;
  /** At the bias point, from the model (rp/(µ + 1) ∥ Rk linearised). */
  outputImpedanceOhms(s: AmpStageSettings): number;
  /** The idle current through all the sections. */
  idleAmps(s: AmpStageSettings): number;
  /** The sections-in-parallel control's range. */
  readonly sectionsRange: { readonly min: number; readonly max: number; readonly step: number };
}

let followerKit: FollowerKit | null = null;

/** Called by ./follower as it loads. */
export function provideFollowerKit(kit: FollowerKit): void {
  followerKit = kit;
}

export function isFollowerKitLoaded(): boolean {
  return followerKit !== null;
}

/** The cathode follower's kit; throws if ./follower has not been imported yet (load it before choosing the stage). */
export function loadedFollowerKit(): FollowerKit {
  if (followerKit === null) throw new Error('the cathode follower is not loaded yet: import ./follower first');
  return followerKit;
}

/** The transfer curve's input range, ±this: the largest drive the model is meant for. */
export function curvePeakVolts(view: StageView): number {
  return view.fullSwingInputVoltsPeak * 10 ** (view.maxDriveDb / 20);
}

/** The drive's input peak in volts: full swing × 10^(drive/20). */
export function drivePeakVolts(view: StageView, driveDb: number): number {
  return view.fullSwingInputVoltsPeak * 10 ** (driveDb / 20);
}

/** Stage input volts per full-scale sample: the program's peaks (MUSIC_PEAK_DBFS) stand for the drive's peak. */
export function inputVoltsPerFullScale(view: StageView, driveDb: number): number {
  return drivePeakVolts(view, driveDb) / 10 ** (MUSIC_PEAK_DBFS / 20);
}

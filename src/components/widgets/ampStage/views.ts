// The amplifier-stage widget's four stages behind one shape: build the stage model from the widget's settings,
// and say where its full swing is (0 dB of drive), whether it inverts, and its gain at full swing. Pure: the
// widget, its exercise and the browser tests all build stages through here. Each stage's model, schematic and
// figures live in its own module (./opamp, ./triode, ./pushpull, ./follower), which registers itself here as it
// loads, so a page loads only the stages it shows: the first at hydration, others when the reader picks them.
import type { OpAmpClipLimit, OpAmpOutputKind, OpAmpStageParams } from '../../../dsp/circuits/opAmpStage';
import type { PushPullClass } from '../../../dsp/circuits/pushPullStage';
import type { AmplifierStage } from '../../../dsp/circuits/stage';
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
 * The settings a widget starts from. The numbers are the models' own defaults (the 12AU7 design's 250 V supply, the
 * op-amp stage's gain 2.5, the push-pull stage's 20 mA bias), written out so this module needs none of the models;
 * stageKits.test.ts checks them against src/dsp/circuits.
 */
export const DEFAULT_AMP_STAGE_SETTINGS: AmpStageSettings = {
  kind: 'opamp',
  driveDb: -6,
  tube: '12AU7',
  plateSupplyVolts: 250,
  opAmpSupplyId: 'o2-mains',
  opAmpOutputKind: 'classic',
  opAmpGain: 2.5,
  pushPullClass: 'AB',
  biasCurrentAmps: 0.02,
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

/** What every stage's module provides: its view. */
export interface StageKitBase {
  view(s: AmpStageSettings): StageView;
}

/** A stage's schematic with the model's values at an input (its own module: the widget draws it, an exercise doesn't). */
export type StageSchematic = (s: AmpStageSettings, view: StageView, inputVolts: number) => Circuit;

export interface OpAmpKit extends StageKitBase {
  readonly supplyOptions: readonly { value: string; label: string }[];
  readonly gainMin: number;
  /** The output-stage choices, labelled with the model's own figures. */
  outputOptions(formatVoltsText: (volts: number) => string, formatAmpsText: (amps: number) => string): { value: OpAmpOutputKind; label: string }[];
  /** What clips the stage's sine at frequencyHz, from the model (rails, current limit or slew rate). */
  clipReadout(s: AmpStageSettings, frequencyHz: number): { params: OpAmpStageParams; limit: OpAmpClipLimit };
}

export interface TriodeKit extends StageKitBase {
  readonly supplyRange: { readonly min: number; readonly max: number };
}

export interface EfficiencyCurve {
  id: string;
  label: string;
  color: 'a' | 'b' | 'c';
  dashed?: boolean;
  points: { x: number; y: number }[];
}

export interface PushPullKit extends StageKitBase {
  readonly biasRangeAmps: { readonly max: number };
  /** The idle current per transistor. */
  idleAmps(s: AmpStageSettings): number;
  /** Efficiency and heat in the transistors at an output peak. */
  budget(s: AmpStageSettings, outputPeakVolts: number): { efficiency: number; deviceWatts: number };
  /** This stage's efficiency against output level, with ideal class B and class A push-pull. */
  efficiencyCurves(s: AmpStageSettings): EfficiencyCurve[];
}

/** The cathode follower's extras: its output impedance and idle current, and its sections control. */
export interface FollowerKit extends StageKitBase {
  /** At the bias point, from the model (rp/(µ + 1) ∥ Rk linearised). */
  outputImpedanceOhms(s: AmpStageSettings): number;
  /** The idle current through all the sections. */
  idleAmps(s: AmpStageSettings): number;
  /** The sections-in-parallel control's range. */
  readonly sectionsRange: { readonly min: number; readonly max: number; readonly step: number };
}

export interface StageKits {
  opamp: OpAmpKit;
  triode: TriodeKit;
  pushpull: PushPullKit;
  follower: FollowerKit;
}

const kits: { [K in StageKind]?: StageKits[K] } = {};

const schematics: Partial<Record<StageKind, StageSchematic>> = {};

const SCHEMATIC_LOADERS: Record<StageKind, () => Promise<unknown>> = {
  opamp: () => import('./opampSchematic'),
  triode: () => import('./triodeSchematic'),
  pushpull: () => import('./pushpullSchematic'),
  follower: () => import('./followerSchematic'),
};

const KIT_LOADERS: Record<StageKind, () => Promise<unknown>> = {
  opamp: () => import('./opamp'),
  triode: () => import('./triode'),
  pushpull: () => import('./pushpull'),
  follower: () => import('./follower'),
};

/** Called by each stage's module as it loads. */
export function provideStageKit<K extends StageKind>(kind: K, kit: StageKits[K]): void {
  (kits as Record<K, StageKits[K]>)[kind] = kit;
}

/** Called by each stage's schematic module as it loads. */
export function provideStageSchematic(kind: StageKind, schematic: StageSchematic): void {
  schematics[kind] = schematic;
}

export function isStageKitLoaded(kind: StageKind): boolean {
  return kits[kind] !== undefined;
}

export function isStageSchematicLoaded(kind: StageKind): boolean {
  return schematics[kind] !== undefined;
}

/** Loads the models and schematics of these stages (the widget's needs). */
export async function loadStageSchematics(kinds: readonly StageKind[]): Promise<void> {
  await Promise.all([loadStageKits(kinds), ...kinds.filter((kind) => !isStageSchematicLoaded(kind)).map((kind) => SCHEMATIC_LOADERS[kind]())]);
}

/** The stage's schematic at an input; throws if its module has not been loaded yet (loadStageSchematics first). */
export function stageCircuit(s: AmpStageSettings, view: StageView, inputVolts: number): Circuit {
  const schematic = schematics[s.kind];
  if (schematic === undefined) throw new Error(`the ${s.kind} stage's schematic is not loaded yet: loadStageSchematics first`);
  return schematic(s, view, inputVolts);
}

/** Loads the modules of these stages (once each); resolves when all have registered. */
export async function loadStageKits(kinds: readonly StageKind[]): Promise<void> {
  await Promise.all(kinds.filter((kind) => !isStageKitLoaded(kind)).map((kind) => KIT_LOADERS[kind]()));
}

/** A stage's kit; throws if its module has not been loaded yet (loadStageKits first). */
export function stageKit<K extends StageKind>(kind: K): StageKits[K] {
  const kit = kits[kind];
  if (kit === undefined) throw new Error(`the ${kind} stage is not loaded yet: loadStageKits first`);
  return kit as StageKits[K];
}

export function stageView(s: AmpStageSettings): StageView {
  return stageKit(s.kind).view(s);
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

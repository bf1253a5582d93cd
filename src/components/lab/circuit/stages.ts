// The stages the circuit lab offers: each one's parts as the reader edits them (in display units: kΩ, µF, V, mA), its
// defaults and ranges. Plain data, so the page loads it at once; the netlists (stageNetlists.ts) and the models
// come in on Run. The defaults of the op-amp and push-pull stages are the models' (test/unit/circuitLabState.test.ts).
import type { KorenTriodeName } from '../../../dsp/circuits/koren';

export type StageId = 'triode' | 'follower' | 'opamp' | 'pushpull';

/** One editable part: its key in the URL, its words, its display unit, and what a value in that unit is in SI. */
export interface PartSpec {
  readonly key: string;
  /** The part's name as drawn, e.g. "Ra". */
  readonly name: string;
  /** What it is, e.g. "plate resistor". */
  readonly role: string;
  readonly unit: string;
  /** SI value of 1 display unit: 1e3 for kΩ, 1e-6 for µF. */
  readonly siPerUnit: number;
  readonly min: number;
  readonly max: number;
}

export type PartValues = Readonly<Record<string, number>>;

export interface LabStage {
  readonly id: StageId;
  readonly label: string;
  /** Whether the stage has a tube to choose. */
  readonly tubes: boolean;
  readonly parts: readonly PartSpec[];
  readonly defaults: PartValues;
  readonly defaultTube: KorenTriodeName;
  /** The test sine's default peak at the input, volts; the DC sweep covers twice it each way. */
  readonly defaultDrivePeakVolts: number;
  /** The nodes whose operating-point voltages the page names, with their words. */
  readonly operatingPointNodes: readonly { readonly vector: string; readonly label: string }[];
}

const kOhm = (key: string, name: string, role: string, min: number, max: number): PartSpec => ({ key, name, role, unit: 'kΩ', siPerUnit: 1e3, min, max });
const ohm = (key: string, name: string, role: string, min: number, max: number): PartSpec => ({ key, name, role, unit: 'Ω', siPerUnit: 1, min, max });
const microFarad = (key: string, name: string, role: string, min: number, max: number): PartSpec => ({ key, name, role, unit: 'µF', siPerUnit: 1e-6, min, max });
const volt = (key: string, name: string, role: string, min: number, max: number): PartSpec => ({ key, name, role, unit: 'V', siPerUnit: 1, min, max });

/** A part's value in SI units. */
export function siValue(stage: LabStage, values: PartValues, key: string): number {
  const spec = stage.parts.find((part) => part.key === key);
  if (spec === undefined) throw new Error(`the ${stage.label} has no part "${key}"`);
  return (values[key] ?? stage.defaults[key] ?? 0) * spec.siPerUnit;
}

const TRIODE: LabStage = {
  id: 'triode',
  label: 'Common-cathode triode stage',
  tubes: true,
  parts: [
    volt('bplus', 'B+', 'plate supply', 50, 500),
    kOhm('ra', 'Ra', 'plate resistor', 1, 1000),
    kOhm('rk', 'Rk', 'cathode resistor', 0.1, 20),
    microFarad('ck', 'Ck', 'cathode bypass capacitor, 0 for none', 0, 1000),
    microFarad('cin', 'Cin', 'input coupling capacitor', 0.001, 10),
    kOhm('rg', 'Rg', 'grid leak', 10, 10_000),
    microFarad('cout', 'Cout', 'output coupling capacitor', 0.001, 10),
    kOhm('rl', 'RL', 'load (the next stage)', 1, 10_000),
  ],
  defaults: { bplus: 250, ra: 100, rk: 1.5, ck: 0, cin: 0.1, rg: 1000, cout: 0.022, rl: 220 },
  defaultTube: '12AX7',
  defaultDrivePeakVolts: 0.5,
  operatingPointNodes: [
    { vector: 'v(p)', label: 'Plate' },
    { vector: 'v(k)', label: 'Cathode' },
    { vector: 'v(g)', label: 'Grid' },
  ],
};

const FOLLOWER: LabStage = {
  id: 'follower',
  label: 'Cathode follower (OTL headphone output)',
  tubes: true,
  parts: [
    volt('bplus', 'B+', 'plate supply', 50, 500),
    volt('bias', 'Vbias', 'grid bias', 5, 300),
    { key: 'n', name: 'n', role: 'sections in parallel', unit: '', siPerUnit: 1, min: 1, max: 4 },
    kOhm('rk', 'Rk', 'cathode resistor', 0.1, 50),
    microFarad('cin', 'Cin', 'input coupling capacitor', 0.001, 10),
    kOhm('rg', 'Rg', 'grid leak', 10, 10_000),
    microFarad('cout', 'Cout', 'output coupling capacitor', 1, 10_000),
    ohm('rl', 'RL', 'headphone', 8, 2000),
  ],
  defaults: { bplus: 250, bias: 100, n: 2, rk: 4.7, cin: 0.1, rg: 1000, cout: 100, rl: 300 },
  defaultTube: '12AU7',
  defaultDrivePeakVolts: 2,
  operatingPointNodes: [
    { vector: 'v(g)', label: 'Grid' },
    { vector: 'v(k)', label: 'Cathode' },
  ],
};

const OP_AMP: LabStage = {
  id: 'opamp',
  label: 'Op-amp non-inverting stage',
  tubes: false,
  parts: [
    { key: 'gain', name: 'G', role: 'gain, 1 + Rf/Rg', unit: '×', siPerUnit: 1, min: 1, max: 20 },
    volt('rail', 'Vrail', 'each rail, ±', 1.5, 18),
    ohm('rbo', 'Rbo', 'build-out resistor', 0, 120),
    ohm('rl', 'RL', 'headphone', 8, 2000),
  ],
  defaults: { gain: 2.5, rail: 12, rbo: 0.54, rl: 32 },
  defaultTube: '12AX7',
  defaultDrivePeakVolts: 1,
  operatingPointNodes: [
    { vector: 'v(pin)', label: 'Output pin' },
    { vector: 'v(out)', label: 'Headphone' },
  ],
};

const PUSH_PULL: LabStage = {
  id: 'pushpull',
  label: 'Push-pull emitter follower (class AB)',
  tubes: false,
  parts: [
    volt('rail', 'Vcc', 'each rail, ±', 1.5, 24),
    { key: 'bias', name: 'Iq', role: 'idle current', unit: 'mA', siPerUnit: 1e-3, min: 0.1, max: 50 },
    ohm('re', 'Re', 'emitter resistors', 0.47, 4.7),
    ohm('rl', 'RL', 'headphone', 8, 2000),
  ],
  defaults: { rail: 12, bias: 20, re: 1, rl: 32 },
  defaultTube: '12AX7',
  defaultDrivePeakVolts: 1,
  operatingPointNodes: [{ vector: 'v(out)', label: 'Output' }],
};

export const LAB_STAGES: Readonly<Record<StageId, LabStage>> = { triode: TRIODE, follower: FOLLOWER, opamp: OP_AMP, pushpull: PUSH_PULL };
export const STAGE_IDS = Object.keys(LAB_STAGES) as StageId[];
export const TUBE_NAMES: readonly KorenTriodeName[] = ['12AX7', '12AU7'];

export function isStageId(text: string | null): text is StageId {
  return text !== null && text in LAB_STAGES;
}

export function isTubeName(text: string | null): text is KorenTriodeName {
  return TUBE_NAMES.some((name) => name === text);
}

/** Why a value can't be used, in plain words, or null. */
export function partProblem(spec: PartSpec, value: number): string | null {
  if (!Number.isFinite(value)) return `Type a number for ${spec.name}.`;
  if (value < spec.min || value > spec.max) return `${spec.name} must be between ${spec.min} and ${spec.max}${spec.unit ? ` ${spec.unit}` : ''}.`;
  return null;
}

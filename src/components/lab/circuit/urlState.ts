// The circuit lab's state in the URL, so a circuit can be shared: the stage, its tube, each part's value (display
// units), the test sine's peak, and — once the reader has edited the netlist text — that text, deflated
// (CompressionStream, built into browsers and Node) and written as base64url. Leaves out anything SPICE returned.
import type { KorenTriodeName } from '../../../dsp/circuits/koren';
import { LAB_STAGES, type PartValues, type StageId, isStageId, isTubeName } from './stages';

export interface LabState {
  readonly stage: StageId;
  readonly tube: KorenTriodeName;
  readonly values: PartValues;
  readonly drivePeakVolts: number;
  /** The reader's own netlist text, or null while the circuit is the stage's generated one. */
  readonly netlist: string | null;
}

export const DRIVE_RANGE_VOLTS = { min: 0.001, max: 100 } as const;

export function defaultLabState(stage: StageId = 'triode'): LabState {
  const spec = LAB_STAGES[stage];
  return { stage, tube: spec.defaultTube, values: spec.defaults, drivePeakVolts: spec.defaultDrivePeakVolts, netlist: null };
}

/** Whether the state is its stage's unedited default (the "original" the lab compares against). */
export function isDefaultCircuit(state: LabState): boolean {
  const original = defaultLabState(state.stage);
  return (
    state.netlist === null &&
    state.tube === original.tube &&
    Object.entries(original.values).every(([key, value]) => state.values[key] === value)
  );
}

async function pipeThrough(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const piped = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function packNetlist(text: string): Promise<string> {
  return toBase64Url(await pipeThrough(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

/** The netlist text, or null if the parameter isn't one this page wrote. */
export async function unpackNetlist(packed: string): Promise<string | null> {
  try {
    return new TextDecoder().decode(await pipeThrough(fromBase64Url(packed), new DecompressionStream('deflate-raw')));
  } catch {
    return null;
  }
}

/** The query string for a state (without "?"). */
export async function queryFromState(state: LabState): Promise<string> {
  const params = new URLSearchParams({ stage: state.stage });
  const spec = LAB_STAGES[state.stage];
  if (spec.tubes) params.set('tube', state.tube);
  for (const part of spec.parts) params.set(part.key, String(state.values[part.key] ?? spec.defaults[part.key]));
  params.set('drive', String(state.drivePeakVolts));
  if (state.netlist !== null) params.set('netlist', await packNetlist(state.netlist));
  return params.toString();
}

function numberIn(text: string | null, range: { min: number; max: number }, fallback: number): number {
  if (text === null) return fallback;
  const value = Number(text);
  return Number.isFinite(value) && value >= range.min && value <= range.max ? value : fallback;
}

/** The state a query string describes; anything missing or out of range falls back to the stage's default. */
export async function stateFromQuery(query: string): Promise<LabState> {
  const params = new URLSearchParams(query);
  const stageParam = params.get('stage');
  const stage = isStageId(stageParam) ? stageParam : 'triode';
  const spec = LAB_STAGES[stage];
  const fallback = defaultLabState(stage);
  const tubeParam = params.get('tube');
  const values: Record<string, number> = {};
  for (const part of spec.parts) values[part.key] = numberIn(params.get(part.key), part, spec.defaults[part.key] ?? part.min);
  const packed = params.get('netlist');
  return {
    stage,
    tube: spec.tubes && isTubeName(tubeParam) ? tubeParam : fallback.tube,
    values,
    drivePeakVolts: numberIn(params.get('drive'), DRIVE_RANGE_VOLTS, fallback.drivePeakVolts),
    netlist: packed === null ? null : await unpackNetlist(packed),
  };
}

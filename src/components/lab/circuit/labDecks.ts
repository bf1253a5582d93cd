// The circuit lab's four decks from one circuit's netlist text (generated or typed by the reader): its operating
// point, its DC transfer with every capacitor held at its idle voltage (so the curve is the stage as audio sees it,
// the capacitors a short for the signal), its AC response and a 1 kHz sine's transient. The circuit's input source
// must be named Vin and its output node `out`. Leaves out running them (labRun.ts).
import { type AcSweepSpec, type SineTransientSpec, acSweepLine, inputSourceValue, spiceNumber, transientLine } from '../../../spice/deck';
import { TRANSIENT_PERIODS, TRANSIENT_STEPS_PER_PERIOD } from '../../../spice/stageCheck';

export const LAB_INPUT = 'Vin';
export const LAB_OUTPUT_VECTOR = 'v(out)';
export const LAB_TONE_HZ = 1000;
/** The DC sweep covers ± this many times the test sine's peak, in DC_SWEEP_STEPS steps (an even count: 0 V is a point). */
export const DC_SWEEP_SPAN_OF_DRIVE = 2;
export const DC_SWEEP_STEPS = 200;
export const AC_SWEEP: Omit<AcSweepSpec, 'sourceName'> = { pointsPerDecade: 20, fromHz: 1, toHz: 100_000 };

/** A netlist the lab can't use, in plain words (no ngspice run was needed to tell). */
export class LabNetlistError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabNetlistError';
  }
}

const ANALYSIS_LINE = /^\s*\.(op|dc|ac|tran)\b.*$/gim;
const END_LINE = /^\s*\.end\s*$/im;
const INPUT_LINE = /^(\s*vin\s+\S+\s+\S+)(.*)$/im;

/** The circuit with no analysis lines and no `.end`, or the reader's own `.ac`/`.tran` line kept (see labDecks). */
function body(circuit: string): { lines: string; ownTransient: string | null; ownAc: string | null } {
  const ownTransient = /^\s*\.tran\b.*$/im.exec(circuit)?.[0].trim() ?? null;
  const ownAc = /^\s*\.ac\b.*$/im.exec(circuit)?.[0].trim() ?? null;
  const endAt = circuit.search(END_LINE);
  const beforeEnd = endAt >= 0 ? circuit.slice(0, endAt) : circuit;
  return { lines: beforeEnd.replace(ANALYSIS_LINE, '').replace(/\n{2,}$/, '\n').trimEnd(), ownTransient, ownAc };
}

/** The circuit with Vin's value set and one analysis line before `.end`. */
function deckWith(lines: string, inputValue: string, analysis: string): string {
  if (!INPUT_LINE.test(lines)) {
    throw new LabNetlistError('The netlist needs an input source named Vin (for example "Vin in 0 DC 0"): the lab drives the circuit there.');
  }
  return `${lines.replace(INPUT_LINE, `$1 ${inputValue}`)}\n${analysis}\n.end\n`;
}

function nodeVolts(operatingPoint: ReadonlyMap<string, number>, node: string): number {
  if (node === '0' || node.toLowerCase() === 'gnd') return 0;
  const volts = operatingPoint.get(`v(${node.toLowerCase()})`);
  if (volts === undefined) throw new LabNetlistError(`The operating point has no voltage for node "${node}".`);
  return volts;
}

/**
 * Every capacitor line `Cname a b value` becomes a source `VCname a b DC v` holding the capacitor at the voltage it
 * sits at in the operating point: what a large capacitor does over one cycle of audio.
 */
export function capacitorsHeld(lines: string, operatingPoint: ReadonlyMap<string, number>): string {
  return lines.replace(/^(\s*)(c\S*)\s+(\S+)\s+(\S+).*$/gim, (_line, indent: string, name: string, a: string, b: string) => {
    const volts = nodeVolts(operatingPoint, a) - nodeVolts(operatingPoint, b);
    return `${indent}V${name} ${a} ${b} DC ${spiceNumber(volts)}`;
  });
}

export interface LabPlan {
  /** The circuit's netlist; any `.op`/`.dc` lines in it are dropped, an `.ac` or `.tran` line of its own is used. */
  readonly circuit: string;
  /** The test sine's peak at the input, volts. */
  readonly drivePeakVolts: number;
}

export interface LabDeck {
  readonly id: 'op' | 'dc' | 'ac' | 'tran';
  readonly label: string;
  readonly deck: string;
}

export function sineTransientSpec(drivePeakVolts: number): SineTransientSpec {
  return { sourceName: LAB_INPUT, peakVolts: drivePeakVolts, frequencyHz: LAB_TONE_HZ, periods: TRANSIENT_PERIODS, stepsPerPeriod: TRANSIENT_STEPS_PER_PERIOD };
}

export function operatingPointDeck(plan: LabPlan): LabDeck {
  return { id: 'op', label: 'operating point (.op)', deck: deckWith(body(plan.circuit).lines, 'DC 0', '.op') };
}

/** The DC transfer deck, once the operating point is known. */
export function transferDeck(plan: LabPlan, operatingPoint: ReadonlyMap<string, number>): LabDeck {
  const peak = DC_SWEEP_SPAN_OF_DRIVE * plan.drivePeakVolts;
  const sweep = `.dc ${LAB_INPUT} ${spiceNumber(-peak)} ${spiceNumber(peak)} ${spiceNumber((2 * peak) / DC_SWEEP_STEPS)}`;
  return { id: 'dc', label: 'transfer curve (.dc, capacitors held at their idle voltages)', deck: deckWith(capacitorsHeld(body(plan.circuit).lines, operatingPoint), 'DC 0', sweep) };
}

export function acDeck(plan: LabPlan): LabDeck {
  const { lines, ownAc } = body(plan.circuit);
  const spec: AcSweepSpec = { sourceName: LAB_INPUT, ...AC_SWEEP };
  return { id: 'ac', label: 'frequency response (.ac)', deck: deckWith(lines, inputSourceValue(spec), ownAc ?? acSweepLine(spec)) };
}

export function transientDeck(plan: LabPlan): LabDeck {
  const { lines, ownTransient } = body(plan.circuit);
  const spec = sineTransientSpec(plan.drivePeakVolts);
  return { id: 'tran', label: `${LAB_TONE_HZ} Hz sine (.tran)`, deck: deckWith(lines, inputSourceValue(spec), ownTransient ?? transientLine(spec)) };
}

/** The circuit as the Netlist tab shows it: the generated deck with its analysis line dropped. */
export function circuitText(deck: string): string {
  const { lines } = body(deck);
  return `${lines}\n.end\n`;
}

/**
 * The parts every generated SPICE deck shares: a title and comment lines, the numbers written the way ngspice reads
 * them, and the analysis lines (`.dc` sweep, sine `.tran`, `.ac dec` sweep, `.op`). Decks are plain text that a desktop
 * ngspice runs as it stands. Leaves out: `.control` blocks (the engine that runs a deck asks for its vectors itself).
 */

/** A number as ngspice reads it: JavaScript's shortest round-trip form ("0.1177", "1e-14"), finite only. */
export function spiceNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`a SPICE deck can't hold ${value}`);
  return String(value);
}

/** Comment lines: `* ` before each line of the text. */
export function spiceComments(text: string): string[] {
  return text.split('\n').map((line) => (line.length > 0 ? `* ${line}` : '*'));
}

/** A linear DC sweep of a source from `fromVolts` to `toVolts` in `steps` equal steps (steps + 1 points). */
export interface DcSweepSpec {
  readonly sourceName: string;
  readonly fromVolts: number;
  readonly toVolts: number;
  readonly steps: number;
}

/** The `.dc` line for a sweep. */
export function dcSweepLine({ sourceName, fromVolts, toVolts, steps }: DcSweepSpec): string {
  if (!Number.isInteger(steps) || steps < 1) throw new Error(`a DC sweep needs a whole number of steps ≥ 1, not ${steps}`);
  const stepVolts = (toVolts - fromVolts) / steps;
  return `.dc ${sourceName} ${spiceNumber(fromVolts)} ${spiceNumber(toVolts)} ${spiceNumber(stepVolts)}`;
}

/** A symmetric sweep of the input source over ±peakVolts. */
export function symmetricSweep(sourceName: string, peakVolts: number, steps: number): DcSweepSpec {
  return { sourceName, fromVolts: -peakVolts, toVolts: peakVolts, steps };
}

/** Printable ASCII, tabs and newlines: ngspice (the WebAssembly build hangs on a "×" in the title) reads nothing else. */
const SPICE_TEXT = /^[\t\n\r\x20-\x7e]*$/;

/** A whole deck: the title line (SPICE ignores the first line), comments, the body, `.end`. ASCII only. */
export function spiceDeck(title: string, comments: string, body: readonly string[]): string {
  const deck = [`* ${title}`, ...spiceComments(comments), '', ...body, '.end', ''].join('\n');
  const bad = [...deck].find((c) => !SPICE_TEXT.test(c));
  if (bad !== undefined) throw new Error(`a SPICE deck must be plain ASCII; it holds "${bad}"`);
  return deck;
}

/**
 * A transient of a sine from phase 0 on one source: `periods` periods of `frequencyHz` at `peakVolts`, each step at
 * most 1/(stepsPerPeriod·f) long (ngspice chooses its own steps below that, so they are not uniform).
 */
export interface SineTransientSpec {
  readonly sourceName: string;
  readonly peakVolts: number;
  readonly frequencyHz: number;
  readonly periods: number;
  readonly stepsPerPeriod: number;
}

/**
 * A small-signal AC sweep, `pointsPerDecade` points a decade from `fromHz` to `toHz` (`.ac dec`), with a 1 V AC
 * source on `sourceName`: each output vector is then the gain from that input, as a complex number.
 */
export interface AcSweepSpec {
  readonly sourceName: string;
  readonly pointsPerDecade: number;
  readonly fromHz: number;
  readonly toHz: number;
}

/** The DC operating point (`.op`): every node voltage and source current with the input source at 0 V. */
export interface OperatingPointSpec {
  readonly sourceName: string;
  readonly operatingPoint: true;
}

/** What a stage's deck analyses: a DC sweep of its input, a sine through it, an AC sweep or its operating point. */
export type StageAnalysis = DcSweepSpec | SineTransientSpec | AcSweepSpec | OperatingPointSpec;

export function isSineTransient(analysis: StageAnalysis): analysis is SineTransientSpec {
  return 'frequencyHz' in analysis;
}

export function isAcSweep(analysis: StageAnalysis): analysis is AcSweepSpec {
  return 'pointsPerDecade' in analysis;
}

export function isOperatingPoint(analysis: StageAnalysis): analysis is OperatingPointSpec {
  return 'operatingPoint' in analysis;
}

/** The `.ac dec` line for an AC sweep. */
export function acSweepLine({ pointsPerDecade, fromHz, toHz }: AcSweepSpec): string {
  if (!Number.isInteger(pointsPerDecade) || pointsPerDecade < 1 || !(fromHz > 0) || !(toHz > fromHz)) {
    throw new Error('an AC sweep needs a whole number of points a decade and 0 < fromHz < toHz');
  }
  return `.ac dec ${pointsPerDecade} ${spiceNumber(fromHz)} ${spiceNumber(toHz)}`;
}

/** The `.op` line. */
export const OPERATING_POINT_LINE = '.op';

/**
 * The input source's value: `DC 0`; for a transient the sine `SIN(0 peak f)` on top, for an AC sweep `AC 1` (a 1 V
 * small signal, so outputs read as gains); a DC sweep ignores it.
 */
export function inputSourceValue(analysis: StageAnalysis): string {
  if (isAcSweep(analysis)) return 'DC 0 AC 1';
  if (!isSineTransient(analysis)) return 'DC 0';
  return `DC 0 SIN(0 ${spiceNumber(analysis.peakVolts)} ${spiceNumber(analysis.frequencyHz)})`;
}

/** The `.tran` line: output step and largest step 1/(stepsPerPeriod·f), from 0 to periods/f. */
export function transientLine({ frequencyHz, periods, stepsPerPeriod }: SineTransientSpec): string {
  if (!(frequencyHz > 0) || !(periods > 0) || !Number.isInteger(stepsPerPeriod) || stepsPerPeriod < 1) {
    throw new Error(`a sine transient needs a positive frequency and length and a whole number of steps per period`);
  }
  const stepSeconds = spiceNumber(1 / (frequencyHz * stepsPerPeriod));
  return `.tran ${stepSeconds} ${spiceNumber(periods / frequencyHz)} 0 ${stepSeconds}`;
}

/** The analysis line for any kind. */
export function analysisLine(analysis: StageAnalysis): string {
  if (isOperatingPoint(analysis)) return OPERATING_POINT_LINE;
  if (isAcSweep(analysis)) return acSweepLine(analysis);
  return isSineTransient(analysis) ? transientLine(analysis) : dcSweepLine(analysis);
}

/** One line saying what the analysis is, for a deck's comments. */
export function analysisComment(analysis: StageAnalysis): string {
  if (isOperatingPoint(analysis)) return `Operating point: every node voltage and source current with ${analysis.sourceName} at 0 V.`;
  if (isAcSweep(analysis)) {
    const { sourceName, pointsPerDecade, fromHz, toHz } = analysis;
    return `AC sweep: ${sourceName} is a 1 V small signal, ${pointsPerDecade} points a decade from ${spiceNumber(fromHz)} Hz to ${spiceNumber(toHz)} Hz.`;
  }
  if (!isSineTransient(analysis)) {
    return `DC sweep of ${analysis.sourceName} from ${spiceNumber(analysis.fromVolts)} V to ${spiceNumber(analysis.toVolts)} V in ${analysis.steps} steps.`;
  }
  const { sourceName, peakVolts, frequencyHz, periods } = analysis;
  return `Transient: ${sourceName} is a ${spiceNumber(frequencyHz)} Hz sine of ${spiceNumber(peakVolts)} V peak, ${spiceNumber(periods)} periods.`;
}

/**
 * The deck with a `.save` line for just these vectors before its `.end`: ngspice then keeps, writes out and hands
 * back only them (a triode transient runs in about two thirds of the time it takes keeping all nine of its vectors).
 */
export function savingOnly(deck: string, vectorNames: readonly string[]): string {
  if (!/^\.end$/m.test(deck)) throw new Error('the deck has no .end line');
  return deck.replace(/^\.end$/m, `.save ${vectorNames.join(' ')}\n.end`);
}

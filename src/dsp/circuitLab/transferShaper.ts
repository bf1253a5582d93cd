/**
 * A simulated stage's DC transfer curve (input and output volts about the bias point, from a DC sweep) as a
 * waveshaper table: program samples −1…1 stand for ±inputVoltsPerFullScale at the stage's input, and the output is
 * divided by the stage's small-signal gain times that voltage, so a small signal passes at unity gain and in
 * phase whatever the stage's gain or polarity (A and B can then be loudness-matched and switched without a
 * polarity flip). Leaves out: everything that depends on the signal's past (the curve is static).
 */
import { resampleUniform } from '../analysis/uniformResample';

/** The DC sweep, as the circuit lab's simulation gives it (both relative to the operating point). */
export interface TransferSweep {
  /** Input voltages, ascending, symmetric about 0 V. */
  readonly input_V: readonly number[];
  /** Output voltage at each input, the quiescent output subtracted. */
  readonly output_V: readonly number[];
}

/** Points of a table (odd, so input 0 falls exactly on the middle point; as the amp-stage widget's curves). */
export const TRANSFER_TABLE_POINTS = 8193;

/** Largest magnitude a table value may take (the chain accepts curves within ±4). */
export const MAX_TABLE_MAGNITUDE = 4;

/** Step of the numerical derivative at the bias point, as a fraction of the sweep's half-width. */
const SLOPE_STEP_FRACTION = 1e-4;

export interface TransferTable {
  /** Output per program sample, on inputs −1…1 evenly spaced. */
  readonly table: Float32Array;
  /** Stage input volts that a full-scale program sample stands for. */
  readonly inputVoltsPerFullScale: number;
  /** Stage output volts (signed: negative for an inverting stage) that a table value of 1 stands for. */
  readonly outputVoltsPerFullScale: number;
  /** The stage's small-signal gain at the bias point, dV_out/dV_in (signed). */
  readonly smallSignalGain: number;
}

/** The largest input magnitude the sweep covers on both sides of the bias point, volts. */
export function sweepHalfWidthVolts(sweep: TransferSweep): number {
  const first = sweep.input_V[0];
  const last = sweep.input_V[sweep.input_V.length - 1];
  if (first === undefined || last === undefined) return 0;
  return Math.min(-first, last);
}

function checkSweep(sweep: TransferSweep): void {
  const { input_V: input, output_V: output } = sweep;
  if (input.length !== output.length || input.length < 4) {
    throw new RangeError(`transfer sweep: need at least 4 points with one output each, got ${input.length} inputs and ${output.length} outputs`);
  }
  if (![...input, ...output].every(Number.isFinite)) throw new RangeError('transfer sweep: every voltage must be a finite number');
  for (let i = 1; i < input.length; i++) {
    if (!((input[i] as number) > (input[i - 1] as number))) throw new RangeError('transfer sweep: input voltages must rise');
  }
  if (!(sweepHalfWidthVolts(sweep) > 0)) throw new RangeError('transfer sweep: the inputs must span both sides of 0 V');
}

/**
 * The curve read at `count` evenly spaced inputs from −halfWidth to +halfWidth, by the cubic through the four
 * nearest sweep points (exact for any cubic; see resampleUniform), i.e. the sweep shifted so that it starts at 0.
 */
function readEvenly(sweep: TransferSweep, halfWidthVolts: number, count: number): Float64Array {
  const shifted = sweep.input_V.map((volts) => volts + halfWidthVolts);
  return resampleUniform(shifted, sweep.output_V, (count - 1) / (2 * halfWidthVolts), count);
}

/** dV_out/dV_in at the bias point: a central difference of the interpolated curve over ±SLOPE_STEP_FRACTION of the sweep. */
export function smallSignalGainAtBias(sweep: TransferSweep): number {
  checkSweep(sweep);
  const stepVolts = SLOPE_STEP_FRACTION * sweepHalfWidthVolts(sweep);
  const values = readEvenly(sweep, stepVolts, 3);
  return ((values[2] as number) - (values[0] as number)) / (2 * stepVolts);
}

/**
 * The table for a drive: value i = sign·(v(xᵢ·V_fs) − v(0)) / (|g|·V_fs), xᵢ = 2i/(N − 1) − 1, where v is the sweep
 * read by cubic interpolation, V_fs = inputVoltsPerFullScale, g the small-signal gain at the bias point and
 * sign = sign(g), so the table's slope at 0 is +1. V_fs must lie within the sweep. If a curve would leave ±4 that
 * way (a stage whose gain at the bias point is tiny next to its gain elsewhere), it is scaled to peak at ±4
 * instead; a flat curve (no gain at all) gives a table of zeros.
 */
export function transferTable(sweep: TransferSweep, inputVoltsPerFullScale: number, points = TRANSFER_TABLE_POINTS): TransferTable {
  checkSweep(sweep);
  const halfWidth = sweepHalfWidthVolts(sweep);
  if (!(inputVoltsPerFullScale > 0 && inputVoltsPerFullScale <= halfWidth * (1 + 1e-12))) {
    throw new RangeError(`transferTable: ${inputVoltsPerFullScale} V per full scale is outside the sweep's 0 … ${halfWidth} V`);
  }
  if (!(Number.isInteger(points) && points >= 3 && points % 2 === 1)) throw new RangeError(`transferTable: ${points} points is not an odd whole number ≥ 3`);
  const gain = smallSignalGainAtBias(sweep);
  const volts = readEvenly(sweep, Math.min(inputVoltsPerFullScale, halfWidth), points);
  const middle = volts[(points - 1) / 2] as number;
  let largest = 0;
  for (let i = 0; i < points; i++) {
    volts[i] = (volts[i] as number) - middle;
    largest = Math.max(largest, Math.abs(volts[i] as number));
  }
  const sign = gain < 0 ? -1 : 1;
  const linearScale = Math.abs(gain) * inputVoltsPerFullScale;
  const scale = Math.max(linearScale, largest / MAX_TABLE_MAGNITUDE);
  const table = new Float32Array(points);
  if (scale > 0) for (let i = 0; i < points; i++) table[i] = (sign * (volts[i] as number)) / scale;
  return { table, inputVoltsPerFullScale, outputVoltsPerFullScale: sign * (scale > 0 ? scale : 1), smallSignalGain: gain };
}

/**
 * The table as a function of the program sample, interpolated as Web Audio's WaveShaperNode reads its curve
 * (linearly between points; inputs beyond ±1 hold the end values): v = (N − 1)(x + 1)/2, k = ⌊v⌋, f = v − k,
 * y = (1 − f)·c[k] + f·c[k + 1].
 */
export function tableFunction(table: Float32Array): (x: number) => number {
  const last = table.length - 1;
  return (x: number): number => {
    const position = (last * (x + 1)) / 2;
    if (!(position > 0)) return table[0] as number;
    if (position >= last) return table[last] as number;
    const index = Math.floor(position);
    const fraction = position - index;
    return (1 - fraction) * (table[index] as number) + fraction * (table[index + 1] as number);
  };
}

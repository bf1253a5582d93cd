/**
 * A source's output impedance into a headphone's model, checked against ngspice the way its widget draws it: an AC
 * sweep over the audio band gives the response at the driver (drawn relative to 1 kHz, as the widget's figure) and
 * the impedance the source sees; both compared with the model's (src/dsp/sourceLoad.ts, src/dsp/impedance.ts) at
 * ngspice's frequencies. Pure: the page (through the worker) and the Node tests run the same check.
 */
import { abs, div } from '../dsp/complex';
import { evaluateAtHz, magnitudeOhmsAtHz, type Rational } from '../dsp/impedance';
import { dividerResponse, REFERENCE_FREQUENCY_HZ } from '../dsp/sourceLoad';
import type { AcVectors } from './results';
import { HEADPHONE_CURRENT_VECTOR, HEADPHONE_NODE_VECTOR, type AcSweepSpec } from './netlists/sourceIntoHeadphone';

/** 80 points a decade over the audio band: 241 points, as many as the widget's own curves. */
export const SOURCE_LOAD_SWEEP: AcSweepSpec = { pointsPerDecade: 80, fromHz: 20, toHz: 20_000 };

export interface SourceLoadCheckResult {
  readonly frequenciesHz: readonly number[];
  /** ngspice's response at the driver, dB relative to its own value at 1 kHz (read between its two nearest points). */
  readonly relativeResponseDb: readonly number[];
  /** ngspice's |v(hp)/i(vsense)|, the impedance the source sees. */
  readonly impedanceOhms: readonly number[];
  /** The largest |model − SPICE| of the response at the driver, dB (absolute levels, not relative to 1 kHz). */
  readonly worstResponseDifferenceDb: number;
  /** The largest |model − SPICE| of the impedance, as a fraction of SPICE's. */
  readonly worstImpedanceDifference: number;
}

const db = (gain: number) => 20 * Math.log10(gain);

/** A curve's value at x by straight-line reading between its two neighbours on a log-x axis. */
function atLogX(xs: readonly number[], ys: readonly number[], x: number): number {
  const upper = xs.findIndex((value) => value >= x);
  if (upper <= 0) return ys[Math.max(upper, 0)] ?? Number.NaN;
  const x0 = xs[upper - 1] ?? Number.NaN;
  const x1 = xs[upper] ?? Number.NaN;
  const y0 = ys[upper - 1] ?? Number.NaN;
  const y1 = ys[upper] ?? Number.NaN;
  const t = Math.log(x / x0) / Math.log(x1 / x0);
  return y0 + t * (y1 - y0);
}

export function compareSourceLoad(load: Rational, outputImpedanceOhms: number, run: AcVectors): SourceLoadCheckResult {
  const node = run.vectors[HEADPHONE_NODE_VECTOR];
  const current = run.vectors[HEADPHONE_CURRENT_VECTOR];
  if (node === undefined || current === undefined) throw new Error('ngspice returned no headphone voltage or current');
  const frequenciesHz = run.frequenciesHz;
  const responseDb = node.map((v) => db(abs(v)));
  const impedanceOhms = node.map((v, i) => abs(div(v, current[i] ?? { re: Number.NaN, im: 0 })));
  const divider = dividerResponse(load, outputImpedanceOhms);
  const worstResponseDifferenceDb = Math.max(
    ...frequenciesHz.map((f, i) => Math.abs(db(abs(evaluateAtHz(divider, f))) - (responseDb[i] ?? Number.NaN))),
  );
  const worstImpedanceDifference = Math.max(
    ...frequenciesHz.map((f, i) => {
      const spiceOhms = impedanceOhms[i] ?? Number.NaN;
      return Math.abs(magnitudeOhmsAtHz(load, f) - spiceOhms) / spiceOhms;
    }),
  );
  const referenceDb = atLogX(frequenciesHz, responseDb, REFERENCE_FREQUENCY_HZ);
  return {
    frequenciesHz,
    relativeResponseDb: responseDb.map((value) => value - referenceDb),
    impedanceOhms,
    worstResponseDifferenceDb,
    worstImpedanceDifference,
  };
}

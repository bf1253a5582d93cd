/**
 * The rectifier supply checked against ngspice the way its widget draws it: ngspice's transient, once settled, read
 * over the same mains periods at the same rate as the model's rail (Figure 1), and one period at the model's own
 * resolution for the ripple's spectral lines; the ripple's peak to peak, DC level and lines compared with the model's
 * (src/dsp/circuits/rectifierSupply.ts). Pure: the page (through the worker) and the Node tests run the same check.
 */
import { resampleUniform } from '../dsp/analysis/uniformResample';
import {
  pulsesPerPeriod,
  RECTIFIER_STEPS_PER_PERIOD,
  rectifierSupply,
  spectralLines,
  waveformLevels,
  type RectifierSupplyParams,
  type SpectralLine,
} from '../dsp/circuits/rectifierSupply';
import { savingOnly } from './deck';
import { RECTIFIER_RAIL_VECTOR, rectifierSupplyNetlist, type RectifierTransientSpec } from './netlists/rectifierSupply';
import type { AnalysisVectors } from './results';

/**
 * Ten mains periods to settle (from the unloaded peak, ngspice's rail is within 0.1 mV of its steady state after
 * five in the tests), three read (the widget's plot), and 1000 steps a period at most (20 µs at 50 Hz: a bridge's
 * charging pulse, about 2 ms, takes a hundred).
 */
export const RECTIFIER_CHECK_RUN: RectifierTransientSpec = { settlePeriods: 10, readPeriods: 3, stepsPerPeriod: 1000 };
/** Ripple lines compared: the ripple fundamental and its next seven harmonics (the widget's hum bars). */
export const RIPPLE_LINES_COMPARED = 8;
/**
 * Lines more than this far below the ripple fundamental are left out of the largest difference: they hang on the
 * charging pulse's exact shape, which ngspice's Shockley diode rounds where the model's fixed drop switches sharply
 * (in the tests the lines within 20 dB of the fundamental agree within 1 dB, those 20–40 dB down within 3 dB).
 */
export const LINE_RANGE_BELOW_FUNDAMENTAL_DB = 40;

export interface RectifierCheckPlan {
  readonly params: RectifierSupplyParams;
  /** The model's rail as the widget draws it: sampleRateHz over readPeriods periods. */
  readonly sampleRateHz: number;
}

export function rectifierCheckDeck(plan: RectifierCheckPlan): string {
  return savingOnly(rectifierSupplyNetlist(plan.params, RECTIFIER_CHECK_RUN), [RECTIFIER_RAIL_VECTOR]);
}

export interface RippleSummary {
  readonly dcVolts: number;
  readonly rippleVoltsPeakToPeak: number;
  readonly lines: readonly SpectralLine[];
}

export interface RectifierCheckResult {
  /** ngspice's rail over the read periods at the plan's rate (the widget's Figure 1). */
  readonly railVolts: Float64Array;
  readonly sampleRateHz: number;
  readonly spice: RippleSummary;
  readonly model: RippleSummary;
  /** The largest |model − SPICE| of the rail over the read periods, volts. */
  readonly worstDifferenceVolts: number;
  /** The largest |model − SPICE| in dB over the compared lines within LINE_RANGE_BELOW_FUNDAMENTAL_DB of the fundamental, and where. */
  readonly worstLine: { readonly differenceDb: number; readonly frequencyHz: number };
  /** LINE_RANGE_BELOW_FUNDAMENTAL_DB, carried so that a page can word the findings without loading this module first. */
  readonly lineRangeDb: number;
}

/** ngspice's times and values from `fromSeconds` on, shifted so that it is t = 0 (one earlier sample kept for the reading). */
function windowFrom(times: readonly number[], values: readonly number[], fromSeconds: number) {
  const first = Math.max(0, times.findIndex((t) => t > fromSeconds) - 1);
  return { times: times.slice(first).map((t) => t - fromSeconds), values: values.slice(first) };
}

const db = (ratio: number) => 20 * Math.log10(ratio);

export function compareRectifier(plan: RectifierCheckPlan, run: AnalysisVectors): RectifierCheckResult {
  const { params, sampleRateHz } = plan;
  const rail = run.vectors[RECTIFIER_RAIL_VECTOR];
  if (rail === undefined) throw new Error('ngspice returned no rail voltage');
  const periodSeconds = 1 / params.mainsHz;
  const { settlePeriods, readPeriods } = RECTIFIER_CHECK_RUN;
  const reached = run.scale.at(-1) ?? 0;
  const needed = (settlePeriods + readPeriods) * periodSeconds;
  if (!(reached >= needed * (1 - 1e-9))) {
    throw new Error(`ngspice stopped the supply's transient at ${(reached * 1e3).toFixed(1)} ms of the ${(needed * 1e3).toFixed(0)} ms it needs, so nothing was compared. Try another capacitor or load.`);
  }
  const window = windowFrom(run.scale, rail, settlePeriods * periodSeconds);
  const model = rectifierSupply(params, { sampleRateHz, periods: readPeriods, lineCount: RIPPLE_LINES_COMPARED });
  const railVolts = resampleUniform(window.times, window.values, sampleRateHz, model.railVolts.length);
  const onePeriod = {
    volts: resampleUniform(window.times, window.values, RECTIFIER_STEPS_PER_PERIOD / periodSeconds, RECTIFIER_STEPS_PER_PERIOD),
    periodSeconds,
  };
  const levels = waveformLevels(onePeriod);
  const spice: RippleSummary = {
    dcVolts: levels.meanVolts,
    rippleVoltsPeakToPeak: levels.maxVolts - levels.minVolts,
    lines: spectralLines(onePeriod, pulsesPerPeriod(params.rectifier), RIPPLE_LINES_COMPARED),
  };
  const worstDifferenceVolts = Math.max(...Array.from(railVolts, (v, n) => Math.abs(v - (model.railVolts[n] ?? Number.NaN))));
  const fundamental = model.rippleLines[0]?.voltsRms ?? 0;
  const floorVolts = fundamental * 10 ** (-LINE_RANGE_BELOW_FUNDAMENTAL_DB / 20);
  let worstLine = { differenceDb: 0, frequencyHz: model.rippleFundamentalHz };
  for (const [index, line] of model.rippleLines.entries()) {
    const spiceVolts = spice.lines[index]?.voltsRms ?? 0;
    if (Math.max(line.voltsRms, spiceVolts) <= floorVolts) continue;
    const difference = Math.abs(db(Math.max(line.voltsRms, floorVolts) / Math.max(spiceVolts, floorVolts)));
    if (difference > worstLine.differenceDb) worstLine = { differenceDb: difference, frequencyHz: line.frequencyHz };
  }
  return {
    railVolts,
    sampleRateHz,
    spice,
    model: { dcVolts: model.dcVolts, rippleVoltsPeakToPeak: model.rippleVoltsPeakToPeak, lines: model.rippleLines },
    worstDifferenceVolts,
    worstLine,
    lineRangeDb: LINE_RANGE_BELOW_FUNDAMENTAL_DB,
  };
}

/**
 * A memoryless stage model checked against ngspice the way its widget draws it: a DC sweep of the input over the
 * transfer curve's range, and a sine transient at the widget's drive for the waveform and the harmonics (ngspice's
 * uneven time steps read at an even rate, then the same harmonic analysis as everywhere). Pure: the decks go out as
 * text and come back as vectors, so the page (through the worker) and the Node tests run the very same check.
 * Leaves out: AC sweeps (frequency response, output impedance), which memoryless stages don't have.
 */
import { harmonicLevels, predictedHarmonicLevels } from '../dsp/analysis/harmonics';
import { resampleUniform } from '../dsp/analysis/uniformResample';
import { type DcSweepSpec, type SineTransientSpec, type StageAnalysis, savingOnly, symmetricSweep } from './deck';
import type { AnalysisVectors } from './results';

/** A stage's netlist generator, as a check needs it. */
export interface StageSpiceCircuit {
  /** A file-name stem for its decks, e.g. "amp-lab-triode-12AU7-250V". */
  readonly fileStem: string;
  /** The input source the analyses drive, e.g. "Vin". */
  readonly inputSource: string;
  /** The vector that is the stage's output, e.g. "v(p)". */
  readonly outputVector: string;
  netlist(analysis: StageAnalysis): string;
}

/** What to check: the circuit, the model's curve, and the widget's ranges. */
export interface StageCheckPlan {
  readonly circuit: StageSpiceCircuit;
  /** The model's transfer curve: volts in → volts out, the quiescent output included. */
  readonly modelVolts: (inputVolts: number) => number;
  /** The transfer plot's input range, ±sweepPeakVolts in sweepSteps equal steps. */
  readonly sweepPeakVolts: number;
  readonly sweepSteps: number;
  /** The sine the waveform and harmonics use: its peak at the input and its frequency. */
  readonly drivePeakVolts: number;
  readonly toneHz: number;
  /** The rate the harmonics are read at (the model's are predicted at the same rate, aliases and all). */
  readonly sampleRateHz: number;
  readonly harmonicCount: number;
  /** The transient's largest step per period, if not TRANSIENT_STEPS_PER_PERIOD (a smooth curve can take fewer). */
  readonly transientStepsPerPeriod?: number;
}

/** Periods of the sine simulated: harmonicLevels needs 14 (MINIMUM_ANALYSIS_PERIODS). */
export const TRANSIENT_PERIODS = 16;
/**
 * Largest step, per period, unless a plan asks for another: the cubic reading between steps (uniformResample) then
 * errs by under 3·10⁻⁸ of a sine's peak. A curve with a corner (a hard clip) needs it: between coarser steps the
 * cubic overshoots each corner (an op amp clipping into 300 Ω read at 100 steps a period is 12 dB off in a high
 * harmonic, at 250 within 0.04 dB).
 */
export const TRANSIENT_STEPS_PER_PERIOD = 250;

/**
 * The smallest harmonic level the check compares, dB re the fundamental. ngspice's tolerances (reltol 10⁻⁶) and the
 * cubic reading between its steps leave a floor well below it: in the tests a symmetric stage's even harmonics,
 * exactly zero in the model, come out of ngspice near −170 dB, and a triode's levels near −120 dB still agree within
 * 2 dB. Levels below it are compared as "below the floor".
 */
export const HARMONIC_FLOOR_DB = -100;

export type StageCheckDeckId = 'transfer' | 'transient';

export interface StageCheckDeck {
  readonly id: StageCheckDeckId;
  /** What the deck computes, for a download's label. */
  readonly label: string;
  readonly fileName: string;
  readonly deck: string;
}

export function transferSweep(plan: StageCheckPlan): DcSweepSpec {
  return symmetricSweep(plan.circuit.inputSource, plan.sweepPeakVolts, plan.sweepSteps);
}

export function sineTransient(plan: StageCheckPlan): SineTransientSpec {
  return {
    sourceName: plan.circuit.inputSource,
    peakVolts: plan.drivePeakVolts,
    frequencyHz: plan.toneHz,
    periods: TRANSIENT_PERIODS,
    stepsPerPeriod: plan.transientStepsPerPeriod ?? TRANSIENT_STEPS_PER_PERIOD,
  };
}

/** The two decks a check runs, in order: the DC sweep, then the sine transient; each keeps only the output vector. */
export function stageCheckDecks(plan: StageCheckPlan): readonly [StageCheckDeck, StageCheckDeck] {
  const { circuit } = plan;
  const deck = (analysis: StageAnalysis) => savingOnly(circuit.netlist(analysis), [circuit.outputVector]);
  return [
    { id: 'transfer', label: 'transfer curve (DC sweep)', fileName: `${circuit.fileStem}-dc-sweep.cir`, deck: deck(transferSweep(plan)) },
    { id: 'transient', label: `${plan.toneHz} Hz sine (transient)`, fileName: `${circuit.fileStem}-transient.cir`, deck: deck(sineTransient(plan)) },
  ];
}

export interface StageCheckResult {
  /** SPICE's transfer curve, input volts → output volts, at the sweep's points. */
  readonly transfer: readonly { readonly x: number; readonly y: number }[];
  /** The largest |model − SPICE| over the sweep, as a fraction of SPICE's swing over it. */
  readonly worstDifferenceOfSwing: number;
  /** SPICE's output less its bias point (its value at t = 0, where the sine starts), at ngspice's own times. */
  readonly waveform: { readonly timeSeconds: readonly number[]; readonly acVolts: readonly number[] };
  /** dB re the fundamental, index 0 the 2nd: SPICE's from the transient, the model's predicted at the same rate. */
  readonly harmonicsDb: readonly number[];
  readonly modelHarmonicsDb: readonly number[];
  /**
   * The largest |model − SPICE| in dB over the harmonics either puts above HARMONIC_FLOOR_DB (a level below the floor
   * counts as the floor); null when every harmonic of both is below it.
   */
  readonly worstHarmonicDifferenceDb: number | null;
  /** HARMONIC_FLOOR_DB, carried so that a page can word the findings without loading this module before a check. */
  readonly harmonicFloorDb: number;
}

/** The largest difference over the harmonics above the floor in either list (see worstHarmonicDifferenceDb). */
export function worstHarmonicDifferenceDb(modelDb: readonly number[], spiceDb: readonly number[]): number | null {
  let worst: number | null = null;
  for (const [index, model] of modelDb.entries()) {
    const spice = spiceDb[index];
    if (spice === undefined || Math.max(model, spice) <= HARMONIC_FLOOR_DB) continue;
    const difference = Math.abs(Math.max(model, HARMONIC_FLOOR_DB) - Math.max(spice, HARMONIC_FLOOR_DB));
    worst = Math.max(worst ?? 0, difference);
  }
  return worst;
}

function vectorOf(run: AnalysisVectors, name: string): readonly number[] {
  const values = run.vectors[name];
  if (values === undefined) throw new Error(`ngspice returned no "${name}"`);
  return values;
}

const milliseconds = (seconds: number): string => `${(seconds * 1e3).toFixed(seconds < 1e-3 ? 3 : 1)} ms`;

/** What the reader is told when ngspice's transient stops short of the time the harmonics need. */
export function unfinishedTransientMessage(reachedSeconds: number, neededSeconds: number): string {
  return (
    `ngspice stopped the 1 kHz transient at ${milliseconds(reachedSeconds)} of the ${milliseconds(neededSeconds)} it needs: ` +
    "it couldn't find a time step small enough to follow this circuit (it says \"timestep too small\"), so nothing " +
    'was compared. Try a lower drive, another load or another supply.'
  );
}

/** Compares the model with ngspice's two runs (as realVectors read them, asking for the circuit's output vector). */
export function compareStage(plan: StageCheckPlan, transferRun: AnalysisVectors, transientRun: AnalysisVectors): StageCheckResult {
  const output = plan.circuit.outputVector;
  const sweptOutput = vectorOf(transferRun, output);
  const transfer = transferRun.scale.map((x, i) => ({ x, y: sweptOutput[i] ?? Number.NaN }));
  const swingVolts = Math.max(...sweptOutput) - Math.min(...sweptOutput);
  const worstVolts = Math.max(...transfer.map(({ x, y }) => Math.abs(plan.modelVolts(x) - y)));

  const times = transientRun.scale;
  const outputVolts = vectorOf(transientRun, output);
  const biasVolts = outputVolts[0] ?? 0;
  const acVolts = outputVolts.map((v) => v - biasVolts);
  const count = Math.floor((TRANSIENT_PERIODS * plan.sampleRateHz) / plan.toneHz);
  const neededSeconds = (count - 1) / plan.sampleRateHz;
  const reachedSeconds = times[times.length - 1] ?? 0;
  if (!(reachedSeconds >= neededSeconds)) throw new Error(unfinishedTransientMessage(reachedSeconds, neededSeconds));
  const samples = resampleUniform(times, acVolts, plan.sampleRateHz, count);
  const spice = harmonicLevels(samples, plan.sampleRateHz, plan.toneHz, plan.harmonicCount);
  const model = predictedHarmonicLevels(plan.modelVolts, plan.drivePeakVolts, plan.toneHz, plan.sampleRateHz, plan.harmonicCount);
  return {
    transfer,
    worstDifferenceOfSwing: swingVolts > 0 ? worstVolts / swingVolts : Number.POSITIVE_INFINITY,
    waveform: { timeSeconds: times, acVolts },
    harmonicsDb: spice.harmonicsDb,
    modelHarmonicsDb: model.harmonicsDb,
    worstHarmonicDifferenceDb: worstHarmonicDifferenceDb(model.harmonicsDb, spice.harmonicsDb),
    harmonicFloorDb: HARMONIC_FLOOR_DB,
  };
}

// Runs the circuit lab's four decks (labDecks.ts) in ngspice and reads them: the operating point, the transfer
// curve about it, the AC gain, and the 1 kHz transient's harmonics (resampled evenly and analysed as everywhere,
// src/spice/stageCheck.ts). Takes the simulator as an argument, so the page (the worker client) and the Node tests
// (eecircuit-engine directly) run the very same code. Loaded by the page only when the reader presses Run.
import type { ResultType } from 'eecircuit-engine';
import { harmonicLevels } from '../../../dsp/analysis/harmonics';
import { resampleUniform } from '../../../dsp/analysis/uniformResample';
import { savingOnly } from '../../../spice/deck';
import { complexVectors, operatingPointValues, realVectors } from '../../../spice/results';
import { TRANSIENT_PERIODS, unfinishedTransientMessage } from '../../../spice/stageCheck';
import type { CircuitSimulation } from './simulation';
import {
  LAB_OUTPUT_VECTOR,
  LAB_TONE_HZ,
  type LabDeck,
  LabNetlistError,
  type LabPlan,
  acDeck,
  operatingPointDeck,
  transferDeck,
  transientDeck,
} from './labDecks';

/** Runs one deck: ngspice's result and messages, and how long it took. */
export type RunDeck = (deck: LabDeck) => Promise<{ readonly result: ResultType; readonly messages: readonly string[]; readonly runMs: number }>;

/** The rate the transient is read at for its harmonics, and how many are reported. */
export const LAB_SAMPLE_RATE_HZ = 96_000;
export const LAB_HARMONIC_COUNT = 9;

export interface LabRunResult {
  /** Every vector of the operating point, by lower-case name ("v(p)", "i(vsupply)"). */
  readonly operatingPoint: ReadonlyMap<string, number>;
  readonly simulation: Omit<CircuitSimulation, 'label'>;
  /** The output's swing over a 1 kHz period, at ngspice's own times, less its value at t = 0. */
  readonly waveform: { readonly timeSeconds: readonly number[]; readonly acVolts: readonly number[] };
  readonly decks: readonly LabDeck[];
  /** How long each analysis ran, ms. */
  readonly runMs: Readonly<Record<LabDeck['id'], number>>;
}

/** A vector of a run, or a plain-words error naming what the netlist lacks. */
function missingOutput(error: unknown): never {
  if (error instanceof Error && /has no vector/.test(error.message)) {
    throw new LabNetlistError('The netlist has no node named "out": name the node whose voltage is the stage\'s output "out".');
  }
  throw error;
}

/** The output at 0 V input, read off a sweep that is symmetric about 0 V (linear between the two nearest points). */
function valueAtZero(input: readonly number[], output: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < input.length; i++) if (Math.abs(input[i] ?? Infinity) < Math.abs(input[best] ?? Infinity)) best = i;
  return output[best] ?? 0;
}

export async function runLab(plan: LabPlan, runDeck: RunDeck): Promise<LabRunResult> {
  const opDeck = operatingPointDeck(plan);
  const op = await runDeck(opDeck);
  const operatingPoint = operatingPointValues(op.result, op.messages);

  const dc = transferDeck(plan, operatingPoint);
  const ac = acDeck(plan);
  const tranPlain = transientDeck(plan);
  const tran: LabDeck = { ...tranPlain, deck: savingOnly(tranPlain.deck, [LAB_OUTPUT_VECTOR]) };

  const dcRun = await runDeck(dc);
  let sweep;
  try {
    sweep = realVectors(dcRun.result, [LAB_OUTPUT_VECTOR], dcRun.messages);
  } catch (error) {
    missingOutput(error);
  }
  const sweptOutput = sweep.vectors[LAB_OUTPUT_VECTOR] ?? [];
  const quiescent = valueAtZero(sweep.scale, sweptOutput);

  const acRun = await runDeck(ac);
  const response = complexVectors(acRun.result, [LAB_OUTPUT_VECTOR], acRun.messages);
  const gain = response.vectors[LAB_OUTPUT_VECTOR] ?? { re: [], im: [] };

  const tranRun = await runDeck(tran);
  const transient = realVectors(tranRun.result, [LAB_OUTPUT_VECTOR], tranRun.messages);
  const times = transient.scale;
  const outputVolts = transient.vectors[LAB_OUTPUT_VECTOR] ?? [];
  const biasVolts = outputVolts[0] ?? 0;
  const acVolts = outputVolts.map((v) => v - biasVolts);
  const count = Math.floor((TRANSIENT_PERIODS * LAB_SAMPLE_RATE_HZ) / LAB_TONE_HZ);
  const neededSeconds = (count - 1) / LAB_SAMPLE_RATE_HZ;
  const reachedSeconds = times[times.length - 1] ?? 0;
  if (!(reachedSeconds >= neededSeconds)) throw new LabNetlistError(unfinishedTransientMessage(reachedSeconds, neededSeconds));
  const samples = resampleUniform(times, acVolts, LAB_SAMPLE_RATE_HZ, count);
  const harmonics = harmonicLevels(samples, LAB_SAMPLE_RATE_HZ, LAB_TONE_HZ, LAB_HARMONIC_COUNT);
  const lastPeriodFrom = reachedSeconds - 1 / LAB_TONE_HZ;
  const shown = times.flatMap((t, i) => (t >= lastPeriodFrom ? [i] : []));

  return {
    operatingPoint,
    simulation: {
      transfer: { input_V: sweep.scale, output_V: sweptOutput.map((v) => v - quiescent) },
      ac: { frequency_Hz: response.frequencyHz, gainRe: gain.re, gainIm: gain.im },
      transient: { frequency_Hz: LAB_TONE_HZ, inputPeak_V: plan.drivePeakVolts, harmonics_dB: harmonics.harmonicsDb },
    },
    waveform: { timeSeconds: shown.map((i) => (times[i] ?? 0) - lastPeriodFrom), acVolts: shown.map((i) => acVolts[i] ?? 0) },
    decks: [opDeck, dc, ac, tran],
    runMs: { op: op.runMs, dc: dcRun.runMs, ac: acRun.runMs, tran: tranRun.runMs },
  };
}

/** The listening panel's view of one run, named for the reader. */
export function simulationFromRuns(label: string, run: LabRunResult): CircuitSimulation {
  return { label, ...run.simulation };
}

/** The complex gain at a frequency, interpolated linearly in log frequency between the sweep's points. */
export function gainAt(ac: CircuitSimulation['ac'], frequencyHz: number): { re: number; im: number } {
  const f = ac.frequency_Hz;
  let i = 1;
  while (i < f.length - 1 && (f[i] ?? 0) < frequencyHz) i++;
  const f0 = f[i - 1] ?? frequencyHz;
  const f1 = f[i] ?? frequencyHz;
  const t = f1 === f0 ? 0 : Math.min(1, Math.max(0, Math.log(frequencyHz / f0) / Math.log(f1 / f0)));
  const lerp = (v: readonly number[]) => (v[i - 1] ?? 0) * (1 - t) + (v[i] ?? 0) * t;
  return { re: lerp(ac.gainRe), im: lerp(ac.gainIm) };
}

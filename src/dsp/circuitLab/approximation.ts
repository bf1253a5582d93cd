/**
 * The circuit lab's approximation of a simulated stage, as the reader hears it: the DC transfer curve as a
 * waveshaper (carrying the gain and the distortion), then the AC response fitted as a filter of unit mid-band gain
 * (carrying the frequency response) — a Hammerstein model. And what that path does to a sine, to set beside SPICE's
 * full transient. Leaves out: memory in the nonlinearity (a coupling capacitor's bias shifting on loud transients,
 * supply sag), and a load line that changes with frequency — the static curve and the filter can't hold them.
 */
import { cascadeResponseAtHz, type Biquad } from '../biquad';
import { abs } from '../complex';
import { predictedHarmonicLevels } from '../analysis/harmonics';
import { fitAcResponse, fittedSections, type AcSweep, type FittedAcResponse } from './acFit';
import { sweepHalfWidthVolts, tableFunction, transferTable, type TransferSweep, type TransferTable } from './transferShaper';

export type { AcSweep, FittedAcResponse, TransferSweep, TransferTable };

/** One simulated stage: its DC sweep and its AC sweep (the circuit lab's CircuitSimulation has both). */
export interface StageSweeps {
  readonly transfer: TransferSweep;
  readonly ac: AcSweep;
}

/** The frequency the lab compares harmonics at, Hz (SPICE's transient uses the same sine). */
export const COMPARISON_FREQUENCY_HZ = 1000;
/** Harmonics compared: the 2nd … 5th. */
export const COMPARED_HARMONICS = 4;
/** The sample rate the lab's comparison assumes (the filter is what a 48 kHz download plays). */
export const COMPARISON_RATE_HZ = 48_000;

/** The filter of a stage, fitted once per AC sweep (the fit does not depend on the drive or the sample rate). */
const fits = new WeakMap<AcSweep, FittedAcResponse>();

export function stageFilterFit(ac: AcSweep): FittedAcResponse {
  let fit = fits.get(ac);
  if (!fit) {
    fit = fitAcResponse(ac);
    fits.set(ac, fit);
  }
  return fit;
}

/** The largest input peak both stages' sweeps cover, volts: the drive can't go past it. */
export function commonSweepHalfWidthVolts(stages: readonly StageSweeps[]): number {
  return Math.min(...stages.map((stage) => sweepHalfWidthVolts(stage.transfer)));
}

export interface StagePath {
  readonly shaper: TransferTable;
  /** The fitted filter at the sample rate, unit mid-band gain. */
  readonly sections: Biquad[];
  readonly fit: FittedAcResponse;
  readonly sampleRateHz: number;
}

/** The path the audio takes at a drive (stage volts per program full scale) and a sample rate. */
export function stagePath(stage: StageSweeps, inputVoltsPerFullScale: number, sampleRateHz: number): StagePath {
  const fit = stageFilterFit(stage.ac);
  return { shaper: transferTable(stage.transfer, inputVoltsPerFullScale), sections: fittedSections(fit, sampleRateHz), fit, sampleRateHz };
}

/**
 * Harmonics 2 … count + 1 of a sine of `inputPeakVolts` at the stage's input through the path, dB relative to the
 * fundamental: the table read as a WaveShaperNode reads it, over the continuous-time sine (the 4× oversampled
 * shaper keeps harmonics from aliasing), predictedHarmonicLevels; then each harmonic h·f scaled by the filter,
 * |H(h·f)|/|H(f)| (a linear filter after a memoryless curve changes each harmonic of the steady state by its gain).
 */
export function pathHarmonicsDb(path: StagePath, inputPeakVolts: number, frequencyHz = COMPARISON_FREQUENCY_HZ, count = COMPARED_HARMONICS): number[] {
  const amplitude = inputPeakVolts / path.shaper.inputVoltsPerFullScale;
  if (!(amplitude > 0 && amplitude <= 1 + 1e-12)) throw new RangeError(`pathHarmonicsDb: ${inputPeakVolts} V peak is beyond the path's ${path.shaper.inputVoltsPerFullScale} V full scale`);
  const levels = predictedHarmonicLevels(tableFunction(path.shaper.table), amplitude, frequencyHz, undefined, count);
  const fundamentalGain = abs(cascadeResponseAtHz(path.sections, frequencyHz, path.sampleRateHz));
  return levels.harmonicsDb.map((db, index) => {
    const gain = abs(cascadeResponseAtHz(path.sections, (index + 2) * frequencyHz, path.sampleRateHz));
    return db + 20 * Math.log10(gain / fundamentalGain);
  });
}

/**
 * The approximation's harmonics of a sine at `inputPeakVolts`, for comparison with SPICE's transient at that level:
 * the path built over the stage's whole sweep (so any level the sweep covers can be compared), at 48 kHz. Null when
 * the sweep doesn't reach that level.
 */
export function approximationHarmonicsDb(stage: StageSweeps, inputPeakVolts: number, frequencyHz = COMPARISON_FREQUENCY_HZ, count = COMPARED_HARMONICS): number[] | null {
  const halfWidth = sweepHalfWidthVolts(stage.transfer);
  if (!(inputPeakVolts > 0 && inputPeakVolts <= halfWidth)) return null;
  return pathHarmonicsDb(stagePath(stage, halfWidth, COMPARISON_RATE_HZ), inputPeakVolts, frequencyHz, count);
}

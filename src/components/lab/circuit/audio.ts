// The circuit lab's sound: each simulated stage as its DC transfer curve in a 4× oversampled WaveShaperNode (the
// program's peaks standing for the drive at the stage's input), then its AC response fitted as filter sections of
// unit mid-band gain. A is the unedited stage, B the reader's; the listening panel loudness-matches B to A and adds
// the safety stage. Loaded only when the panel needs it (the fit and the tables are not initial page JavaScript).
import type { ChainSettings } from '../../../audio/chain';
import type { ChainPair } from '../../../audio/loudnessMatch';
import { MUSIC_PEAK_DBFS } from '../../../audio/programLevels';
import { approximationHarmonicsDb, commonSweepHalfWidthVolts, stageFilterFit, stagePath } from '../../../dsp/circuitLab/approximation';
import type { CircuitSimulation } from './simulation';

export { approximationHarmonicsDb, stageFilterFit };

/** Program full scale, in volts at the stage's input, when the music's peaks reach drivePeakVolts. */
export function inputVoltsPerFullScale(drivePeakVolts: number): number {
  return drivePeakVolts / 10 ** (MUSIC_PEAK_DBFS / 20);
}

/** The highest drive (music peaks at the input, volts) both stages' DC sweeps cover at program full scale. */
export function maxDrivePeakVolts(original: CircuitSimulation, edited: CircuitSimulation): number {
  return commonSweepHalfWidthVolts([original, edited]) * 10 ** (MUSIC_PEAK_DBFS / 20);
}

/** One stage's chain at a drive and a sample rate: the curve, 4× oversampled, then the fitted filter. */
export function circuitChain(simulation: CircuitSimulation, drivePeakVolts: number, sampleRateHz: number): ChainSettings {
  const path = stagePath(simulation, inputVoltsPerFullScale(drivePeakVolts), sampleRateHz);
  return { sections: [], gainDb: 0, shaper: { curve: path.shaper.table, oversample: '4x' }, sectionsAfterShaper: path.sections };
}

export async function circuitChains(original: CircuitSimulation, edited: CircuitSimulation, drivePeakVolts: number, sampleRateHz: number): Promise<ChainPair> {
  return { a: circuitChain(original, drivePeakVolts, sampleRateHz), b: circuitChain(edited, drivePeakVolts, sampleRateHz) };
}

// Figures the EQ lesson quotes, from the EQ presets (src/dsp/eq) and the loudness model (src/dsp/loudness), at the
// widget's plotting rate, so the prose, the widget and the questions agree.
import { eqPreset, eqResponseDb, type EqBand, type EqPresetId } from '../dsp/eq/presets';
import { kWeightedPinkLevelChangeDb } from '../dsp/loudness';
import { AMP_GAINS } from '../dsp/levelChain';

export const PLOT_RATE_HZ = 48_000;

export function presetDbAt(id: EqPresetId, frequencyHz: number): number {
  return eqResponseDb(eqPreset(id).bands, frequencyHz, PLOT_RATE_HZ);
}

/** The widget's "Loudness change on pink noise (K-weighted, before matching)" for a preset. */
export function presetLoudnessChangeDb(id: EqPresetId): number {
  const bands = eqPreset(id).bands;
  return kWeightedPinkLevelChangeDb((f) => eqResponseDb(bands, f, PLOT_RATE_HZ), PLOT_RATE_HZ);
}

/** The largest boost of a set of bands over 20 Hz–20 kHz, dB (scanned on 400 log-spaced points). */
export function largestBoostDb(bands: readonly EqBand[]): number {
  let most = 0;
  for (let i = 0; i <= 400; i++) most = Math.max(most, eqResponseDb(bands, 20 * 1000 ** (i / 400), PLOT_RATE_HZ));
  return most;
}

/** A preset's response 20 Hz–20 kHz, for a figure. */
export function presetCurve(id: EqPresetId): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i <= 100; i++) {
    const hz = 20 * 1000 ** (i / 100);
    points.push({ x: hz, y: presetDbAt(id, hz) });
  }
  return points;
}

/** The O2's gain settings in dB and the switch between them. */
export const O2_GAINS = { low: Math.min(...AMP_GAINS.filter((g) => g > 1)), high: Math.max(...AMP_GAINS) } as const;
export const o2LowGainDb = 20 * Math.log10(O2_GAINS.low);
export const o2HighGainDb = 20 * Math.log10(O2_GAINS.high);
export const o2GainSwitchDb = o2HighGainDb - o2LowGainDb;

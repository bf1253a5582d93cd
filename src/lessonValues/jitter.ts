// Figures the jitter lesson quotes, from the formulas in src/dsp/dac/jitter and the quantizer, so the prose, the
// widget and the questions agree.
import { jitterLimitedSnrDb, sinusoidalJitterSidebandDb } from '../dsp/dac/jitter';
import { theoreticalSineSnrDb } from '../dsp/dac/quantizer';

export const NS = 1e-9;
export const PS = 1e-12;
export const US = 1e-6;

export { jitterLimitedSnrDb };

/** Each sideband for the widget's rms setting: tpk = √2·trms. */
export function sidebandDbForRms(toneHz: number, jitterSecondsRms: number): number {
  return sinusoidalJitterSidebandDb(toneHz, Math.SQRT2 * jitterSecondsRms);
}

/** A peak-to-peak figure read as rms, for sinusoidal jitter: 20·log10(2√2) ≈ 9 dB. */
export const peakToPeakAsRmsErrorDb = 20 * Math.log10(2 * Math.SQRT2);

/** The ideal 16-bit SNR for a full-scale sine (≈ 98.1 dB), and the bit depth whose SNR equals a given one. */
export const sixteenBitSnrDb = theoreticalSineSnrDb(16);
export function bitsForSnrDb(snrDb: number): number {
  return (snrDb - 10 * Math.log10(1.5)) / (20 * Math.log10(2));
}

/** The SNR limit for a full-scale tone from 20 Hz to 20 kHz, for a figure. */
export function snrCurve(jitterSecondsRms: number): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i <= 60; i++) {
    const hz = 20 * 1000 ** (i / 60);
    points.push({ x: hz, y: jitterLimitedSnrDb(hz, jitterSecondsRms) });
  }
  return points;
}

/** Dunn and Hawksford's example: 10 kHz tone, 10 ns peak of 1 kHz jitter (they found about −71 dB). */
export const dunnHawksfordSidebandDb = sinusoidalJitterSidebandDb(10_000, 10 * NS);

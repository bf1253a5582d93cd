/**
 * What the "Sample rates and reconstruction filters" figures show, from the reconstruction model: a tone sampled
 * at a DAC rate fs = R/L and reconstructed at the page's rate R (zero-order hold or the oversampling filter), its
 * output spectrum, and the reconstruction's frequency response up to fs/2. Leaves out: the analog post-filter.
 */
import { averagedPowerSpectrum } from '../spectrum';
import { holdResponseDb } from './lowRateDac';
import { interpolationKernel, renderReconstructed, zeroOrderHoldDroopDb } from './reconstruction';

export type ReconstructionChoice = 'nos' | 'oversampled';
const LOW_RATE_LENGTH = 4096;
const FLOOR_DB = -140;

/** Output spectrum of a full-scale tone at `toneHz` through a DAC at outputRateHz/L, in dB re the tone, per FFT bin. */
export function reconstructedToneSpectrumDb(toneHz: number, oversampling: number, mode: ReconstructionChoice, outputRateHz: number): { x: number; y: number }[] {
  const dacRateHz = outputRateHz / oversampling;
  const tone = new Float64Array(LOW_RATE_LENGTH);
  for (let n = 0; n < tone.length; n++) tone[n] = Math.sin((2 * Math.PI * toneHz * n) / dacRateHz);
  const output = renderReconstructed(tone, oversampling, mode);
  const spectrum = averagedPowerSpectrum(output, outputRateHz, 4096);
  let peak = 0;
  for (const p of spectrum.power) peak = Math.max(peak, p);
  const points: { x: number; y: number }[] = [];
  spectrum.frequenciesHz.forEach((f, i) => {
    const db = 10 * Math.log10((spectrum.power[i] ?? 0) / peak);
    points.push({ x: f, y: Number.isFinite(db) ? Math.max(FLOOR_DB, db) : FLOOR_DB });
  });
  return points;
}

/**
 * The reconstruction's gain at `frequencyHz` in dB, as the page really plays it at outputRateHz. The hold repeats
 * each DAC sample L times, so its response is the Dirichlet kernel sin(πf/fs)/(L·sin(πf/(L·fs))) (fs = R/L) — the
 * analog hold's sinc(f/fs) as L grows, a few tenths of a dB less droop near fs/2 for small L. The filter: |K(f)|/L
 * for the interpolation kernel K.
 */
export function reconstructionResponseDb(frequencyHz: number, oversampling: number, mode: ReconstructionChoice, outputRateHz: number): number {
  if (mode === 'nos') return heldResponseDb(frequencyHz, oversampling, outputRateHz);
  const kernel = kernelFor(oversampling);
  const omega = (2 * Math.PI * frequencyHz) / outputRateHz;
  const half = (kernel.length - 1) / 2;
  let re = 0;
  let im = 0;
  kernel.forEach((h, index) => {
    re += h * Math.cos(omega * (index - half));
    im -= h * Math.sin(omega * (index - half));
  });
  const db = 20 * Math.log10(Math.hypot(re, im) / oversampling);
  return Number.isFinite(db) ? Math.max(FLOOR_DB, db) : FLOOR_DB;
}

/** 20·log10 of the L-sample hold's response at f (Dirichlet kernel, lowRateDac.holdResponseDb), floored for plots. */
export function heldResponseDb(frequencyHz: number, oversampling: number, outputRateHz: number): number {
  const db = holdResponseDb(frequencyHz, outputRateHz / oversampling, oversampling);
  return Number.isFinite(db) ? Math.max(FLOOR_DB, db) : FLOOR_DB;
}

/** The analog zero-order hold's droop, for comparison: 20·log10|sinc(f/fs)| (REFERENCES §5). */
export const analogHoldDroopDb = zeroOrderHoldDroopDb;

const kernels = new Map<number, Float64Array>();
function kernelFor(oversampling: number): Float64Array {
  let kernel = kernels.get(oversampling);
  if (!kernel) {
    kernel = interpolationKernel(oversampling);
    kernels.set(oversampling, kernel);
  }
  return kernel;
}

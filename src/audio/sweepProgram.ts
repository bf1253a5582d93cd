// The sine sweep program: a logarithmic (Farina) sweep from 20 Hz to 20 kHz at −12 dBFS peak over 10 s, then 0.5 s of
// silence, looped. Every octave gets the same time, so a filter, a resonance or a distortion that depends on frequency
// is heard passing by. Leaves out: the deconvolution that would turn the sweep into a measurement.
import { logSweep, type LogSweepParams } from '../dsp/logSweep';
import { dbToGain } from './volume';

export const SWEEP_START_HZ = 20;
export const SWEEP_END_HZ = 20_000;
export const SWEEP_SECONDS = 10;
export const SWEEP_PEAK_DBFS = -12;
/** Silence after each sweep, seconds, so each pass is heard as one. */
export const SWEEP_GAP_SECONDS = 0.5;
/** Raised-cosine fade at each end of the sweep, seconds. */
const SWEEP_FADE_SECONDS = 0.01;
/** The end frequency never comes closer to Nyquist than this fraction of the rate (20 kHz holds from 42.2 kHz up). */
const SWEEP_MAX_FRACTION_OF_RATE = 0.475;

/** The sweep played at a sample rate: 20 Hz to 20 kHz, or to 0.475·fs at rates too low for 20 kHz. */
export function sweepParams(sampleRateHz: number): LogSweepParams {
  return {
    startHz: SWEEP_START_HZ,
    endHz: Math.min(SWEEP_END_HZ, SWEEP_MAX_FRACTION_OF_RATE * sampleRateHz),
    durationSeconds: SWEEP_SECONDS,
  };
}

/** One loop of the program, both channels alike: the sweep, then SWEEP_GAP_SECONDS of silence. */
export function sweepChannels(sampleRateHz: number): [Float32Array, Float32Array] {
  const sweep = logSweep(sweepParams(sampleRateHz), sampleRateHz, dbToGain(SWEEP_PEAK_DBFS), SWEEP_FADE_SECONDS);
  const loop = new Float32Array(sweep.length + Math.round(SWEEP_GAP_SECONDS * sampleRateHz));
  loop.set(sweep);
  return [loop, loop.slice()];
}

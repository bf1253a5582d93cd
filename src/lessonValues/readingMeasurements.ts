// Figures the "Reading amplifier measurements" lesson quotes and plots, computed at build time from the bench's own amp
// models (src/dsp/bench/benchAmps.ts) with the analyzer's closed forms (exact Fourier series of the model's curve, plus
// the model's published hiss), not from rendered audio: the bench page measures the same models from audio.
import { aWeightingWhiteNoiseRatio } from '../dsp/analysis/aWeighting';
import { predictedHarmonicLevels, thd } from '../dsp/analysis/harmonics';
import { BENCH_TEST_FREQUENCY_HZ, CLIP_THD_RATIO, benchAmps, type BenchAmp } from '../dsp/bench/benchAmps';
import { headphoneLoad } from '../dsp/matching/catalogueModels';
import { largestDeviation, logFrequencies, relativeResponseDb } from '../dsp/sourceLoad';
import { HEADPHONES } from '../data/catalogue/headphones';
import { LOWEST_REPORTED_THRESHOLD_PERCENT } from './mythsAndMeasurements';

const aRatio = aWeightingWhiteNoiseRatio();
function ampById(id: string): BenchAmp {
  const amp = benchAmps(aRatio).find((a) => a.id === id);
  if (amp === undefined) throw new RangeError(`No bench amp "${id}"`);
  return amp;
}

/** One point of a THD+N sweep: output power (W), output rms (V), THD+N as a ratio. */
export interface SweepPoint {
  readonly watts: number;
  readonly voltsRms: number;
  readonly thdPlusNoiseRatio: number;
}

/** SINAD in dB from THD+N as a ratio: the same measurement upside down, −20·log10(ratio). */
export const sinadDbFromRatio = (ratio: number): number => -20 * Math.log10(ratio);
/** THD+N in percent from SINAD in dB. */
export const percentFromSinadDb = (sinadDb: number): number => 100 * 10 ** (-sinadDb / 20);
/** Power into a resistive load from an rms voltage, P = V²/R. */
export const wattsFromVolts = (voltsRms: number, loadOhms: number): number => (voltsRms * voltsRms) / loadOhms;

/**
 * THD+N at one input peak: the model's harmonics (exact Fourier series) and its hiss over 20 Hz–20 kHz (the published
 * A-weighted figure converted to unweighted by the white-noise ratio), added as rms, over the fundamental.
 */
function pointAt(amp: BenchAmp, loadOhms: number, inputPeak: number): SweepPoint {
  const levels = predictedHarmonicLevels(amp.curveInto(loadOhms).loadVolts, inputPeak, BENCH_TEST_FREQUENCY_HZ);
  const fundamental = levels.fundamentalRms;
  const noise = (amp.noiseAWeightedVoltsRms ?? 0) / aRatio;
  const distortion = thd(levels).ratio * fundamental;
  return { watts: wattsFromVolts(fundamental, loadOhms), voltsRms: fundamental, thdPlusNoiseRatio: Math.hypot(distortion, noise) / fundamental };
}

/** A sweep in sixth-octave steps of input from 2⁻¹⁶ of the curve's input range up to its top. */
export function thdPlusNoiseSweep(ampId: string, loadOhms: number): SweepPoint[] {
  const amp = ampById(ampId);
  const top = amp.curveInto(loadOhms).maxInputVoltsPeak;
  const points: SweepPoint[] = [];
  for (let k = 96; k >= 0; k--) points.push(pointAt(amp, loadOhms, top * 2 ** (-k / 6)));
  return points;
}

/**
 * The 1 % THD+N point coming up from the sweep's cleanest level: the first sixth-octave step past 1 %, then 50
 * bisections of the input between it and the step below.
 */
function onePercentPoint(ampId: string, loadOhms: number): SweepPoint {
  const amp = ampById(ampId);
  const top = amp.curveInto(loadOhms).maxInputVoltsPeak;
  const inputs = Array.from({ length: 97 }, (_, i) => top * 2 ** (-(96 - i) / 6));
  const ratios = inputs.map((p) => pointAt(amp, loadOhms, p).thdPlusNoiseRatio);
  const cleanest = ratios.indexOf(Math.min(...ratios));
  const past = ratios.findIndex((r, i) => i > cleanest && r >= CLIP_THD_RATIO);
  if (past < 1) throw new RangeError('The sweep never reaches 1 % THD+N');
  let low = inputs[past - 1] as number;
  let high = inputs[past] as number;
  for (let i = 0; i < 50; i++) {
    const mid = (low + high) / 2;
    if (pointAt(amp, loadOhms, mid).thdPlusNoiseRatio < CLIP_THD_RATIO) low = mid;
    else high = mid;
  }
  return pointAt(amp, loadOhms, low);
}

/** The sweep's cleanest point: where a reviewer's "best SINAD" is read. */
function cleanestPoint(sweep: readonly SweepPoint[]): SweepPoint {
  return sweep.reduce((best, p) => (p.thdPlusNoiseRatio < best.thdPlusNoiseRatio ? p : best));
}

/** The O2 model on ±12 V (its op-amp stage fitted to the measured clip points) into 32 Ω and 300 Ω. */
export const O2_AMP_ID = 'o2-stage';
export const o2Into32 = thdPlusNoiseSweep(O2_AMP_ID, 32);
export const o2Into300 = thdPlusNoiseSweep(O2_AMP_ID, 300);
export const o2OnePercent32 = onePercentPoint(O2_AMP_ID, 32);
export const o2OnePercent300 = onePercentPoint(O2_AMP_ID, 300);
export const o2Best32 = cleanestPoint(o2Into32);
export const o2BestSinad32Db = sinadDbFromRatio(o2Best32.thdPlusNoiseRatio);
/** The O2 model's hiss over 20 Hz–20 kHz, unweighted, volts rms. */
export const o2NoiseVoltsRms = (ampById(O2_AMP_ID).noiseAWeightedVoltsRms ?? 0) / aRatio;

/** The listening level the lesson reads the sweep at: 1 mW into 32 Ω. */
export const LISTENING_WATTS = 1e-3;
export const listeningVolts32 = Math.sqrt(LISTENING_WATTS * 32);
const listeningInputPeak = (() => {
  const amp = ampById(O2_AMP_ID);
  let low = 0;
  let high = amp.curveInto(32).maxInputVoltsPeak;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (pointAt(amp, 32, mid).watts < LISTENING_WATTS) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
})();
export const o2AtListening32 = pointAt(ampById(O2_AMP_ID), 32, listeningInputPeak);
export const o2SinadAtListening32Db = sinadDbFromRatio(o2AtListening32.thdPlusNoiseRatio);
/** How far below the O2 model's 1 % point the 1 mW listening level sits, dB of power. */
export const listeningBelowClipDb = 10 * Math.log10(o2OnePercent32.watts / LISTENING_WATTS);

/** The lowest reported distortion threshold (loudspeaker study) as a THD+N ratio and as SINAD. */
export const thresholdRatio = LOWEST_REPORTED_THRESHOLD_PERCENT / 100;
export const thresholdSinadDb = sinadDbFromRatio(thresholdRatio);
export { LOWEST_REPORTED_THRESHOLD_PERCENT };

/** Level differences of 0.2 dB are heard as "better", not as louder (Atkinson). */
export const LEVEL_MATCH_DB = 0.2;

/** A 50 Ω source (the Scarlett 2i2 4th Gen's headphone output, catalogue) into a 300 Ω resistor and into a multi-driver IEM. */
export const TILT_SOURCE_ID = 'focusrite-scarlett-2i2-gen4';
export const TILT_IEM_ID = 'campfire-andromeda';
export const tiltSourceOhms = ampById(TILT_SOURCE_ID).outputImpedanceOhms;
const iem = HEADPHONES.find((h) => h.id === TILT_IEM_ID);
if (iem === undefined) throw new RangeError(`No catalogue headphone "${TILT_IEM_ID}"`);
export const iemLabel = `${iem.maker} ${iem.model}`;
const iemModel = headphoneLoad(iem).impedance;
if (iemModel === null) throw new RangeError(`The catalogue has no impedance model for "${TILT_IEM_ID}"`);
const iemImpedance = iemModel;
export const iemTiltDb = largestDeviation(iemImpedance, tiltSourceOhms).deviationDb;
const frequencies = logFrequencies(20, 20_000, 120);
export const iemTiltCurve = relativeResponseDb(iemImpedance, tiltSourceOhms, frequencies).map((y, i) => ({ x: frequencies[i] ?? 0, y }));
export const resistorTiltCurve = frequencies.map((x) => ({ x, y: 0 }));

/** Sweep points as a plot series: x in mW, y THD+N in dB. */
export const sweepSeries = (sweep: readonly SweepPoint[]): { x: number; y: number }[] =>
  sweep.filter((p) => p.watts >= 1e-6).map((p) => ({ x: p.watts * 1000, y: 20 * Math.log10(p.thdPlusNoiseRatio) }));

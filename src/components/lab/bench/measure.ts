// The bench's measurements, each from audio rendered offline (src/audio/benchRender.ts) and read by src/dsp/analysis:
// frequency response at 1 mW, THD+N and SINAD versus power, power at 1 % THD+N versus load, A-weighted noise and
// dynamic range, SMPTE IMD. Loaded only when the reader presses Measure. Leaves out: crosstalk (the models have one
// channel), averaging over repeated captures.
import { BENCH_MAX_CHAINS, BENCH_SAMPLE_RATE_HZ, type SampledCurve, renderBench, renderBenchChains, sampleCurve } from '../../../audio/benchRender';
import { aWeightingGain, aWeightingWhiteNoiseRatio, dynamicRangeDb, noiseLevelsFromSpectrum } from '../../../dsp/analysis/aWeighting';
import { thdPlusNoiseFromSpectrum } from '../../../dsp/analysis/harmonics';
import { SMPTE_AMPLITUDE_RATIO, SMPTE_HIGH_HZ, SMPTE_LOW_HZ, smpteImd } from '../../../dsp/analysis/intermodulation';
import { mainLobePower, windowedPowerSpectrum } from '../../../dsp/analysis/windowedSpectrum';
import { analogToDigitalSections } from '../../../dsp/bilinear';
import {
  BENCH_TEST_FREQUENCY_HZ,
  type BenchAmp,
  type BenchLoad,
  CLIP_THD_RATIO,
  type LoadedCurve,
  MIN_CLIP_OUTPUT_VOLTS_RMS,
  type ResolvedLoad,
  benchAmps,
  gainTestInputPeak,
  outputImpedanceFromTwoLoads,
  resolveLoad,
  smallSignalGain,
} from '../../../dsp/bench/benchAmps';
import { dividerResponse } from '../../../dsp/sourceLoad';
import type { Rational } from '../../../dsp/impedance';

export interface BenchSetup {
  readonly ampId: string;
  readonly load: BenchLoad;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The loads the THD+N sweep is run into, as reviewers do: a low-impedance and a high-impedance headphone. */
export const SWEEP_LOADS_OHMS = [32, 300] as const;
/** Loads for power at 1 % versus load, ohms: 8 Ω to 1024 Ω in octaves. */
export const POWER_LOADS_OHMS = Array.from({ length: 8 }, (_, i) => 8 * 2 ** i);
/** The frequency response's level: 1 mW into the load (nominal impedance), as reviewers set it. */
export const RESPONSE_LEVEL_WATTS = 1e-3;
/** One-third-octave tones, IEC 61260 base ten: 1 kHz·10^(n/10), n = −17 … 13 (20 Hz … 20 kHz). */
export const RESPONSE_TONES_HZ = Array.from({ length: 31 }, (_, i) => 1000 * 10 ** ((i - 17) / 10));
/** SMPTE IMD level: the twin tone's peak equals a sine's at half the 1 % power (3 dB below the clip point). */
export const IMD_POWER_FRACTION_OF_CLIP = 0.5;
/** Lowest power the THD+N sweep starts at, watts. */
export const SWEEP_LOWEST_WATTS = 1e-5;
export const SWEEP_POINTS = 22;

/** Leading output dropped from the long renders (response, noise, IMD) while the divider filter settles. */
const SETTLE_SAMPLES = Math.round(0.1 * BENCH_SAMPLE_RATE_HZ);
const RESPONSE_SAMPLES = 4 * BENCH_SAMPLE_RATE_HZ;
const NOISE_SAMPLES = 2 * BENCH_SAMPLE_RATE_HZ;
const IMD_SAMPLES = BENCH_SAMPLE_RATE_HZ;
/** Display points for spectra: the largest bin in each of this many log-spaced slices of 20 Hz–20 kHz. */
const SPECTRUM_DISPLAY_POINTS = 300;

/** The amp on a load: its curve sampled for the shaper, the divider filter, the gain and the hiss. */
interface Rig {
  readonly amp: BenchAmp;
  readonly load: ResolvedLoad;
  readonly curve: LoadedCurve;
  readonly shaper: SampledCurve;
  readonly response: { readonly sections: ReturnType<typeof analogToDigitalSections>; readonly gain: number } | null;
  /** Volts across the load per input volt at the gain test level. */
  readonly gain: number;
  readonly noiseVoltsRms: number;
}

/** Unweighted rms over 0…fs/2 of white noise whose A-weighted rms over 20 Hz–20 kHz is `aWeightedVoltsRms`. */
function unweightedFullBandRms(aWeightedVoltsRms: number): number {
  const inBandFraction = (20_000 - 20) / (BENCH_SAMPLE_RATE_HZ / 2);
  return aWeightedVoltsRms / (aWeightingWhiteNoiseRatio() * Math.sqrt(inBandFraction));
}

export function ampById(ampId: string): BenchAmp {
  const amps = benchAmps(aWeightingWhiteNoiseRatio());
  return amps.find((a) => a.id === ampId) ?? (amps[0] as BenchAmp);
}

const rigs = new Map<string, Rig>();

function rigKey(ampId: string, load: BenchLoad): string {
  return `${ampId}|${load.kind === 'resistor' ? load.ohms : load.id}`;
}

/** The divider Z/(Z + Zout) over its value into the nominal resistance R/(R + Zout): the tilt a real headphone adds. */
function headphoneResponse(impedance: Rational, outputImpedanceOhms: number, nominalOhms: number): Rig['response'] {
  if (!(outputImpedanceOhms > 0)) return null;
  return {
    sections: analogToDigitalSections(dividerResponse(impedance, outputImpedanceOhms), BENCH_SAMPLE_RATE_HZ),
    gain: (nominalOhms + outputImpedanceOhms) / nominalOhms,
  };
}

export function rigFor(ampId: string, load: BenchLoad): Rig {
  const key = rigKey(ampId, load);
  const cached = rigs.get(key);
  if (cached) return cached;
  const amp = ampById(ampId);
  const resolved = resolveLoad(load);
  const curve = amp.curveInto(resolved.nominalOhms);
  const shaper = sampleCurve(curve.loadVolts, curve.maxInputVoltsPeak);
  const gain = smallSignalGain(curve);
  const rig: Rig = {
    amp,
    load: resolved,
    curve,
    shaper,
    response: resolved.impedance ? headphoneResponse(resolved.impedance, amp.outputImpedanceOhms, resolved.nominalOhms) : null,
    gain,
    noiseVoltsRms: amp.noiseAWeightedVoltsRms === null ? 0 : unweightedFullBandRms(amp.noiseAWeightedVoltsRms),
  };
  rigs.set(key, rig);
  return rig;
}

/** Sine length per THD+N reading: 30 periods of 1 kHz (the analysis needs 14). */
const SEGMENT_SAMPLES = Math.round(0.03 * BENCH_SAMPLE_RATE_HZ);
/** Gap before each reading: 5 ms into a resistor; 50 ms into a headphone, whose divider filter rings at its resonance. */
const RESISTOR_SETTLE_SAMPLES = Math.round(0.005 * BENCH_SAMPLE_RATE_HZ);
const HEADPHONE_SETTLE_SAMPLES = Math.round(0.05 * BENCH_SAMPLE_RATE_HZ);
/** The 1 % search: a coarse scan in 4 dB steps down 60 dB from the top of the range, then 12 steps across the bracket. */
const COARSE_STEP_DB = 4;
const COARSE_LEVELS = 16;
const FINE_LEVELS = 12;

export interface SineReading {
  /** Output power, watts: the output's total rms² over the nominal load. */
  readonly watts: number;
  readonly outputVoltsRms: number;
  readonly fundamentalVoltsRms: number;
  readonly thdPlusNoiseRatio: number;
  readonly sinadDb: number;
  readonly inputPeakVolts: number;
}

/** One rig and the input peaks to read it at. */
export interface SineJob {
  readonly rig: Rig;
  readonly inputPeaks: readonly number[];
}

/**
 * 1 kHz sines at each job's input peaks, one after another (each preceded by a settling gap, every segment starting
 * at phase 0), all jobs rendered at once on their own channels, each segment read for THD+N (20 Hz–20 kHz) and level
 * from one FFT.
 */
export async function readSines(jobs: readonly SineJob[], seed = 1): Promise<SineReading[][]> {
  const results: SineReading[][] = [];
  for (let start = 0; start < jobs.length; start += BENCH_MAX_CHAINS) results.push(...(await readSinesOnce(jobs.slice(start, start + BENCH_MAX_CHAINS), seed)));
  return results;
}

async function readSinesOnce(jobs: readonly SineJob[], seed: number): Promise<SineReading[][]> {
  const settle = jobs.some((job) => job.rig.response) ? HEADPHONE_SETTLE_SAMPLES : RESISTOR_SETTLE_SAMPLES;
  const stride = settle + SEGMENT_SAMPLES;
  const segments = Math.max(0, ...jobs.map((job) => job.inputPeaks.length));
  if (segments === 0) return jobs.map(() => []);
  const step = (2 * Math.PI * BENCH_TEST_FREQUENCY_HZ) / BENCH_SAMPLE_RATE_HZ;
  const specs = jobs.map((job) => {
    const input = new Float32Array(stride * segments);
    job.inputPeaks.forEach((peak, i) => {
      for (let n = 0; n < stride; n++) input[i * stride + n] = peak * Math.sin(step * n);
    });
    return { shaper: job.rig.shaper, response: job.rig.response, inputVolts: input, noiseVoltsRms: job.rig.noiseVoltsRms, settleSamples: 0 };
  });
  const outputs = await renderBenchChains(specs, seed);
  return jobs.map((job, j) => {
    const out = outputs[j] as Float32Array;
    return job.inputPeaks.map((inputPeakVolts, i) => {
      const segment = out.subarray(i * stride + settle, (i + 1) * stride);
      const spectrum = windowedPowerSpectrum(segment, BENCH_SAMPLE_RATE_HZ);
      const { thdPlusNoise, fundamentalRms } = thdPlusNoiseFromSpectrum(spectrum, BENCH_SAMPLE_RATE_HZ, BENCH_TEST_FREQUENCY_HZ);
      const outputVoltsRms = fundamentalRms / Math.sqrt(Math.max(1e-300, 1 - thdPlusNoise.ratio ** 2));
      return {
        watts: outputVoltsRms ** 2 / job.rig.load.nominalOhms,
        outputVoltsRms,
        fundamentalVoltsRms: fundamentalRms,
        thdPlusNoiseRatio: thdPlusNoise.ratio,
        sinadDb: -thdPlusNoise.db,
        inputPeakVolts,
      };
    });
  });
}

const clean = (r: SineReading) => r.fundamentalVoltsRms >= MIN_CLIP_OUTPUT_VOLTS_RMS && r.thdPlusNoiseRatio <= CLIP_THD_RATIO;

/** Within a descending list of readings, the first clean one (≤ 1 %) and the one above it. */
function bracketFromTop(readings: readonly SineReading[]): [SineReading, SineReading] | null {
  const index = readings.findIndex(clean);
  if (index <= 0) return null;
  return [readings[index] as SineReading, readings[index - 1] as SineReading];
}

/**
 * The 1 % THD+N point of each rig, measured from renders: a coarse scan down from the top of the input range (so a
 * class B stage, also dirty at small levels, is read at its clip point), a fine scan across the bracket, then the
 * crossing interpolated in log(THD+N) against log(input) and read once more there. All rigs share each render. Null
 * for a rig with nothing in the scan that clean with at least MIN_CLIP_OUTPUT_VOLTS_RMS out.
 */
export async function measuredOnePercent(rigList: readonly Rig[]): Promise<(SineReading | null)[]> {
  const coarse = await readSines(rigList.map((rig) => ({ rig, inputPeaks: Array.from({ length: COARSE_LEVELS }, (_, i) => rig.curve.maxInputVoltsPeak * 10 ** ((-COARSE_STEP_DB * i) / 20)) })));
  const brackets = coarse.map((readings) => (readings[0] && clean(readings[0]) ? null : bracketFromTop(readings)));
  const fineJobs = rigList.map((rig, j) => {
    const bracket = brackets[j];
    if (!bracket) return { rig, inputPeaks: [] };
    const [low, high] = bracket;
    const ratio = high.inputPeakVolts / low.inputPeakVolts;
    return { rig, inputPeaks: Array.from({ length: FINE_LEVELS + 1 }, (_, i) => high.inputPeakVolts * ratio ** (-i / FINE_LEVELS)) };
  });
  const fine = await readSines(fineJobs);
  const finalPeaks = rigList.map((_, j) => {
    const bracket = brackets[j];
    if (!bracket) return null;
    const [below, above] = bracketFromTop(fine[j] ?? []) ?? bracket;
    const t = Math.log(CLIP_THD_RATIO / below.thdPlusNoiseRatio) / Math.log(above.thdPlusNoiseRatio / below.thdPlusNoiseRatio);
    return below.inputPeakVolts * (above.inputPeakVolts / below.inputPeakVolts) ** Math.min(1, Math.max(0, t));
  });
  const final = await readSines(rigList.map((rig, j) => ({ rig, inputPeaks: finalPeaks[j] === null ? [] : [finalPeaks[j] as number] })));
  return rigList.map((_, j) => {
    const first = coarse[j]?.[0];
    if (first && clean(first)) return first;
    return final[j]?.[0] ?? null;
  });
}

export interface ResponseResult {
  /** dB relative to 1 kHz at each third-octave tone. */
  readonly points: readonly Point[];
  /** Volts across the load at 1 kHz. */
  readonly voltsAt1kHz: number;
}

/** Frequency response at 1 mW: 31 third-octave tones at once (equal levels, seeded random phases) summing to 1 mW. */
export async function measureResponse(rig: Rig): Promise<ResponseResult> {
  const totalRms = Math.sqrt(RESPONSE_LEVEL_WATTS * rig.load.nominalOhms);
  const toneOutputPeak = (Math.SQRT2 * totalRms) / Math.sqrt(RESPONSE_TONES_HZ.length);
  const toneInputPeak = toneOutputPeak / rig.gain;
  const length = RESPONSE_SAMPLES + SETTLE_SAMPLES;
  const input = new Float32Array(length);
  RESPONSE_TONES_HZ.forEach((f, i) => {
    const phase = (2 * Math.PI * ((i * 0.618_034) % 1));
    const step = (2 * Math.PI * f) / BENCH_SAMPLE_RATE_HZ;
    for (let n = 0; n < length; n++) input[n] = (input[n] as number) + toneInputPeak * Math.sin(step * n + phase);
  });
  const out = await renderBench({ shaper: rig.shaper, response: rig.response, inputVolts: input, noiseVoltsRms: 0, settleSamples: SETTLE_SAMPLES });
  const spectrum = windowedPowerSpectrum(out, BENCH_SAMPLE_RATE_HZ);
  const levels = RESPONSE_TONES_HZ.map((f) => Math.sqrt(mainLobePower(spectrum, f)));
  const reference = levels[17] as number;
  return { points: RESPONSE_TONES_HZ.map((f, i) => ({ x: f, y: 20 * Math.log10((levels[i] as number) / reference) })), voltsAt1kHz: reference };
}

export interface SweepResult {
  readonly loadOhms: number;
  /** x = output power in watts, y = THD+N in dB. */
  readonly points: readonly Point[];
  readonly onePercent: SineReading | null;
}

/** THD+N and SINAD at 1 kHz from 10 µW to twice the 1 % power into each resistive load, all in one render. */
export async function measureSweeps(ampId: string, onePercents: readonly (SineReading | null)[]): Promise<SweepResult[]> {
  const jobs = SWEEP_LOADS_OHMS.map((loadOhms, j) => {
    const rig = rigFor(ampId, { kind: 'resistor', ohms: loadOhms });
    const onePercent = onePercents[j] ?? null;
    const topWatts = onePercent ? 2 * onePercent.watts : (rig.gain * rig.curve.maxInputVoltsPeak) ** 2 / (2 * loadOhms);
    const inputPeaks = Array.from({ length: SWEEP_POINTS }, (_, i) => {
      const watts = SWEEP_LOWEST_WATTS * (topWatts / SWEEP_LOWEST_WATTS) ** (i / (SWEEP_POINTS - 1));
      return Math.min(rig.curve.maxInputVoltsPeak, Math.sqrt(2 * watts * loadOhms) / rig.gain);
    });
    return { rig, inputPeaks };
  });
  const readings = await readSines(jobs);
  return SWEEP_LOADS_OHMS.map((loadOhms, j) => ({
    loadOhms,
    points: (readings[j] ?? []).map((r) => ({ x: r.watts, y: 20 * Math.log10(r.thdPlusNoiseRatio) })).sort((p, q) => p.x - q.x),
    onePercent: onePercents[j] ?? null,
  }));
}

export interface NoiseResult {
  readonly unweightedVoltsRms: number;
  readonly aWeightedVoltsRms: number;
  /** The 1 % THD+N output into this load over the A-weighted noise, dB; null without noise or a 1 % point. */
  readonly dynamicRangeDb: number | null;
  readonly maxOutputVoltsRms: number | null;
  /** Third-octave band levels, dB re 1 V: unweighted and A-weighted. */
  readonly bands: readonly Point[];
  readonly weightedBands: readonly Point[];
}

/** The output with no input for 2 s: noise unweighted and A-weighted over 20 Hz–20 kHz, and dynamic range. */
export async function measureNoise(rig: Rig, maxOutputVoltsRms: number | null): Promise<NoiseResult> {
  const out = await renderBench({ shaper: rig.shaper, response: rig.response, inputVolts: new Float32Array(NOISE_SAMPLES + SETTLE_SAMPLES), noiseVoltsRms: rig.noiseVoltsRms, settleSamples: SETTLE_SAMPLES }, 7);
  const spectrum = windowedPowerSpectrum(out, BENCH_SAMPLE_RATE_HZ);
  const levels = noiseLevelsFromSpectrum(spectrum);
  const bands: Point[] = [];
  const weightedBands: Point[] = [];
  for (const centreHz of RESPONSE_TONES_HZ) {
    const lowHz = centreHz * 10 ** (-1 / 20);
    const highHz = centreHz * 10 ** (1 / 20);
    const band = noiseLevelsFromSpectrum(spectrum, { lowHz, highHz });
    bands.push({ x: centreHz, y: 20 * Math.log10(Math.max(band.unweightedVoltsRms, 1e-12)) });
    weightedBands.push({ x: centreHz, y: 20 * Math.log10(Math.max(band.unweightedVoltsRms * aWeightingGain(centreHz), 1e-12)) });
  }
  const hasNoise = rig.noiseVoltsRms > 0;
  return {
    ...levels,
    dynamicRangeDb: hasNoise && maxOutputVoltsRms !== null ? dynamicRangeDb(maxOutputVoltsRms, levels.aWeightedVoltsRms) : null,
    maxOutputVoltsRms,
    bands,
    weightedBands,
  };
}

export interface ImdResult {
  readonly percent: number;
  /** Output power of a sine with the same peak, watts. */
  readonly equivalentWatts: number;
  /** x = Hz, y = dB re the 7 kHz tone. */
  readonly spectrum: readonly Point[];
}

/** SMPTE IMD (60 Hz + 7 kHz, 4:1) with the twin tone's peak at the peak of a sine at half the 1 % power. */
export async function measureImd(rig: Rig, onePercentWatts: number | null): Promise<ImdResult> {
  const watts = (onePercentWatts ?? RESPONSE_LEVEL_WATTS) * IMD_POWER_FRACTION_OF_CLIP;
  const outputPeak = Math.sqrt(2 * watts * rig.load.nominalOhms);
  const inputPeak = Math.min(rig.curve.maxInputVoltsPeak, outputPeak / rig.gain);
  const lowPeak = (inputPeak * SMPTE_AMPLITUDE_RATIO) / (SMPTE_AMPLITUDE_RATIO + 1);
  const highPeak = inputPeak / (SMPTE_AMPLITUDE_RATIO + 1);
  const length = IMD_SAMPLES + SETTLE_SAMPLES;
  const input = new Float32Array(length);
  for (let n = 0; n < length; n++) {
    input[n] = lowPeak * Math.sin((2 * Math.PI * SMPTE_LOW_HZ * n) / BENCH_SAMPLE_RATE_HZ) + highPeak * Math.sin((2 * Math.PI * SMPTE_HIGH_HZ * n) / BENCH_SAMPLE_RATE_HZ);
  }
  const out = await renderBench({ shaper: rig.shaper, response: rig.response, inputVolts: input, noiseVoltsRms: rig.noiseVoltsRms, settleSamples: SETTLE_SAMPLES }, 3);
  const imd = smpteImd(out, BENCH_SAMPLE_RATE_HZ);
  const spectrum = windowedPowerSpectrum(out, BENCH_SAMPLE_RATE_HZ);
  const referencePower = imd.highToneRms ** 2;
  const points: Point[] = [];
  let k = 1;
  for (let i = 0; i < SPECTRUM_DISPLAY_POINTS; i++) {
    const highHz = 20 * 1000 ** ((i + 1) / SPECTRUM_DISPLAY_POINTS);
    let peak = 0;
    let peakHz = 0;
    while (k < spectrum.power.length && (spectrum.frequenciesHz[k] as number) <= highHz) {
      if ((spectrum.frequenciesHz[k] as number) >= 20 && (spectrum.power[k] as number) >= peak) {
        peak = spectrum.power[k] as number;
        peakHz = spectrum.frequenciesHz[k] as number;
      }
      k++;
    }
    if (peakHz > 0 && (points.length === 0 || peakHz > (points.at(-1) as Point).x)) {
      points.push({ x: peakHz, y: 10 * Math.log10(Math.max(peak / referencePower, 1e-20)) });
    }
  }
  return { percent: imd.percent, equivalentWatts: watts, spectrum: points };
}

export interface ImpedanceReading {
  readonly measuredOhms: number;
  readonly modelOhms: number;
}

/** Output impedance from the 1 kHz fundamental into 32 Ω and 300 Ω at the same input (gain test level). */
export async function measureOutputImpedance(ampId: string): Promise<ImpedanceReading> {
  const inputPeak = gainTestInputPeak(rigFor(ampId, { kind: 'resistor', ohms: SWEEP_LOADS_OHMS[0] }).curve);
  const readings = await readSines(SWEEP_LOADS_OHMS.map((ohms) => ({ rig: { ...rigFor(ampId, { kind: 'resistor', ohms }), noiseVoltsRms: 0 }, inputPeaks: [inputPeak] })));
  const [v1, v2] = readings.map((r) => r[0]?.fundamentalVoltsRms ?? Number.NaN) as [number, number];
  return { measuredOhms: outputImpedanceFromTwoLoads(v1, SWEEP_LOADS_OHMS[0], v2, SWEEP_LOADS_OHMS[1]), modelOhms: ampById(ampId).outputImpedanceOhms };
}

export interface BenchResult {
  readonly setup: BenchSetup;
  readonly ampLabel: string;
  readonly loadLabel: string;
  readonly response: ResponseResult;
  readonly sweeps: readonly SweepResult[];
  readonly powerVsLoad: readonly Point[];
  readonly noise: NoiseResult;
  readonly imd: ImdResult;
  readonly impedance: ImpedanceReading;
  /** The 1 % point into the chosen load. */
  readonly onePercentIntoLoad: SineReading | null;
  /** Published 1 % points re-measured at their cited loads. */
  readonly publishedClips: readonly { readonly loadOhms: number; readonly reading: SineReading | null }[];
}

/** Every measurement of one setup, reporting progress (steps done of total) as it goes. */
export async function measureSetup(setup: BenchSetup, onProgress: (done: number, total: number, what: string) => void): Promise<BenchResult> {
  const amp = ampById(setup.ampId);
  const rig = rigFor(setup.ampId, setup.load);
  const publishedLoads = [...new Set(amp.published.filter((f) => f.kind === 'clip' && f.loadOhms !== undefined).map((f) => f.loadOhms as number))];
  const resistorRig = (ohms: number) => rigFor(setup.ampId, { kind: 'resistor', ohms });
  const clipRigs = [rig, ...SWEEP_LOADS_OHMS.map(resistorRig), ...POWER_LOADS_OHMS.map(resistorRig), ...publishedLoads.map(resistorRig)];
  const total = 6;
  onProgress(0, total, 'frequency response');
  const response = await measureResponse(rig);
  onProgress(1, total, `1 % THD+N points into ${clipRigs.length} loads`);
  const clips = await measuredOnePercent(clipRigs);
  const sweepClips = clips.slice(1, 1 + SWEEP_LOADS_OHMS.length);
  const powerClips = clips.slice(1 + SWEEP_LOADS_OHMS.length, 1 + SWEEP_LOADS_OHMS.length + POWER_LOADS_OHMS.length);
  const publishedReadings = clips.slice(1 + SWEEP_LOADS_OHMS.length + POWER_LOADS_OHMS.length);
  const onePercentIntoLoad = clips[0] ?? null;
  onProgress(2, total, 'THD+N sweeps');
  const sweeps = await measureSweeps(setup.ampId, sweepClips);
  onProgress(3, total, 'noise');
  const noise = await measureNoise(rig, onePercentIntoLoad?.outputVoltsRms ?? null);
  onProgress(4, total, 'intermodulation');
  const imd = await measureImd(rig, onePercentIntoLoad?.watts ?? null);
  onProgress(5, total, 'output impedance');
  const impedance = await measureOutputImpedance(setup.ampId);
  onProgress(6, total, 'done');
  const powerVsLoad = POWER_LOADS_OHMS.flatMap((ohms, j) => {
    const reading = powerClips[j];
    return reading ? [{ x: ohms, y: reading.watts }] : [];
  });
  const publishedClips = publishedLoads.map((loadOhms, j) => ({ loadOhms, reading: publishedReadings[j] ?? null }));
  return { setup, ampLabel: amp.label, loadLabel: rig.load.label, response, sweeps, powerVsLoad, noise, imd, impedance, onePercentIntoLoad, publishedClips };
}

export { CLIP_THD_RATIO };

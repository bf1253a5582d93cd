// The bench's measurements, each from audio rendered offline (src/audio/benchRender.ts) and read by src/dsp/analysis:
// frequency response at 1 mW, THD+N and SINAD versus power, power at 1 % THD+N versus load, A-weighted noise and
// dynamic range, SMPTE IMD. Loaded only when the reader presses Measure. Leaves out: crosstalk (the models have one
// channel), averaging over repeated captures.
import { BENCH_SAMPLE_RATE_HZ, type SampledCurve, renderBench, sampleCurve } from '../../../audio/benchRender';
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
/** Loads for power at 1 % versus load, ohms: 8 Ω to 1 kΩ in sixth-decade steps. */
export const POWER_LOADS_OHMS = Array.from({ length: 13 }, (_, i) => Math.round(8 * 10 ** (i / 6) * 10) / 10);
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

/** Sine length per THD+N reading: 50 periods of 1 kHz (the analysis needs 14). */
const SEGMENT_SAMPLES = Math.round(0.05 * BENCH_SAMPLE_RATE_HZ);
/** Gap before each reading: 5 ms into a resistor; 50 ms into a headphone, whose divider filter rings at its resonance. */
const RESISTOR_SETTLE_SAMPLES = Math.round(0.005 * BENCH_SAMPLE_RATE_HZ);
const HEADPHONE_SETTLE_SAMPLES = Math.round(0.05 * BENCH_SAMPLE_RATE_HZ);
/** The 1 % search: a coarse scan in 2 dB steps down 60 dB from the top of the range, then 16 steps across the bracket. */
const COARSE_STEP_DB = 2;
const COARSE_LEVELS = 31;
const FINE_LEVELS = 16;

export interface SineReading {
  /** Output power, watts: the output's total rms² over the nominal load. */
  readonly watts: number;
  readonly outputVoltsRms: number;
  readonly fundamentalVoltsRms: number;
  readonly thdPlusNoiseRatio: number;
  readonly sinadDb: number;
  readonly inputPeakVolts: number;
}

/**
 * 1 kHz sines at each input peak, one after another in a single render (each preceded by a settling gap, every
 * segment starting at phase 0), each read for THD+N (20 Hz–20 kHz) and level from one FFT.
 */
export async function readSines(rig: Rig, inputPeaks: readonly number[], seed = 1): Promise<SineReading[]> {
  const settle = rig.response ? HEADPHONE_SETTLE_SAMPLES : RESISTOR_SETTLE_SAMPLES;
  const stride = settle + SEGMENT_SAMPLES;
  const input = new Float32Array(stride * inputPeaks.length);
  const step = (2 * Math.PI * BENCH_TEST_FREQUENCY_HZ) / BENCH_SAMPLE_RATE_HZ;
  inputPeaks.forEach((peak, i) => {
    for (let n = 0; n < stride; n++) input[i * stride + n] = peak * Math.sin(step * n);
  });
  const out = await renderBench({ shaper: rig.shaper, response: rig.response, inputVolts: input, noiseVoltsRms: rig.noiseVoltsRms, settleSamples: 0 }, seed);
  return inputPeaks.map((inputPeakVolts, i) => {
    const segment = out.subarray(i * stride + settle, (i + 1) * stride);
    const spectrum = windowedPowerSpectrum(segment, BENCH_SAMPLE_RATE_HZ);
    const { thdPlusNoise, fundamentalRms } = thdPlusNoiseFromSpectrum(spectrum, BENCH_SAMPLE_RATE_HZ, BENCH_TEST_FREQUENCY_HZ);
    const outputVoltsRms = fundamentalRms / Math.sqrt(Math.max(1e-300, 1 - thdPlusNoise.ratio ** 2));
    return {
      watts: outputVoltsRms ** 2 / rig.load.nominalOhms,
      outputVoltsRms,
      fundamentalVoltsRms: fundamentalRms,
      thdPlusNoiseRatio: thdPlusNoise.ratio,
      sinadDb: -thdPlusNoise.db,
      inputPeakVolts,
    };
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
 * The 1 % THD+N point measured from renders: a coarse scan down from the top of the input range (so a class B
 * stage, also dirty at small levels, is read at its clip point), a fine scan across the bracket, then the crossing
 * interpolated in log(THD+N) against log(input) and read once more there. Null when nothing in the scan is that clean
 * with at least MIN_CLIP_OUTPUT_VOLTS_RMS out.
 */
export async function measuredOnePercent(rig: Rig): Promise<SineReading | null> {
  const top = rig.curve.maxInputVoltsPeak;
  const coarse = await readSines(rig, Array.from({ length: COARSE_LEVELS }, (_, i) => top * 10 ** ((-COARSE_STEP_DB * i) / 20)));
  if (coarse[0] && clean(coarse[0])) return coarse[0];
  const coarseBracket = bracketFromTop(coarse);
  if (!coarseBracket) return null;
  const [low, high] = coarseBracket;
  const ratio = high.inputPeakVolts / low.inputPeakVolts;
  const fine = await readSines(rig, Array.from({ length: FINE_LEVELS + 1 }, (_, i) => high.inputPeakVolts * ratio ** (-i / FINE_LEVELS)));
  const [below, above] = bracketFromTop(fine) ?? [low, high];
  const t = Math.log(CLIP_THD_RATIO / below.thdPlusNoiseRatio) / Math.log(above.thdPlusNoiseRatio / below.thdPlusNoiseRatio);
  const peak = below.inputPeakVolts * (above.inputPeakVolts / below.inputPeakVolts) ** Math.min(1, Math.max(0, t));
  const [reading] = await readSines(rig, [peak]);
  return reading ?? null;
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

/** THD+N and SINAD at 1 kHz from 10 µW to past the 1 % point into a resistive load. */
export async function measureSweep(ampId: string, loadOhms: number): Promise<SweepResult> {
  const rig = rigFor(ampId, { kind: 'resistor', ohms: loadOhms });
  const onePercent = await measuredOnePercent(rig);
  const topWatts = onePercent ? 2 * onePercent.watts : (rig.gain * rig.curve.maxInputVoltsPeak) ** 2 / (2 * loadOhms);
  const peaks = Array.from({ length: SWEEP_POINTS }, (_, i) => {
    const watts = SWEEP_LOWEST_WATTS * (topWatts / SWEEP_LOWEST_WATTS) ** (i / (SWEEP_POINTS - 1));
    return Math.min(rig.curve.maxInputVoltsPeak, Math.sqrt(2 * watts * loadOhms) / rig.gain);
  });
  const points: Point[] = (await readSines(rig, peaks)).map((r) => ({ x: r.watts, y: 20 * Math.log10(r.thdPlusNoiseRatio) }));
  points.sort((p, q) => p.x - q.x);
  return { loadOhms, points, onePercent };
}

/** Power at 1 % THD+N into each of POWER_LOADS_OHMS: x = load ohms, y = watts (absent where never that clean). */
export async function measurePowerVsLoad(ampId: string): Promise<readonly Point[]> {
  const points: Point[] = [];
  for (const ohms of POWER_LOADS_OHMS) {
    const reading = await measuredOnePercent(rigFor(ampId, { kind: 'resistor', ohms }));
    if (reading) points.push({ x: ohms, y: reading.watts });
  }
  return points;
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
  const fundamentals: number[] = [];
  for (const ohms of SWEEP_LOADS_OHMS) {
    const rig = rigFor(ampId, { kind: 'resistor', ohms });
    const [reading] = await readSines({ ...rig, noiseVoltsRms: 0 }, [inputPeak]);
    fundamentals.push(reading?.fundamentalVoltsRms ?? Number.NaN);
  }
  const [v1, v2] = fundamentals as [number, number];
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
  const clipLoads = [...new Set(amp.published.filter((f) => f.kind === 'clip' && f.loadOhms !== undefined).map((f) => f.loadOhms as number))];
  const total = 7;
  onProgress(0, total, 'frequency response');
  const response = await measureResponse(rig);
  onProgress(1, total, 'THD+N sweeps');
  const sweeps: SweepResult[] = [];
  for (const ohms of SWEEP_LOADS_OHMS) sweeps.push(await measureSweep(setup.ampId, ohms));
  onProgress(2, total, 'power versus load');
  const powerVsLoad = await measurePowerVsLoad(setup.ampId);
  onProgress(3, total, 'clip point into the load');
  const onePercentIntoLoad = await measuredOnePercent(rig);
  onProgress(4, total, 'noise');
  const noise = await measureNoise(rig, onePercentIntoLoad?.outputVoltsRms ?? null);
  onProgress(5, total, 'intermodulation');
  const imd = await measureImd(rig, onePercentIntoLoad?.watts ?? null);
  onProgress(6, total, 'output impedance and published figures');
  const impedance = await measureOutputImpedance(setup.ampId);
  const publishedClips = [];
  for (const loadOhms of clipLoads) publishedClips.push({ loadOhms, reading: await measuredOnePercent(rigFor(setup.ampId, { kind: 'resistor', ohms: loadOhms })) });
  onProgress(7, total, 'done');
  return { setup, ampLabel: amp.label, loadLabel: rig.load.label, response, sweeps, powerVsLoad, noise, imd, impedance, onePercentIntoLoad, publishedClips };
}

export { CLIP_THD_RATIO };

/**
 * The amplifiers the measurement bench can put on its load: catalogue sources (a clean voltage behind their output
 * impedance that clips at their published ratings, plus their published hiss) and the circuit models of
 * src/dsp/circuits (op-amp stage at its rails and current limit, push-pull emitter follower in class B and AB, OTL
 * cathode follower), each as a static curve from input volts to volts across a resistive load. Leaves out: memory
 * (slew rate, supply sag), frequency dependence beyond the output-impedance divider, and a second channel.
 */
import { HEADPHONES } from '../../data/catalogue/headphones';
import { SOURCES } from '../../data/catalogue/sources';
import type { CatalogueHeadphone, CatalogueSource, Cited, NoiseFigure, OutputRating } from '../../data/catalogue/types';
import { CATHODE_FOLLOWER_DEFAULTS, cathodeFollower, cathodeFollowerRanges } from '../circuits/cathodeFollower';
import { OBJECTIVE2_MEASURED, OP_AMP_STAGE_DEFAULTS, opAmpStage, opAmpStageOnSupply, opAmpStageRanges } from '../circuits/opAmpStage';
import { PUSH_PULL_DEFAULTS, pushPullStage, pushPullStageRanges } from '../circuits/pushPullStage';
import type { AmplifierStage, StageRanges } from '../circuits/stage';
import { predictedHarmonicLevels, predictedThd, thd } from '../analysis/harmonics';
import { headphoneLoad, sourceOutputModel } from '../matching/catalogueModels';
import { cleanOutput } from '../matching/outputLimits';
import type { Rational } from '../impedance';

/** The distortion a clip point is read at, as reviewers quote it: 1 % THD+N. */
export const CLIP_THD_RATIO = 0.01;
/** The frequency the clip point and the THD+N sweep are measured at. */
export const BENCH_TEST_FREQUENCY_HZ = 1000;
/** Resistive loads the bench offers, ohms. */
export const BENCH_RESISTOR_LOADS_OHMS = [16, 32, 50, 300, 600] as const;

/** A curve from input volts to volts across one resistive load, with the input range to sample it over. */
export interface LoadedCurve {
  /** Volts across the load for a steady input (the quiescent output removed: what follows a coupling capacitor). */
  readonly loadVolts: (inputVolts: number) => number;
  /** The input range the bench samples the curve over: well past the 1 % point. */
  readonly maxInputVoltsPeak: number;
}

/** A published figure the bench sets its measurement beside. */
export interface PublishedFigure {
  readonly kind: 'clip' | 'output-impedance' | 'noise';
  /** For 'clip': the load; the published rms voltage; whether the source states the 1 % THD+N limit. */
  readonly loadOhms?: number;
  readonly value: number;
  readonly atOnePercent?: boolean;
  readonly sourceId: string;
  readonly estimate: boolean;
  readonly note: string;
}

export interface BenchAmp {
  readonly id: string;
  readonly label: string;
  readonly group: 'catalogue' | 'circuit';
  /** One line on what the model is and where its figures come from. */
  readonly description: string;
  /** The curve into a resistive load. */
  curveInto(loadOhms: number): LoadedCurve;
  /** The model's output impedance, ohms (resistive). */
  readonly outputImpedanceOhms: number;
  /** White hiss at the output, as its A-weighted rms over 20 Hz–20 kHz; null where the model has none. */
  readonly noiseAWeightedVoltsRms: number | null;
  readonly published: readonly PublishedFigure[];
}

export type BenchLoad = { readonly kind: 'resistor'; readonly ohms: number } | { readonly kind: 'headphone'; readonly id: string };

export interface ResolvedLoad {
  readonly label: string;
  /** The resistance the amp's nonlinear curve is evaluated into, and that power is reckoned against. */
  readonly nominalOhms: number;
  /** The impedance curve Z(s) for a headphone; null for a resistor. */
  readonly impedance: Rational | null;
}

/** Symmetric hard clip at ±1. */
const hardClip = (x: number): number => Math.max(-1, Math.min(1, x));

/**
 * The rms of the fundamental out of a hard clip at ±1 when a sine through it reaches CLIP_THD_RATIO THD (bisection on
 * the exact Fourier-series THD; the input peak is then ≈ 1.03). A catalogue rating is the rms at 1 % THD+N, so a
 * rating V_c puts the clip at ±V_c/this.
 */
export const HARD_CLIP_RMS_AT_ONE_PERCENT = (() => {
  let low = 1;
  let high = 2;
  for (let i = 0; i < 50; i++) {
    const mid = (low + high) / 2;
    if (predictedThd(hardClip, mid, BENCH_TEST_FREQUENCY_HZ).ratio < CLIP_THD_RATIO) low = mid;
    else high = mid;
  }
  return predictedHarmonicLevels(hardClip, (low + high) / 2, BENCH_TEST_FREQUENCY_HZ).fundamentalRms;
})();

function highestGainId(source: CatalogueSource, outputId: string): string {
  const output = source.outputs.find((o) => o.id === outputId);
  const gains = output ? [...output.gains].sort((a, b) => b.gain - a.gain) : [];
  return gains[0]?.id ?? '';
}

function noiseOf(source: CatalogueSource): Cited<NoiseFigure> | null {
  const output = source.outputs[0];
  if (!output) return null;
  return output.noise ?? output.gains.find((g) => g.noise)?.noise ?? null;
}

/** White noise whose A-weighted rms is the published figure; an unweighted figure is converted by the white-noise ratio. */
function aWeightedNoise(noise: Cited<NoiseFigure> | null, aWeightingRatio: number): number | null {
  if (!noise) return null;
  return noise.value.weighting === 'A' ? noise.value.voltsRms : noise.value.voltsRms * aWeightingRatio;
}

function ratingVoltsRms(r: OutputRating): number {
  return r.voltsRms ?? Math.sqrt((r.watts ?? 0) * r.loadOhms);
}

function publishedFigures(source: CatalogueSource): PublishedFigure[] {
  const output = source.outputs[0];
  if (!output) return [];
  const figures: PublishedFigure[] = output.ratings.map((r) => ({
    kind: 'clip',
    loadOhms: r.value.loadOhms,
    value: ratingVoltsRms(r.value),
    atOnePercent: /1\s?%\s?THD/u.test(r.note ?? ''),
    sourceId: r.sourceId,
    estimate: r.estimate,
    note: r.note ?? '',
  }));
  figures.push({
    kind: 'output-impedance',
    value: output.outputImpedanceOhms.value,
    sourceId: output.outputImpedanceOhms.sourceId,
    estimate: output.outputImpedanceOhms.estimate,
    note: output.outputImpedanceOhms.note ?? '',
  });
  const noise = noiseOf(source);
  if (noise) {
    figures.push({
      kind: 'noise',
      value: noise.value.voltsRms,
      sourceId: noise.sourceId,
      estimate: noise.estimate,
      note: `${noise.value.weighting === 'A' ? 'A-weighted' : 'Unweighted'}. ${noise.note ?? ''}`,
    });
  }
  return figures;
}

/**
 * A catalogue source as the matcher models it (its first output at its highest gain, src/dsp/matching): the
 * largest clean rms V_c into the load (the least of its voltage and current limits from the ratings and full volume),
 * reached through a hard clip at ±V_c/HARD_CLIP_RMS_AT_ONE_PERCENT, so 1 % THD falls at V_c. The catalogue
 * gives where 1 % is reached, not the shape of the knee, so the knee is the hard clip's.
 */
function catalogueAmp(source: CatalogueSource, aWeightingRatio: number): BenchAmp {
  const output = source.outputs[0];
  const outputId = output?.id ?? 'se';
  const model = sourceOutputModel(source, outputId, highestGainId(source, outputId));
  return {
    id: source.id,
    label: `${source.maker} ${source.model}`,
    group: 'catalogue',
    description: 'Catalogue figures: the output impedance, clipping at the published clean output, and the published hiss.',
    outputImpedanceOhms: model.outputImpedanceOhms,
    noiseAWeightedVoltsRms: aWeightedNoise(noiseOf(source), aWeightingRatio),
    published: publishedFigures(source),
    curveInto(loadOhms: number): LoadedCurve {
      const clean = cleanOutput(model, loadOhms).voltsRms;
      const clipVolts = clean / HARD_CLIP_RMS_AT_ONE_PERCENT;
      const fraction = loadOhms / (loadOhms + model.outputImpedanceOhms);
      return {
        loadVolts: (inputVolts: number) => clipVolts * hardClip((inputVolts * fraction) / clipVolts),
        maxInputVoltsPeak: (2 * clipVolts) / fraction,
      };
    },
  };
}

function stageCurve(stage: AmplifierStage, ranges: StageRanges, invert = false): LoadedCurve {
  const sign = invert ? -1 : 1;
  return {
    loadVolts: (inputVolts: number) => sign * (stage.transferVolts(inputVolts) - stage.quiescentOutputVolts),
    maxInputVoltsPeak: ranges.maxInputVoltsPeak,
  };
}

/** The input peak at which the bench reads gain (and so output impedance): a tenth of the curve's input range. */
export function gainTestInputPeak(curve: LoadedCurve): number {
  return curve.maxInputVoltsPeak / 10;
}

/**
 * Volts across the load per input volt at the gain test level (gainTestInputPeak): the fundamental's rms over the
 * input's, from the exact Fourier series, so a class B stage with no gain at 0 V still has one.
 */
function smallSignalGain(curve: LoadedCurve): number {
  const peak = gainTestInputPeak(curve);
  return predictedHarmonicLevels(curve.loadVolts, peak, BENCH_TEST_FREQUENCY_HZ).fundamentalRms / (peak / Math.SQRT2);
}

/**
 * A stage's output impedance from its small-signal gain into two loads: a Thévenin source G₀ behind Z gives
 * g(R) = G₀·R/(R + Z), so Z = (g₂ − g₁)/(g₁/R₁ − g₂/R₂).
 */
export function outputImpedanceFromTwoLoads(gain1: number, loadOhms1: number, gain2: number, loadOhms2: number): number {
  return (gain2 - gain1) / (gain1 / loadOhms1 - gain2 / loadOhms2);
}

function circuitAmp(id: string, label: string, description: string, curveInto: (loadOhms: number) => LoadedCurve, published: readonly PublishedFigure[] = [], noise: number | null = null): BenchAmp {
  const outputImpedanceOhms = outputImpedanceFromTwoLoads(smallSignalGain(curveInto(32)), 32, smallSignalGain(curveInto(300)), 300);
  return { id, label, group: 'circuit', description, curveInto, outputImpedanceOhms, noiseAWeightedVoltsRms: noise, published };
}

function makeBenchAmps(aWeightingRatio: number): BenchAmp[] {
  const o2Source = SOURCES.find((s) => s.id === 'objective2');
  const o2Published = o2Source ? publishedFigures(o2Source) : [];
  const o2Noise = o2Source ? aWeightedNoise(noiseOf(o2Source), aWeightingRatio) : null;
  const opAmpCurve = (params: typeof OP_AMP_STAGE_DEFAULTS) => stageCurve(opAmpStage(params), opAmpStageRanges(params));
  const circuits: BenchAmp[] = [
    circuitAmp(
      'o2-stage',
      'Objective2 (O2): op-amp stage model on ±12 V',
      `The site's op-amp stage with the O2's output stage, fitted to its measured clip points (${OBJECTIVE2_MEASURED.railLimitedClip.voltsRms} V into ${OBJECTIVE2_MEASURED.railLimitedClip.loadOhms} Ω, ${OBJECTIVE2_MEASURED.currentLimitedClip.voltsRms} V into ${OBJECTIVE2_MEASURED.currentLimitedClip.loadOhms} Ω): rails, current limit and a soft knee; the O2's published hiss.`,
      (loadOhms) => opAmpCurve({ ...OP_AMP_STAGE_DEFAULTS, loadOhms }),
      o2Published,
      o2Noise,
    ),
    circuitAmp(
      'opamp-usb',
      'Op-amp stage, rail-to-rail output on USB 5 V (±2.5 V)',
      'A portable amp: a rail-to-rail op-amp (70 mA, 1 Ω build-out) on split USB power. No noise in the model.',
      (loadOhms) => opAmpCurve(opAmpStageOnSupply('usb', 'rail-to-rail', OP_AMP_STAGE_DEFAULTS.gain, loadOhms)),
    ),
    circuitAmp(
      'push-pull-ab',
      'Push-pull emitter follower, class AB (20 mA bias, ±12 V)',
      'Two Ebers–Moll transistors biased to 20 mA through 1 Ω emitter resistors, no feedback. No noise in the model.',
      (loadOhms) => {
        const params = { ...PUSH_PULL_DEFAULTS, outputClass: 'AB' as const, loadOhms };
        return stageCurve(pushPullStage(params), pushPullStageRanges(params));
      },
    ),
    circuitAmp(
      'push-pull-b',
      'Push-pull emitter follower, class B (no bias, ±12 V)',
      'The same pair unbiased: each transistor conducts only past its 0.6 V turn-on, so small signals cross a dead zone. No noise in the model.',
      (loadOhms) => {
        const params = { ...PUSH_PULL_DEFAULTS, outputClass: 'B' as const, loadOhms };
        return stageCurve(pushPullStage(params), pushPullStageRanges(params));
      },
    ),
    circuitAmp(
      'otl-follower',
      'OTL cathode follower (two 12AU7 sections, B+ 250 V)',
      'A triode cathode follower driving the headphone through a coupling capacitor, with Koren’s triode equations. No noise in the model.',
      (loadOhms) => {
        const params = { ...CATHODE_FOLLOWER_DEFAULTS, loadOhms };
        return stageCurve(cathodeFollower(params), cathodeFollowerRanges(params));
      },
    ),
  ];
  const catalogue = SOURCES.filter((s) => s.id !== 'objective2').map((s) => catalogueAmp(s, aWeightingRatio));
  return [...circuits, ...catalogue];
}

let amps: BenchAmp[] | null = null;
let ratioForAmps = Number.NaN;

/** Every amp the bench offers, the circuit models first; aWeightingRatio converts unweighted published hiss. */
export function benchAmps(aWeightingRatio: number): readonly BenchAmp[] {
  if (!amps || ratioForAmps !== aWeightingRatio) {
    amps = makeBenchAmps(aWeightingRatio);
    ratioForAmps = aWeightingRatio;
  }
  return amps;
}

export function headphoneById(id: string): CatalogueHeadphone | undefined {
  return HEADPHONES.find((h) => h.id === id);
}

export function resolveLoad(load: BenchLoad): ResolvedLoad {
  if (load.kind === 'resistor') return { label: `${load.ohms} Ω resistor`, nominalOhms: load.ohms, impedance: null };
  const headphone = headphoneById(load.id) ?? (HEADPHONES[0] as CatalogueHeadphone);
  const model = headphoneLoad(headphone);
  return { label: `${headphone.maker} ${headphone.model} (${model.nominalImpedanceOhms} Ω nominal)`, nominalOhms: model.nominalImpedanceOhms, impedance: model.impedance };
}

/** Steps of the downward scan for the 1 % point: a quarter octave of input, down to 2⁻¹⁰ of the range (−60 dB). */
const CLIP_SCAN_STEP = 2 ** (1 / 4);
const CLIP_SCAN_STEPS = 40;
const CLIP_BISECTION_STEPS = 24;

/**
 * The largest input peak at which `ratioAt` (THD or THD+N as a ratio) is at most CLIP_THD_RATIO: scanned down from
 * maxPeak in quarter octaves to the first level at or below 1 %, then bisected between it and the level above.
 * Scanning from the top finds the clip point of a class B stage too, whose THD is also high at small levels.
 * Null when no level in the scan gets down to 1 %.
 */
export async function onePercentInputPeak(
  ratioAt: (peak: number) => number | Promise<number>,
  maxPeak: number,
  bisectionSteps: number = CLIP_BISECTION_STEPS,
): Promise<number | null> {
  let upper = maxPeak;
  if ((await ratioAt(upper)) <= CLIP_THD_RATIO) return upper;
  let lower = upper / CLIP_SCAN_STEP;
  let found = false;
  for (let i = 0; i < CLIP_SCAN_STEPS; i++) {
    if ((await ratioAt(lower)) <= CLIP_THD_RATIO) {
      found = true;
      break;
    }
    upper = lower;
    lower /= CLIP_SCAN_STEP;
  }
  if (!found) return null;
  for (let i = 0; i < bisectionSteps; i++) {
    const mid = Math.sqrt(lower * upper);
    if ((await ratioAt(mid)) <= CLIP_THD_RATIO) lower = mid;
    else upper = mid;
  }
  return lower;
}

/**
 * Below this output a "1 % point" means nothing: an unbiased class B pair passes a few millivolts through its
 * exponential leak cleanly but delivers nanovolts. 1 mV into 32 Ω is 31 nW.
 */
export const MIN_CLIP_OUTPUT_VOLTS_RMS = 1e-3;

/**
 * The model's own prediction of its 1 % point into a resistive load, as the fundamental's rms voltage across it: the
 * largest sine peak at which predictedThd of the loaded curve (at sampleRateHz, so aliasing counts as in a render)
 * is at most CLIP_THD_RATIO with at least MIN_CLIP_OUTPUT_VOLTS_RMS out. Null when the curve never gets that clean.
 */
export async function predictedClipVoltsRms(amp: BenchAmp, loadOhms: number, sampleRateHz: number): Promise<number | null> {
  const curve = amp.curveInto(loadOhms);
  const ratioAt = (p: number): number => {
    const levels = predictedHarmonicLevels(curve.loadVolts, p, BENCH_TEST_FREQUENCY_HZ, sampleRateHz);
    return levels.fundamentalRms < MIN_CLIP_OUTPUT_VOLTS_RMS ? Infinity : thd(levels).ratio;
  };
  const peak = await onePercentInputPeak(ratioAt, curve.maxInputVoltsPeak);
  if (peak === null) return null;
  return predictedHarmonicLevels(curve.loadVolts, peak, BENCH_TEST_FREQUENCY_HZ, sampleRateHz).fundamentalRms;
}

export { smallSignalGain };

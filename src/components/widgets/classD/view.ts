// The class D widget's view model: every curve and readout it draws, from src/dsp/classD, with what each control
// step recomputes kept small (headphone impedances on the grid and the PWM lines are cached per setting).
import { type Complex, complex } from '../../../dsp/complex';
import { headphoneById } from '../../../dsp/headphones';
import { evaluateAtHz, type Rational, resistor } from '../../../dsp/impedance';
import { logFrequencies } from '../../../dsp/logFrequencies';
import { type LcFilter, butterworthLcForLoad, cornerHz, qualityFactorIntoResistor } from '../../../dsp/classD/lcFilter';
import { type PwmEdges, type LineSpectrum, amplitudeDb, lineAmplitudes, pwmEdges, pwmLineSpectrum, pwmStepPoints, waveformFromLines } from '../../../dsp/classD/pwm';

/** Two designs: SLAA701's Butterworth for a 32 Ω headphone at a 40 kHz corner (our choice), and the common 22 µH, 0.68 µF. */
export const HEADPHONE_DESIGN_LOAD_OHMS = 32;
export const DESIGN_CORNER_HZ = 40_000;
export const FILTER_DESIGNS = {
  'headphone-32': butterworthLcForLoad(HEADPHONE_DESIGN_LOAD_OHMS, DESIGN_CORNER_HZ),
  'speaker-22u': { inductanceHenries: 22e-6, capacitanceFarads: 0.68e-6 },
} as const satisfies Record<string, LcFilter>;
export type FilterDesignId = keyof typeof FILTER_DESIGNS;

export const RESISTOR_LOADS_OHMS = [32, 300] as const;
export type ListenLoad = '32' | '300' | 'headphone';

export const CARRIERS_HZ = [192_000, 384_000, 768_000] as const;
/** The test tone stays at 6 kHz: the carrier periods per tone follow the carrier. */
export const TONE_HZ = 6000;
/** Lines kept: up to this many carrier harmonics (the LC filter leaves far less than −80 dB of anything above). */
const CARRIER_HARMONICS_KEPT = 3;
const SAMPLES_PER_TONE = 1024;
/** Every other sample is plenty for a plot a few hundred pixels wide. */
const PLOTTED_SAMPLES = 512;
export const SPECTRUM_FLOOR_DB = -100;

export const CURVE_FREQUENCIES_HZ: readonly number[] = logFrequencies(20, 200_000, 241);

const impedanceGrids = new Map<string, readonly Complex[]>();
/** |Z| on the curve grid, cached per load. */
function impedanceGrid(key: string, load: Rational): readonly Complex[] {
  const cached = impedanceGrids.get(key);
  if (cached) return cached;
  const grid = CURVE_FREQUENCIES_HZ.map((f) => evaluateAtHz(load, f));
  impedanceGrids.set(key, grid);
  return grid;
}

export function loadFor(listen: ListenLoad, headphoneId: string): Rational {
  return listen === 'headphone' ? headphoneById(headphoneId).impedance : resistor(Number(listen));
}

export function loadLabel(listen: ListenLoad, headphoneId: string): string {
  return listen === 'headphone' ? headphoneById(headphoneId).name : `${listen} Ω resistor`;
}

/**
 * H = Zp/(jωL + Zp) with Zp = Z/(1 + jωC·Z), multiplied out: H = Z/(Z·(1 − ω²LC) + jωL) (lcFilter.ts), written
 * without intermediate objects because the widget evaluates it at every line and grid point on each control step.
 */
function responseFromImpedance(zRe: number, zIm: number, filter: LcFilter, frequencyHz: number): { re: number; im: number } {
  const w = 2 * Math.PI * frequencyHz;
  const k = 1 - w * w * filter.inductanceHenries * filter.capacitanceFarads;
  const dRe = zRe * k;
  const dIm = zIm * k + w * filter.inductanceHenries;
  const d2 = dRe * dRe + dIm * dIm;
  return { re: (zRe * dRe + zIm * dIm) / d2, im: (zIm * dRe - zRe * dIm) / d2 };
}

export interface ResponseCurve {
  readonly key: ListenLoad;
  readonly points: { x: number; y: number }[];
}

/** |H| in dB on the grid into 32 Ω, 300 Ω and the headphone. */
export function responseCurves(filter: LcFilter, headphoneId: string): ResponseCurve[] {
  const keys: ListenLoad[] = ['32', '300', 'headphone'];
  return keys.map((key) => {
    const grid = impedanceGrid(key === 'headphone' ? `hp:${headphoneId}` : key, loadFor(key, headphoneId));
    return {
      key,
      points: CURVE_FREQUENCIES_HZ.map((x, i) => {
        const z = grid[i] ?? complex(1);
        const h = responseFromImpedance(z.re, z.im, filter, x);
        return { x, y: 10 * Math.log10(h.re * h.re + h.im * h.im) };
      }),
    };
  });
}

/** The largest |level change| from 20 Hz to 20 kHz on the grid, with its sign and frequency. */
export function largestAudioBandChange(points: readonly { x: number; y: number }[]): { db: number; atHz: number } {
  let best = { db: 0, atHz: 1000 };
  for (const p of points) if (p.x <= 20_000 && Math.abs(p.y) > Math.abs(best.db)) best = { db: p.y, atHz: p.x };
  return best;
}

export function filterFacts(filter: LcFilter) {
  return {
    cornerHz: cornerHz(filter),
    q32: qualityFactorIntoResistor(filter, 32),
    q300: qualityFactorIntoResistor(filter, 300),
  };
}

export interface PwmView {
  readonly edges: PwmEdges;
  readonly lines: LineSpectrum;
  readonly switchAmplitudes: Float64Array;
  readonly stepPoints: { x: number; y: number }[];
}

let lastPwm: { carrierHz: number; modulationIndex: number; view: PwmView } | null = null;
/** The switch node's edges, lines and step line for one carrier and level (kept while only the filter changes). */
export function pwmView(carrierHz: number, modulationIndex: number): PwmView {
  if (lastPwm && lastPwm.carrierHz === carrierHz && lastPwm.modulationIndex === modulationIndex) return lastPwm.view;
  const carrierPeriodsPerTone = Math.round(carrierHz / TONE_HZ);
  const edges = pwmEdges({ carrierHz, carrierPeriodsPerTone, modulationIndex });
  const lines = pwmLineSpectrum(edges, CARRIER_HARMONICS_KEPT * carrierPeriodsPerTone + 4);
  const view = { edges, lines, switchAmplitudes: lineAmplitudes(lines), stepPoints: pwmStepPoints(edges).map((p) => ({ x: p.x * 1e6, y: p.y })) };
  lastPwm = { carrierHz, modulationIndex, view };
  return view;
}

/** Stems for a line spectrum on a log axis: each line above the floor drawn from the floor up to its level. */
export function stems(amplitudes: Float64Array, toneHz: number): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (let k = 1; k < amplitudes.length; k += 1) {
    const db = amplitudeDb(amplitudes[k] ?? 0, SPECTRUM_FLOOR_DB);
    if (db <= SPECTRUM_FLOOR_DB) continue;
    const x = k * toneHz;
    points.push({ x, y: SPECTRUM_FLOOR_DB }, { x, y: db }, { x, y: SPECTRUM_FLOOR_DB });
  }
  return points;
}

export interface LoadWaveView {
  readonly loadAmplitudes: Float64Array;
  /** µs and volts re Vdc/2 over one period of the tone. */
  readonly loadPoints: { x: number; y: number }[];
  /** The carrier line at the load, dB relative to the tone at the load. */
  readonly carrierAtLoadDb: number;
}

const lineImpedanceCache = new Map<string, { re: Float64Array; im: Float64Array }>();
/** Z at each line k·f_tone, cached per load and tone (they don't change while L and C move). */
function lineImpedances(loadKey: string, load: Rational, toneHz: number, count: number): { re: Float64Array; im: Float64Array } {
  const key = `${loadKey}|${toneHz}|${count}`;
  const cached = lineImpedanceCache.get(key);
  if (cached) return cached;
  const re = new Float64Array(count);
  const im = new Float64Array(count);
  for (let k = 1; k < count; k += 1) {
    const z = evaluateAtHz(load, k * toneHz);
    re[k] = z.re;
    im[k] = z.im;
  }
  const value = { re, im };
  lineImpedanceCache.set(key, value);
  return value;
}

/** The PWM through the LC filter into the load: its lines and its waveform. Lines that are zero are skipped. */
export function loadWave(pwm: PwmView, filter: LcFilter, load: Rational, loadKey: string): LoadWaveView {
  const count = pwm.lines.re.length;
  const toneHz = pwm.edges.toneHz;
  const z = lineImpedances(loadKey, load, toneHz, count);
  const re = new Float64Array(count);
  const im = new Float64Array(count);
  re[0] = pwm.lines.re[0] ?? 0;
  for (let k = 1; k < count; k += 1) {
    if (!((pwm.switchAmplitudes[k] ?? 0) > 1e-12)) continue;
    const h = responseFromImpedance(z.re[k] ?? 0, z.im[k] ?? 0, filter, k * toneHz);
    const xr = pwm.lines.re[k] ?? 0;
    const xi = pwm.lines.im[k] ?? 0;
    re[k] = xr * h.re - xi * h.im;
    im[k] = xr * h.im + xi * h.re;
  }
  const filtered = { toneHz, re, im };
  const loadAmplitudes = lineAmplitudes(filtered);
  const samples = waveformFromLines(filtered, SAMPLES_PER_TONE);
  const periodUs = 1e6 / toneHz;
  const perTone = pwm.edges.settings.carrierPeriodsPerTone;
  return {
    loadAmplitudes,
    loadPoints: Array.from({ length: PLOTTED_SAMPLES }, (_, i) => ({ x: (periodUs * i) / PLOTTED_SAMPLES, y: samples[i * (SAMPLES_PER_TONE / PLOTTED_SAMPLES)] ?? 0 })),
    carrierAtLoadDb: amplitudeDb(loadAmplitudes[perTone] ?? 0) - amplitudeDb(loadAmplitudes[1] ?? 0),
  };
}

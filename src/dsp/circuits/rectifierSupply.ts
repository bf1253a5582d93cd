/**
 * An unregulated mains supply: transformer secondary (an ideal sine EMF behind its winding resistance), a half-wave
 * or full-wave bridge rectifier of fixed-drop diodes, a reservoir capacitor and a constant-current load, solved in
 * the time domain for its periodic steady state; the rail's DC level, ripple and ripple spectrum. Leaves out: the
 * transformer's leakage inductance and magnetising current, mains distortion (real mains is often flat-topped),
 * the capacitor's ESR and leakage, diode reverse recovery, and a load that changes with the rail (the amplifier
 * draws the same current whatever the rail, until the rail reaches 0 V).
 */
import { isPowerOfTwo, realSignalBins } from '../fft';

/** Half-wave: one diode, the capacitor charges once per mains cycle. Bridge: two diodes in the path, twice per cycle. */
export type RectifierKind = 'half-wave' | 'full-wave-bridge';

export interface RectifierSupplyParams {
  /**
   * Rms voltage of the secondary's EMF (its open-circuit voltage). A transformer's rated voltage is usually at
   * full load, so the open-circuit value is a few per cent higher; that is the winding resistance's drop here.
   */
  readonly secondaryVoltsRms: number;
  /** Resistance of the secondary winding (with the primary's reflected in), in series with the diodes. */
  readonly windingOhms: number;
  readonly rectifier: RectifierKind;
  /** Fixed forward drop of each diode once it conducts. */
  readonly diodeForwardVolts: number;
  /** Series resistance of each conducting diode, on top of its fixed drop. */
  readonly diodeOhms: number;
  /** The reservoir capacitor C. */
  readonly capacitanceFarads: number;
  /** The amplifier's steady draw I, a constant current. */
  readonly loadAmps: number;
  /** Mains frequency f, 50 or 60 Hz. */
  readonly mainsHz: number;
}

/**
 * Defaults: 15 Vrms, 0.5 Ω winding, bridge, 2200 µF, 100 mA, 50 Hz — REFERENCES §6's worked example (0.45 V
 * full-wave ripple by I/(2fC)). Diodes: the piecewise-linear model of a silicon rectifier (1N400x class), 0.7 V
 * plus 0.1 Ω, about 0.8 V at 1 A — typical, not fitted to a datasheet [verify against a 1N4001 forward curve].
 * Winding resistance 0.5 Ω: typical of a small (tens of VA) transformer, not one product's figure.
 */
export const RECTIFIER_SUPPLY_DEFAULTS: RectifierSupplyParams = {
  secondaryVoltsRms: 15,
  windingOhms: 0.5,
  rectifier: 'full-wave-bridge',
  diodeForwardVolts: 0.7,
  diodeOhms: 0.1,
  capacitanceFarads: 2200e-6,
  loadAmps: 0.1,
  mainsHz: 50,
};

export const RECTIFIER_SECONDARY_RANGE_VOLTS_RMS = { min: 6, max: 30 } as const;
export const RECTIFIER_WINDING_RANGE_OHMS = { min: 0, max: 10 } as const;
export const RECTIFIER_DIODE_FORWARD_RANGE_VOLTS = { min: 0, max: 1.2 } as const;
export const RECTIFIER_DIODE_RESISTANCE_RANGE_OHMS = { min: 0, max: 1 } as const;
export const RECTIFIER_CAPACITANCE_RANGE_FARADS = { min: 100e-6, max: 10e-3 } as const;
export const RECTIFIER_LOAD_RANGE_AMPS = { min: 0.01, max: 1 } as const;
export const MAINS_FREQUENCIES_HZ = [50, 60] as const;

/**
 * Time steps per mains period: 2.4 µs at 50 Hz, 2.0 µs at 60 Hz. A power of two, so the period's samples go
 * straight into the radix-2 FFT (regulator.ts filters them that way).
 */
export const RECTIFIER_STEPS_PER_PERIOD = 8192;

/** Ripple lines reported unless told otherwise: the ripple fundamental and its next 19 harmonics. */
export const DEFAULT_RIPPLE_LINE_COUNT = 20;

/** Output sampling unless told otherwise. */
export const RECTIFIER_DEFAULT_SAMPLE_RATE_HZ = 48_000;
export const RECTIFIER_DEFAULT_OUTPUT_PERIODS = 10;

/** One period of a periodic voltage, sampled uniformly: volts[k] at t = k·periodSeconds/volts.length. */
export interface PeriodicWaveform {
  readonly volts: Float64Array;
  readonly periodSeconds: number;
}

/** One spectral line of a periodic voltage. */
export interface SpectralLine {
  readonly frequencyHz: number;
  readonly voltsRms: number;
}

export interface RectifierSupplyOptions {
  /** Rate railVolts is sampled at (default RECTIFIER_DEFAULT_SAMPLE_RATE_HZ). */
  readonly sampleRateHz?: number;
  /** Mains periods of steady state in railVolts (default RECTIFIER_DEFAULT_OUTPUT_PERIODS). */
  readonly periods?: number;
  /** Ripple lines to report (default DEFAULT_RIPPLE_LINE_COUNT). */
  readonly lineCount?: number;
}

export interface RectifierSupplyResult {
  /** One mains period of the steady-state rail, RECTIFIER_STEPS_PER_PERIOD points from a voltage zero crossing. */
  readonly period: PeriodicWaveform;
  /** The steady-state rail sampled at sampleRateHz for the requested number of mains periods. */
  readonly railVolts: Float64Array;
  readonly sampleRateHz: number;
  /** Mean of the rail over a period. */
  readonly dcVolts: number;
  /** Highest and lowest rail voltage over a period; their difference is the ripple. */
  readonly crestVolts: number;
  readonly troughVolts: number;
  readonly rippleVoltsPeakToPeak: number;
  /** Rms of the rail minus its DC. */
  readonly rippleVoltsRms: number;
  /** 2f for the bridge, f for half-wave: the lowest frequency in the ripple. */
  readonly rippleFundamentalHz: number;
  /** Lines at k·rippleFundamentalHz, k = 1 … lineCount. */
  readonly rippleLines: readonly SpectralLine[];
  /** Fraction of the period in which the diodes conduct (the capacitor charges). */
  readonly conductionFraction: number;
  /**
   * Largest diode current, from the capacitor's charge per step plus the load. With zero series resistance the
   * charging pulse is an impulse and this reads C·ΔV/Δt of one step: a step-size artefact, not a current.
   */
  readonly peakDiodeAmps: number;
}

function assertFinite(name: string, value: number, min: number, strict: boolean): void {
  const ok = Number.isFinite(value) && (strict ? value > min : value >= min);
  if (!ok) throw new RangeError(`${name} must be finite and ${strict ? '>' : '≥'} ${min}, got ${value}`);
}

function assertParams(params: RectifierSupplyParams): void {
  assertFinite('secondaryVoltsRms', params.secondaryVoltsRms, 0, true);
  assertFinite('windingOhms', params.windingOhms, 0, false);
  assertFinite('diodeForwardVolts', params.diodeForwardVolts, 0, false);
  assertFinite('diodeOhms', params.diodeOhms, 0, false);
  assertFinite('capacitanceFarads', params.capacitanceFarads, 0, true);
  assertFinite('loadAmps', params.loadAmps, 0, false);
  assertFinite('mainsHz', params.mainsHz, 0, true);
  if (params.rectifier !== 'half-wave' && params.rectifier !== 'full-wave-bridge') {
    throw new RangeError(`rectifier must be 'half-wave' or 'full-wave-bridge', got ${String(params.rectifier)}`);
  }
}

/** Diodes in the charging path: 1 for half-wave, 2 for a bridge. */
export function diodesInPath(rectifier: RectifierKind): number {
  return rectifier === 'half-wave' ? 1 : 2;
}

/** Charging pulses per mains period: 1 for half-wave, 2 for a bridge. */
export function pulsesPerPeriod(rectifier: RectifierKind): number {
  return rectifier === 'half-wave' ? 1 : 2;
}

/**
 * The textbook ripple estimate: the capacitor supplies I for a whole pulse interval, ΔV = I·Δt/C, so
 * Vpp ≈ I/(2·f·C) for a bridge and I/(f·C) half-wave (REFERENCES §6: 100 mA, 2200 µF → 0.45 V full-wave at
 * 50 Hz). It overestimates: the capacitor really discharges for the interval minus the conduction time.
 */
export function rippleEstimateVoltsPeakToPeak(params: RectifierSupplyParams): number {
  assertParams(params);
  return params.loadAmps / (pulsesPerPeriod(params.rectifier) * params.mainsHz * params.capacitanceFarads);
}

/** sin(2πk/steps) for k = 0 … steps, the last table made kept: every supply of a widget's steps uses the same one. */
let unitSine: Float64Array | null = null;

function unitSineTable(steps: number): Float64Array {
  if (unitSine === null || unitSine.length !== steps + 1) {
    unitSine = new Float64Array(steps + 1);
    for (let k = 0; k <= steps; k++) unitSine[k] = Math.sin((2 * Math.PI * k) / steps);
  }
  return unitSine;
}

/** The charging source seen by the capacitor, u(t) = |√2·Vrms·sin ωt| − n·Vd (bridge) or √2·Vrms·sin ωt − Vd. */
function chargingSourceVolts(params: RectifierSupplyParams, steps: number): Float64Array {
  const peakVolts = Math.SQRT2 * params.secondaryVoltsRms;
  const dropVolts = diodesInPath(params.rectifier) * params.diodeForwardVolts;
  const fullWave = params.rectifier === 'full-wave-bridge';
  const sines = unitSineTable(steps);
  const source = new Float64Array(steps + 1);
  for (let k = 0; k <= steps; k++) {
    const sine = sines[k] as number;
    source[k] = peakVolts * (fullWave ? Math.abs(sine) : sine) - dropVolts;
  }
  return source;
}

interface PeriodRun {
  readonly endVolts: number;
  /** dV(T)/dV(0): how the period's end moves with its start (0 … 1; e^(−h/τ) per conducting step, 0 once clamped at 0 V). */
  readonly endSlope: number;
  readonly conductingSteps: number;
  readonly peakDiodeAmps: number;
}

/**
 * One mains period of C·dV/dt = max(0, u(t) − V)/R − I with V ≥ 0, R = Rw + n·Rd, from V(0) = startVolts.
 * Each step of length h takes the larger of two solutions of the piecewise-linear diode:
 * diode off, V − I·h/C; diode on, the linear ODE τ·V′ = w(t) − V with τ = R·C and w = u − I·R held linear across
 * the step, V(h) = w₁ − s·τ + (V₀ − w₀ + s·τ)·e^(−h/τ), s = (w₁ − w₀)/h. The true solution is at least each of
 * them (max(0, x) ≥ 0 and ≥ x), and equals one of them (up to holding w linear across the step) except in the
 * step where the diode switches, so V(h) = max(off, on). Unconditionally stable; R = 0 gives e^(−∞) = 0 and
 * the ideal peak detector V = max(off, u).
 */
function runPeriod(
  startVolts: number,
  source: Float64Array,
  params: RectifierSupplyParams,
  stepSeconds: number,
  record?: Float64Array,
): PeriodRun {
  const seriesOhms = params.windingOhms + diodesInPath(params.rectifier) * params.diodeOhms;
  const tauSeconds = seriesOhms * params.capacitanceFarads;
  const decay = Math.exp(-stepSeconds / tauSeconds);
  const loadDropVolts = params.loadAmps * seriesOhms;
  const dischargeVolts = (params.loadAmps * stepSeconds) / params.capacitanceFarads;
  const steps = source.length - 1;
  let volts = startVolts;
  let endSlope = 1;
  let conductingSteps = 0;
  let peakDiodeAmps = 0;
  for (let k = 0; k < steps; k++) {
    if (record) record[k] = volts;
    const w0 = (source[k] as number) - loadDropVolts;
    const w1 = (source[k + 1] as number) - loadDropVolts;
    const slopeTau = ((w1 - w0) / stepSeconds) * tauSeconds;
    const onVolts = w1 - slopeTau + (volts - w0 + slopeTau) * decay;
    const offVolts = volts - dischargeVolts;
    if (onVolts > offVolts) {
      conductingSteps++;
      const diodeAmps = ((onVolts - volts) * params.capacitanceFarads) / stepSeconds + params.loadAmps;
      if (diodeAmps > peakDiodeAmps) peakDiodeAmps = diodeAmps;
      volts = onVolts;
      endSlope *= decay;
    } else {
      volts = offVolts;
    }
    if (volts < 0) {
      volts = 0;
      endSlope = 0;
    }
  }
  return { endVolts: volts, endSlope, conductingSteps, peakDiodeAmps };
}

/**
 * The periodic steady state by shooting: V(0) is the fixed point of the period map P (V(T) from V(0)), a root of
 * g(V₀) = P(V₀) − V₀ bracketed by g(0) ≥ 0 (V never goes below 0) and g(max u) ≤ 0 (nothing charges above max u).
 * P is non-decreasing with slope ≤ 1, so g is monotone and the bracket holds. Found by Newton's method on g, with
 * P′ carried through the period (runPeriod's endSlope), from the textbook guess (the crest less the load's droop
 * since the last charging peak); a step leaving the bracket tries the untried bracket end, else bisects. Typically
 * 2–4 periods of work. Each period is recorded into `record`, so the last one is the steady-state period itself.
 */
function steadyState(
  source: Float64Array,
  params: RectifierSupplyParams,
  stepSeconds: number,
  record: Float64Array,
): { startVolts: number; run: PeriodRun } {
  let highVolts = 0;
  for (const value of source) if (value > highVolts) highVolts = value;
  if (highVolts === 0) return { startVolts: 0, run: runPeriod(0, source, params, stepSeconds, record) };
  const toleranceVolts = 1e-10 * Math.max(highVolts, 1);
  const periodSeconds = stepSeconds * (source.length - 1);
  // t = 0 is a source zero; its last peak was T/4 earlier (bridge) or 3T/4 (half-wave).
  const sincePeakSeconds = (params.rectifier === 'half-wave' ? 0.75 : 0.25) * periodSeconds;
  const seriesOhms = params.windingOhms + diodesInPath(params.rectifier) * params.diodeOhms;
  const guessVolts = highVolts - params.loadAmps * seriesOhms - (params.loadAmps * sincePeakSeconds) / params.capacitanceFarads;
  let low = 0;
  let high = highVolts;
  let triedLow = false;
  let triedHigh = false;
  let volts = Math.min(highVolts, Math.max(0, guessVolts));
  let run = runPeriod(volts, source, params, stepSeconds, record);
  for (let iteration = 0; iteration < 100; iteration++) {
    const g = run.endVolts - volts;
    if (volts === 0) triedLow = true;
    if (volts === highVolts) triedHigh = true;
    if (Math.abs(g) <= toleranceVolts) break;
    if (g > 0) {
      if (volts === highVolts) break;
      low = volts;
    } else {
      if (volts === 0) break;
      high = volts;
    }
    if (high - low <= Number.EPSILON * highVolts) break;
    const slope = run.endSlope - 1;
    const newton = slope < 0 ? volts - g / slope : Number.NaN;
    let next: number;
    if (newton > low && newton < high) next = newton;
    else if (g < 0 && !triedLow) next = 0;
    else if (g > 0 && !triedHigh) next = highVolts;
    else next = (low + high) / 2;
    volts = next;
    run = runPeriod(volts, source, params, stepSeconds, record);
  }
  return { startVolts: volts, run };
}

const trigTables = new Map<number, { cos: Float64Array; sin: Float64Array }>();

function trigTable(length: number): { cos: Float64Array; sin: Float64Array } {
  const cached = trigTables.get(length);
  if (cached) return cached;
  const cos = new Float64Array(length);
  const sin = new Float64Array(length);
  for (let k = 0; k < length; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / length);
    sin[k] = Math.sin((2 * Math.PI * k) / length);
  }
  const table = { cos, sin };
  trigTables.set(length, table);
  return table;
}

function assertWaveform(wave: PeriodicWaveform): void {
  if (wave.volts.length < 2) throw new RangeError(`a periodic waveform needs ≥ 2 samples, got ${wave.volts.length}`);
  assertFinite('periodSeconds', wave.periodSeconds, 0, true);
}

/**
 * Rms of harmonic m of a periodic waveform of N samples: the Fourier series coefficient by a DFT at bin m,
 * c_m = (2/N)·|Σₙ v[n]·e^(−j2πmn/N)|, rms = c_m/√2 — exact for a band-limited period, no window needed.
 */
export function harmonicVoltsRms(wave: PeriodicWaveform, harmonic: number): number {
  assertWaveform(wave);
  if (!(Number.isInteger(harmonic) && harmonic >= 1)) {
    throw new RangeError(`harmonic must be a whole number ≥ 1, got ${harmonic}`);
  }
  const length = wave.volts.length;
  const { cos, sin } = trigTable(length);
  let re = 0;
  let im = 0;
  for (let n = 0, index = 0; n < length; n++) {
    const value = wave.volts[n] as number;
    re += value * (cos[index] as number);
    im -= value * (sin[index] as number);
    index += harmonic;
    if (index >= length) index -= length;
  }
  return ((2 / length) * Math.hypot(re, im)) / Math.SQRT2;
}

/** Lines at k·step·(1/T), k = 1 … count, dropping those at or above N/2 (the waveform's Nyquist frequency). */
export function spectralLines(wave: PeriodicWaveform, harmonicStep: number, count: number): SpectralLine[] {
  assertWaveform(wave);
  if (!(Number.isInteger(harmonicStep) && harmonicStep >= 1)) {
    throw new RangeError(`harmonicStep must be a whole number ≥ 1, got ${harmonicStep}`);
  }
  if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  const length = wave.volts.length;
  const harmonics: number[] = [];
  for (let k = 1; k <= count && 2 * k * harmonicStep < length; k++) harmonics.push(k * harmonicStep);
  // Past a few lines one FFT (N/2·log₂(N/2), the real signal packed into half as many complex points) is cheaper
  // than a DFT bin each (N per line); both give the same c_m.
  if (isPowerOfTwo(length) && harmonics.length > Math.log2(length) / 4) {
    const { re, im } = realSignalBins(wave.volts, harmonics);
    return harmonics.map((harmonic, index) => ({
      frequencyHz: harmonic / wave.periodSeconds,
      voltsRms: ((2 / length) * Math.hypot(re[index] as number, im[index] as number)) / Math.SQRT2,
    }));
  }
  return harmonics.map((harmonic) => ({ frequencyHz: harmonic / wave.periodSeconds, voltsRms: harmonicVoltsRms(wave, harmonic) }));
}

/** Mean, extremes and AC rms of one period. */
export function waveformLevels(wave: PeriodicWaveform): {
  meanVolts: number;
  maxVolts: number;
  minVolts: number;
  acVoltsRms: number;
} {
  assertWaveform(wave);
  let sum = 0;
  let maxVolts = -Infinity;
  let minVolts = Infinity;
  for (const value of wave.volts) {
    sum += value;
    if (value > maxVolts) maxVolts = value;
    if (value < minVolts) minVolts = value;
  }
  const meanVolts = sum / wave.volts.length;
  let acSquares = 0;
  for (const value of wave.volts) acSquares += (value - meanVolts) ** 2;
  return { meanVolts, maxVolts, minVolts, acVoltsRms: Math.sqrt(acSquares / wave.volts.length) };
}

/**
 * The periodic waveform sampled at sampleRateHz for durationSeconds from its start, by linear interpolation
 * between its points (its own grid is much finer than audio rates: 2–2.4 µs for the rectifier).
 */
export function sampleWaveform(wave: PeriodicWaveform, sampleRateHz: number, durationSeconds: number): Float64Array {
  assertWaveform(wave);
  assertFinite('sampleRateHz', sampleRateHz, 0, true);
  assertFinite('durationSeconds', durationSeconds, 0, false);
  const length = wave.volts.length;
  const count = Math.round(durationSeconds * sampleRateHz);
  const samples = new Float64Array(count);
  for (let n = 0; n < count; n++) {
    const position = ((n / sampleRateHz / wave.periodSeconds) % 1) * length;
    const index = Math.floor(position);
    const fraction = position - index;
    const here = wave.volts[index % length] as number;
    const next = wave.volts[(index + 1) % length] as number;
    samples[n] = here + fraction * (next - here);
  }
  return samples;
}

/**
 * The supply's periodic steady state. The capacitor obeys C·dV/dt = i_D − I with the diode current
 * i_D = max(0, u(t) − V)/(Rw + n·Rd), u(t) the rectified secondary EMF minus n fixed drops (n = 1 half-wave,
 * 2 bridge). Solved on RECTIFIER_STEPS_PER_PERIOD steps per period (see runPeriod), the steady start found by
 * shooting (see steadyState); the spectrum by exact DFT lines over one period. The DC level approaches
 * √2·Vrms − n·Vd − Vpp/2 when R → 0 and the ripple is small, and the ripple I/(2fC) (bridge) or I/(fC).
 */
export function rectifierSupply(
  params: RectifierSupplyParams = RECTIFIER_SUPPLY_DEFAULTS,
  options: RectifierSupplyOptions = {},
): RectifierSupplyResult {
  assertParams(params);
  const sampleRateHz = options.sampleRateHz ?? RECTIFIER_DEFAULT_SAMPLE_RATE_HZ;
  const periods = options.periods ?? RECTIFIER_DEFAULT_OUTPUT_PERIODS;
  const lineCount = options.lineCount ?? DEFAULT_RIPPLE_LINE_COUNT;
  assertFinite('sampleRateHz', sampleRateHz, 0, true);
  assertFinite('periods', periods, 0, false);

  const steps = RECTIFIER_STEPS_PER_PERIOD;
  const periodSeconds = 1 / params.mainsHz;
  const stepSeconds = periodSeconds / steps;
  const source = chargingSourceVolts(params, steps);
  const volts = new Float64Array(steps);
  const { run } = steadyState(source, params, stepSeconds, volts);
  const period: PeriodicWaveform = { volts, periodSeconds };

  const levels = waveformLevels(period);
  const pulses = pulsesPerPeriod(params.rectifier);
  return {
    period,
    railVolts: sampleWaveform(period, sampleRateHz, periods * periodSeconds),
    sampleRateHz,
    dcVolts: levels.meanVolts,
    crestVolts: levels.maxVolts,
    troughVolts: levels.minVolts,
    rippleVoltsPeakToPeak: levels.maxVolts - levels.minVolts,
    rippleVoltsRms: levels.acVoltsRms,
    rippleFundamentalHz: pulses * params.mainsHz,
    rippleLines: spectralLines(period, pulses, lineCount),
    conductionFraction: run.conductingSteps / steps,
    peakDiodeAmps: run.peakDiodeAmps,
  };
}

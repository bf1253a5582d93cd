/**
 * A linear regulator (LM317-like) after the reservoir capacitor: a set output voltage, the input's ripple attenuated
 * by the ripple rejection at each frequency, and dropout — when the input falls below the output plus the dropout
 * voltage the pass transistor saturates and the output follows the input, ripple and all. Leaves out: load and line
 * regulation at DC, the regulator's own noise (0.003 % of Vout, 10 Hz–10 kHz, in TI SNVS774), current limit and
 * thermal shutdown, the ripple rejection's dependence on the output voltage without the ADJ capacitor and on the
 * load current, the rejection's phase (each ripple line is scaled by |H|, phase kept), and output-capacitor
 * transients.
 */
import { fftInPlace, isPowerOfTwo, nextPowerOfTwo } from '../fft';
import { spectralLines, waveformLevels, type PeriodicWaveform, type SpectralLine } from './rectifierSupply';

export interface RegulatorParams {
  /** The set output voltage, 1.25·(1 + R2/R1) for an LM317. */
  readonly outputVolts: number;
  /** The smallest input − output difference at which the regulator still regulates. */
  readonly dropoutVolts: number;
  /** Ripple rejection at 120 Hz, 20·log10(input ripple / output ripple). */
  readonly rippleRejectionDb: number;
  /** Above this frequency the rejection falls by 20 dB/decade (see rippleRejectionAtDb). */
  readonly rejectionCornerHz: number;
}

/** The frequency the datasheet states ripple rejection at. */
export const RIPPLE_REJECTION_REFERENCE_HZ = 120;

/**
 * LM317 ripple rejection at 120 Hz with Vout = 10 V (TI SNVS774, LM117/LM317-N electrical characteristics):
 * 65 dB typical with no capacitor on the ADJ pin; 80 dB typical (66 dB minimum) with 10 µF from ADJ to ground.
 * The application hints add that the 10 µF bypass gives 80 dB "at any output level" and that more than 10 µF does
 * not appreciably improve it above 120 Hz. Not yet in src/data/sources.json.
 */
export const LM317_RIPPLE_REJECTION_DB = {
  withoutAdjustCapacitor: 65,
  withAdjustCapacitor10uF: 80,
} as const;

/**
 * Dropout: 2 V, typical. The LM317 data table gives no dropout figure, only a 3 V minimum input–output
 * differential for its specifications; National's original datasheet plots dropout against current and
 * temperature (about 1.7 V at 0.5 A and 25 °C, as a secondary description of that curve reads it, rising in the
 * cold), and TI's LM317M datasheet (SLVS297) says the part "requires up to 2.5-V headroom" and otherwise drops out
 * with OUTPUT = INPUT − dropout. [verify against the SNVS774 dropout curve before a lesson quotes a number.]
 */
export const LM317_TYPICAL_DROPOUT_VOLTS = 2;

/**
 * Corner of the rejection's high-frequency fall: 10 kHz, typical and unverified. The LM317's "ripple rejection vs
 * frequency" curve (SNVS774) is close to flat through the audio hum range and falls at high frequencies; its
 * corner was not read here [verify]. Hum lines of interest (100 Hz – a few kHz) barely depend on it.
 */
export const REGULATOR_TYPICAL_REJECTION_CORNER_HZ = 10_000;

/** An LM317 set to 12 V with the 10 µF ADJ bypass (an O2-like ±12 V rail's positive side). */
export const REGULATOR_DEFAULTS: RegulatorParams = {
  outputVolts: 12,
  dropoutVolts: LM317_TYPICAL_DROPOUT_VOLTS,
  rippleRejectionDb: LM317_RIPPLE_REJECTION_DB.withAdjustCapacitor10uF,
  rejectionCornerHz: REGULATOR_TYPICAL_REJECTION_CORNER_HZ,
};

/** LM317's adjustable output range. */
export const REGULATOR_OUTPUT_RANGE_VOLTS = { min: 1.25, max: 37 } as const;
export const REGULATOR_DROPOUT_RANGE_VOLTS = { min: 1, max: 3 } as const;
export const REGULATOR_REJECTION_RANGE_DB = { min: 40, max: 100 } as const;
export const REGULATOR_CORNER_RANGE_HZ = { min: 1_000, max: 100_000 } as const;

function assertParams(params: RegulatorParams): void {
  const checks: [string, number, boolean][] = [
    ['outputVolts', params.outputVolts, params.outputVolts > 0],
    ['dropoutVolts', params.dropoutVolts, params.dropoutVolts >= 0],
    ['rippleRejectionDb', params.rippleRejectionDb, params.rippleRejectionDb >= 0],
    ['rejectionCornerHz', params.rejectionCornerHz, params.rejectionCornerHz > 0],
  ];
  for (const [name, value, ok] of checks) {
    if (!(Number.isFinite(value) && ok)) throw new RangeError(`${name} is out of range: ${value}`);
  }
}

/**
 * Ripple rejection at f: the 120 Hz figure held flat at low frequencies and falling 20 dB/decade above the corner,
 * normalised so that RR(120 Hz) is exactly the stated figure:
 *   RR(f) = RR₁₂₀ − 10·log10[(1 + (f/fc)²) / (1 + (120/fc)²)], never below 0 dB (a regulator passes ripple at
 * worst; it does not amplify it).
 */
export function rippleRejectionAtDb(params: RegulatorParams, frequencyHz: number): number {
  assertParams(params);
  if (!(Number.isFinite(frequencyHz) && frequencyHz >= 0)) {
    throw new RangeError(`frequencyHz must be finite and ≥ 0, got ${frequencyHz}`);
  }
  const ratio = (1 + (frequencyHz / params.rejectionCornerHz) ** 2) /
    (1 + (RIPPLE_REJECTION_REFERENCE_HZ / params.rejectionCornerHz) ** 2);
  return Math.max(0, params.rippleRejectionDb - 10 * Math.log10(ratio));
}

export interface RegulatorResult {
  /** One period of the output, on the input's grid (resampled to a power of two if it was not one). */
  readonly period: PeriodicWaveform;
  readonly dcVolts: number;
  readonly rippleVoltsPeakToPeak: number;
  readonly rippleVoltsRms: number;
  /** Lines at k·harmonicStep/T, as rectifierSupply reports them. */
  readonly rippleLines: readonly SpectralLine[];
  /** Input trough − (outputVolts + dropoutVolts): negative means the regulator drops out in the troughs. */
  readonly headroomVolts: number;
  /** Fraction of the period the output is held at input − dropout instead of regulating. */
  readonly dropoutFraction: number;
}

export interface RegulatorOptions {
  /** Report lines at multiples of this harmonic of the period (2 for a bridge's period of mains). Default 1. */
  readonly harmonicStep?: number;
  /** Lines to report. Default 20. */
  readonly lineCount?: number;
}

function resampledToPowerOfTwo(wave: PeriodicWaveform): Float64Array {
  const length = wave.volts.length;
  if (isPowerOfTwo(length)) return Float64Array.from(wave.volts);
  const target = nextPowerOfTwo(length);
  const out = new Float64Array(target);
  for (let n = 0; n < target; n++) {
    const position = (n * length) / target;
    const index = Math.floor(position);
    const fraction = position - index;
    const here = wave.volts[index] as number;
    const next = wave.volts[(index + 1) % length] as number;
    out[n] = here + fraction * (next - here);
  }
  return out;
}

/**
 * The regulated output over one period of a periodic input (e.g. rectifierSupply().period):
 * 1. Regulating: v_reg(t) = Vset + Σ_k 10^(−RR(f_k)/20)·ripple_k(t) — the input's DC removed and each harmonic of
 *    the period scaled by the rejection at its frequency (FFT of the period, scale, inverse FFT).
 * 2. Dropout: the output cannot rise above the input minus the dropout, v(t) = min(v_reg(t), max(0, v_in(t) − Vdo)).
 *    Where the trough dips below Vset + Vdo the output follows the input there, and that part of the ripple passes
 *    straight through; entirely in dropout the output is the input shifted down by Vdo.
 */
export function regulatorOutput(
  input: PeriodicWaveform,
  params: RegulatorParams = REGULATOR_DEFAULTS,
  options: RegulatorOptions = {},
): RegulatorResult {
  assertParams(params);
  const inputLevels = waveformLevels(input);
  const inputVolts = resampledToPowerOfTwo(input);
  const length = inputVolts.length;
  const re = Float64Array.from(inputVolts);
  const im = new Float64Array(length);
  fftInPlace(re, im);
  re[0] = 0;
  im[0] = 0;
  for (let k = 1; k < length; k++) {
    const frequencyHz = Math.min(k, length - k) / input.periodSeconds;
    const gain = 10 ** (-rippleRejectionAtDb(params, frequencyHz) / 20);
    re[k] = (re[k] as number) * gain;
    im[k] = (im[k] as number) * gain;
  }
  for (let k = 0; k < length; k++) im[k] = -(im[k] as number);
  fftInPlace(re, im);
  const outputVolts = new Float64Array(length);
  let droppedSamples = 0;
  for (let n = 0; n < length; n++) {
    const regulatedVolts = params.outputVolts + (re[n] as number) / length;
    const ceilingVolts = Math.max(0, (inputVolts[n] as number) - params.dropoutVolts);
    if (ceilingVolts < regulatedVolts) droppedSamples++;
    outputVolts[n] = Math.min(regulatedVolts, ceilingVolts);
  }
  const period: PeriodicWaveform = { volts: outputVolts, periodSeconds: input.periodSeconds };
  const levels = waveformLevels(period);
  return {
    period,
    dcVolts: levels.meanVolts,
    rippleVoltsPeakToPeak: levels.maxVolts - levels.minVolts,
    rippleVoltsRms: levels.acVoltsRms,
    rippleLines: spectralLines(period, options.harmonicStep ?? 1, options.lineCount ?? 20),
    headroomVolts: inputLevels.minVolts - (params.outputVolts + params.dropoutVolts),
    dropoutFraction: droppedSamples / length,
  };
}

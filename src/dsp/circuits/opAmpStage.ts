/**
 * A non-inverting op-amp gain stage driving a headphone through a build-out resistor: closed-loop gain, output swing
 * limited by the rails minus a dropout and by the output current limit (both with a soft knee), and a slew-rate
 * limit. Leaves out: the op-amp's finite open-loop gain and bandwidth (closed-loop output impedance taken as 0, so
 * the stage's output impedance is the build-out resistor), noise, offset, input common-mode limits, reactive loads,
 * thermal limits, and how the real output stage recovers from clipping.
 */
import type { AmplifierStage, StageRanges } from './stage';

export interface OpAmpStageParams {
  /** Closed-loop gain G = 1 + Rf/Rg of the non-inverting stage. */
  readonly gain: number;
  /** The op-amp's rails sit at ±railVolts. */
  readonly railVolts: number;
  /** How close the output pin can swing to each rail. */
  readonly dropoutVolts: number;
  /** Width of the soft knee below each limit: exactly linear up to (limit − knee), then a tanh bend into it. */
  readonly kneeVolts: number;
  /** The most current the output pin can push into build-out + load. */
  readonly currentLimitAmps: number;
  /** Rbuild in series with the output pin: the stage's output impedance. */
  readonly buildOutOhms: number;
  /** RL, the headphone (resistive). */
  readonly loadOhms: number;
  /** SR: the fastest the output pin can move. */
  readonly slewRateVoltsPerSecond: number;
}

/** Swing limits of the two kinds of op-amp output stage; typical values, not one datasheet's. */
export type OpAmpOutputKind = 'rail-to-rail' | 'classic';

/**
 * Dropout from each rail at headphone currents (tens of mA). Rail-to-rail-output parts (OPA1688 class) swing to
 * within a few hundred mV; classic bipolar parts with emitter-follower outputs (NJM4556A, NE5532 class) lose about
 * 1.5–2 V to each rail. Both typical [verify against the datasheets' swing-versus-current plots before a lesson
 * quotes them].
 */
export const OP_AMP_TYPICAL_DROPOUT_VOLTS: Readonly<Record<OpAmpOutputKind, number>> = {
  'rail-to-rail': 0.2,
  classic: 1.5,
};

export interface OpAmpSupplyPreset {
  readonly id: string;
  readonly label: string;
  /** ±railVolts about the ground the headphone returns to. */
  readonly railVolts: number;
  readonly portable: boolean;
  /** Typical dropout for each output kind on this supply. */
  readonly dropoutVolts: Readonly<Record<OpAmpOutputKind, number>>;
}

/**
 * Supplies for portable and desktop amps. A single-ended supply is split into ± rails by a rail splitter (or
 * charge pump) so the output is ground-centred (REFERENCES §6). The O2's ±12 V comes from 7812/7912 regulators on
 * AC; its battery mode runs from two 9 V packs (REFERENCES §3). The Magni 2 runs on ±15 V. On the Li-ion cell a
 * classic op-amp's dropout leaves only 0.35 V of swing, which is why portable amps use rail-to-rail parts.
 */
export const OP_AMP_SUPPLY_PRESETS: readonly OpAmpSupplyPreset[] = [
  { id: 'li-ion', label: 'One Li-ion cell, 3.7 V, split ±1.85 V', railVolts: 1.85, portable: true, dropoutVolts: OP_AMP_TYPICAL_DROPOUT_VOLTS },
  { id: 'usb', label: 'USB bus 5 V, split ±2.5 V', railVolts: 2.5, portable: true, dropoutVolts: OP_AMP_TYPICAL_DROPOUT_VOLTS },
  { id: 'two-9v', label: 'Two 9 V batteries, ±9 V', railVolts: 9, portable: true, dropoutVolts: OP_AMP_TYPICAL_DROPOUT_VOLTS },
  { id: 'o2-mains', label: 'O2 on AC, ±12 V', railVolts: 12, portable: false, dropoutVolts: OP_AMP_TYPICAL_DROPOUT_VOLTS },
  { id: 'mains-15', label: 'Mains, ±15 V', railVolts: 15, portable: false, dropoutVolts: OP_AMP_TYPICAL_DROPOUT_VOLTS },
];

/**
 * Defaults: an O2-like channel (REFERENCES §3): gain 2.5, ±12 V, a classic op-amp's dropout, 1 Ω build-out into
 * 32 Ω, slew rate 3 V/µs and about 70 mA of output current (the NJM4556A figures REFERENCES §3 marks [verify]).
 * One 70 mA section could not make the O2's published 613 mW into 32 Ω (√(2·0.613·32)/32 ≈ 196 mA peak [calc]),
 * so this is one op-amp section, not the whole O2 output stage [verify how the O2 shares its load].
 */
export const OP_AMP_STAGE_DEFAULTS: OpAmpStageParams = {
  gain: 2.5,
  railVolts: 12,
  dropoutVolts: OP_AMP_TYPICAL_DROPOUT_VOLTS.classic,
  kneeVolts: 0.2,
  currentLimitAmps: 0.07,
  buildOutOhms: 1,
  loadOhms: 32,
  slewRateVoltsPerSecond: 3e6,
};

export const OP_AMP_GAIN_RANGE = { min: 1, max: 20 } as const;
export const OP_AMP_RAIL_RANGE_VOLTS = { min: 1.5, max: 18 } as const;
export const OP_AMP_DROPOUT_RANGE_VOLTS = { min: 0, max: 3 } as const;
export const OP_AMP_KNEE_RANGE_VOLTS = { min: 0, max: 1 } as const;
export const OP_AMP_CURRENT_LIMIT_RANGE_AMPS = { min: 0.005, max: 0.5 } as const;
export const OP_AMP_BUILD_OUT_RANGE_OHMS = { min: 0, max: 120 } as const;
export const OP_AMP_LOAD_RANGE_OHMS = { min: 16, max: 600 } as const;
export const OP_AMP_SLEW_RATE_RANGE_VOLTS_PER_SECOND = { min: 0.1e6, max: 20e6 } as const;

/** The sample rate a stage runs at until prepare() is called. */
export const OP_AMP_DEFAULT_SAMPLE_RATE_HZ = 48_000;

function assertParams(params: OpAmpStageParams): void {
  const positive: [string, number][] = [
    ['gain', params.gain],
    ['railVolts', params.railVolts],
    ['currentLimitAmps', params.currentLimitAmps],
    ['loadOhms', params.loadOhms],
    ['slewRateVoltsPerSecond', params.slewRateVoltsPerSecond],
  ];
  for (const [name, value] of positive) {
    if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be finite and > 0, got ${value}`);
  }
  const nonNegative: [string, number][] = [
    ['dropoutVolts', params.dropoutVolts],
    ['kneeVolts', params.kneeVolts],
    ['buildOutOhms', params.buildOutOhms],
  ];
  for (const [name, value] of nonNegative) {
    if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${name} must be finite and ≥ 0, got ${value}`);
  }
}

export type OpAmpLimitedBy = 'voltage' | 'current';

export interface OpAmpPinLimit {
  /** The largest |voltage| at the op-amp's output pin. */
  readonly pinVolts: number;
  readonly limitedBy: OpAmpLimitedBy;
}

/**
 * The output pin's limit: the smaller of the voltage limit Vrail − dropout and the current limit carried into the
 * resistive load, Ilim·(Rbuild + RL). Current-limited when Ilim·(Rbuild + RL) < Vrail − dropout. A dropout larger
 * than the rail leaves 0 V.
 */
export function opAmpPinLimit(params: OpAmpStageParams): OpAmpPinLimit {
  assertParams(params);
  const voltageLimitVolts = Math.max(0, params.railVolts - params.dropoutVolts);
  const currentLimitVolts = params.currentLimitAmps * (params.buildOutOhms + params.loadOhms);
  return currentLimitVolts < voltageLimitVolts
    ? { pinVolts: currentLimitVolts, limitedBy: 'current' }
    : { pinVolts: voltageLimitVolts, limitedBy: 'voltage' };
}

/**
 * Soft limiting to ±L with knee k (k clamped to ≤ L): y = x for |x| ≤ L − k, and beyond it
 * y = sign(x)·(L − k + k·tanh((|x| − (L − k))/k)). Value and slope are continuous at L − k (tanh′(0) = 1), and
 * y → ±L without passing it. k = 0 is a hard clip.
 */
export function softLimit(x: number, limit: number, knee: number): number {
  const k = Math.min(knee, limit);
  const linearTo = limit - k;
  const magnitude = Math.abs(x);
  if (magnitude <= linearTo) return x;
  if (k === 0) return Math.sign(x) * limit;
  return Math.sign(x) * (linearTo + k * Math.tanh((magnitude - linearTo) / k));
}

/** The fraction of the pin voltage across the load: RL/(RL + Rbuild). */
export function opAmpLoadFraction(params: OpAmpStageParams): number {
  return params.loadOhms / (params.loadOhms + params.buildOutOhms);
}

/** The static voltage at the op-amp's output pin for a steady input: softLimit(G·Vin, pin limit, knee). */
export function opAmpPinVolts(params: OpAmpStageParams, inputVolts: number): number {
  return softLimit(params.gain * inputVolts, opAmpPinLimit(params).pinVolts, params.kneeVolts);
}

/**
 * The largest sine peak across the load that is still exactly linear: the pin stays below its limit minus the knee,
 * and the build-out divider takes its share: (L − min(k, L))·RL/(RL + Rbuild).
 */
export function largestCleanSwingVoltsPeak(params: OpAmpStageParams): number {
  const { pinVolts: limit } = opAmpPinLimit(params);
  return (limit - Math.min(params.kneeVolts, limit)) * opAmpLoadFraction(params);
}

/** Slew rate a sine needs: SR = 2π·f·Vpk (REFERENCES §4: 10.3 Vpk at 20 kHz needs 1.29 V/µs). */
export function slewRateNeededVoltsPerSecond(frequencyHz: number, voltsPeak: number): number {
  return 2 * Math.PI * frequencyHz * voltsPeak;
}

/**
 * Input ±1.5 × the input that reaches the pin limit, so a plot shows the knee and the flat top; output to draw:
 * the load's share of the pin limit, with 5 % margin.
 */
export function opAmpStageRanges(params: OpAmpStageParams): StageRanges {
  const { pinVolts: limit } = opAmpPinLimit(params);
  const outputVolts = 1.05 * limit * opAmpLoadFraction(params);
  return {
    maxInputVoltsPeak: (1.5 * Math.max(limit, Number.MIN_VALUE)) / params.gain,
    outputVoltsRange: [-outputVolts, outputVolts],
  };
}

/**
 * The stage as an AmplifierStage. transferVolts is static: the load voltage softLimit(G·Vin)·RL/(RL + Rbuild).
 * processSample adds the slew limit at the pin: each sample the pin moves towards the static value by at most
 * SR/fs. A sampled sine's largest step is 2·Vpk·sin(π·f/fs), below the continuous 2π·f·Vpk/fs, so the limit
 * bites as it should only when fs ≫ f: run the stage oversampled (e.g. 8× or more) to hear slewing at 20 kHz.
 */
export function opAmpStage(params: OpAmpStageParams = OP_AMP_STAGE_DEFAULTS): AmplifierStage {
  assertParams(params);
  const { pinVolts: limit } = opAmpPinLimit(params);
  const fraction = opAmpLoadFraction(params);
  const staticPinVolts = (inputVolts: number): number => softLimit(params.gain * inputVolts, limit, params.kneeVolts);
  let maxStepVolts = params.slewRateVoltsPerSecond / OP_AMP_DEFAULT_SAMPLE_RATE_HZ;
  let previousPinVolts = 0;
  return {
    transferVolts: (inputVolts: number): number => staticPinVolts(inputVolts) * fraction,
    quiescentOutputVolts: 0,
    prepare: (sampleRateHz: number): void => {
      if (!(Number.isFinite(sampleRateHz) && sampleRateHz > 0)) {
        throw new RangeError(`sampleRateHz must be finite and > 0, got ${sampleRateHz}`);
      }
      maxStepVolts = params.slewRateVoltsPerSecond / sampleRateHz;
      previousPinVolts = 0;
    },
    reset: (): void => {
      previousPinVolts = 0;
    },
    processSample: (inputVolts: number): number => {
      const step = staticPinVolts(inputVolts) - previousPinVolts;
      previousPinVolts += Math.max(-maxStepVolts, Math.min(maxStepVolts, step));
      return previousPinVolts * fraction;
    },
  };
}

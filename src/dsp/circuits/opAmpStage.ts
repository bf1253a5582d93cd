/**
 * A non-inverting op-amp gain stage driving a headphone through a build-out resistor: closed-loop gain, output swing
 * limited by the rails minus a dropout and by the output current limit (both with a soft knee), and a slew-rate
 * limit. Leaves out: the op-amp's finite open-loop gain and bandwidth (closed-loop output impedance taken as 0, so
 * the stage's output impedance is the build-out resistor), noise, offset, input common-mode limits, reactive loads,
 * thermal limits, and how the real output stage recovers from clipping.
 */
import type { AmplifierStage, StageRanges } from './stage';
import type { BatteryArrangement } from './batteryLife';

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

/**
 * The two kinds of op-amp output the widgets offer: the Objective2's classic bipolar output stage (see
 * OBJECTIVE2_OUTPUT_STAGE), and a rail-to-rail output part.
 */
export type OpAmpOutputKind = 'rail-to-rail' | 'classic';

/** What one kind of output stage brings to the stage: how close it swings to each rail, its current and its build-out. */
export interface OpAmpOutputDevice {
  readonly dropoutVolts: number;
  readonly currentLimitAmps: number;
  readonly buildOutOhms: number;
  /** Where the figures come from: ids in src/data/sources.json (empty for illustrative, typical figures). */
  readonly sourceIds: readonly string[];
}

/** The soft knee the model bends into each limit with (a modelling choice, not a measured figure). */
export const OP_AMP_DEFAULT_KNEE_VOLTS = 0.2;

/**
 * The Objective2's measured clip points (SBAF, 1 % THD+N, low gain): 7.24 Vrms into 300 Ω and 4.24 Vrms into 33 Ω;
 * its output impedance 0.54 Ω (JDS Labs' O2+ODAC table); its ±12 V rails on AC from 7812/7912 regulators (agdr).
 */
export const OBJECTIVE2_MEASURED = {
  railVolts: 12,
  outputImpedanceOhms: 0.54,
  railLimitedClip: { loadOhms: 300, voltsRms: 7.24 },
  currentLimitedClip: { loadOhms: 33, voltsRms: 4.24 },
  sourceIds: ['sbaf-o2-measurements', 'jds-o2-odac', 'agdr-inverting-o2'],
} as const;

/**
 * The O2's output stage in this model's terms, derived from its measured clip points (OBJECTIVE2_MEASURED) so that
 * largestCleanSwingVoltsPeak reproduces both measurements on ±12 V:
 * - build-out = the measured 0.54 Ω output impedance;
 * - dropout = Vrail − knee − √2·7.24·(300 + 0.54)/300 ≈ 1.54 V (the pin stops 1.74 V short of each rail at the
 *   1 % point, about the "1.8 V" the lessons estimate without the build-out);
 * - current limit = (√2·4.24·(33 + 0.54)/33 + knee)/(33 + 0.54) ≈ 188 mA at the pin (182 mA of clean load current).
 * The O2 drives each channel from NJM4556A output op-amp sections in parallel (REFERENCES §3). The ≈ 70 mA per
 * section quoted for the NJM4556A is a rated figure [verify against the datasheet]; two sections rated so would give
 * 140 mA, less than the 182 mA the O2 was measured to deliver into 33 Ω, so the measurement sets the limit here, not
 * the rating. JDS Labs' 613 mW into 32 Ω (196 mA peak [calc]) is in the same range.
 */
export const OBJECTIVE2_OUTPUT_STAGE: OpAmpOutputDevice = (() => {
  const m = OBJECTIVE2_MEASURED;
  const buildOutOhms = m.outputImpedanceOhms;
  const pinAtClip = (clip: { loadOhms: number; voltsRms: number }) => (Math.SQRT2 * clip.voltsRms * (clip.loadOhms + buildOutOhms)) / clip.loadOhms;
  const dropoutVolts = m.railVolts - OP_AMP_DEFAULT_KNEE_VOLTS - pinAtClip(m.railLimitedClip);
  const currentLimitAmps = (pinAtClip(m.currentLimitedClip) + OP_AMP_DEFAULT_KNEE_VOLTS) / (m.currentLimitedClip.loadOhms + buildOutOhms);
  return { dropoutVolts, currentLimitAmps, buildOutOhms, sourceIds: m.sourceIds };
})();

/**
 * A rail-to-rail-output part (OPA1688 class) swings to within a few hundred mV of its rails at headphone currents.
 * Typical, illustrative figures, not one datasheet's [verify before a lesson quotes them]: 0.2 V, 70 mA, 1 Ω.
 */
export const RAIL_TO_RAIL_OUTPUT_STAGE: OpAmpOutputDevice = { dropoutVolts: 0.2, currentLimitAmps: 0.07, buildOutOhms: 1, sourceIds: [] };

export const OP_AMP_OUTPUT_DEVICES: Readonly<Record<OpAmpOutputKind, OpAmpOutputDevice>> = {
  'rail-to-rail': RAIL_TO_RAIL_OUTPUT_STAGE,
  classic: OBJECTIVE2_OUTPUT_STAGE,
};

/** Dropout from each rail of each output kind (OP_AMP_OUTPUT_DEVICES). */
export const OP_AMP_TYPICAL_DROPOUT_VOLTS: Readonly<Record<OpAmpOutputKind, number>> = {
  'rail-to-rail': RAIL_TO_RAIL_OUTPUT_STAGE.dropoutVolts,
  classic: OBJECTIVE2_OUTPUT_STAGE.dropoutVolts,
};

export interface OpAmpSupplyPreset {
  readonly id: string;
  readonly label: string;
  /** ±railVolts about the ground the headphone returns to. */
  readonly railVolts: number;
  readonly portable: boolean;
  /** Where the power comes from: the mains, the USB bus, or batteries in one of the arrangements of batteryLife.ts. */
  readonly power: 'mains' | 'usb-bus' | BatteryArrangement;
  /** Dropout for each output kind on this supply. */
  readonly dropoutVolts: Readonly<Record<OpAmpOutputKind, number>>;
}

/**
 * Supplies for portable and desktop amps. A single-ended supply is split into ± rails by a rail splitter (or
 * charge pump) so the output is ground-centred (REFERENCES §6). The O2's ±12 V comes from 7812/7912 regulators on
 * AC; its battery mode runs from two 9 V packs (REFERENCES §3). The Magni 2 runs on ±15 V. On the Li-ion cell the
 * O2's classic output stage keeps only about 0.1 V of clean swing, which is why portable amps use rail-to-rail parts.
 */
export const OP_AMP_SUPPLY_PRESETS: readonly OpAmpSupplyPreset[] = [
  { id: 'li-ion', label: 'One Li-ion cell, 3.7 V, split ±1.85 V', railVolts: 1.85, portable: true, power: 'split-cell', dropoutVolts: OP_AMP_TYPICAL_DROPOUT_VOLTS },
  { id: 'usb', label: 'USB bus 5 V, split ±2.5 V', railVolts: 2.5, portable: true, power: 'usb-bus', dropoutVolts: OP_AMP_TYPICAL_DROPOUT_VOLTS },
  { id: 'two-9v', label: 'Two 9 V batteries, ±9 V', railVolts: 9, portable: true, power: 'two-batteries', dropoutVolts: OP_AMP_TYPICAL_DROPOUT_VOLTS },
  { id: 'li-ion-boost', label: 'One Li-ion cell stepped up to ±9 V by a converter', railVolts: 9, portable: true, power: 'boosted-cell', dropoutVolts: OP_AMP_TYPICAL_DROPOUT_VOLTS },
  { id: 'o2-mains', label: 'O2 on AC, ±12 V', railVolts: OBJECTIVE2_MEASURED.railVolts, portable: false, power: 'mains', dropoutVolts: OP_AMP_TYPICAL_DROPOUT_VOLTS },
  { id: 'mains-15', label: 'Mains, ±15 V', railVolts: 15, portable: false, power: 'mains', dropoutVolts: OP_AMP_TYPICAL_DROPOUT_VOLTS },
];

/**
 * Defaults: one O2 channel (REFERENCES §3): gain 2.5, ±12 V, the O2's output stage (OBJECTIVE2_OUTPUT_STAGE:
 * dropout, current limit and build-out derived from its measured clip points) into 32 Ω, slew rate 3 V/µs (the
 * NJM4556A figure REFERENCES §3 marks [verify]).
 */
export const OP_AMP_STAGE_DEFAULTS: OpAmpStageParams = {
  gain: 2.5,
  railVolts: OBJECTIVE2_MEASURED.railVolts,
  dropoutVolts: OBJECTIVE2_OUTPUT_STAGE.dropoutVolts,
  kneeVolts: OP_AMP_DEFAULT_KNEE_VOLTS,
  currentLimitAmps: OBJECTIVE2_OUTPUT_STAGE.currentLimitAmps,
  buildOutOhms: OBJECTIVE2_OUTPUT_STAGE.buildOutOhms,
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

/** What flattens a sine first: the rails (less the dropout), the output current limit, or the slew rate. */
export type OpAmpClipCause = 'rails' | 'current' | 'slew-rate';

export interface OpAmpClipLimit {
  readonly cause: OpAmpClipCause;
  /** The largest sine peak at the pin before that limit bites. */
  readonly pinVoltsPeak: number;
  /** The largest exactly linear sine peak across the load (largestCleanSwingVoltsPeak, or the slew limit's share). */
  readonly cleanLoadVoltsPeak: number;
}

/**
 * Which limit clips a sine of frequencyHz: the static pin limit (rails or current, opAmpPinLimit) or the slew rate,
 * whose largest undistorted sine peak is SR/(2π·f) (from SR = 2π·f·Vpk). The smallest of the three is the cause.
 */
export function opAmpClipLimit(params: OpAmpStageParams, frequencyHz: number): OpAmpClipLimit {
  if (!(Number.isFinite(frequencyHz) && frequencyHz > 0)) throw new RangeError(`frequencyHz must be finite and > 0, got ${frequencyHz}`);
  const pin = opAmpPinLimit(params);
  const slewPinVolts = params.slewRateVoltsPerSecond / (2 * Math.PI * frequencyHz);
  if (slewPinVolts < pin.pinVolts) {
    return { cause: 'slew-rate', pinVoltsPeak: slewPinVolts, cleanLoadVoltsPeak: slewPinVolts * opAmpLoadFraction(params) };
  }
  return { cause: pin.limitedBy === 'voltage' ? 'rails' : 'current', pinVoltsPeak: pin.pinVolts, cleanLoadVoltsPeak: largestCleanSwingVoltsPeak(params) };
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

/**
 * The stage on one of OP_AMP_SUPPLY_PRESETS (by id; the first if unknown) with an output kind, gain and load: the
 * preset's rails and that device's dropout on them, the device's current limit and build-out resistance. The one
 * place the widgets and the lessons build the stage from a supply.
 */
export function opAmpStageOnSupply(supplyId: string, outputKind: OpAmpOutputKind, gain: number, loadOhms: number): OpAmpStageParams {
  const preset = OP_AMP_SUPPLY_PRESETS.find((p) => p.id === supplyId) ?? OP_AMP_SUPPLY_PRESETS[0];
  const device = OP_AMP_OUTPUT_DEVICES[outputKind];
  return {
    ...OP_AMP_STAGE_DEFAULTS,
    railVolts: preset ? preset.railVolts : OP_AMP_STAGE_DEFAULTS.railVolts,
    dropoutVolts: preset ? preset.dropoutVolts[outputKind] : device.dropoutVolts,
    currentLimitAmps: device.currentLimitAmps,
    buildOutOhms: device.buildOutOhms,
    gain,
    loadOhms,
  };
}

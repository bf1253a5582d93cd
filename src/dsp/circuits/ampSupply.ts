// A headphone amp's supply from the wall (or the battery) to the ear, in one place: the supply — AC linear (transformer,
// rectifier, reservoir, optional LM317), a wall-wart, USB bus power or two batteries — gives the rail, its ripple,
// the hum at the amplifier's output (through the op-amp stage's PSRR) and, on batteries, the stage whose rails sag.
import { OP_AMP_STAGE_DEFAULTS, type OpAmpStageParams } from './opAmpStage';
import { rectifierSupply, RECTIFIER_SUPPLY_DEFAULTS, type RectifierKind, type RectifierSupplyParams, type SpectralLine } from './rectifierSupply';
import { LM317_RIPPLE_REJECTION_DB, REGULATOR_DEFAULTS, regulatorOutput } from './regulator';
import { supplyHum, type SupplyHumResult } from './supplyHum';
import { BATTERY_MODELS, saggingRailOpAmpStage, twoBatteryRails, usbSplitRails, type BatteryModelId, type SaggingRailStage } from './batterySupply';

export type SupplyMode = 'ac-linear' | 'wall-wart' | 'usb' | 'batteries';

export interface PowerSupplySettings {
  mode: SupplyMode;
  mainsHz: 50 | 60;
  rectifier: RectifierKind;
  capacitanceFarads: number;
  loadAmps: number;
  regulator: boolean;
  battery: BatteryModelId;
  stateOfChargeNormalized: number;
  /** The music's rms level at the headphone, which the hum is compared with. */
  musicVoltsRms: number;
}

export const DEFAULT_POWER_SUPPLY_SETTINGS: PowerSupplySettings = {
  mode: 'ac-linear',
  mainsHz: 50,
  rectifier: 'full-wave-bridge',
  capacitanceFarads: RECTIFIER_SUPPLY_DEFAULTS.capacitanceFarads,
  loadAmps: RECTIFIER_SUPPLY_DEFAULTS.loadAmps,
  regulator: false,
  battery: 'alkaline-9v',
  stateOfChargeNormalized: 1,
  musicVoltsRms: 0.3,
};

/** The amplifier behind the supply: the O2-like op-amp stage into a 300 Ω headphone. */
export const SUPPLY_STAGE: OpAmpStageParams = { ...OP_AMP_STAGE_DEFAULTS, loadOhms: 300 };

/**
 * A wall-wart: a small unregulated transformer supply — more winding resistance, a smaller reservoir (typical
 * values for illustration, not one product's).
 */
const WALL_WART: Partial<RectifierSupplyParams> = { secondaryVoltsRms: 12, windingOhms: 4, capacitanceFarads: 1000e-6 };

/** The regulator's output: 3 V below the reservoir's trough rounded down to a whole volt, at most 15 V. */
const REGULATOR_HEADROOM_VOLTS = 3;

export interface RailView {
  /** The rail over a few mains periods (or flat), volts, sampled at sampleRateHz. */
  railVolts: Float64Array;
  regulatedVolts: Float64Array | null;
  sampleRateHz: number;
  dcVolts: number;
  rippleVoltsPeakToPeak: number;
  /** After the regulator, when there is one. */
  outputRippleVoltsPeakToPeak: number | null;
  regulatorOutputVolts: number | null;
  /** Ripple lines on the rail the op-amp sees. */
  rippleLines: readonly SpectralLine[];
  rippleFundamentalHz: number;
  hum: SupplyHumResult | null;
  /** Batteries only: the op-amp stage with sagging rails. */
  sagging: SaggingRailStage | null;
  stiff: SaggingRailStage | null;
}

/** The rail plot's sampling: 48 kHz over three mains periods. */
export const PLOT_SAMPLE_RATE_HZ = 48_000;
export const PLOT_PERIODS = 3;

/** The rectifier supply behind an AC mode's settings: the linear supply's reservoir, or the wall-wart's own parts. */
export function rectifierParams(s: PowerSupplySettings): RectifierSupplyParams {
  return {
    ...RECTIFIER_SUPPLY_DEFAULTS,
    ...(s.mode === 'wall-wart' ? WALL_WART : { capacitanceFarads: s.capacitanceFarads }),
    rectifier: s.rectifier,
    loadAmps: s.loadAmps,
    mainsHz: s.mainsHz,
  };
}

export function powerSupplyView(s: PowerSupplySettings): RailView {
  if (s.mode === 'usb' || s.mode === 'batteries') {
    const rail = s.mode === 'usb' ? usbSplitRails() : twoBatteryRails(BATTERY_MODELS[s.battery], s.stateOfChargeNormalized);
    const sagging = saggingRailOpAmpStage(rail, SUPPLY_STAGE);
    const stiff = saggingRailOpAmpStage({ ...rail, sourceOhms: 0, openCircuitVolts: s.mode === 'usb' ? rail.openCircuitVolts : twoBatteryRails(BATTERY_MODELS[s.battery], 1).openCircuitVolts }, SUPPLY_STAGE);
    const flat = new Float64Array(Math.round(PLOT_SAMPLE_RATE_HZ * (PLOT_PERIODS / s.mainsHz))).fill(rail.openCircuitVolts);
    return {
      railVolts: flat,
      regulatedVolts: null,
      sampleRateHz: PLOT_SAMPLE_RATE_HZ,
      dcVolts: rail.openCircuitVolts,
      rippleVoltsPeakToPeak: 0,
      outputRippleVoltsPeakToPeak: null,
      regulatorOutputVolts: null,
      rippleLines: [],
      rippleFundamentalHz: s.mainsHz,
      hum: null,
      sagging,
      stiff,
    };
  }
  const params = rectifierParams(s);
  const supply = rectifierSupply(params, { sampleRateHz: PLOT_SAMPLE_RATE_HZ, periods: PLOT_PERIODS });
  const harmonicStep = s.rectifier === 'full-wave-bridge' ? 2 : 1;
  let rippleLines = supply.rippleLines;
  let regulatedVolts: Float64Array | null = null;
  let outputRipple: number | null = null;
  let regulatorOutputVolts: number | null = null;
  if (s.regulator && s.mode === 'ac-linear') {
    regulatorOutputVolts = Math.max(1.25, Math.min(15, Math.floor(supply.troughVolts - REGULATOR_HEADROOM_VOLTS)));
    const regulated = regulatorOutput(
      supply.period,
      { ...REGULATOR_DEFAULTS, outputVolts: regulatorOutputVolts, rippleRejectionDb: LM317_RIPPLE_REJECTION_DB.withAdjustCapacitor10uF },
      { harmonicStep, lineCount: supply.rippleLines.length },
    );
    rippleLines = regulated.rippleLines;
    outputRipple = regulated.rippleVoltsPeakToPeak;
    regulatedVolts = resamplePeriods(regulated.period.volts, supply.railVolts.length, PLOT_PERIODS);
  }
  return {
    railVolts: supply.railVolts,
    regulatedVolts,
    sampleRateHz: supply.sampleRateHz,
    dcVolts: supply.dcVolts,
    rippleVoltsPeakToPeak: supply.rippleVoltsPeakToPeak,
    outputRippleVoltsPeakToPeak: outputRipple,
    regulatorOutputVolts,
    rippleLines,
    rippleFundamentalHz: supply.rippleFundamentalHz,
    hum: supplyHum(rippleLines, { stage: SUPPLY_STAGE, musicVoltsRms: s.musicVoltsRms }),
    sagging: null,
    stiff: null,
  };
}

/** One period (any length) repeated `periods` times onto `length` samples, by linear interpolation. */
function resamplePeriods(period: Float64Array, length: number, periods: number): Float64Array {
  const out = new Float64Array(length);
  for (let n = 0; n < length; n++) {
    const position = ((n * periods * period.length) / length) % period.length;
    const index = Math.floor(position);
    const fraction = position - index;
    const here = period[index] as number;
    const next = period[(index + 1) % period.length] as number;
    out[n] = here + fraction * (next - here);
  }
  return out;
}

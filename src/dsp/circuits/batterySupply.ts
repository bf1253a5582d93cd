/**
 * Battery and USB supplies as Thevenin sources: an open-circuit voltage that falls with the state of charge
 * (piecewise-linear) behind an internal resistance; two batteries as ± rails, one battery or the USB bus split into
 * ± rails by a rail splitter; and the op-amp stage whose clipping point sags with the load current it draws.
 * Leaves out: the internal resistance's rise as a battery empties and in the cold, recovery after a heavy pulse,
 * temperature, self-discharge, the rail splitter's own output impedance and current limit, and every capacitor —
 * the sag is a static transfer curve with no reservoir or decoupling capacitor to carry the peaks.
 */
import type { BatteryCitation, BATTERIES } from '../../data/batteries';
import type { AmplifierStage } from './stage';
import {
  OP_AMP_STAGE_DEFAULTS,
  opAmpPinLimit,
  opAmpStage,
  type OpAmpLimitedBy,
  type OpAmpStageParams,
} from './opAmpStage';

/** The batteries of src/data/batteries.ts (which holds their capacities) that have an electrical model here. */
export type BatteryModelId = Extract<(typeof BATTERIES)[number]['id'], 'alkaline-9v' | 'nimh-9v' | 'li-ion-18650'>;

/** One point of an open-circuit-voltage curve. */
export interface ChargePoint {
  readonly stateOfChargeNormalized: number;
  readonly volts: number;
}

export interface BatteryModel {
  readonly id: BatteryModelId;
  readonly label: string;
  /** Internal resistance R_int in series with the open-circuit voltage. */
  readonly internalOhms: number;
  readonly internalOhmsCited: BatteryCitation;
  /** Open-circuit voltage against state of charge, ascending from 0 (empty) to 1 (full). */
  readonly openCircuitCurve: readonly ChargePoint[];
  readonly curveCited: BatteryCitation;
}

/**
 * The three batteries. Internal resistances: 9 V alkaline from its datasheet; Li-ion from a generic upper figure;
 * 9 V NiMH typical only. Open-circuit curves: end points cited where a source gives them, the shapes between them
 * illustrative (the usual forms: alkaline slopes all the way down, NiMH is flat with a knee at each end, Li-ion
 * slopes gently with a steep fall near empty) — no discharge curve was read point by point.
 */
export const BATTERY_MODELS: Readonly<Record<BatteryModelId, BatteryModel>> = {
  'alkaline-9v': {
    id: 'alkaline-9v',
    label: '9 V alkaline',
    internalOhms: 1.7,
    internalOhmsCited: {
      sourceId: 'duracell-mn1604',
      estimate: false,
      note:
        'Duracell MN1604 datasheet: nominal internal impedance 1,700 mΩ at 1 kHz (fresh). It rises as the battery ' +
        'discharges; that is left out here.',
    },
    openCircuitCurve: [
      { stateOfChargeNormalized: 0, volts: 5.4 },
      { stateOfChargeNormalized: 0.05, volts: 6.3 },
      { stateOfChargeNormalized: 0.15, volts: 7 },
      { stateOfChargeNormalized: 0.4, volts: 7.8 },
      { stateOfChargeNormalized: 0.7, volts: 8.4 },
      { stateOfChargeNormalized: 0.9, volts: 9 },
      { stateOfChargeNormalized: 1, volts: 9.6 },
    ],
    curveCited: {
      sourceId: 'wikipedia-nine-volt-battery',
      estimate: true,
      note:
        'Illustrative shape. Devices for 9 V batteries are designed to work from about 9.6 V down to about 5.0 V (Wikipedia); ' +
        'the fresh end here is 9.6 V and the empty end 5.4 V (0.9 V per cell, a common alkaline cut-off, typical).',
    },
  },
  'nimh-9v': {
    id: 'nimh-9v',
    label: '9 V NiMH, 7 cells (8.4 V rated)',
    internalOhms: 1,
    internalOhmsCited: {
      sourceId: 'nwavguy-o2-details',
      estimate: true,
      note:
        'Typical value, not read from any source (seven small cells in series); the cited article gives the ' +
        'battery type, not its resistance.',
    },
    openCircuitCurve: [
      { stateOfChargeNormalized: 0, volts: 7 },
      { stateOfChargeNormalized: 0.05, volts: 7.6 },
      { stateOfChargeNormalized: 0.1, volts: 8 },
      { stateOfChargeNormalized: 0.5, volts: 8.5 },
      { stateOfChargeNormalized: 0.85, volts: 8.8 },
      { stateOfChargeNormalized: 0.95, volts: 9.1 },
      { stateOfChargeNormalized: 1, volts: 9.5 },
    ],
    curveCited: {
      sourceId: 'nwavguy-o2-details',
      estimate: true,
      note:
        'Illustrative shape. NwAvGuy: rated 8.4 V, about 9.5 V fully charged, and the O2 turns off when a battery falls much below 7 V, ' +
        'so the curve runs from 9.5 V to 7 V.',
    },
  },
  'li-ion-18650': {
    id: 'li-ion-18650',
    label: '18650 Li-ion cell',
    internalOhms: 0.08,
    internalOhmsCited: {
      sourceId: 'battsys-18650',
      estimate: true,
      note:
        'Generic ICR18650: internal resistance under 80 mΩ fully charged (a vendor overview); 80 mΩ is the upper ' +
        'figure. A good cell has less (REFERENCES §6: ≤ 25 mΩ for one maker’s cell).',
    },
    openCircuitCurve: [
      { stateOfChargeNormalized: 0, volts: 2.75 },
      { stateOfChargeNormalized: 0.03, volts: 3.3 },
      { stateOfChargeNormalized: 0.1, volts: 3.5 },
      { stateOfChargeNormalized: 0.2, volts: 3.6 },
      { stateOfChargeNormalized: 0.5, volts: 3.75 },
      { stateOfChargeNormalized: 0.8, volts: 3.95 },
      { stateOfChargeNormalized: 0.9, volts: 4.05 },
      { stateOfChargeNormalized: 1, volts: 4.2 },
    ],
    curveCited: {
      sourceId: 'yokenergy-18650',
      estimate: true,
      note: 'Illustrative shape between the maker’s limits: charged to 4.2 V, discharged to 2.75 V, 3.7 V nominal.',
    },
  },
};

export const STATE_OF_CHARGE_RANGE = { min: 0, max: 1 } as const;
/** Current drawn from each rail with no signal: the op-amps' idle current. */
export const QUIESCENT_CURRENT_RANGE_AMPS = { min: 0, max: 0.1 } as const;

/** Each rail of a ± supply about the ground the headphone returns to, as a Thevenin source. */
export interface RailSource {
  readonly label: string;
  /** The rail's voltage with no current drawn (both rails symmetric: +V and −V). */
  readonly openCircuitVolts: number;
  /** Resistance in series with the rail. */
  readonly sourceOhms: number;
  /** Broadband noise on the rail, rms (0 for batteries, which are quiet). */
  readonly noiseVoltsRms: number;
}

function assertStateOfCharge(stateOfChargeNormalized: number): void {
  if (!(Number.isFinite(stateOfChargeNormalized) && stateOfChargeNormalized >= 0 && stateOfChargeNormalized <= 1)) {
    throw new RangeError(`stateOfChargeNormalized must be in [0, 1], got ${stateOfChargeNormalized}`);
  }
}

function assertCurrent(name: string, amps: number): void {
  if (!(Number.isFinite(amps) && amps >= 0)) throw new RangeError(`${name} must be finite and ≥ 0, got ${amps}`);
}

/** V_oc(SoC): linear interpolation of the battery's curve. */
export function batteryOpenCircuitVolts(battery: BatteryModel, stateOfChargeNormalized: number): number {
  assertStateOfCharge(stateOfChargeNormalized);
  const curve = battery.openCircuitCurve;
  for (let i = 1; i < curve.length; i++) {
    const upper = curve[i] as ChargePoint;
    if (stateOfChargeNormalized <= upper.stateOfChargeNormalized) {
      const lower = curve[i - 1] as ChargePoint;
      const span = upper.stateOfChargeNormalized - lower.stateOfChargeNormalized;
      const fraction = (stateOfChargeNormalized - lower.stateOfChargeNormalized) / span;
      return lower.volts + fraction * (upper.volts - lower.volts);
    }
  }
  return (curve[curve.length - 1] as ChargePoint).volts;
}

/** Terminal voltage under a steady draw: V = V_oc(SoC) − I·R_int, never below 0. */
export function batteryTerminalVolts(
  battery: BatteryModel,
  stateOfChargeNormalized: number,
  currentAmps: number,
): number {
  assertCurrent('currentAmps', currentAmps);
  return Math.max(0, batteryOpenCircuitVolts(battery, stateOfChargeNormalized) - currentAmps * battery.internalOhms);
}

/** Two batteries in series with ground at their junction (the O2's battery mode): each rail is one battery. */
export function twoBatteryRails(battery: BatteryModel, stateOfChargeNormalized: number): RailSource {
  return {
    label: `Two ${battery.label} batteries, ± rails`,
    openCircuitVolts: batteryOpenCircuitVolts(battery, stateOfChargeNormalized),
    sourceOhms: battery.internalOhms,
    noiseVoltsRms: 0,
  };
}

/**
 * One battery split by an ideal rail splitter that holds ground at the midpoint of its terminal voltage. The load
 * current returns through the splitter to the other terminal, so it flows through the whole battery: each rail is
 * (V_oc − I·R_int)/2 about ground, a Thevenin source of V_oc/2 behind R_int/2.
 */
export function splitBatteryRails(battery: BatteryModel, stateOfChargeNormalized: number): RailSource {
  return {
    label: `One ${battery.label} split ±`,
    openCircuitVolts: batteryOpenCircuitVolts(battery, stateOfChargeNormalized) / 2,
    sourceOhms: battery.internalOhms / 2,
    noiseVoltsRms: 0,
  };
}

/** USB 2.0 port limits (REFERENCES §6): < 100 mA until configured, 500 mA after (TI TPS2041B). */
export const USB_2_CURRENT_LIMIT_AMPS = { unconfigured: 0.1, configured: 0.5 } as const;
/**
 * VBUS at the host: up to 5.25 V (REFERENCES §6, the TI TPD3S014 example); 4.75 V as the lower limit of the usual
 * ±5 % is from a secondary summary of the USB 2.0 specification [verify].
 */
export const USB_2_VBUS_RANGE_VOLTS = { min: 4.75, max: 5.25 } as const;

export interface UsbBusParams {
  readonly busVolts: number;
  /** Cable and connector resistance, both conductors. */
  readonly sourceOhms: number;
  /** Broadband noise on VBUS, rms. */
  readonly noiseVoltsRms: number;
}

/**
 * 5 V nominal. Source resistance 0.43 Ω: 1 m of cable with 28 AWG power conductors, 0.213 Ω/m each, out and back
 * [calc; the cable gauge is an assumption — thicker cables have less]. Noise 10 mV rms: illustrative. The USB 2.0
 * specification sets VBUS's range and droop, not its noise; measurements of PC ports show persistent ripple, noise
 * and spikes (e.g. andybrown.me.uk, "Filtering the 5V USB power supply line", 2015 — its levels are in scope
 * images not read here) [verify before a lesson quotes a number].
 */
export const USB_BUS_DEFAULTS: UsbBusParams = { busVolts: 5, sourceOhms: 0.43, noiseVoltsRms: 0.01 };

/**
 * The USB bus split into ±VBUS/2 by an ideal rail splitter: V_oc/2 behind R/2 per rail (as splitBatteryRails), and
 * the bus noise split too — ground sits at the midpoint, so each rail moves by half of it, in opposite directions.
 */
export function usbSplitRails(usb: UsbBusParams = USB_BUS_DEFAULTS): RailSource {
  const values: [string, number][] = [
    ['busVolts', usb.busVolts],
    ['sourceOhms', usb.sourceOhms],
    ['noiseVoltsRms', usb.noiseVoltsRms],
  ];
  for (const [name, value] of values) {
    if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${name} must be finite and ≥ 0, got ${value}`);
  }
  return {
    label: `USB ${usb.busVolts} V split ±${usb.busVolts / 2} V`,
    openCircuitVolts: usb.busVolts / 2,
    sourceOhms: usb.sourceOhms / 2,
    noiseVoltsRms: usb.noiseVoltsRms / 2,
  };
}

function assertRail(rail: RailSource): void {
  if (!(Number.isFinite(rail.openCircuitVolts) && rail.openCircuitVolts >= 0)) {
    throw new RangeError(`openCircuitVolts must be finite and ≥ 0, got ${rail.openCircuitVolts}`);
  }
  if (!(Number.isFinite(rail.sourceOhms) && rail.sourceOhms >= 0)) {
    throw new RangeError(`sourceOhms must be finite and ≥ 0, got ${rail.sourceOhms}`);
  }
}

/** A rail under a steady draw: V_rail = V_oc − I·R, never below 0. */
export function railVoltsUnderLoad(rail: RailSource, currentAmps: number): number {
  assertRail(rail);
  assertCurrent('currentAmps', currentAmps);
  return Math.max(0, rail.openCircuitVolts - currentAmps * rail.sourceOhms);
}

export interface SaggingRailStage {
  /** opAmpStage built with the rail it sees at its clipping point (see saggingRailOpAmpStage). */
  readonly stage: AmplifierStage;
  readonly effectiveParams: OpAmpStageParams;
  /** The largest |voltage| at the op-amp's pin, and what limits it. */
  readonly pinLimitVolts: number;
  readonly limitedBy: OpAmpLimitedBy;
  /** The largest |voltage| across the load (the hard-clip level; a knee rounds the approach to it). */
  readonly clipVoltsPeak: number;
  /** Each rail while the output sits at the clip point. */
  readonly railAtClipVolts: number;
  /** Each rail while the load sits at loadVolts: V_oc − R·(Iq + |V_load|/RL), the rail that supplies that half. */
  railVoltsAt(loadVolts: number): number;
}

/**
 * An op-amp stage on rails that sag with the current it delivers. With a pin voltage V_pin the load current is
 * V_pin/(Rbuild + RL) = V_pin/R_tot, drawn (with the idle current Iq) from the rail on that side, so the rail is
 * V_oc − R·(Iq + |V_pin|/R_tot), and the pin reaches at most that minus the dropout d. The clip point solves
 *   V_pin = V_oc − R·Iq − R·V_pin/R_tot − d  ⇒  V_pin = (V_oc − R·Iq − d)·R_tot/(R_tot + R),
 * and across the load (V_oc − R·Iq − d)·RL/(R_tot + R) — with Iq = 0 and no build-out, (V_oc − d)·RL/(RL + R).
 * Below the clip point the stage is linear and the sag changes nothing (PSRR aside), so the static transfer curve
 * is opAmpStage's with the rail set to its value at the clip point, V_clip + d; the output current limit still
 * applies on top. A static curve: no reservoir or decoupling capacitor holds the rail up through a peak, as real
 * ones do for short transients.
 */
export function saggingRailOpAmpStage(
  rail: RailSource,
  stageParams: OpAmpStageParams = OP_AMP_STAGE_DEFAULTS,
  quiescentAmps = 0,
): SaggingRailStage {
  assertRail(rail);
  assertCurrent('quiescentAmps', quiescentAmps);
  const totalOhms = stageParams.buildOutOhms + stageParams.loadOhms;
  const headroomVolts = Math.max(0, rail.openCircuitVolts - rail.sourceOhms * quiescentAmps - stageParams.dropoutVolts);
  const voltageLimitVolts = (headroomVolts * totalOhms) / (totalOhms + rail.sourceOhms);
  const effectiveParams: OpAmpStageParams = {
    ...stageParams,
    railVolts: Math.max(voltageLimitVolts + stageParams.dropoutVolts, Number.MIN_VALUE),
  };
  const limit = opAmpPinLimit(effectiveParams);
  const railVoltsAt = (loadVolts: number): number => {
    if (!Number.isFinite(loadVolts)) throw new RangeError(`loadVolts must be finite, got ${loadVolts}`);
    return railVoltsUnderLoad(rail, quiescentAmps + Math.abs(loadVolts) / stageParams.loadOhms);
  };
  return {
    stage: opAmpStage(effectiveParams),
    effectiveParams,
    pinLimitVolts: limit.pinVolts,
    limitedBy: limit.limitedBy,
    clipVoltsPeak: (limit.pinVolts * stageParams.loadOhms) / totalOhms,
    railAtClipVolts: railVoltsUnderLoad(rail, quiescentAmps + limit.pinVolts / totalOhms),
    railVoltsAt,
  };
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BATTERIES } from '../../src/data/batteries';
import {
  BATTERY_MODELS,
  QUIESCENT_CURRENT_RANGE_AMPS,
  USB_BUS_DEFAULTS,
  batteryOpenCircuitVolts,
  batteryTerminalVolts,
  railVoltsUnderLoad,
  saggingRailOpAmpStage,
  splitBatteryRails,
  twoBatteryRails,
  usbSplitRails,
  type RailSource,
} from '../../src/dsp/circuits/batterySupply';
import {
  OP_AMP_DROPOUT_RANGE_VOLTS,
  OP_AMP_LOAD_RANGE_OHMS,
  OP_AMP_STAGE_DEFAULTS,
  type OpAmpStageParams,
} from '../../src/dsp/circuits/opAmpStage';

const sourceIds = new Set((JSON.parse(readFileSync('src/data/sources.json', 'utf8')) as { id: string }[]).map((s) => s.id));
const alkaline = BATTERY_MODELS['alkaline-9v'];
const liIon = BATTERY_MODELS['li-ion-18650'];
const nimh = BATTERY_MODELS['nimh-9v'];

/** A stage with a 1.5 V dropout, current to spare and no build-out, so only the rail limits the swing. */
const railLimited: OpAmpStageParams = {
  ...OP_AMP_STAGE_DEFAULTS,
  dropoutVolts: 1.5,
  currentLimitAmps: 0.5,
  buildOutOhms: 0,
  kneeVolts: 0,
};

describe('batteries: data', () => {
  it('every battery model is a battery of src/data/batteries.ts and cites entries of src/data/sources.json', () => {
    const ids = new Set<string>(BATTERIES.map((battery) => battery.id));
    for (const model of Object.values(BATTERY_MODELS)) {
      expect(ids.has(model.id)).toBe(true);
      expect(sourceIds.has(model.internalOhmsCited.sourceId)).toBe(true);
      expect(sourceIds.has(model.curveCited.sourceId)).toBe(true);
    }
  });

  it('the cited figures: 9 V alkaline 1.7 Ω (Duracell MN1604); Li-ion 4.2 V full, 2.75 V empty; NiMH 9.5 V full, 7 V at the O2’s cut-off', () => {
    expect(alkaline.internalOhms).toBe(1.7);
    expect(batteryOpenCircuitVolts(liIon, 1)).toBe(4.2);
    expect(batteryOpenCircuitVolts(liIon, 0)).toBe(2.75);
    expect(batteryOpenCircuitVolts(nimh, 1)).toBe(9.5);
    expect(batteryOpenCircuitVolts(nimh, 0)).toBe(7);
  });

  it('each open-circuit voltage rises steadily with the state of charge, and interpolates linearly between points', () => {
    for (const model of Object.values(BATTERY_MODELS)) {
      for (let i = 1; i < model.openCircuitCurve.length; i++) {
        const lower = model.openCircuitCurve[i - 1];
        const upper = model.openCircuitCurve[i];
        expect(upper?.stateOfChargeNormalized ?? 0).toBeGreaterThan(lower?.stateOfChargeNormalized ?? 1);
        expect(upper?.volts ?? 0).toBeGreaterThan(lower?.volts ?? Infinity);
      }
    }
    // Alkaline between 0.4 (7.8 V) and 0.7 (8.4 V): halfway is 8.1 V.
    expect(batteryOpenCircuitVolts(alkaline, 0.55)).toBeCloseTo(8.1, 12);
  });

  it('a state of charge outside 0…1 is refused', () => {
    expect(() => batteryOpenCircuitVolts(alkaline, 1.1)).toThrow(RangeError);
    expect(() => batteryOpenCircuitVolts(alkaline, Number.NaN)).toThrow(RangeError);
  });
});

describe('batteries: Thevenin sources', () => {
  it('with no load the terminal voltage is the open-circuit voltage', () => {
    for (const model of Object.values(BATTERY_MODELS)) {
      for (const soc of [0, 0.3, 1]) {
        expect(batteryTerminalVolts(model, soc, 0)).toBe(batteryOpenCircuitVolts(model, soc));
        expect(railVoltsUnderLoad(twoBatteryRails(model, soc), 0)).toBe(batteryOpenCircuitVolts(model, soc));
      }
    }
  });

  it('the sag is I·R_int: 50 mA from a fresh 9 V alkaline costs 50 mA × 1.7 Ω = 85 mV', () => {
    const rail = twoBatteryRails(alkaline, 1);
    expect(rail.openCircuitVolts - railVoltsUnderLoad(rail, 0.05)).toBeCloseTo(0.085, 12);
    expect(batteryOpenCircuitVolts(alkaline, 1) - batteryTerminalVolts(alkaline, 1, 0.05)).toBeCloseTo(0.085, 12);
  });

  it('a split battery gives each rail half its voltage behind half its resistance: one 4.2 V Li-ion cell → ±2.1 V behind 40 mΩ', () => {
    const rail = splitBatteryRails(liIon, 1);
    expect(rail.openCircuitVolts).toBe(2.1);
    expect(rail.sourceOhms).toBe(0.04);
    // 100 mA through the whole cell drops 8 mV; each rail, about the midpoint, loses half of it.
    expect(rail.openCircuitVolts - railVoltsUnderLoad(rail, 0.1)).toBeCloseTo((0.1 * 0.08) / 2, 12);
  });

  it('USB 5 V split by a rail splitter gives ±2.5 V, each rail carrying half the bus noise', () => {
    const rail = usbSplitRails();
    expect(rail.openCircuitVolts).toBe(2.5);
    expect(rail.noiseVoltsRms).toBe(USB_BUS_DEFAULTS.noiseVoltsRms / 2);
    expect(rail.sourceOhms).toBe(USB_BUS_DEFAULTS.sourceOhms / 2);
  });
});

describe('batteries: the op-amp stage on sagging rails', () => {
  it('two fresh 9 V alkalines into 32 Ω with a 1.5 V dropout clip at (V_oc − d)·RL/(RL + R_int) = 8.1·32/33.7 ≈ 7.69 V', () => {
    const rail = twoBatteryRails(alkaline, 1);
    const sagging = saggingRailOpAmpStage(rail, railLimited);
    const expected = ((9.6 - 1.5) * 32) / (32 + 1.7);
    expect(sagging.limitedBy).toBe('voltage');
    expect(sagging.clipVoltsPeak).toBeCloseTo(expected, 12);
    expect(sagging.clipVoltsPeak).toBeCloseTo(7.69, 2);
    expect(sagging.stage.transferVolts(100)).toBeCloseTo(expected, 12);
    expect(sagging.stage.transferVolts(-100)).toBeCloseTo(-expected, 12);
  });

  it('at the clip point the pin sits exactly one dropout below the sagged rail (self-consistent)', () => {
    const rail = twoBatteryRails(nimh, 0.5);
    const stage: OpAmpStageParams = { ...railLimited, buildOutOhms: 1, loadOhms: 16 };
    const sagging = saggingRailOpAmpStage(rail, stage, 0.01);
    const loadAmps = sagging.pinLimitVolts / (stage.buildOutOhms + stage.loadOhms);
    const railVolts = rail.openCircuitVolts - rail.sourceOhms * (0.01 + loadAmps);
    expect(sagging.pinLimitVolts).toBeCloseTo(railVolts - stage.dropoutVolts, 12);
    expect(sagging.railAtClipVolts).toBeCloseTo(railVolts, 12);
    expect(sagging.railVoltsAt(sagging.clipVoltsPeak)).toBeCloseTo(railVolts, 12);
  });

  it('with build-out and idle current the clip point is (V_oc − R·Iq − d)·RL/(RL + Rbuild + R)', () => {
    const rail: RailSource = { label: 'test', openCircuitVolts: 9, sourceOhms: 2, noiseVoltsRms: 0 };
    const stage: OpAmpStageParams = { ...railLimited, buildOutOhms: 10, loadOhms: 32, dropoutVolts: 1 };
    const sagging = saggingRailOpAmpStage(rail, stage, 0.02);
    expect(sagging.clipVoltsPeak).toBeCloseTo(((9 - 2 * 0.02 - 1) * 32) / (32 + 10 + 2), 12);
  });

  it('below the clip point the sag changes nothing: the stage is linear with gain G', () => {
    const sagging = saggingRailOpAmpStage(twoBatteryRails(alkaline, 0.2), railLimited);
    for (const inputVolts of [-0.5, 0.01, 1]) {
      expect(sagging.stage.transferVolts(inputVolts)).toBeCloseTo(railLimited.gain * inputVolts, 12);
    }
  });

  it('the lower the load impedance, the more the rail sags before clipping: 16 Ω clips lower than 300 Ω on the same batteries', () => {
    const rail = twoBatteryRails(alkaline, 1);
    const low = saggingRailOpAmpStage(rail, { ...railLimited, loadOhms: 16 });
    const high = saggingRailOpAmpStage(rail, { ...railLimited, loadOhms: 300 });
    expect(low.railAtClipVolts).toBeLessThan(high.railAtClipVolts);
    expect(low.clipVoltsPeak).toBeLessThan(high.clipVoltsPeak);
  });

  it('the output current limit still applies: 70 mA into 32 Ω through 1 Ω caps the pin at 2.31 V, well below the sagged rail', () => {
    const sagging = saggingRailOpAmpStage(twoBatteryRails(alkaline, 1), { ...OP_AMP_STAGE_DEFAULTS, currentLimitAmps: 0.07, buildOutOhms: 1 });
    expect(sagging.limitedBy).toBe('current');
    expect(sagging.pinLimitVolts).toBeCloseTo(0.07 * 33, 12);
  });

  it('gives finite numbers across batteries, charge, idle current, loads and dropouts in range', () => {
    const rails: RailSource[] = [usbSplitRails()];
    for (const model of Object.values(BATTERY_MODELS)) {
      for (const soc of [0, 0.01, 0.5, 1]) rails.push(twoBatteryRails(model, soc), splitBatteryRails(model, soc));
    }
    for (const rail of rails) {
      for (const quiescentAmps of [QUIESCENT_CURRENT_RANGE_AMPS.min, QUIESCENT_CURRENT_RANGE_AMPS.max]) {
        for (const loadOhms of [OP_AMP_LOAD_RANGE_OHMS.min, OP_AMP_LOAD_RANGE_OHMS.max]) {
          for (const dropoutVolts of [OP_AMP_DROPOUT_RANGE_VOLTS.min, OP_AMP_DROPOUT_RANGE_VOLTS.max]) {
            const sagging = saggingRailOpAmpStage(rail, { ...OP_AMP_STAGE_DEFAULTS, loadOhms, dropoutVolts }, quiescentAmps);
            const values = [
              sagging.clipVoltsPeak,
              sagging.pinLimitVolts,
              sagging.railAtClipVolts,
              sagging.railVoltsAt(5),
              sagging.stage.transferVolts(3),
              sagging.stage.processSample(3),
            ];
            for (const value of values) expect(Number.isFinite(value)).toBe(true);
            expect(sagging.clipVoltsPeak).toBeGreaterThanOrEqual(0);
          }
        }
      }
    }
  });
});

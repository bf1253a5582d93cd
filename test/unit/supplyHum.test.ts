import { describe, expect, it } from 'vitest';
import { OP_AMP_STAGE_DEFAULTS, type OpAmpStageParams } from '../../src/dsp/circuits/opAmpStage';
import { RECTIFIER_SUPPLY_DEFAULTS, rectifierSupply } from '../../src/dsp/circuits/rectifierSupply';
import { REGULATOR_DEFAULTS, regulatorOutput, rippleRejectionAtDb } from '../../src/dsp/circuits/regulator';
import {
  OP_AMP_PSRR_TYPICAL,
  PSRR_CORNER_RANGE_HZ,
  PSRR_DC_RANGE_DB,
  humRelativeToMusicDb,
  psrrAtDb,
  supplyHum,
  type PsrrParams,
} from '../../src/dsp/circuits/supplyHum';

/** A unity-gain follower driving the load directly: the hum at the load is the op-amp's input-referred hum. */
const follower: OpAmpStageParams = { ...OP_AMP_STAGE_DEFAULTS, gain: 1, buildOutOhms: 0 };
const db = (ratio: number) => 20 * Math.log10(ratio);

describe('supply hum: ripple through the op-amp PSRR', () => {
  it('a single 100 Hz ripple line of 10 mV on a follower with 90 dB PSRR (flat there) gives 10 mV·10^(−90/20) ≈ 0.316 µV', () => {
    const psrr: PsrrParams = { dcRejectionDb: 90, cornerHz: 100_000 };
    const hum = supplyHum([{ frequencyHz: 100, voltsRms: 0.01 }], { stage: follower, psrr });
    const flatDb = 90 - 10 * Math.log10(1 + (100 / 100_000) ** 2);
    expect(hum.lines[0]?.outputVoltsRms).toBeCloseTo(0.01 * 10 ** (-flatDb / 20), 15);
    expect(hum.lines[0]?.outputVoltsRms).toBeCloseTo(0.316e-6, 9);
    expect(hum.totalVoltsRms).toBe(hum.lines[0]?.outputVoltsRms);
  });

  it('the stage multiplies its input-referred hum by its gain and the build-out divider: ×2.5·32/32.54 for the O2 default (0.54 Ω)', () => {
    const ripple = [{ frequencyHz: 120, voltsRms: 0.05 }];
    const bare = supplyHum(ripple, { stage: follower }).totalVoltsRms;
    const staged = supplyHum(ripple, { stage: OP_AMP_STAGE_DEFAULTS }).totalVoltsRms;
    expect(staged / bare).toBeCloseTo((2.5 * 32) / 32.54, 12);
  });

  it('PSRR is 3 dB below its flat value at the corner and falls 20 dB per decade above it', () => {
    const psrr: PsrrParams = { dcRejectionDb: 100, cornerHz: 100 };
    expect(psrrAtDb(psrr, 0)).toBe(100);
    expect(psrrAtDb(psrr, 100)).toBeCloseTo(100 - 10 * Math.log10(2), 12);
    expect(Math.abs(psrrAtDb(psrr, 10_000) - psrrAtDb(psrr, 100_000) - 20)).toBeLessThan(0.01);
    const hum = supplyHum(
      [
        { frequencyHz: 10_000, voltsRms: 0.01 },
        { frequencyHz: 100_000, voltsRms: 0.01 },
      ],
      { stage: follower, psrr },
    );
    const [low, high] = hum.lines;
    expect(Math.abs(db((high?.outputVoltsRms ?? 0) / (low?.outputVoltsRms ?? 1)) - 20)).toBeLessThan(0.01);
  });

  it('lines at different frequencies add in power: 3 µV at 100 Hz and 4 µV at 200 Hz make 5 µV', () => {
    const psrr: PsrrParams = { dcRejectionDb: 0, cornerHz: 1e5 };
    const hum = supplyHum(
      [
        { frequencyHz: 100, voltsRms: 3e-6 },
        { frequencyHz: 200, voltsRms: 4e-6 },
      ],
      { stage: follower, psrr },
    );
    expect(hum.totalVoltsRms).toBeCloseTo(5e-6, 12);
  });

  it('1 µV of hum under 1 V of music sits 120 dB down', () => {
    expect(humRelativeToMusicDb(1e-6, 1)).toBeCloseTo(-120, 12);
    const hum = supplyHum([{ frequencyHz: 100, voltsRms: 1 }], {
      stage: follower,
      psrr: { dcRejectionDb: 120, cornerHz: 1e5 },
      musicVoltsRms: 1,
    });
    expect(hum.relativeToMusicDb).toBeCloseTo(-120 + 10 * Math.log10(1 + (100 / 1e5) ** 2), 9);
  });

  it('a regulator between the reservoir and the op-amp lowers the 100 Hz hum by its ripple rejection at 100 Hz', () => {
    const rail = rectifierSupply(RECTIFIER_SUPPLY_DEFAULTS);
    const regulated = regulatorOutput(rail.period, REGULATOR_DEFAULTS, { harmonicStep: 2 });
    const raw = supplyHum(rail.rippleLines).lines[0];
    const clean = supplyHum(regulated.rippleLines).lines[0];
    expect(raw?.frequencyHz).toBe(100);
    expect(clean?.frequencyHz).toBe(100);
    const lowering = db((raw?.outputVoltsRms ?? 0) / (clean?.outputVoltsRms ?? 1));
    expect(lowering).toBeCloseTo(rippleRejectionAtDb(REGULATOR_DEFAULTS, 100), 6);
  });
});

describe('supply hum: every setting in range', () => {
  it('gives finite hum for PSRR and corners at the ends of their ranges, and for ripple from 0 V up', () => {
    for (const dcRejectionDb of [PSRR_DC_RANGE_DB.min, PSRR_DC_RANGE_DB.max, OP_AMP_PSRR_TYPICAL.dcRejectionDb]) {
      for (const cornerHz of [PSRR_CORNER_RANGE_HZ.min, PSRR_CORNER_RANGE_HZ.max]) {
        const hum = supplyHum(
          [0, 50, 100, 20_000, 1e6].map((frequencyHz) => ({ frequencyHz, voltsRms: frequencyHz === 0 ? 0 : 1 })),
          { psrr: { dcRejectionDb, cornerHz }, musicVoltsRms: 0.1 },
        );
        for (const line of hum.lines) expect(Number.isFinite(line.outputVoltsRms)).toBe(true);
        expect(Number.isFinite(hum.totalVoltsRms)).toBe(true);
        expect(Number.isFinite(hum.relativeToMusicDb ?? NaN)).toBe(true);
      }
    }
  });

  it('rejects negative ripple and a music level of 0', () => {
    expect(() => supplyHum([{ frequencyHz: 100, voltsRms: -1 }])).toThrow(RangeError);
    expect(() => humRelativeToMusicDb(1e-6, 0)).toThrow(RangeError);
  });
});

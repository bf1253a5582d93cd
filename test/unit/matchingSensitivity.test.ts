import { describe, expect, it } from 'vitest';
import {
  currentAmpsRms,
  dbPerMilliwattFromDbPerVolt,
  dbPerVoltFromDbPerMilliwatt,
  powerWatts,
  sensitivityDbPerVolt,
  SINE_PEAK_TO_RMS_DB,
  splFromVoltsRms,
  voltsRmsFromPower,
  voltsRmsForSpl,
} from '../../src/dsp/matching/sensitivity';

describe('sensitivity units (REFERENCES §2)', () => {
  it('HD600: 97 dB/mW at 300 Ω is 102.2 dB/V, because 1 V into 300 Ω is 3.33 mW', () => {
    expect(dbPerVoltFromDbPerMilliwatt(97, 300)).toBeCloseTo(97 + 10 * Math.log10(1 / 0.3), 9);
    expect(dbPerVoltFromDbPerMilliwatt(97, 300)).toBeCloseTo(102.2, 1);
  });

  it('at 1000 Ω the two units agree (1 V into 1 kΩ is exactly 1 mW)', () => {
    expect(dbPerVoltFromDbPerMilliwatt(95, 1000)).toBe(95);
  });

  it('converting to dB/V and back returns the published figure', () => {
    for (const ohms of [9, 16, 32, 45, 300, 600]) {
      expect(dbPerMilliwattFromDbPerVolt(dbPerVoltFromDbPerMilliwatt(104, ohms), ohms)).toBeCloseTo(104, 12);
    }
  });

  it('a figure already in dB/V is used as it is', () => {
    expect(sensitivityDbPerVolt(103, 'dB/V', 300)).toBe(103);
    expect(sensitivityDbPerVolt(112.8, 'dB/mW', 12.8)).toBeCloseTo(112.8 + 10 * Math.log10(1000 / 12.8), 12);
  });

  it('a sine peaks 3.01 dB above its rms', () => {
    expect(SINE_PEAK_TO_RMS_DB).toBeCloseTo(3.0103, 4);
  });
});

describe('REFERENCES §2 worked examples', () => {
  it('HD650 (103 dB/V, 300 Ω) needs 2.24 V and 17 mW for 110 dB SPL', () => {
    const volts = voltsRmsForSpl(103, 110);
    expect(volts).toBeCloseTo(2.24, 2);
    expect(powerWatts(volts, 300) * 1000).toBeCloseTo(16.7, 1);
  });

  it('HD650 needs 7.08 V and 167 mW for 120 dB SPL', () => {
    const volts = voltsRmsForSpl(103, 120);
    expect(volts).toBeCloseTo(7.08, 2);
    expect(powerWatts(volts, 300) * 1000).toBeCloseTo(167, 0);
  });

  it('LCD-3 (102 dB/V, 48 Ω) needs 7.9 V, 166 mA and 1.3 W for 120 dB SPL', () => {
    const volts = voltsRmsForSpl(102, 120);
    expect(volts).toBeCloseTo(7.94, 2);
    expect(currentAmpsRms(volts, 48) * 1000).toBeCloseTo(165.5, 0);
    expect(powerWatts(volts, 48)).toBeCloseTo(1.31, 2);
  });

  it('Andromeda (112.8 dB/mW, 12.8 Ω) needs 82 mV for 110 dB, and 10 µV of noise reaches 32 dB SPL', () => {
    const dbPerVolt = dbPerVoltFromDbPerMilliwatt(112.8, 12.8);
    expect(voltsRmsForSpl(dbPerVolt, 110) * 1000).toBeCloseTo(82, 0);
    expect(splFromVoltsRms(dbPerVolt, 10e-6)).toBeCloseTo(31.7, 1);
  });

  it('V = √(P·Z): 613 mW into 32 Ω is 4.43 Vrms (the O2 into 32 Ω, REFERENCES §3)', () => {
    expect(voltsRmsFromPower(0.613, 32)).toBeCloseTo(4.43, 2);
    expect(voltsRmsFromPower(0.088, 600)).toBeCloseTo(7.27, 2);
  });

  it('rejects loads that are not positive', () => {
    expect(() => powerWatts(1, 0)).toThrow(RangeError);
    expect(() => dbPerVoltFromDbPerMilliwatt(100, -8)).toThrow(RangeError);
  });
});

// DC at the output: Ohm's law on the coil's DC resistance, the bass note that pushes as far, and the coupling
// capacitor's corner, against numbers worked by hand (and the head-fi post's 100 mV into 32 Ω = 0.31 mW).
import { describe, expect, it } from 'vitest';
import { couplingCapacitanceFor, couplingCornerHz, dcCurrentAmps, dcPowerWatts, equivalentBassSplDb, powerDbReMilliwatt } from '../../src/dsp/protection/dcOffset';

describe('DC offset into a headphone', () => {
  it('100 mV into 32 Ω: 3.125 mA and 0.3125 mW, 5.05 dB below 1 mW (the forum worked example)', () => {
    expect(dcCurrentAmps(0.1, 32)).toBeCloseTo(0.003125, 12);
    expect(dcPowerWatts(0.1, 32)).toBeCloseTo(0.0003125, 12);
    expect(powerDbReMilliwatt(dcPowerWatts(0.1, 32))).toBeCloseTo(10 * Math.log10(0.3125), 9);
    expect(powerDbReMilliwatt(dcPowerWatts(0.1, 32))).toBeCloseTo(-5.05, 2);
  });

  it('power goes with the square: 20 mV into 32 Ω is 12.5 µW, 25 times less than 100 mV; into 600 Ω 0.667 µW', () => {
    expect(dcPowerWatts(0.02, 32)).toBeCloseTo(12.5e-6, 12);
    expect(dcPowerWatts(0.1, 32) / dcPowerWatts(0.02, 32)).toBeCloseTo(25, 9);
    expect(dcPowerWatts(0.02, 600)).toBeCloseTo(0.02 ** 2 / 600, 15);
  });

  it('the push of 1 V DC on a 100 dB/V headphone equals a bass sine of 1 V peak: 100 − 3.01 = 96.99 dB SPL', () => {
    expect(equivalentBassSplDb(1, 100)).toBeCloseTo(100 - 20 * Math.log10(Math.SQRT2), 9);
    expect(equivalentBassSplDb(-1, 100)).toBeCloseTo(96.99, 2);
    // Ten times less offset, 20 dB lower.
    expect(equivalentBassSplDb(1, 100) - equivalentBassSplDb(0.1, 100)).toBeCloseTo(20, 9);
  });

  it('220 µF into 32 Ω corners at 22.6 Hz; into 16 Ω at 45.2 Hz; 470 µF is needed for 10.6 Hz into 32 Ω', () => {
    expect(couplingCornerHz(220e-6, 32)).toBeCloseTo(1 / (2 * Math.PI * 32 * 220e-6), 9);
    expect(couplingCornerHz(220e-6, 32)).toBeCloseTo(22.61, 2);
    expect(couplingCornerHz(220e-6, 16)).toBeCloseTo(2 * couplingCornerHz(220e-6, 32), 9);
    expect(couplingCapacitanceFor(couplingCornerHz(470e-6, 32), 32)).toBeCloseTo(470e-6, 12);
  });

  it('refuses a zero or negative resistance', () => {
    expect(() => dcPowerWatts(0.1, 0)).toThrow(RangeError);
    expect(() => couplingCornerHz(0, 32)).toThrow(RangeError);
  });
});

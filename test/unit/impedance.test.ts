import { describe, expect, it } from 'vitest';
import {
  capacitor,
  evaluateAtHz,
  inductor,
  magnitudeOhmsAtHz,
  parallel,
  resistor,
  series,
} from '../../src/dsp/impedance';

const FREQUENCIES_HZ = [1, 20, 1000, 20_000, 1e6];

describe('composing impedances', () => {
  it('two resistors in series add: 100 Ω + 220 Ω = 320 Ω at every frequency', () => {
    const z = series(resistor(100), resistor(220));
    for (const f of FREQUENCIES_HZ) expect(magnitudeOhmsAtHz(z, f)).toBeCloseTo(320, 10);
  });

  it('two resistors in parallel give R1·R2/(R1 + R2) = 68.75 Ω for 100 Ω ∥ 220 Ω', () => {
    const z = parallel(resistor(100), resistor(220));
    for (const f of FREQUENCIES_HZ) expect(magnitudeOhmsAtHz(z, f)).toBeCloseTo((100 * 220) / (100 + 220), 10);
  });

  it('three equal resistors in parallel give a third of one', () => {
    expect(magnitudeOhmsAtHz(parallel(resistor(30), resistor(30), resistor(30)), 1000)).toBeCloseTo(10, 10);
  });

  it('an inductor is +j·2πfL: 1 mH at 1 kHz is 6.283 Ω, leading by 90°', () => {
    const z = evaluateAtHz(inductor(1e-3), 1000);
    expect(z.re).toBeCloseTo(0, 12);
    expect(z.im).toBeCloseTo(2 * Math.PI * 1000 * 1e-3, 10);
  });

  it('a capacitor is −j/(2πfC): 1 µF at 1 kHz is 159.15 Ω, lagging by 90°', () => {
    const z = evaluateAtHz(capacitor(1e-6), 1000);
    expect(z.re).toBeCloseTo(0, 9);
    expect(z.im).toBeCloseTo(-1 / (2 * Math.PI * 1000 * 1e-6), 9);
  });

  it('a series RC (1 kΩ, 1 µF) at f = 1/(2πRC) has |Z| = √2·R; the parallel RC has R/√2', () => {
    const r = 1000;
    const c = 1e-6;
    const cornerHz = 1 / (2 * Math.PI * r * c);
    expect(magnitudeOhmsAtHz(series(resistor(r), capacitor(c)), cornerHz)).toBeCloseTo(Math.SQRT2 * r, 8);
    expect(magnitudeOhmsAtHz(parallel(resistor(r), capacitor(c)), cornerHz)).toBeCloseTo(r / Math.SQRT2, 8);
  });

  it('a series RC at 50 Hz matches √(R² + (1/(2πfC))²) worked by hand', () => {
    const reactanceOhms = 1 / (2 * Math.PI * 50 * 10e-6);
    expect(magnitudeOhmsAtHz(series(resistor(220), capacitor(10e-6)), 50)).toBeCloseTo(Math.hypot(220, reactanceOhms), 8);
  });

  it('a series RLC at f0 = 1/(2π√(LC)) is just R; a parallel RLC at f0 is just R', () => {
    const l = 1e-3;
    const c = 1e-6;
    const resonanceHz = 1 / (2 * Math.PI * Math.sqrt(l * c));
    expect(magnitudeOhmsAtHz(series(resistor(1), inductor(l), capacitor(c)), resonanceHz)).toBeCloseTo(1, 8);
    expect(magnitudeOhmsAtHz(parallel(resistor(100), inductor(l), capacitor(c)), resonanceHz)).toBeCloseTo(100, 6);
  });

  it('two capacitors in series act as C1·C2/(C1 + C2)', () => {
    const z = series(capacitor(1e-6), capacitor(3e-6));
    const equivalentFarads = (1e-6 * 3e-6) / (1e-6 + 3e-6);
    expect(magnitudeOhmsAtHz(z, 1000)).toBeCloseTo(1 / (2 * Math.PI * 1000 * equivalentFarads), 8);
  });

  it('rejects negative resistance and a zero capacitance', () => {
    expect(() => resistor(-1)).toThrow(RangeError);
    expect(() => capacitor(0)).toThrow(RangeError);
    expect(() => inductor(Number.NaN)).toThrow(RangeError);
    expect(() => series()).toThrow(RangeError);
  });
});

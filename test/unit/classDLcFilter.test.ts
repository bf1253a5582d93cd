// The class D output filter (src/dsp/classD/lcFilter.ts) against closed forms written out here: the second-order
// low-pass 1/(1 − (f/f₀)² + j·f/(f₀·Q)) into a resistor, SLAA701's Butterworth design, and the unloaded LC.
import { describe, expect, it } from 'vitest';
import {
  butterworthLcForLoad,
  cornerHz,
  lcFilterResponse,
  lcFilterResponseAtHz,
  lcFilterResponseDbAtHz,
  qualityFactorIntoResistor,
} from '../../src/dsp/classD/lcFilter';
import { evaluateAtHz, inductor, resistor, series } from '../../src/dsp/impedance';
import { abs } from '../../src/dsp/complex';
import { HEADPHONE_MODELS } from '../../src/dsp/headphones';

const SPEAKER_FILTER = { inductanceHenries: 22e-6, capacitanceFarads: 0.68e-6 };

/** |H| of L then C ∥ R, by hand: 1/√((1 − ω²LC)² + (ωL/R)²). */
function byHandIntoResistorDb(l: number, c: number, r: number, f: number): number {
  const w = 2 * Math.PI * f;
  return -10 * Math.log10((1 - w * w * l * c) ** 2 + ((w * l) / r) ** 2);
}

describe('LC filter into a resistor', () => {
  it('22 µH with 0.68 µF has its corner at 1/(2π√(LC)) ≈ 41.1 kHz whatever the load', () => {
    expect(cornerHz(SPEAKER_FILTER)).toBeCloseTo(1 / (2 * Math.PI * Math.sqrt(22e-6 * 0.68e-6)), 6);
    expect(cornerHz(SPEAKER_FILTER)).toBeGreaterThan(41_000);
    expect(cornerHz(SPEAKER_FILTER)).toBeLessThan(41_200);
  });

  it('its response matches 1/√((1 − ω²LC)² + (ωL/R)²) within 1e-9 dB into 4, 32 and 300 Ω, 20 Hz to 1 MHz', () => {
    for (const r of [4, 32, 300]) {
      for (const f of [20, 1000, 10_000, 20_000, 41_000, 100_000, 384_000, 1e6]) {
        expect(lcFilterResponseDbAtHz(resistor(r), SPEAKER_FILTER, f)).toBeCloseTo(byHandIntoResistorDb(22e-6, 0.68e-6, r, f), 9);
      }
    }
  });

  it('at the corner |H| = Q = R·√(C/L): the higher the load resistance, the taller the peak', () => {
    const f0 = cornerHz(SPEAKER_FILTER);
    for (const r of [4, 32, 300]) {
      const q = r * Math.sqrt(0.68e-6 / 22e-6);
      expect(qualityFactorIntoResistor(SPEAKER_FILTER, r)).toBeCloseTo(q, 12);
      expect(abs(lcFilterResponseAtHz(resistor(r), SPEAKER_FILTER, f0))).toBeCloseTo(q, 9);
    }
  });

  it('SLAA701 Butterworth design for 32 Ω at 40 kHz: L = √2·R/ω₀, C = 1/(√2·R·ω₀); −3.01 dB at 40 kHz, flat to 0.3 dB at 20 kHz', () => {
    const design = butterworthLcForLoad(32, 40_000);
    const w0 = 2 * Math.PI * 40_000;
    expect(design.inductanceHenries).toBeCloseTo((Math.SQRT2 * 32) / w0, 15);
    expect(design.capacitanceFarads).toBeCloseTo(1 / (Math.SQRT2 * 32 * w0), 18);
    expect(qualityFactorIntoResistor(design, 32)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(lcFilterResponseDbAtHz(resistor(32), design, 40_000)).toBeCloseTo(-10 * Math.log10(2), 9);
    // Butterworth: |H|² = 1/(1 + (f/f₀)⁴)
    expect(lcFilterResponseDbAtHz(resistor(32), design, 20_000)).toBeCloseTo(-10 * Math.log10(1 + 0.5 ** 4), 9);
  });

  it('far above the corner it falls 40 dB a decade: at 384 kHz the 22 µH, 0.68 µF filter is ≈ −38.8 dB, 20·log10((f₀/f)²)', () => {
    const f0 = cornerHz(SPEAKER_FILTER);
    const expectedDb = 40 * Math.log10(f0 / 384_000);
    expect(Math.abs(lcFilterResponseDbAtHz(resistor(32), SPEAKER_FILTER, 384_000) - expectedDb)).toBeLessThan(0.15);
  });
});

describe('LC filter into a reactive load', () => {
  it('the rational H(s) and the direct evaluation agree for every headphone model', () => {
    for (const model of HEADPHONE_MODELS) {
      const h = lcFilterResponse(model.impedance, SPEAKER_FILTER);
      for (const f of [20, 90, 1000, 13_000, 20_000, 100_000]) {
        const rational = abs(evaluateAtHz(h, f));
        expect(rational / abs(lcFilterResponseAtHz(model.impedance, SPEAKER_FILTER, f))).toBeCloseTo(1, 9);
      }
    }
  });

  it('into R + L (32 Ω, 1 mH) H = (R + sLl)/((R + sLl)(1 + s²LC) + sL), written out by hand', () => {
    const load = series(resistor(32), inductor(1e-3));
    for (const f of [100, 5000, 20_000, 41_000, 200_000]) {
      const w = 2 * Math.PI * f;
      // Z = 32 + jωLl; H = Z / (Z·(1 − ω²LC) + jωL)
      const zr = 32;
      const zi = w * 1e-3;
      const k = 1 - w * w * 22e-6 * 0.68e-6;
      const dr = zr * k;
      const di = zi * k + w * 22e-6;
      const byHand = Math.hypot(zr, zi) / Math.hypot(dr, di);
      expect(abs(lcFilterResponseAtHz(load, SPEAKER_FILTER, f))).toBeCloseTo(byHand, 9);
    }
  });

  it('with no load (|Z| → ∞) the LC is 1/(1 − ω²LC): a 1 MΩ load gives it within 0.01 dB below the corner', () => {
    for (const f of [1000, 10_000, 20_000]) {
      const w = 2 * Math.PI * f;
      const unloadedDb = -20 * Math.log10(Math.abs(1 - w * w * 22e-6 * 0.68e-6));
      expect(lcFilterResponseDbAtHz(resistor(1e6), SPEAKER_FILTER, f)).toBeCloseTo(unloadedDb, 2);
    }
  });

  it('a filter designed for 32 Ω droops into the balanced-armature IEM, whose impedance falls to ≈ 4.4 Ω near 13 kHz', () => {
    const design = butterworthLcForLoad(32, 40_000);
    const iem = HEADPHONE_MODELS.find((m) => m.kind === 'multi-ba');
    if (iem === undefined) throw new Error('no multi-BA model');
    const zAt13k = abs(evaluateAtHz(iem.impedance, 13_000));
    // Into a resistor of that size the Q is tiny and the response ≈ 1/(1 + jωL/R): well below −6 dB.
    const byHandDb = byHandIntoResistorDb(design.inductanceHenries, design.capacitanceFarads, zAt13k, 13_000);
    expect(byHandDb).toBeLessThan(-6);
    expect(lcFilterResponseDbAtHz(iem.impedance, design, 13_000)).toBeLessThan(-6);
  });
});

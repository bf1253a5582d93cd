import { describe, expect, it } from 'vitest';
import { abs, add, complex, div } from '../../src/dsp/complex';
import { type DynamicDriverParams, HEADPHONE_MODELS, headphoneById } from '../../src/dsp/headphones';
import { evaluateAtHz, inductor, resistor, series } from '../../src/dsp/impedance';
import { mulberry32 } from '../../src/dsp/random';
import {
  dampingFactor,
  dividerResponse,
  eighthRuleMaxOutputImpedanceOhms,
  largestDeviation,
  logFrequencies,
  maximumImpedance,
  minimumImpedance,
  relativeResponseDb,
  responseDbAtHz,
} from '../../src/dsp/sourceLoad';

const dividerDb = (loadOhms: number, outputImpedanceOhms: number): number =>
  20 * Math.log10(loadOhms / (loadOhms + outputImpedanceOhms));

/**
 * Closed form for a single-driver model: at fs the motional branch is purely Res, so Zhp(fs) = Re + Res + j2πfs·Le;
 * at 1 kHz Zhp ≈ Re. The bass peak is lifted by the difference of the two dividers.
 */
function bassLiftClosedFormDb(driver: DynamicDriverParams, outputImpedanceOhms: number): number {
  const atResonance = complex(driver.dcResistanceOhms + driver.motionalResistanceOhms, 2 * Math.PI * driver.resonanceHz * driver.voiceCoilInductanceHenries);
  const resonanceDb = 20 * Math.log10(abs(div(atResonance, add(atResonance, complex(outputImpedanceOhms)))));
  return resonanceDb - dividerDb(driver.dcResistanceOhms, outputImpedanceOhms);
}

describe('the divider H = Zhp/(Zhp + Zout)', () => {
  it('is flat (0 dB) at every frequency for every model when Zout = 0', () => {
    for (const model of HEADPHONE_MODELS) {
      for (const f of logFrequencies(10, 24_000, 60)) expect(responseDbAtHz(model.impedance, 0, f)).toBeCloseTo(0, 12);
      expect(dividerResponse(model.impedance, 0)).toEqual({ num: [1], den: [1] });
    }
  });

  it('gives a resistor load the flat 20·log10(R/(R + Zout))', () => {
    for (const [loadOhms, outputImpedanceOhms] of [[32, 10], [300, 120], [16, 0.5], [600, 150]] as const) {
      for (const f of [20, 1000, 20_000]) {
        expect(responseDbAtHz(resistor(loadOhms), outputImpedanceOhms, f)).toBeCloseTo(dividerDb(loadOhms, outputImpedanceOhms), 12);
      }
      expect(largestDeviation(resistor(loadOhms), outputImpedanceOhms).deviationDb).toBeCloseTo(0, 12);
    }
  });

  it('as a rational function agrees with Zhp/(Zhp + Zout) evaluated from the impedance', () => {
    const model = headphoneById('multi-ba');
    for (const f of [20, 850, 13_000]) {
      const z = evaluateAtHz(model.impedance, f);
      const expected = abs(div(z, add(z, complex(75))));
      expect(abs(evaluateAtHz(dividerResponse(model.impedance, 75), f))).toBeCloseTo(expected, 10);
    }
  });

  it('reads 0 dB at the 1 kHz reference in relativeResponseDb', () => {
    const [atReference] = relativeResponseDb(headphoneById('closed-32').impedance, 33, [1000]);
    expect(atReference).toBeCloseTo(0, 12);
  });

  it('gives R + jωL its closed form at every Zout in turn, one load and one frequency list reused (kept impedances)', () => {
    const resistanceOhms = 32;
    const inductanceHenries = 2e-3;
    const load = series(resistor(resistanceOhms), inductor(inductanceHenries));
    const frequenciesHz = logFrequencies(20, 20000, 31);
    const closedFormDb = (frequencyHz: number, outputImpedanceOhms: number): number => {
      const reactanceOhms = 2 * Math.PI * frequencyHz * inductanceHenries;
      const gain = Math.hypot(resistanceOhms, reactanceOhms) / Math.hypot(resistanceOhms + outputImpedanceOhms, reactanceOhms);
      return 20 * Math.log10(gain);
    };
    for (const outputImpedanceOhms of [0, 10, 120, 3, 10]) {
      const got = relativeResponseDb(load, outputImpedanceOhms, frequenciesHz);
      frequenciesHz.forEach((frequencyHz, i) => {
        expect(got[i]).toBeCloseTo(closedFormDb(frequencyHz, outputImpedanceOhms) - closedFormDb(1000, outputImpedanceOhms), 10);
      });
      const deviation = largestDeviation(load, outputImpedanceOhms);
      // |H| rises with f for an R-L load, so the largest change from 1 kHz is at 20 Hz (a cut) or 20 kHz (a lift).
      const lowDb = closedFormDb(20, outputImpedanceOhms) - closedFormDb(1000, outputImpedanceOhms);
      const highDb = closedFormDb(20000, outputImpedanceOhms) - closedFormDb(1000, outputImpedanceOhms);
      expect(deviation.deviationDb).toBeCloseTo(Math.abs(lowDb) > Math.abs(highDb) ? lowDb : highDb, 9);
    }
  });

  it('refuses a negative or non-finite output impedance', () => {
    expect(() => dividerResponse(resistor(32), -1)).toThrow(RangeError);
    expect(() => responseDbAtHz(resistor(32), Number.NaN, 1000)).toThrow(RangeError);
  });
});

describe('largest deviation from flat, relative to 1 kHz', () => {
  it('a 120 Ω source lifts an HD600-class bass peak by about 1.1 dB, at the 90 Hz resonance', () => {
    const model = headphoneById('dynamic-300');
    const { deviationDb, atHz } = largestDeviation(model.impedance, 120);
    expect(deviationDb).toBeGreaterThan(0);
    expect(Math.abs(deviationDb - bassLiftClosedFormDb(model.driver as DynamicDriverParams, 120))).toBeLessThan(0.01);
    expect(Math.abs(deviationDb - 1.12)).toBeLessThan(0.01);
    expect(Math.abs(atHz / 90 - 1)).toBeLessThan(0.02);
  });

  it('a 120 Ω source lifts the 32 Ω closed model by about 3.35 dB at its 60 Hz resonance', () => {
    const model = headphoneById('closed-32');
    const { deviationDb, atHz } = largestDeviation(model.impedance, 120);
    expect(Math.abs(deviationDb - bassLiftClosedFormDb(model.driver as DynamicDriverParams, 120))).toBeLessThan(0.01);
    expect(Math.abs(deviationDb - 3.35)).toBeLessThan(0.01);
    expect(Math.abs(atHz / 60 - 1)).toBeLessThan(0.02);
  });

  it('matches the REFERENCES §1 figures for 0.5, 10 and 33 Ω sources to their rounding', () => {
    const figures = [
      ['dynamic-300', 0.5, 0.01],
      ['dynamic-300', 10, 0.12],
      ['dynamic-300', 33, 0.37],
      ['closed-32', 0.5, 0.06],
      ['closed-32', 10, 0.91],
      ['closed-32', 33, 2.04],
    ] as const;
    for (const [id, outputImpedanceOhms, publishedDb] of figures) {
      const model = headphoneById(id);
      const { deviationDb } = largestDeviation(model.impedance, outputImpedanceOhms);
      expect(Math.abs(deviationDb - publishedDb)).toBeLessThanOrEqual(0.005);
      expect(Math.abs(deviationDb - bassLiftClosedFormDb(model.driver as DynamicDriverParams, outputImpedanceOhms))).toBeLessThan(0.01);
    }
  });

  it('is the extreme of a brute-force scan, sign included (the multi-BA loses treble: negative)', () => {
    const model = headphoneById('multi-ba');
    const frequenciesHz = logFrequencies(20, 20_000, 20_000);
    const relative = relativeResponseDb(model.impedance, 100, frequenciesHz);
    const extreme = relative.reduce((worst, value) => (Math.abs(value) > Math.abs(worst) ? value : worst), 0);
    const { deviationDb } = largestDeviation(model.impedance, 100);
    expect(deviationDb).toBeLessThan(0);
    expect(Math.abs(deviationDb)).toBeGreaterThanOrEqual(Math.abs(extreme) - 1e-9);
    expect(Math.abs(deviationDb - extreme)).toBeLessThan(0.001);
  });

  it('respects a narrower band', () => {
    const model = headphoneById('dynamic-300');
    const { atHz } = largestDeviation(model.impedance, 120, { fromHz: 500, toHz: 5000 });
    expect(atHz).toBeGreaterThanOrEqual(500);
    expect(atHz).toBeLessThanOrEqual(5000);
  });
});

describe('impedance extremes, damping factor and the 1/8 rule', () => {
  it('finds the 300 Ω dynamic between Re = 300 Ω and Re + Res = 520 Ω, the peak at 90 Hz', () => {
    const z = headphoneById('dynamic-300').impedance;
    const minimum = minimumImpedance(z);
    const maximum = maximumImpedance(z);
    expect(minimum.ohms).toBeGreaterThanOrEqual(300);
    expect(minimum.ohms).toBeLessThan(301);
    expect(maximum.ohms).toBeCloseTo(520, 3);
    expect(Math.abs(maximum.atHz / 90 - 1)).toBeLessThan(0.01);
  });

  it('gives a damping factor of 300/120 = 2.5, and none (null) for a 0 Ω source', () => {
    expect(dampingFactor(300, 120)).toBe(2.5);
    expect(dampingFactor(32, 0)).toBeNull();
  });

  it('asks for at most 4 Ω into 32 Ω and 2 Ω into 16 Ω (NwAvGuy 1/8 rule)', () => {
    expect(eighthRuleMaxOutputImpedanceOhms(32)).toBe(4);
    expect(eighthRuleMaxOutputImpedanceOhms(16)).toBe(2);
  });
});

describe('logFrequencies', () => {
  it('spans both ends exactly with a constant ratio', () => {
    const f = logFrequencies(20, 20_000, 4);
    expect(f[0]).toBe(20);
    expect(f[3]).toBe(20_000);
    expect(f[1]).toBeCloseTo(200, 9);
    expect(f[2]).toBeCloseTo(2000, 9);
    expect(logFrequencies(20, 20_000, 0)).toEqual([]);
  });
});

describe('property: finite answers for every control setting', () => {
  it('never returns NaN or Infinity for Zout in [0, 150] Ω and f in [10 Hz, 24 kHz]', () => {
    const random = mulberry32(20_240_601);
    for (const model of HEADPHONE_MODELS) {
      for (let trial = 0; trial < 200; trial += 1) {
        const outputImpedanceOhms = trial === 0 ? 0 : trial === 1 ? 150 : 150 * random();
        const frequencyHz = 10 * 2400 ** random();
        expect(Number.isFinite(responseDbAtHz(model.impedance, outputImpedanceOhms, frequencyHz))).toBe(true);
      }
      for (let trial = 0; trial < 8; trial += 1) {
        const deviation = largestDeviation(model.impedance, trial === 0 ? 0 : 150 * random(), { fromHz: 10, toHz: 24_000 });
        expect(Number.isFinite(deviation.deviationDb)).toBe(true);
        expect(Number.isFinite(deviation.atHz)).toBe(true);
      }
    }
  });
});

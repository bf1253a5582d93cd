import { describe, expect, it } from 'vitest';
import { analogToDigitalSections } from '../../src/dsp/bilinear';
import { type Biquad, biquadResponseAtHz, cascadeResponseAtHz } from '../../src/dsp/biquad';
import { abs } from '../../src/dsp/complex';
import { HEADPHONE_MODELS } from '../../src/dsp/headphones';
import { type Rational, resistor } from '../../src/dsp/impedance';
import { mulberry32 } from '../../src/dsp/random';
import { dividerResponse, logFrequencies, responseDbAtHz } from '../../src/dsp/sourceLoad';

const SAMPLE_RATES_HZ = [44_100, 48_000];
const OUTPUT_IMPEDANCES_OHMS = [0, 0.5, 1, 10, 33, 50, 75, 100, 120, 150];
const CHECK_FREQUENCIES_HZ = logFrequencies(20, 16_000, 400);

const cascadeDb = (sections: readonly Biquad[], frequencyHz: number, sampleRateHz: number): number =>
  20 * Math.log10(abs(cascadeResponseAtHz(sections, frequencyHz, sampleRateHz)));

/** Largest |root| of z² + a1·z + a2 by the quadratic formula (for a complex pair |p|² = a2). */
function largestPoleRadius(q: Biquad): number {
  const discriminant = q.a1 * q.a1 - 4 * q.a2;
  if (discriminant < 0) return Math.sqrt(q.a2);
  const root = Math.sqrt(discriminant);
  return Math.max(Math.abs((-q.a1 + root) / 2), Math.abs((-q.a1 - root) / 2));
}

const designs = HEADPHONE_MODELS.flatMap((model) =>
  SAMPLE_RATES_HZ.flatMap((sampleRateHz) =>
    OUTPUT_IMPEDANCES_OHMS.map((outputImpedanceOhms) => ({
      model,
      sampleRateHz,
      outputImpedanceOhms,
      sections: analogToDigitalSections(dividerResponse(model.impedance, outputImpedanceOhms), sampleRateHz),
    })),
  ),
);

describe('biquad responses', () => {
  it('a two-tap average (b0 = b1 = ½) has |H| = |cos(πf/fs)|', () => {
    const average: Biquad = { b0: 0.5, b1: 0.5, b2: 0, a1: 0, a2: 0 };
    for (const f of [0, 1000, 11_025, 20_000]) {
      expect(abs(biquadResponseAtHz(average, f, 44_100))).toBeCloseTo(Math.abs(Math.cos((Math.PI * f) / 44_100)), 12);
    }
  });

  it('a one-pole y = x + 0.5·y₁ has |H| = 1/|1 − 0.5·e^{−jω}|: 2 at DC and 2/3 at Nyquist', () => {
    const onePole: Biquad = { b0: 1, b1: 0, b2: 0, a1: -0.5, a2: 0 };
    expect(abs(biquadResponseAtHz(onePole, 0, 48_000))).toBeCloseTo(2, 12);
    expect(abs(biquadResponseAtHz(onePole, 24_000, 48_000))).toBeCloseTo(2 / 3, 12);
  });
});

describe('analog H(s) to digital sections', () => {
  it('turns a resistive load into one exactly flat section at 20·log10(R/(R + Zout))', () => {
    for (const [loadOhms, outputImpedanceOhms] of [[32, 10], [300, 120], [16, 75]] as const) {
      const sections = analogToDigitalSections(dividerResponse(resistor(loadOhms), outputImpedanceOhms), 48_000);
      expect(sections).toHaveLength(1);
      const expectedDb = 20 * Math.log10(loadOhms / (loadOhms + outputImpedanceOhms));
      for (const f of [20, 1000, 16_000, 23_999]) expect(cascadeDb(sections, f, 48_000)).toBeCloseTo(expectedDb, 12);
    }
  });

  it('passes the signal unchanged for a 0 Ω source', () => {
    for (const model of HEADPHONE_MODELS) {
      const sections = analogToDigitalSections(dividerResponse(model.impedance, 0), 44_100);
      for (const f of [20, 1000, 20_000]) expect(cascadeDb(sections, f, 44_100)).toBeCloseTo(0, 12);
    }
  });

  it('puts an RC low-pass 3.01 dB down at its 1 kHz corner, following 10·log10(1 + (f/fc)²) to 16 kHz', () => {
    const timeConstantS = 1 / (2 * Math.PI * 1000);
    const lowPass: Rational = { num: [1], den: [1, timeConstantS] };
    for (const sampleRateHz of SAMPLE_RATES_HZ) {
      const sections = analogToDigitalSections(lowPass, sampleRateHz);
      for (const f of CHECK_FREQUENCIES_HZ) {
        expect(Math.abs(cascadeDb(sections, f, sampleRateHz) + 10 * Math.log10(1 + (f / 1000) ** 2))).toBeLessThan(0.1);
      }
    }
  });

  it('keeps a 5 kHz, Q = 4 resonance (peak ≈ Q = 12 dB) within 0.1 dB of ω0²/(s² + s·ω0/Q + ω0²)', () => {
    const w0 = 2 * Math.PI * 5000;
    const q = 4;
    const resonance: Rational = { num: [w0 * w0], den: [w0 * w0, w0 / q, 1] };
    const analogDb = (f: number): number => {
      const w = 2 * Math.PI * f;
      return -10 * Math.log10((w0 * w0 - w * w) ** 2 + ((w * w0) / q) ** 2) + 20 * Math.log10(w0 * w0);
    };
    expect(analogDb(5000)).toBeCloseTo(20 * Math.log10(q), 9);
    for (const sampleRateHz of SAMPLE_RATES_HZ) {
      const sections = analogToDigitalSections(resonance, sampleRateHz);
      for (const f of CHECK_FREQUENCIES_HZ) expect(Math.abs(cascadeDb(sections, f, sampleRateHz) - analogDb(f))).toBeLessThan(0.1);
    }
  });

  it('matches the analog divider within 0.1 dB from 20 Hz to 16 kHz for every model, Zout and sample rate', () => {
    for (const { model, sampleRateHz, outputImpedanceOhms, sections } of designs) {
      let worstDb = 0;
      for (const f of CHECK_FREQUENCIES_HZ) {
        const errorDb = cascadeDb(sections, f, sampleRateHz) - responseDbAtHz(model.impedance, outputImpedanceOhms, f);
        worstDb = Math.max(worstDb, Math.abs(errorDb));
      }
      expect(worstDb, `${model.id} at ${outputImpedanceOhms} Ω, ${sampleRateHz} Hz`).toBeLessThanOrEqual(0.1);
    }
  });

  it('makes every section stable: all poles strictly inside the unit circle', () => {
    for (const { sections } of designs) {
      for (const section of sections) expect(largestPoleRadius(section)).toBeLessThan(1);
    }
  });

  it('never boosts a passive divider (|H| ≤ 1) by more than 0.5 dB anywhere up to Nyquist', () => {
    for (const { sampleRateHz, sections } of designs) {
      const nyquistHz = sampleRateHz / 2;
      for (const f of logFrequencies(10, nyquistHz * 0.9999, 300)) expect(cascadeDb(sections, f, sampleRateHz)).toBeLessThan(0.5);
    }
  });

  it('refuses an improper or unstable H(s)', () => {
    expect(() => analogToDigitalSections({ num: [0, 0, 1], den: [1, 1] }, 48_000)).toThrow(RangeError);
    expect(() => analogToDigitalSections({ num: [1], den: [-1, 1] }, 48_000)).toThrow(RangeError);
    expect(() => analogToDigitalSections({ num: [1], den: [1, 1] }, 0)).toThrow(RangeError);
  });

  it('property: finite coefficients and responses for Zout in [0, 150] Ω and f in [10 Hz, 24 kHz]', () => {
    const random = mulberry32(7);
    for (const model of HEADPHONE_MODELS) {
      for (let trial = 0; trial < 4; trial += 1) {
        const outputImpedanceOhms = 150 * random();
        const sampleRateHz = SAMPLE_RATES_HZ[trial % 2] ?? 48_000;
        const sections = analogToDigitalSections(dividerResponse(model.impedance, outputImpedanceOhms), sampleRateHz);
        for (const q of sections) expect([q.b0, q.b1, q.b2, q.a1, q.a2].every(Number.isFinite)).toBe(true);
        for (let k = 0; k < 50; k += 1) {
          const f = 10 * 2400 ** random();
          expect(Number.isFinite(cascadeDb(sections, f, sampleRateHz))).toBe(true);
        }
      }
    }
  });
});

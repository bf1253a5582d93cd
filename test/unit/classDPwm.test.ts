// Two-level PWM of a sine (src/dsp/classD/pwm.ts) against the closed-form spectrum of naturally sampled PWM with a
// symmetric triangle carrier (Black, "Modulation Theory", 1953; Holmes & Lipo, "Pulse Width Modulation for Power
// Converters", 2003, ch. 3): the tone keeps amplitude M, and the line at m·fc + n·fa has amplitude
// (4/(m·π))·|J_n(m·π·M/2)| where m + n is odd, nothing where m + n is even (for a ±1 output).
import { describe, expect, it } from 'vitest';
import { filteredWaveform, lineSpectrum, pwmWaveform, type PwmSettings } from '../../src/dsp/classD/pwm';
import { complex } from '../../src/dsp/complex';

/** Bessel function of the first kind J_n(x), by its power series (plenty for x < 5), written here for the test. */
function besselJ(n: number, x: number): number {
  let sum = 0;
  let term = (x / 2) ** n;
  for (let k = 1; k <= n; k += 1) term /= k;
  for (let k = 0; k < 60; k += 1) {
    sum += term;
    term *= -((x / 2) ** 2) / ((k + 1) * (k + 1 + n));
  }
  return sum;
}

/** Closed-form line amplitude at m·fc + n·fa (n may be negative: J_−n = (−1)ⁿ·J_n, so the size is |J_|n||). */
function closedFormLine(m: number, n: number, modulationIndex: number): number {
  if ((m + n) % 2 === 0) return 0;
  return (4 / (m * Math.PI)) * Math.abs(besselJ(Math.abs(n), (m * Math.PI * modulationIndex) / 2));
}

const ACCURATE: PwmSettings = { carrierHz: 384_000, carrierPeriodsPerTone: 32, modulationIndex: 0.7, samplesPerCarrierPeriod: 4096 };

describe('naturally sampled two-level PWM', () => {
  it('the Bessel series used here gives J0(1) = 0.7651977, J1(1) = 0.4400506, J2(2) = 0.3528340 (tables)', () => {
    expect(besselJ(0, 1)).toBeCloseTo(0.7651977, 6);
    expect(besselJ(1, 1)).toBeCloseTo(0.4400506, 6);
    expect(besselJ(2, 2)).toBeCloseTo(0.352834, 6);
  });

  it('switches between +1 and −1 only, and its average over each carrier period follows the sine (duty cycle ½·(1 + M·sin))', () => {
    const w = pwmWaveform({ ...ACCURATE, samplesPerCarrierPeriod: 1024 });
    expect(w.samples.every((v) => v === 1 || v === -1)).toBe(true);
    for (const period of [0, 5, 8, 16, 24, 31]) {
      const slice = w.samples.subarray(period * 1024, (period + 1) * 1024);
      const mean = slice.reduce((a, b) => a + b, 0) / slice.length;
      const middle = Math.sin((2 * Math.PI * (period + 0.5)) / 32) * 0.7;
      expect(Math.abs(mean - middle)).toBeLessThan(0.01);
    }
  });

  it('the tone comes out at amplitude M with no harmonics of its own in the audio band (≤ −80 dB)', () => {
    const { spectrum } = lineSpectrum(pwmWaveform(ACCURATE));
    expect(spectrum.amplitudes[1]).toBeCloseTo(0.7, 3);
    for (let k = 2; k <= 8; k += 1) expect(spectrum.amplitudes[k] ?? 1).toBeLessThan(1e-4);
  });

  for (const modulationIndex of [0.3, 0.7, 0.95]) {
    it(`M = ${modulationIndex}: the carrier and its sidebands match (4/(mπ))·|J_n(mπM/2)| within 0.005`, () => {
      const { spectrum } = lineSpectrum(pwmWaveform({ ...ACCURATE, modulationIndex }));
      const perTone = ACCURATE.carrierPeriodsPerTone;
      for (const [m, n] of [[1, 0], [1, 2], [1, -2], [1, 4], [2, 1], [2, -1], [2, 3], [3, 0], [3, 2]] as const) {
        const bin = m * perTone + n;
        expect(Math.abs((spectrum.amplitudes[bin] ?? 0) - closedFormLine(m, n, modulationIndex))).toBeLessThan(0.005);
      }
      // m + n even: no line at fc ± fa, nor at 2fc.
      for (const bin of [perTone + 1, perTone - 1, 2 * perTone]) expect(spectrum.amplitudes[bin] ?? 1).toBeLessThan(0.005);
    });
  }

  it('filtering by H = 1 gives the waveform back; by H = ½ halves every line', () => {
    const w = pwmWaveform({ ...ACCURATE, samplesPerCarrierPeriod: 64 });
    const { re, im, spectrum } = lineSpectrum(w);
    const same = filteredWaveform(w, { re, im }, () => complex(1));
    same.samples.forEach((v, i) => expect(v).toBeCloseTo(w.samples[i] ?? NaN, 9));
    const half = filteredWaveform(w, { re, im }, () => complex(0.5));
    for (const k of [1, 32, 34, 63]) expect(half.spectrum.amplitudes[k]).toBeCloseTo(0.5 * (spectrum.amplitudes[k] ?? NaN), 12);
  });

  it('an ideal low-pass (1 below 100 kHz, 0 above) leaves just the sine: within 0.002 of M·sin at every sample (edges quantised to 1/1024 of a period)', () => {
    const w = pwmWaveform({ ...ACCURATE, samplesPerCarrierPeriod: 1024 });
    const { re, im } = lineSpectrum(w);
    const out = filteredWaveform(w, { re, im }, (f) => complex(f < 100_000 ? 1 : 0));
    out.samples.forEach((v, i) => expect(Math.abs(v - (w.reference[i] ?? NaN))).toBeLessThan(0.002));
  });
});

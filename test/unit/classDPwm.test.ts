// Two-level PWM of a sine (src/dsp/classD/pwm.ts) against the closed-form spectrum of naturally sampled PWM with a
// symmetric triangle carrier (Black, "Modulation Theory", 1953; Holmes & Lipo, "Pulse Width Modulation for Power
// Converters", 2003, ch. 3): the tone keeps amplitude M, and the line at m·fc + n·fa has amplitude
// (4/(m·π))·|J_n(m·π·M/2)| where m + n is odd, nothing where m + n is even (for a ±1 output).
import { describe, expect, it } from 'vitest';
import { filterLines, lineAmplitudes, pwmEdges, pwmLineSpectrum, waveformFromLines, type PwmSettings } from '../../src/dsp/classD/pwm';
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

const SETTINGS: PwmSettings = { carrierHz: 384_000, carrierPeriodsPerTone: 32, modulationIndex: 0.7 };

describe('naturally sampled two-level PWM', () => {
  it('the Bessel series used here gives J0(1) = 0.7651977, J1(1) = 0.4400506, J2(2) = 0.3528340 (tables)', () => {
    expect(besselJ(0, 1)).toBeCloseTo(0.7651977, 6);
    expect(besselJ(1, 1)).toBeCloseTo(0.4400506, 6);
    expect(besselJ(2, 2)).toBeCloseTo(0.352834, 6);
  });

  it('each switching instant is where the sine meets the triangle carrier (to 1e-12 of a carrier period)', () => {
    const edges = pwmEdges(SETTINGS);
    const periods = SETTINGS.carrierPeriodsPerTone;
    edges.fallSeconds.forEach((seconds, j) => {
      const t = seconds * SETTINGS.carrierHz;
      const carrier = -1 + 4 * (t - j);
      expect(Math.abs(0.7 * Math.sin((2 * Math.PI * t) / periods) - carrier)).toBeLessThan(1e-12);
      const tr = (edges.riseSeconds[j] ?? NaN) * SETTINGS.carrierHz;
      expect(Math.abs(0.7 * Math.sin((2 * Math.PI * tr) / periods) - (3 - 4 * (tr - j)))).toBeLessThan(1e-12);
      expect(tr).toBeGreaterThan(t);
    });
  });

  it('the tone comes out at amplitude M with no harmonics of its own in the audio band (below −200 dB): natural sampling adds no distortion', () => {
    const amplitudes = lineAmplitudes(pwmLineSpectrum(pwmEdges(SETTINGS), 160));
    expect(amplitudes[1]).toBeCloseTo(0.7, 12);
    expect(amplitudes[0]).toBeLessThan(1e-12);
    for (let k = 2; k <= 10; k += 1) expect(amplitudes[k] ?? 1).toBeLessThan(1e-10);
  });

  for (const modulationIndex of [0.3, 0.7, 0.95]) {
    it(`M = ${modulationIndex}: the carrier and its sidebands match (4/(mπ))·|J_n(mπM/2)| within 1e-9`, () => {
      const perTone = SETTINGS.carrierPeriodsPerTone;
      const amplitudes = lineAmplitudes(pwmLineSpectrum(pwmEdges({ ...SETTINGS, modulationIndex }), 4 * perTone));
      for (const [m, n] of [[1, 0], [1, 2], [1, -2], [1, 4], [2, 1], [2, -1], [2, 3], [3, 0], [3, 2]] as const) {
        expect(Math.abs((amplitudes[m * perTone + n] ?? 0) - closedFormLine(m, n, modulationIndex))).toBeLessThan(1e-9);
      }
      // m + n even: no line at fc ± fa, nor at 2fc.
      for (const bin of [perTone + 1, perTone - 1, 2 * perTone]) expect(amplitudes[bin] ?? 1).toBeLessThan(1e-9);
    });
  }

  it('the lines rebuild the ±1 waveform: between edges the resynthesis (400 lines) sits near ±1', () => {
    const edges = pwmEdges(SETTINGS);
    const samples = waveformFromLines(pwmLineSpectrum(edges, 1000), 4096);
    // the middle of carrier period 3's low pulse, and the start of period 3 (high)
    const low = Math.round((((edges.fallSeconds[3] ?? 0) + (edges.riseSeconds[3] ?? 0)) / 2) * edges.toneHz * 4096);
    const high = Math.round((3 / SETTINGS.carrierHz) * edges.toneHz * 4096);
    expect(samples[low]).toBeCloseTo(-1, 1);
    expect(samples[high]).toBeCloseTo(1, 1);
  });

  it('filtering by H = ½ halves every line; an ideal low-pass (1 below 100 kHz) leaves just M·sin, within 1e-9', () => {
    const edges = pwmEdges(SETTINGS);
    const lines = pwmLineSpectrum(edges, 200);
    const half = lineAmplitudes(filterLines(lines, () => complex(0.5)));
    const whole = lineAmplitudes(lines);
    for (const k of [1, 32, 34, 63]) expect(half[k]).toBeCloseTo(0.5 * (whole[k] ?? NaN), 12);
    const sine = waveformFromLines(filterLines(lines, (f) => complex(f < 100_000 ? 1 : 0)), 512);
    sine.forEach((v, i) => expect(Math.abs(v - 0.7 * Math.sin((2 * Math.PI * i) / 512))).toBeLessThan(1e-9));
  });
});

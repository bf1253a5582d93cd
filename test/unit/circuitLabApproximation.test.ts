import { describe, expect, it } from 'vitest';
import { cascadeResponseAtHz } from '../../src/dsp/biquad';
import { abs } from '../../src/dsp/complex';
import { fitAcResponse, fittedSections, type AcSweep } from '../../src/dsp/circuitLab/acFit';
import { approximationHarmonicsDb, pathHarmonicsDb, stagePath } from '../../src/dsp/circuitLab/approximation';
import { smallSignalGainAtBias, tableFunction, transferTable, type TransferSweep } from '../../src/dsp/circuitLab/transferShaper';
import { realPoleGain } from '../shared/realPoles';

const dbOf = (ratio: number): number => 20 * Math.log10(ratio);

/** A DC sweep of v_out = f(v_in) over ±halfWidth volts in `steps` equal steps. */
function sweepOf(f: (volts: number) => number, halfWidthVolts: number, steps: number): TransferSweep {
  const input_V = Array.from({ length: steps + 1 }, (_, i) => -halfWidthVolts + (2 * halfWidthVolts * i) / steps);
  return { input_V, output_V: input_V.map(f) };
}

/** An AC sweep of H(jω) from 1 Hz to 1 MHz, `perDecade` log-spaced points per decade (as ngspice's `.ac dec`). */
function acOf(h: (omega: number) => { re: number; im: number }, perDecade = 20): AcSweep {
  const frequency_Hz = Array.from({ length: 6 * perDecade + 1 }, (_, i) => 10 ** (i / perDecade));
  const values = frequency_Hz.map((f) => h(2 * Math.PI * f));
  return { frequency_Hz, gainRe: values.map((v) => v.re), gainIm: values.map((v) => v.im) };
}

/** G · Π jω/(jω + ω_h) · Π ω_l/(jω + ω_l) as a function of ω (the same ratios in hertz). */
function realPoleResponse(gain: number, highPassHz: readonly number[], lowPassHz: readonly number[]) {
  return (omega: number): { re: number; im: number } => realPoleGain(gain, highPassHz, lowPassHz, omega / (2 * Math.PI));
}

const FLAT_AC: AcSweep = acOf(() => ({ re: 1, im: 0 }));

describe('the waveshaper table from a DC transfer curve', () => {
  const a = 0.2;
  const quadratic = sweepOf((v) => -30 * (v + a * v * v), 2, 400);

  it('has unit slope and the quadratic term scaled by the drive: f(v) = −30(v + 0.2v²) at 1 V per full scale reads x + 0.2x²', () => {
    expect(smallSignalGainAtBias(quadratic)).toBeCloseTo(-30, 6);
    const { table, outputVoltsPerFullScale } = transferTable(quadratic, 1);
    expect(outputVoltsPerFullScale).toBeCloseTo(-30, 6);
    const read = tableFunction(table);
    for (const x of [-1, -0.5, 0, 0.25, 0.5, 1]) expect(read(x)).toBeCloseTo(x + a * x * x, 5);
  });

  it('gives a sine of peak A through v + a·v² a 2nd harmonic of a·A/2 relative to the fundamental', () => {
    // A·sin θ + a·A²·sin²θ = A·sin θ + (a·A²/2)(1 − cos 2θ): the 2nd harmonic's amplitude is a·A²/2, the fundamental's A.
    const inputPeakVolts = 0.5;
    const [second, third] = pathHarmonicsDb(stagePath({ transfer: quadratic, ac: FLAT_AC }, 1, 48000), inputPeakVolts);
    expect(second).toBeCloseTo(dbOf((a * inputPeakVolts) / 2), 2);
    expect(third).toBeLessThan(-120);
  });

  it('gives a sine of peak A through v + b·v³ a 3rd harmonic of (b·A³/4)/(A + 3b·A³/4)', () => {
    // sin³θ = (3 sin θ − sin 3θ)/4.
    const b = -0.05;
    const cubic = sweepOf((v) => 4 * (v + b * v * v * v), 3, 300);
    const inputPeakVolts = 2;
    const [second, third] = pathHarmonicsDb(stagePath({ transfer: cubic, ac: FLAT_AC }, 2.5, 48000), inputPeakVolts);
    const amplitude = inputPeakVolts;
    expect(third).toBeCloseTo(dbOf(Math.abs((b * amplitude ** 3) / 4) / (amplitude + (3 * b * amplitude ** 3) / 4)), 2);
    expect(second).toBeLessThan(-120);
  });

  it('refuses a drive beyond the sweep, and a level the sweep does not reach has no comparison', () => {
    expect(() => transferTable(quadratic, 2.5)).toThrow(RangeError);
    expect(approximationHarmonicsDb({ transfer: quadratic, ac: FLAT_AC }, 3)).toBeNull();
  });
});

describe('the filter fitted to an AC response', () => {
  it('recovers a one-pole high-pass at 20 Hz and the mid-band gain of an inverting stage', () => {
    const fit = fitAcResponse(acOf(realPoleResponse(-31.6, [20], [])));
    expect(fit.highPassCornersHz).toHaveLength(1);
    expect(fit.highPassCornersHz[0]).toBeGreaterThan(20 * 0.98);
    expect(fit.highPassCornersHz[0]).toBeLessThan(20 * 1.02);
    expect(fit.lowPassCornersHz).toHaveLength(0);
    expect(fit.midbandGain).toBeCloseTo(-31.6, 2);
    expect(fit.maxErrorDb).toBeLessThan(0.01);
  });

  it('recovers a one-pole low-pass at 30 kHz', () => {
    const fit = fitAcResponse(acOf(realPoleResponse(7.9, [], [30_000])));
    expect(fit.lowPassCornersHz).toHaveLength(1);
    expect(fit.lowPassCornersHz[0]).toBeGreaterThan(30_000 * 0.98);
    expect(fit.lowPassCornersHz[0]).toBeLessThan(30_000 * 1.02);
    expect(fit.highPassCornersHz).toHaveLength(0);
  });

  it('recovers two coupling-capacitor corners and a Miller corner together (7 Hz, 30 Hz, 40 kHz)', () => {
    const fit = fitAcResponse(acOf(realPoleResponse(-20, [7, 30], [40_000])));
    const expected = [7, 30, 40_000];
    [...fit.highPassCornersHz, ...fit.lowPassCornersHz].forEach((cornerHz, index) => {
      expect(Math.abs(cornerHz / (expected[index] as number) - 1)).toBeLessThan(0.02);
    });
    expect(fit.highPassCornersHz).toHaveLength(2);
    expect(fit.lowPassCornersHz).toHaveLength(1);
  });

  it('recovers a bypassed cathode resistor\'s shelf (zero 12 Hz, pole 90 Hz) behind a 5 Hz coupling capacitor', () => {
    const zeroHz = 12;
    const poleHz = 90;
    const coupled = realPoleResponse(-40, [5], []);
    const ac = acOf((omega) => {
      const { re, im } = coupled(omega);
      // (jω + ω_z)/(jω + ω_p) = ((ω_z ω_p + ω²) + jω(ω_p − ω_z)) / (ω_p² + ω²)
      const [wz, wp] = [2 * Math.PI * zeroHz, 2 * Math.PI * poleHz];
      const d = wp * wp + omega * omega;
      const [sRe, sIm] = [(wz * wp + omega * omega) / d, (omega * (wp - wz)) / d];
      return { re: re * sRe - im * sIm, im: re * sIm + im * sRe };
    });
    const fit = fitAcResponse(ac);
    expect(fit.shelf).not.toBeNull();
    expect(Math.abs((fit.shelf?.zeroHz ?? 0) / zeroHz - 1)).toBeLessThan(0.02);
    expect(Math.abs((fit.shelf?.poleHz ?? 0) / poleHz - 1)).toBeLessThan(0.02);
    expect(Math.abs((fit.highPassCornersHz[0] ?? 0) / 5 - 1)).toBeLessThan(0.02);
    expect(fit.midbandGain).toBeCloseTo(-40, 2);
  });

  it('as digital sections at 48 kHz, is 3 dB down at a 20 Hz high-pass corner and flat (0 dB) in the mid-band', () => {
    const fit = fitAcResponse(acOf(realPoleResponse(-31.6, [20], [])));
    const sections = fittedSections(fit, 48000);
    expect(dbOf(abs(cascadeResponseAtHz(sections, 20, 48000)))).toBeCloseTo(-3.01, 1);
    expect(dbOf(abs(cascadeResponseAtHz(sections, 1000, 48000)))).toBeCloseTo(0, 2);
  });

  it('scales each harmonic by the filter: a 1.5 kHz low-pass lowers the 2nd harmonic of 1 kHz by |H(2 kHz)|/|H(1 kHz)|', () => {
    const a = 0.2;
    const stage = { transfer: sweepOf((v) => v + a * v * v, 2, 400), ac: acOf(realPoleResponse(1, [], [1500])) };
    const [second] = pathHarmonicsDb(stagePath(stage, 1, 48000), 0.5);
    // |1/(1 + jf/fc)| at 2 kHz over that at 1 kHz.
    const filterDb = dbOf(Math.sqrt((1 + (1000 / 1500) ** 2) / (1 + (2000 / 1500) ** 2)));
    expect(second).toBeCloseTo(dbOf((a * 0.5) / 2) + filterDb, 1);
  });
});

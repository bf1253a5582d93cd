import { describe, expect, it } from 'vitest';
import { logSweep, logSweepFrequencyHz, logSweepPhaseRadians, logSweepRateSeconds } from '../../src/dsp/logSweep';
import { sweepChannels, sweepParams, SWEEP_GAP_SECONDS, SWEEP_PEAK_DBFS, SWEEP_SECONDS } from '../../src/audio/sweepProgram';

const PARAMS = { startHz: 20, endHz: 20_000, durationSeconds: 10 };
const RATE_HZ = 48_000;

/** Times of the upward zero crossings of a signal, seconds, each placed between its two samples by linear interpolation. */
function upwardCrossingTimes(signal: Float32Array, sampleRateHz: number): number[] {
  const times: number[] = [];
  for (let n = 1; n < signal.length; n++) {
    const before = signal[n - 1] as number;
    const after = signal[n] as number;
    if (before < 0 && after >= 0) times.push((n - 1 + before / (before - after)) / sampleRateHz);
  }
  return times;
}

describe('logarithmic sine sweep (Farina)', () => {
  it('rises from 20 Hz to 20 kHz through √(20·20000) ≈ 632.5 Hz at half time, 1 s per factor of 2 in 10 s per 1000', () => {
    expect(logSweepFrequencyHz(PARAMS, 0)).toBeCloseTo(20, 9);
    expect(logSweepFrequencyHz(PARAMS, 10)).toBeCloseTo(20_000, 6);
    expect(logSweepFrequencyHz(PARAMS, 5)).toBeCloseTo(Math.sqrt(20 * 20_000), 6);
    // One decade takes T/3 = 3.333 s; one octave T·log(2)/log(1000) = 1.003 s, wherever it starts.
    expect(logSweepFrequencyHz(PARAMS, 2 + 10 / 3) / logSweepFrequencyHz(PARAMS, 2)).toBeCloseTo(10, 9);
    expect(logSweepRateSeconds(PARAMS)).toBeCloseTo(10 / Math.log(1000), 12);
  });

  it('has phase whose slope is 2π·f(t): the phase difference over a short step matches the frequency', () => {
    for (const t of [0.5, 3, 6.2, 9.9]) {
      const dt = 1e-6;
      const slopeHz = (logSweepPhaseRadians(PARAMS, t + dt) - logSweepPhaseRadians(PARAMS, t - dt)) / (2 * dt) / (2 * Math.PI);
      expect(slopeHz / logSweepFrequencyHz(PARAMS, t)).toBeCloseTo(1, 6);
    }
  });

  it('as samples, completes cycles at the closed-form rate f₁·(f₂/f₁)^(t/T) within 0.01 % from 20 Hz to 20 kHz', () => {
    const samples = logSweep(PARAMS, RATE_HZ, 1, 0.01);
    const crossings = upwardCrossingTimes(samples, RATE_HZ);
    // Windows of whole cycles at least 0.1 s long, so a crossing's interpolation error (a fraction of a sample near
    // 20 kHz) is a small part of the window.
    const WINDOW_SECONDS = 0.1;
    const rateSeconds = logSweepRateSeconds(PARAMS);
    let worst = 0;
    let windows = 0;
    let first = 0;
    for (let last = 1; last < crossings.length; last++) {
      const t0 = crossings[first] as number;
      const t1 = crossings[last] as number;
      if (t1 - t0 < WINDOW_SECONDS) continue;
      // The closed form's mean frequency over [t0, t1] is ∫f dt / (t1 − t0) = f₁·L·(e^(t1/L) − e^(t0/L)) / (t1 − t0).
      const measuredHz = (last - first) / (t1 - t0);
      const expectedHz = (PARAMS.startHz * rateSeconds * (Math.exp(t1 / rateSeconds) - Math.exp(t0 / rateSeconds))) / (t1 - t0);
      worst = Math.max(worst, Math.abs(measuredHz / expectedHz - 1));
      windows++;
      first = last;
    }
    expect(windows).toBeGreaterThan(95);
    expect(worst).toBeLessThan(0.0001);
    // One upward crossing per whole cycle begun after t = 0 and ended by the last sample: ⌊φ(t_last)/2π⌋, where the
    // whole sweep holds f₁·L·(f₂/f₁ − 1) ≈ 28 924 cycles.
    const lastSampleSeconds = (samples.length - 1) / RATE_HZ;
    expect(crossings.length).toBe(Math.floor(logSweepPhaseRadians(PARAMS, lastSampleSeconds) / (2 * Math.PI)));
    expect(crossings.length).toBeGreaterThan(28_900);
  });

  it('the program is 10 s of sweep at −12 dBFS peak then 0.5 s of silence, fading in and out', () => {
    const [left, right] = sweepChannels(RATE_HZ);
    expect(left.length).toBe((SWEEP_SECONDS + SWEEP_GAP_SECONDS) * RATE_HZ);
    expect(right).toEqual(left);
    let peak = 0;
    for (const x of left) peak = Math.max(peak, Math.abs(x));
    expect(20 * Math.log10(peak)).toBeCloseTo(SWEEP_PEAK_DBFS, 2);
    expect(left[0]).toBe(0);
    expect(Math.max(...left.subarray(SWEEP_SECONDS * RATE_HZ).map(Math.abs))).toBe(0);
    expect(sweepParams(48_000).endHz).toBe(20_000);
    // Below 42.1 kHz the end frequency stays under 0.475·fs, clear of Nyquist.
    expect(sweepParams(32_000).endHz).toBeCloseTo(15_200, 6);
  });
});

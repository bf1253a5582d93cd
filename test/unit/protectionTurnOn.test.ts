// The turn-on thump against its closed forms, worked out here by hand: V·e^(−t/τ) with τ = C·(R_hp ∥ R_b) when the
// headphone is connected at switch-on; V·e^(−t_d/(R_b·C)) left when a relay connects it at t_d.
import { describe, expect, it } from 'vitest';
import {
  connectedTimeConstantSeconds,
  headphoneVolts,
  headphoneWaveform,
  relayDelayFor,
  relayReductionDb,
  stepAtConnectionVolts,
  TURN_ON_DEFAULTS,
  turnOnSummary,
  withoutRelay,
} from '../../src/dsp/protection/turnOn';

const p = TURN_ON_DEFAULTS;
const parallel = (a: number, b: number) => (a * b) / (a + b);

describe('turn-on thump', () => {
  it('without a relay: 4.5 V and 140.6 mA at once, falling with τ = 220 µF × (32 ∥ 1000) Ω = 6.82 ms', () => {
    const tau = 220e-6 * parallel(32, 1000);
    expect(connectedTimeConstantSeconds(p)).toBeCloseTo(tau, 12);
    expect(tau).toBeCloseTo(6.822e-3, 5);
    const s = turnOnSummary(withoutRelay(p));
    expect(s.peakVolts).toBe(4.5);
    expect(s.peakAmps).toBeCloseTo(4.5 / 32, 12);
    expect(headphoneVolts(withoutRelay(p), tau)).toBeCloseTo(4.5 / Math.E, 9);
    expect(headphoneVolts(withoutRelay(p), 3 * tau)).toBeCloseTo(4.5 * Math.exp(-3), 9);
  });

  it('the thump’s energy is the integral of v²/R: V²·τ/(2R), checked by summing the sampled waveform', () => {
    const q = withoutRelay(p);
    const rate = 1e6;
    const wave = headphoneWaveform(q, rate, 0.2);
    let sum = 0;
    for (let n = 0; n < wave.length; n++) sum += ((wave[n] ?? 0) ** 2 / 32) / rate;
    const closed = (4.5 ** 2 * connectedTimeConstantSeconds(q)) / (2 * 32);
    expect(turnOnSummary(q).energyJoules).toBeCloseTo(closed, 12);
    // The rectangle sum over-counts by half a sample's worth of the peak: within 0.1 %.
    expect(Math.abs(sum / closed - 1)).toBeLessThan(1e-3);
  });

  it('a 1 s relay with a 1 kΩ bleed leaves 4.5·e^(−1/0.22) = 47.8 mV: 39.5 dB less; nothing reaches the headphone before', () => {
    const left = 4.5 * Math.exp(-1 / (1000 * 220e-6));
    expect(stepAtConnectionVolts(p)).toBeCloseTo(left, 12);
    expect(left).toBeCloseTo(0.04777, 4);
    expect(relayReductionDb(p)).toBeCloseTo(20 * Math.log10(4.5 / left), 9);
    expect(relayReductionDb(p)).toBeCloseTo(39.5, 1);
    expect(headphoneVolts(p, 0.999)).toBe(0);
    expect(headphoneVolts(p, 1)).toBeCloseTo(left, 12);
    expect(turnOnSummary(p).peakAtSeconds).toBe(1);
  });

  it('without a bleed resistor the capacitor cannot charge while the relay is open: the delay saves nothing', () => {
    const noBleed = { ...p, bleedOhms: Number.POSITIVE_INFINITY };
    expect(stepAtConnectionVolts(noBleed)).toBe(4.5);
    expect(relayReductionDb(noBleed)).toBe(0);
    expect(connectedTimeConstantSeconds(noBleed)).toBeCloseTo(220e-6 * 32, 12);
  });

  it('the delay that leaves 1 mV with a 1 kΩ bleed is 0.22 s × ln(4500) = 1.85 s; with 10 kΩ, ten times longer', () => {
    expect(relayDelayFor(p, 1e-3)).toBeCloseTo(0.22 * Math.log(4500), 9);
    expect(relayDelayFor({ ...p, bleedOhms: 10_000 }, 1e-3)).toBeCloseTo(10 * relayDelayFor(p, 1e-3), 9);
    expect(stepAtConnectionVolts({ ...p, relayDelaySeconds: relayDelayFor(p, 1e-3) })).toBeCloseTo(1e-3, 12);
  });
});

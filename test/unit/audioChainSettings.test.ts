import { describe, expect, it } from 'vitest';
import { BYPASS_CHAIN, chainSettingsEqual, checkChainSettings, isStableBiquad, MAX_NOISE_RMS_FULL_SCALE } from '../../src/audio/chainSettings';

/** Denominator 1 + a1·z⁻¹ + a2·z⁻² with complex poles r·e^(±jθ): a1 = −2r·cosθ, a2 = r². */
const complexPoles = (radius: number, angleRad: number) => ({
  b0: 1,
  b1: 0,
  b2: 0,
  a1: -2 * radius * Math.cos(angleRad),
  a2: radius * radius,
});
/** Denominator (1 − p·z⁻¹)(1 − q·z⁻¹): a1 = −(p + q), a2 = p·q. */
const realPoles = (p: number, q: number) => ({ b0: 1, b1: 0, b2: 0, a1: -(p + q), a2: p * q });

describe('biquad stability', () => {
  it('a pole pair just inside the unit circle is stable and just outside is not, at any angle', () => {
    for (const angleRad of [0.01, 0.5, Math.PI / 2, 2.5, Math.PI - 0.01]) {
      expect(isStableBiquad(complexPoles(0.999, angleRad))).toBe(true);
      expect(isStableBiquad(complexPoles(1.001, angleRad))).toBe(false);
    }
  });

  it('real poles are stable only when both have magnitude below 1', () => {
    expect(isStableBiquad(realPoles(0.5, -0.9))).toBe(true);
    expect(isStableBiquad(realPoles(0.999, 0.999))).toBe(true);
    expect(isStableBiquad(realPoles(1.1, 0.2))).toBe(false);
    expect(isStableBiquad(realPoles(0.2, -1.05))).toBe(false);
  });

  it('poles exactly on the unit circle (an oscillator) are refused', () => {
    expect(isStableBiquad(complexPoles(1, 1))).toBe(false);
  });
});

describe('checkChainSettings', () => {
  it('accepts the bypass chain and a stable section with gain', () => {
    expect(() => checkChainSettings(BYPASS_CHAIN)).not.toThrow();
    expect(() => checkChainSettings({ sections: [complexPoles(0.9, 0.3)], gainDb: 6 })).not.toThrow();
  });

  it('refuses non-finite gain, non-finite coefficients and unstable sections', () => {
    expect(() => checkChainSettings({ sections: [], gainDb: Number.NaN })).toThrow(RangeError);
    expect(() => checkChainSettings({ sections: [], gainDb: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => checkChainSettings({ sections: [{ ...complexPoles(0.5, 1), b1: Number.NaN }], gainDb: 0 })).toThrow(RangeError);
    expect(() => checkChainSettings({ sections: [complexPoles(1.2, 1)], gainDb: 0 })).toThrow(/unstable/);
  });
});

describe('chainSettingsEqual', () => {
  const first = complexPoles(0.9, 0.3);
  const second = realPoles(0.5, 0.1);

  it('compares values, not identity', () => {
    expect(chainSettingsEqual({ sections: [first, second], gainDb: -2 }, { sections: [{ ...first }, { ...second }], gainDb: -2 })).toBe(true);
  });

  it('sees a change of one coefficient, of the gain, of the order or of the section count', () => {
    const base = { sections: [first, second], gainDb: -2 };
    expect(chainSettingsEqual(base, { sections: [{ ...first, a2: first.a2 + 1e-12 }, second], gainDb: -2 })).toBe(false);
    expect(chainSettingsEqual(base, { sections: [first, second], gainDb: -2.1 })).toBe(false);
    expect(chainSettingsEqual(base, { sections: [second, first], gainDb: -2 })).toBe(false);
    expect(chainSettingsEqual(base, { sections: [first], gainDb: -2 })).toBe(false);
  });
});

describe('the hiss stage', () => {
  it('accepts hiss up to −20 dBFS rms and refuses louder or negative hiss', () => {
    expect(() => checkChainSettings({ ...BYPASS_CHAIN, noise: { rmsFullScale: MAX_NOISE_RMS_FULL_SCALE, seed: 1 } })).not.toThrow();
    expect(() => checkChainSettings({ ...BYPASS_CHAIN, noise: { rmsFullScale: 0.2, seed: 1 } })).toThrow(RangeError);
    expect(() => checkChainSettings({ ...BYPASS_CHAIN, noise: { rmsFullScale: -1e-3, seed: 1 } })).toThrow(RangeError);
    expect(MAX_NOISE_RMS_FULL_SCALE).toBeCloseTo(10 ** (-20 / 20), 12);
  });

  it('two chains differ when their hiss level or seed differs', () => {
    const hiss = { ...BYPASS_CHAIN, noise: { rmsFullScale: 1e-3, seed: 1 } };
    expect(chainSettingsEqual(hiss, { ...BYPASS_CHAIN, noise: { rmsFullScale: 1e-3, seed: 1 } })).toBe(true);
    expect(chainSettingsEqual(hiss, { ...BYPASS_CHAIN, noise: { rmsFullScale: 2e-3, seed: 1 } })).toBe(false);
    expect(chainSettingsEqual(hiss, { ...BYPASS_CHAIN, noise: { rmsFullScale: 1e-3, seed: 2 } })).toBe(false);
    expect(chainSettingsEqual(hiss, BYPASS_CHAIN)).toBe(false);
  });
});

describe('the stage-curve (shaper) stage', () => {
  const curve = Float32Array.from([-1, -0.5, 0, 0.5, 1]);

  it('accepts a finite curve and refuses NaN, wild values and a single point', () => {
    expect(() => checkChainSettings({ ...BYPASS_CHAIN, shaper: { curve, oversample: '4x' } })).not.toThrow();
    expect(() => checkChainSettings({ ...BYPASS_CHAIN, shaper: { curve: Float32Array.from([0, Number.NaN]), oversample: '4x' } })).toThrow(RangeError);
    expect(() => checkChainSettings({ ...BYPASS_CHAIN, shaper: { curve: Float32Array.from([0, 10]), oversample: '4x' } })).toThrow(RangeError);
    expect(() => checkChainSettings({ ...BYPASS_CHAIN, shaper: { curve: Float32Array.from([0]), oversample: '4x' } })).toThrow(RangeError);
  });

  it('compares curves by their values and oversampling', () => {
    const chain = { ...BYPASS_CHAIN, shaper: { curve, oversample: '4x' as const } };
    expect(chainSettingsEqual(chain, { ...BYPASS_CHAIN, shaper: { curve: curve.slice(), oversample: '4x' } })).toBe(true);
    expect(chainSettingsEqual(chain, { ...BYPASS_CHAIN, shaper: { curve: Float32Array.from([-1, -0.5, 0.1, 0.5, 1]), oversample: '4x' } })).toBe(false);
    expect(chainSettingsEqual(chain, { ...BYPASS_CHAIN, shaper: { curve, oversample: '2x' } })).toBe(false);
  });
});

describe('the hum stage', () => {
  it('accepts mains hum up to −20 dBFS in total and refuses louder hum or an odd fundamental', () => {
    const harmonics = [0.05, 0.05, 0.05, 0.05];
    expect(() => checkChainSettings({ ...BYPASS_CHAIN, hum: { fundamentalHz: 100, harmonicRmsFullScale: harmonics } })).not.toThrow();
    expect(() => checkChainSettings({ ...BYPASS_CHAIN, hum: { fundamentalHz: 100, harmonicRmsFullScale: [0.08, 0.08] } })).toThrow(RangeError);
    expect(() => checkChainSettings({ ...BYPASS_CHAIN, hum: { fundamentalHz: 5, harmonicRmsFullScale: [0.01] } })).toThrow(RangeError);
    expect(() => checkChainSettings({ ...BYPASS_CHAIN, hum: { fundamentalHz: 100, harmonicRmsFullScale: [-0.01] } })).toThrow(RangeError);
  });

  it('two chains differ when their hum does', () => {
    const hum = { ...BYPASS_CHAIN, hum: { fundamentalHz: 100, harmonicRmsFullScale: [0.01, 0.002] } };
    expect(chainSettingsEqual(hum, { ...BYPASS_CHAIN, hum: { fundamentalHz: 100, harmonicRmsFullScale: [0.01, 0.002] } })).toBe(true);
    expect(chainSettingsEqual(hum, { ...BYPASS_CHAIN, hum: { fundamentalHz: 120, harmonicRmsFullScale: [0.01, 0.002] } })).toBe(false);
    expect(chainSettingsEqual(hum, { ...BYPASS_CHAIN, hum: { fundamentalHz: 100, harmonicRmsFullScale: [0.01] } })).toBe(false);
  });
});

describe('per-channel gains', () => {
  it('are part of what makes two chains equal', () => {
    const balanced = { ...BYPASS_CHAIN, channelGainsDb: { leftDb: 0, rightDb: 0 } };
    expect(chainSettingsEqual(balanced, { ...BYPASS_CHAIN, channelGainsDb: { leftDb: 0, rightDb: 0 } })).toBe(true);
    expect(chainSettingsEqual(balanced, { ...BYPASS_CHAIN, channelGainsDb: { leftDb: 0, rightDb: 2 } })).toBe(false);
    expect(chainSettingsEqual(balanced, BYPASS_CHAIN)).toBe(false);
  });

  it('must be finite and within ±40 dB', () => {
    expect(() => checkChainSettings({ ...BYPASS_CHAIN, channelGainsDb: { leftDb: -3, rightDb: 3 } })).not.toThrow();
    expect(() => checkChainSettings({ ...BYPASS_CHAIN, channelGainsDb: { leftDb: Number.NaN, rightDb: 0 } })).toThrow(RangeError);
    expect(() => checkChainSettings({ ...BYPASS_CHAIN, channelGainsDb: { leftDb: 0, rightDb: 41 } })).toThrow(RangeError);
  });
});

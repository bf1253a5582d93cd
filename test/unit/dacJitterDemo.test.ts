import { describe, expect, it } from 'vitest';
import { jitterDemo, jitterSnrCurve } from '../../src/dsp/dac/jitterDemo';

describe('jitter demo', () => {
  it('measures the jittered tone’s SNR within 1 dB of −20·log10(2π·f·tj)', () => {
    for (const [toneHz, rms] of [[10000, 1e-9], [5000, 1e-6]] as const) {
      const demo = jitterDemo({ toneHz, jitterSecondsRms: rms, kind: 'random', jitterFrequencyHz: 1000 });
      const expected = -20 * Math.log10(2 * Math.PI * toneHz * rms);
      expect(Math.abs(demo.measuredSnrDb - expected)).toBeLessThan(1);
      expect(demo.theoreticalSnrDb).toBeCloseTo(expected, 6);
    }
  });

  it('follows a change of jitter kind and frequency: sidebands at f ± fj of 20·log10(π·f·tpk), then the random SNR', () => {
    const toneHz = 12000;
    const rms = 1e-7;
    const levelAt = (spectrum: { x: number; y: number }[], hz: number): number => spectrum.find((p) => Math.abs(p.x - hz) < 1e-6)?.y ?? Number.NaN;
    jitterDemo({ toneHz, jitterSecondsRms: rms, kind: 'sinusoidal', jitterFrequencyHz: 750 });
    const moved = jitterDemo({ toneHz, jitterSecondsRms: rms, kind: 'sinusoidal', jitterFrequencyHz: 3000 });
    const sidebandDb = 20 * Math.log10(Math.PI * toneHz * Math.SQRT2 * rms);
    expect(levelAt(moved.spectrum, toneHz - 3000)).toBeCloseTo(sidebandDb, 0);
    expect(levelAt(moved.spectrum, toneHz + 3000)).toBeCloseTo(sidebandDb, 0);
    expect(levelAt(moved.spectrum, toneHz + 750)).toBeLessThan(sidebandDb - 40);
    const random = jitterDemo({ toneHz, jitterSecondsRms: rms, kind: 'random', jitterFrequencyHz: 3000 });
    expect(Math.abs(random.measuredSnrDb + 20 * Math.log10(2 * Math.PI * toneHz * rms))).toBeLessThan(1);
  });

  it('draws an SNR curve that falls 6.02 dB per octave', () => {
    const [low, high] = jitterSnrCurve([1000, 2000], 1e-9);
    expect((low?.y ?? 0) - (high?.y ?? 0)).toBeCloseTo(20 * Math.log10(2), 6);
  });
});

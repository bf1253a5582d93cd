import { describe, expect, it } from 'vitest';
import { quantizationDemo, theoreticalToneSnrDb, THIRD_OCTAVE_CENTERS_HZ } from '../../src/dsp/dac/quantizationDemo';

describe('quantizationDemo', () => {
  it('gives 6.02N + 1.76 dB for a full-scale tone without dither', () => {
    for (const bits of [8, 12, 16]) expect(theoreticalToneSnrDb(bits, 0, 'none')).toBeCloseTo(6.0206 * bits + 1.7609, 2);
  });

  it('loses the level in dB and 4.77 dB more with TPDF dither', () => {
    expect(theoreticalToneSnrDb(12, -20, 'tpdf')).toBeCloseTo(6.0206 * 12 + 1.7609 - 20 - 10 * Math.log10(3), 2);
  });

  it('measures the SNR of its own staircase within 0.5 dB of the closed form at 8 and 12 bits', () => {
    for (const bits of [8, 12]) {
      for (const dither of ['none', 'tpdf'] as const) {
        const demo = quantizationDemo({ bits, dither, shaping: 'none', levelDbfs: -6 });
        expect(Math.abs(demo.measuredSnrDb - demo.theoreticalSnrDb), `${bits} bits, ${dither}`).toBeLessThan(0.5);
      }
    }
  });

  it('draws a staircase: two points per sample at the same level, on the N-bit grid', () => {
    const demo = quantizationDemo({ bits: 4, dither: 'none', shaping: 'none', levelDbfs: 0 });
    const lsb = 2 / 2 ** 4;
    for (let i = 0; i < demo.staircase.length; i += 2) {
      const [p, q] = [demo.staircase[i], demo.staircase[i + 1]];
      expect(p?.y).toBe(q?.y);
      expect(Math.abs(((p?.y ?? 0) / lsb) - Math.round((p?.y ?? 0) / lsb))).toBeLessThan(1e-6);
    }
  });

  it('reports one error level per third-octave band from 20 Hz to 20 kHz, all finite', () => {
    const demo = quantizationDemo({ bits: 16, dither: 'tpdf', shaping: 'first-order', levelDbfs: -40 });
    expect(demo.errorBandsDb.map((p) => p.x)).toEqual([...THIRD_OCTAVE_CENTERS_HZ]);
    expect(THIRD_OCTAVE_CENTERS_HZ[0]).toBeCloseTo(19.7, 1);
    expect(THIRD_OCTAVE_CENTERS_HZ[30]).toBeCloseTo(20159, 0);
    for (const p of demo.errorBandsDb) expect(Number.isFinite(p.y)).toBe(true);
  });
});

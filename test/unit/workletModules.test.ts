import { describe, expect, it } from 'vitest';
import { chainWorkletModules } from '../../src/audio/worklets';

describe('the worklet modules a chain needs', () => {
  it('are none for filters, a shaper, a clipper, noise and hum (all native nodes)', () => {
    const curve = new Float32Array([-1, 0, 1]);
    expect(
      chainWorkletModules({
        sections: [{ b0: 1, b1: 0, b2: 0, a1: 0, a2: 0 }],
        gainDb: -3,
        shaper: { curve, oversample: '4x' },
        clipper: { levelFullScale: 0.5 },
        noise: { rmsFullScale: 0.001, seed: 1 },
        hum: { fundamentalHz: 50, harmonicRmsFullScale: [0.001] },
      }),
    ).toEqual([]);
  });

  it('are one per DAC stage: quantizer, low-rate DAC, jitter', () => {
    expect(
      chainWorkletModules({
        sections: [],
        gainDb: 0,
        quantizer: { bits: 8, dither: 'tpdf', shaping: 'none', inputGainDb: 0, seed: 1 },
        lowRateDac: { oversampling: 4, mode: 'nos' },
        jitter: { jitterSecondsRms: 1e-6, kind: 'random', jitterFrequencyHz: 1000, seed: 1 },
      }),
    ).toEqual(['quantizer', 'lowRateDac', 'jitter']);
  });
});

import { describe, expect, it } from 'vitest';
import { reconstructedToneSpectrumDb, reconstructionResponseDb } from '../../src/dsp/dac/sampleRateDemo';

const levelNear = (points: { x: number; y: number }[], hz: number) =>
  Math.max(...points.filter((p) => Math.abs(p.x - hz) < 40).map((p) => p.y));

describe('sample-rate demo', () => {
  // An L-sample hold at rate R has the Dirichlet response sin(πf/fs)/(L·sin(πf/(L·fs))), fs = R/L.
  const dirichletDb = (f: number, L: number, R: number) => {
    const x = (Math.PI * f) / (R / L);
    return 20 * Math.log10(Math.abs(Math.sin(x) / (L * Math.sin(x / L))));
  };

  it('the hold played at 48 kHz droops by the Dirichlet kernel: −3.70 dB at the Nyquist of a 12 kHz DAC', () => {
    expect(reconstructionResponseDb(6000, 4, 'nos', 48000)).toBeCloseTo(20 * Math.log10(1 / (4 * Math.sin(Math.PI / 8))), 3);
    expect(reconstructionResponseDb(3000, 4, 'nos', 48000)).toBeCloseTo(dirichletDb(3000, 4, 48000), 6);
  });

  it('tends to the analog hold’s sinc(f/fs) as L grows (−3.92 dB at Nyquist)', () => {
    const sincNyquistDb = 20 * Math.log10(2 / Math.PI);
    expect(Math.abs(reconstructionResponseDb(3000, 64, 'nos', 6000 * 64) - sincNyquistDb)).toBeLessThan(0.01);
  });

  it('the oversampling filter is flat in its passband and −98 dB or lower past its stopband edge', () => {
    expect(Math.abs(reconstructionResponseDb(2000, 4, 'oversampled', 48000))).toBeLessThan(0.01);
    expect(reconstructionResponseDb(0.6 * 12000, 4, 'oversampled', 48000)).toBeLessThan(-98);
  });

  it('with the hold, a 2 kHz tone at 12 kHz shows its first image at 10 kHz at the hold’s ratio; the filter removes it', () => {
    const nos = reconstructedToneSpectrumDb(2000, 4, 'nos', 48000);
    const expectedDb = dirichletDb(10000, 4, 48000) - dirichletDb(2000, 4, 48000);
    expect(Math.abs(levelNear(nos, 10000) - expectedDb)).toBeLessThan(0.6);
    const filtered = reconstructedToneSpectrumDb(2000, 4, 'oversampled', 48000);
    expect(levelNear(filtered, 10000)).toBeLessThan(-80);
  });
});

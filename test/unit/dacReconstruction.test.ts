import { describe, expect, it } from 'vitest';
import {
  PCM1796_FILTER,
  imageFrequenciesHz,
  interpolationKernel,
  nosImageLevelDb,
  renderReconstructed,
  zeroOrderHoldDroopDb,
} from '../../src/dsp/dac/reconstruction';
import { averagedPowerSpectrum, bandLevelDb } from '../../src/dsp/spectrum';
import { sine } from '../../src/dsp/testSignals';

/** sin(πx)/(πx), written out here so the tests do not lean on the module's own sinc. */
const handSincDb = (frequencyHz: number, sampleRateHz: number): number => {
  const x = (Math.PI * frequencyHz) / sampleRateHz;
  return 20 * Math.log10(Math.abs(Math.sin(x) / x));
};

describe('zero-order-hold droop', () => {
  it('is −0.75 dB at 10 kHz, −3.17 dB at 20 kHz and −3.92 dB at Nyquist for 44.1 kHz (REFERENCES §5)', () => {
    expect(zeroOrderHoldDroopDb(10_000, 44_100)).toBeCloseTo(-0.75, 2);
    expect(Math.abs(zeroOrderHoldDroopDb(20_000, 44_100) - -3.17)).toBeLessThan(0.05);
    expect(zeroOrderHoldDroopDb(22_050, 44_100)).toBeCloseTo(-3.92, 2);
  });

  it('is only −0.63 dB at 20 kHz for 96 kHz', () => {
    expect(zeroOrderHoldDroopDb(20_000, 96_000)).toBeCloseTo(-0.63, 2);
  });

  it('equals 20·log10|sin(πf/fs)/(πf/fs)| across the band, and 0 dB at DC', () => {
    expect(zeroOrderHoldDroopDb(0, 48_000)).toBe(0);
    for (const sampleRateHz of [44_100, 48_000, 96_000]) {
      for (const frequencyHz of [20, 1000, 5000, 15_000, 21_000, 60_000, 130_000]) {
        expect(zeroOrderHoldDroopDb(frequencyHz, sampleRateHz)).toBeCloseTo(handSincDb(frequencyHz, sampleRateHz), 10);
      }
    }
  });
});

describe('images', () => {
  it('lie at k·fs ± f0, in ascending order', () => {
    expect(imageFrequenciesHz(1000, 44_100, 6)).toEqual([43_100, 45_100, 87_200, 89_200, 131_300, 133_300]);
    expect(imageFrequenciesHz(1000, 44_100, 0)).toEqual([]);
  });

  it('come out of a hold at sinc(image)/sinc(tone): f0/(fs − f0) for the first one', () => {
    const toneHz = 10_000;
    const sampleRateHz = 44_100;
    const firstImageHz = sampleRateHz - toneHz;
    expect(nosImageLevelDb(toneHz, firstImageHz, sampleRateHz)).toBeCloseTo(
      20 * Math.log10(toneHz / (sampleRateHz - toneHz)),
      10,
    );
    expect(nosImageLevelDb(toneHz, sampleRateHz + toneHz, sampleRateHz)).toBeCloseTo(
      20 * Math.log10(toneHz / (sampleRateHz + toneHz)),
      10,
    );
  });
});

describe('renderReconstructed', () => {
  const sampleRateHz = 44_100;
  const oversampling = 16;
  const outputRateHz = sampleRateHz * oversampling;
  const toneHz = 10_000;
  const amplitude = 0.5;
  const input = sine(8192, sampleRateHz, toneHz, amplitude);
  const bandDb = (spectrumSamples: Float32Array, centreHz: number): number =>
    bandLevelDb(averagedPowerSpectrum(spectrumSamples, outputRateHz, 16_384), centreHz - 300, centreHz + 300);
  const toneInputDb = 10 * Math.log10(amplitude ** 2 / 2);

  it('holds each sample for L output samples in NOS mode', () => {
    const held = renderReconstructed(Float32Array.from([1, -2, 3]), 4, 'nos');
    expect(Array.from(held)).toEqual([1, 1, 1, 1, -2, -2, -2, -2, 3, 3, 3, 3]);
  });

  it('shows the NOS images at k·fs ± f0 at the levels the sinc predicts, within 0.5 dB', () => {
    const nos = renderReconstructed(input, oversampling, 'nos');
    const spectrum = averagedPowerSpectrum(nos, outputRateHz, 16_384);
    const level = (centreHz: number): number => bandLevelDb(spectrum, centreHz - 300, centreHz + 300);
    const toneDb = level(toneHz);
    expect(Math.abs(toneDb - toneInputDb - handSincDb(toneHz, sampleRateHz))).toBeLessThan(0.05);
    const images = imageFrequenciesHz(toneHz, sampleRateHz, 4);
    for (const imageHz of images) {
      const predictedDb = handSincDb(imageHz, sampleRateHz) - handSincDb(toneHz, sampleRateHz);
      expect(Math.abs(nosImageLevelDb(toneHz, imageHz, sampleRateHz) - predictedDb)).toBeLessThan(1e-9);
      expect(Math.abs(level(imageHz) - toneDb - predictedDb)).toBeLessThan(0.5);
    }
    expect(level(sampleRateHz - toneHz) - toneDb).toBeGreaterThan(-11);
  });

  it('suppresses the first image below −80 dB with the oversampling filter, and passes the tone at full level', () => {
    const oversampled = renderReconstructed(input, oversampling, 'oversampled');
    const toneDb = bandDb(oversampled, toneHz);
    expect(Math.abs(toneDb - toneInputDb)).toBeLessThan(0.01);
    for (const imageHz of imageFrequenciesHz(toneHz, sampleRateHz, 4)) {
      expect(bandDb(oversampled, imageHz) - toneDb).toBeLessThan(-80);
    }
  });

  it('passes exactly through the input samples in oversampled mode', () => {
    const oversampled = renderReconstructed(input, 8, 'oversampled');
    for (let n = 0; n < input.length; n += 97) expect(oversampled[n * 8]).toBeCloseTo(input[n] as number, 6);
  });
});

describe('interpolationKernel', () => {
  /** |H| of the kernel at f (as a fraction of the input rate fs) relative to its nominal gain L, dB, by direct DTFT. */
  const kernelGainDb = (kernel: Float64Array, oversampling: number, frequencyRatio: number): number => {
    const halfLength = (kernel.length - 1) / 2;
    let re = 0;
    let im = 0;
    for (let j = -halfLength; j <= halfLength; j++) {
      const angleRad = (2 * Math.PI * frequencyRatio * j) / oversampling;
      re += (kernel[j + halfLength] as number) * Math.cos(angleRad);
      im -= (kernel[j + halfLength] as number) * Math.sin(angleRad);
    }
    return 20 * Math.log10(Math.hypot(re, im) / oversampling);
  };

  it('meets the PCM1796 mask: flat to 0.454·fs, at least 98 dB down from 0.546·fs to the output Nyquist', () => {
    for (const oversampling of [2, 8]) {
      const kernel = interpolationKernel(oversampling, PCM1796_FILTER);
      for (let ratio = 0; ratio <= PCM1796_FILTER.passbandEdgeRatio; ratio += 0.002) {
        expect(Math.abs(kernelGainDb(kernel, oversampling, ratio))).toBeLessThan(0.001);
      }
      for (let ratio = PCM1796_FILTER.stopbandEdgeRatio; ratio <= oversampling / 2; ratio += 0.001) {
        expect(kernelGainDb(kernel, oversampling, ratio)).toBeLessThan(-PCM1796_FILTER.stopbandAttenuationDb);
      }
    }
  });
});

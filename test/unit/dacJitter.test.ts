import { describe, expect, it } from 'vitest';
import { jitterLimitedSnrDb, jitteredSine, sinusoidalJitterSidebandDb } from '../../src/dsp/dac/jitter';
import { mulberry32 } from '../../src/dsp/random';
import { averagedPowerSpectrum, bandLevelDb } from '../../src/dsp/spectrum';

/** SNR of a jittered sine against the ideal one computed here in double precision: signal power / error power. */
function measuredSnrDb(jittered: Float32Array, sampleRateHz: number, toneHz: number, amplitude: number): number {
  let signalPower = 0;
  let errorPower = 0;
  for (let n = 0; n < jittered.length; n++) {
    const ideal = amplitude * Math.sin((2 * Math.PI * toneHz * n) / sampleRateHz);
    signalPower += ideal * ideal;
    errorPower += ((jittered[n] as number) - ideal) ** 2;
  }
  return 10 * Math.log10(signalPower / errorPower);
}

describe('jitterLimitedSnrDb', () => {
  it('is −20·log10(2π·f·tj): 78.0, 98.0 and 138.0 dB at 20 kHz for 1 ns, 100 ps and 1 ps (REFERENCES §5)', () => {
    expect(jitterLimitedSnrDb(20_000, 1e-9)).toBeCloseTo(78.0, 1);
    expect(jitterLimitedSnrDb(20_000, 100e-12)).toBeCloseTo(98.0, 1);
    expect(jitterLimitedSnrDb(20_000, 1e-12)).toBeCloseTo(138.0, 1);
    expect(jitterLimitedSnrDb(1000, 1e-9)).toBeCloseTo(-20 * Math.log10(2 * Math.PI * 1000 * 1e-9), 10);
  });

  it('loses 6 dB per doubling of the tone frequency or of the jitter', () => {
    expect(jitterLimitedSnrDb(10_000, 1e-9) - jitterLimitedSnrDb(20_000, 1e-9)).toBeCloseTo(20 * Math.log10(2), 10);
    expect(jitterLimitedSnrDb(10_000, 1e-9) - jitterLimitedSnrDb(10_000, 2e-9)).toBeCloseTo(20 * Math.log10(2), 10);
  });
});

describe('jitteredSine with random jitter', () => {
  const cases = [
    { toneHz: 20_000, jitterSecondsRms: 1e-9, sampleRateHz: 48_000 },
    { toneHz: 10_000, jitterSecondsRms: 1e-9, sampleRateHz: 48_000 },
    { toneHz: 20_000, jitterSecondsRms: 100e-12, sampleRateHz: 96_000 },
    { toneHz: 15_000, jitterSecondsRms: 100e-12, sampleRateHz: 44_100 },
  ];
  for (const { toneHz, jitterSecondsRms, sampleRateHz } of cases) {
    it(`has the predicted SNR within 1 dB for ${toneHz / 1000} kHz, ${jitterSecondsRms * 1e12} ps rms at ${sampleRateHz / 1000} kHz`, () => {
      const jittered = jitteredSine(65_536, sampleRateHz, toneHz, 0.9, jitterSecondsRms, 'random', mulberry32(7));
      const snrDb = measuredSnrDb(jittered, sampleRateHz, toneHz, 0.9);
      expect(Math.abs(snrDb - -20 * Math.log10(2 * Math.PI * toneHz * jitterSecondsRms))).toBeLessThan(1);
    });
  }

  it('spreads the error as white noise: equal power in equal bandwidths away from the tone', () => {
    const sampleRateHz = 48_000;
    const jittered = jitteredSine(1 << 18, sampleRateHz, 12_000, 1, 1e-9, 'random', mulberry32(11));
    const spectrum = averagedPowerSpectrum(jittered, sampleRateHz, 4096);
    expect(bandLevelDb(spectrum, 2000, 6000) - bandLevelDb(spectrum, 16_000, 20_000)).toBeCloseTo(0, 0);
  });

  it('is the plain sine when the jitter is zero', () => {
    const jittered = jitteredSine(1000, 48_000, 1000, 1, 0, 'random', mulberry32(1));
    for (let n = 0; n < jittered.length; n++) {
      expect(jittered[n]).toBeCloseTo(Math.sin((2 * Math.PI * 1000 * n) / 48_000), 6);
    }
  });
});

describe('jitteredSine with sinusoidal jitter', () => {
  const sampleRateHz = 48_000;
  const toneHz = 10_000;
  const jitterFrequencyHz = 1000;

  it('puts sidebands at f ± fj at 20·log10(π·f·tpk) relative to the tone, within 0.5 dB', () => {
    for (const jitterSecondsRms of [1e-9, 10e-9]) {
      const jittered = jitteredSine(
        65_536,
        sampleRateHz,
        toneHz,
        1,
        jitterSecondsRms,
        'sinusoidal',
        mulberry32(1),
        jitterFrequencyHz,
      );
      const spectrum = averagedPowerSpectrum(jittered, sampleRateHz, 16_384);
      const level = (centreHz: number): number => bandLevelDb(spectrum, centreHz - 30, centreHz + 30);
      const toneDb = level(toneHz);
      const peakSeconds = Math.SQRT2 * jitterSecondsRms;
      const predictedDb = 20 * Math.log10(Math.PI * toneHz * peakSeconds);
      expect(Math.abs(sinusoidalJitterSidebandDb(toneHz, peakSeconds) - predictedDb)).toBeLessThan(1e-9);
      expect(Math.abs(level(toneHz - jitterFrequencyHz) - toneDb - predictedDb)).toBeLessThan(0.5);
      expect(Math.abs(level(toneHz + jitterFrequencyHz) - toneDb - predictedDb)).toBeLessThan(0.5);
      expect(level(toneHz + 3 * jitterFrequencyHz) - toneDb).toBeLessThan(predictedDb - 20);
    }
  });

  it('has, summed over both sidebands, the same SNR as random jitter of the same rms', () => {
    const jitterSecondsRms = 1e-9;
    const bothSidebandsDb = sinusoidalJitterSidebandDb(toneHz, Math.SQRT2 * jitterSecondsRms) + 10 * Math.log10(2);
    expect(bothSidebandsDb).toBeCloseTo(-jitterLimitedSnrDb(toneHz, jitterSecondsRms), 10);
    const jittered = jitteredSine(
      48_000,
      sampleRateHz,
      toneHz,
      1,
      jitterSecondsRms,
      'sinusoidal',
      mulberry32(1),
      jitterFrequencyHz,
    );
    expect(
      Math.abs(measuredSnrDb(jittered, sampleRateHz, toneHz, 1) - jitterLimitedSnrDb(toneHz, jitterSecondsRms)),
    ).toBeLessThan(0.1);
  });

  it('refuses sinusoidal jitter without a jitter frequency', () => {
    expect(() => jitteredSine(16, sampleRateHz, toneHz, 1, 1e-9, 'sinusoidal', mulberry32(1))).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import type { Biquad } from '../../src/dsp/biquad';
import {
  biquadPowerGain,
  integratedLoudnessLufs,
  kWeightedPinkLevelChangeDb,
  kWeightingPowerGain,
  kWeightingSections,
} from '../../src/dsp/loudness';
import { pinkNoise, sine } from '../../src/dsp/testSignals';

const powerDb = (ratio: number): number => 10 * Math.log10(ratio);

/** A sine whose peak is at peakDbfs reads 20·log10(peak) − 3.01 LUFS on one channel (BS.1770-4 §2). */
const sineLoudnessLufs = (peakDbfs: number): number => peakDbfs + powerDb(0.5);

/** RBJ Audio-EQ-Cookbook shelf (Q = 1/√2), normalised so a0 = 1. */
function cookbookShelf(kind: 'low' | 'high', cornerHz: number, gainDb: number, sampleRateHz: number): Biquad {
  const a = 10 ** (gainDb / 40);
  const omegaRad = (2 * Math.PI * cornerHz) / sampleRateHz;
  const cos = Math.cos(omegaRad);
  const twoRootAAlpha = 2 * Math.sqrt(a) * (Math.sin(omegaRad) / (2 * Math.SQRT1_2));
  const sign = kind === 'low' ? -1 : 1;
  const b0 = a * (a + 1 + sign * (a - 1) * cos + twoRootAAlpha);
  const b1 = -2 * sign * a * (a - 1 + sign * (a + 1) * cos);
  const b2 = a * (a + 1 + sign * (a - 1) * cos - twoRootAAlpha);
  const a0 = a + 1 - sign * (a - 1) * cos + twoRootAAlpha;
  const a1 = 2 * sign * (a - 1 - sign * (a + 1) * cos);
  const a2 = a + 1 - sign * (a - 1) * cos - twoRootAAlpha;
  return { b0: b0 / a0, b1: b1 / a0, b2: b2 / a0, a1: a1 / a0, a2: a2 / a0 };
}

function filterSamples(section: Biquad, input: Float32Array): Float64Array {
  const output = new Float64Array(input.length);
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  input.forEach((x, n) => {
    const y = section.b0 * x + section.b1 * x1 + section.b2 * x2 - section.a1 * y1 - section.a2 * y2;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    output[n] = y;
  });
  return output;
}

function concatenate(...parts: Float32Array[]): Float32Array {
  const whole = new Float32Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.length;
  }
  return whole;
}

describe('kWeightingSections', () => {
  it('reproduce the 48 kHz coefficients printed in ITU-R BS.1770-4 Tables 1 and 2', () => {
    const [shelf, highPass] = kWeightingSections(48000);
    const printedShelf = [1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241, 0.73248077421585];
    const printedHighPass = [1, -2, 1, -1.99004745483398, 0.99007225036621];
    [shelf.b0, shelf.b1, shelf.b2, shelf.a1, shelf.a2].forEach((value, i) =>
      expect(Math.abs(value - (printedShelf[i] as number))).toBeLessThan(1e-9),
    );
    [highPass.b0, highPass.b1, highPass.b2, highPass.a1, highPass.a2].forEach((value, i) =>
      expect(Math.abs(value - (printedHighPass[i] as number))).toBeLessThan(1e-9),
    );
  });

  it('give +0.691 dB at 997 Hz, the gain the −0.691 in the loudness formula cancels', () => {
    for (const sampleRateHz of [44100, 48000, 96000]) {
      expect(powerDb(kWeightingPowerGain(997, sampleRateHz))).toBeCloseTo(0.691, 2);
    }
  });

  it('block DC completely (the RLB numerator 1 − 2z⁻¹ + z⁻² has a double zero at z = 1)', () => {
    expect(kWeightingPowerGain(0, 48000)).toBe(0);
  });

  it('at 44.1 kHz follow the 48 kHz response within 0.05 dB from 20 Hz to 10 kHz', () => {
    for (let frequencyHz = 20; frequencyHz <= 10000; frequencyHz *= 1.1) {
      const differenceDb = powerDb(kWeightingPowerGain(frequencyHz, 44100) / kWeightingPowerGain(frequencyHz, 48000));
      expect(Math.abs(differenceDb)).toBeLessThan(0.05);
    }
  });
});

describe('integratedLoudnessLufs', () => {
  it('reads a 997 Hz sine with −20 dBFS peak on one channel as −23.01 LUFS', () => {
    for (const sampleRateHz of [32000, 44100, 48000, 96000]) {
      const tone = sine(sampleRateHz * 5, sampleRateHz, 997, 0.1);
      expect(Math.abs(integratedLoudnessLufs([tone], sampleRateHz) - sineLoudnessLufs(-20))).toBeLessThan(0.01);
    }
  });

  it('reads a 1 kHz sine at −20 dBFS (peak) on one channel as about −23 LUFS', () => {
    // −0.691 + 10·log10(0.1²/2) + K-weighting at 1 kHz (≈ +0.69 dB, nearly the 997 Hz value) ≈ −23.0.
    const tone = sine(48000 * 5, 48000, 1000, 0.1);
    expect(integratedLoudnessLufs([tone], 48000)).toBeCloseTo(-23.0, 1);
  });

  it('adds channel powers: the same tone on L and R is 10·log10(2) = 3.01 dB louder', () => {
    const tone = sine(48000 * 3, 48000, 997, 0.1);
    const silence = new Float32Array(tone.length);
    const oneChannelLufs = integratedLoudnessLufs([tone, silence], 48000);
    expect(integratedLoudnessLufs([tone, tone], 48000) - oneChannelLufs).toBeCloseTo(powerDb(2), 6);
  });

  it('weights the surround channels Ls and Rs by 1.41 (+1.49 dB)', () => {
    const tone = sine(48000 * 3, 48000, 997, 0.1);
    const silence = new Float32Array(tone.length);
    const frontLufs = integratedLoudnessLufs([tone, silence, silence, silence, silence], 48000);
    const surroundLufs = integratedLoudnessLufs([silence, silence, silence, tone, silence], 48000);
    expect(surroundLufs - frontLufs).toBeCloseTo(powerDb(1.41), 6);
  });

  it('drops silent blocks through the absolute gate at −70 LUFS, keeping only the partly filled ones', () => {
    const tone = sine(48000 * 5, 48000, 997, 0.1);
    const withSilence = concatenate(new Float32Array(48000 * 5), tone, new Float32Array(48000 * 5));
    // 5 s of tone = 50 hops: 47 whole blocks, and at each edge blocks 1/4, 2/4 and 3/4 full.
    const keptPowerFraction = (47 + 2 * (0.25 + 0.5 + 0.75)) / (47 + 6);
    expect(integratedLoudnessLufs([withSilence], 48000)).toBeCloseTo(
      sineLoudnessLufs(-20) + powerDb(keptPowerFraction),
      2,
    );
  });

  it('drops passages more than 10 LU below the rest through the relative gate', () => {
    const loud = sine(48000 * 10, 48000, 997, 0.1);
    const quiet = sine(48000 * 10, 48000, 997, 0.01);
    const lufs = integratedLoudnessLufs([concatenate(loud, quiet)], 48000);
    const ungatedLufs = sineLoudnessLufs(-20) + powerDb((1 + 0.01) / 2);
    expect(Math.abs(lufs - sineLoudnessLufs(-20))).toBeLessThan(0.1);
    expect(lufs - ungatedLufs).toBeGreaterThan(2.5);
  });

  it('averages power over passages that both pass the gates', () => {
    const loud = sine(48000 * 10, 48000, 997, 0.1);
    const softer = sine(48000 * 10, 48000, 997, 0.1 / 2);
    const lufs = integratedLoudnessLufs([concatenate(loud, softer)], 48000);
    expect(lufs).toBeCloseTo(sineLoudnessLufs(-20) + powerDb((1 + 0.25) / 2), 1);
  });

  it('reads −Infinity for silence and for signals shorter than one 400 ms block', () => {
    expect(integratedLoudnessLufs([new Float32Array(48000)], 48000)).toBe(-Infinity);
    expect(integratedLoudnessLufs([sine(19000, 48000, 997, 0.5)], 48000)).toBe(-Infinity);
    expect(integratedLoudnessLufs([sine(19200, 48000, 997, 0.5)], 48000)).toBeGreaterThan(-10);
  });

  it('treats non-finite samples as silence rather than returning NaN', () => {
    const tone = sine(48000 * 2, 48000, 997, 0.1);
    tone[1000] = Number.NaN;
    tone[2000] = Infinity;
    expect(Number.isFinite(integratedLoudnessLufs([tone], 48000))).toBe(true);
  });

  it('rejects channels of different lengths', () => {
    expect(() => integratedLoudnessLufs([new Float32Array(10), new Float32Array(11)], 48000)).toThrow(/lengths/);
  });
});

describe('kWeightedPinkLevelChangeDb', () => {
  it('returns the gain itself for a frequency-independent gain', () => {
    expect(kWeightedPinkLevelChangeDb(() => 6)).toBeCloseTo(6, 10);
    expect(kWeightedPinkLevelChangeDb(() => -3.5, 44100)).toBeCloseTo(-3.5, 10);
    expect(kWeightedPinkLevelChangeDb(() => 0)).toBe(0);
  });

  it('by default ignores what a filter does outside 20 Hz – 20 kHz', () => {
    expect(kWeightedPinkLevelChangeDb((frequencyHz) => (frequencyHz > 20000 || frequencyHz < 20 ? 20 : 0))).toBe(0);
  });

  it('matches BS.1770 loudness measured on pink noise run through real shelving filters (±0.1 dB)', () => {
    for (const sampleRateHz of [44100, 48000]) {
      const noise = pinkNoise(sampleRateHz * 30, sampleRateHz, 11);
      const dryLufs = integratedLoudnessLufs([noise], sampleRateHz);
      const shelves = [
        cookbookShelf('low', 150, 6, sampleRateHz),
        cookbookShelf('high', 3000, -6, sampleRateHz),
        cookbookShelf('high', 2000, 10, sampleRateHz),
      ];
      for (const shelf of shelves) {
        const measuredDb = integratedLoudnessLufs([filterSamples(shelf, noise)], sampleRateHz) - dryLufs;
        const modelDb = kWeightedPinkLevelChangeDb(
          (frequencyHz) => powerDb(biquadPowerGain(shelf, frequencyHz, sampleRateHz)),
          sampleRateHz,
          { lowHz: 1, highHz: sampleRateHz / 2 },
        );
        expect(Math.abs(modelDb - measuredDb)).toBeLessThan(0.1);
        expect(Math.abs(modelDb)).toBeGreaterThan(0.5);
      }
    }
  });
});

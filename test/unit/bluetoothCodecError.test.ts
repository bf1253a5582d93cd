import { describe, expect, it } from 'vitest';
import { codecErrorSignal, errorLevelDb, THIRD_OCTAVE_CENTRES_HZ, thirdOctaveLevelsDb } from '../../src/dsp/bluetooth/codecError';

const RATE_HZ = 48_000;
const sine = (hz: number, amplitude: number, length = RATE_HZ): Float32Array =>
  Float32Array.from({ length }, (_, n) => amplitude * Math.sin((2 * Math.PI * hz * n) / RATE_HZ));

describe('what a codec changed', () => {
  it('an output at 0.9 of the input has an error 20·log10(0.1) = −20 dB below the program', () => {
    const original = [sine(1000, 0.5), sine(3000, 0.25)];
    const decoded = original.map((channel) => channel.map((x) => 0.9 * x));
    expect(errorLevelDb(original, decoded)).toBeCloseTo(-20, 4);
  });

  it('an identical output has no error at all (−∞ dB)', () => {
    const original = [sine(1000, 0.5)];
    expect(errorLevelDb(original, original)).toBe(-Infinity);
  });

  it('the error signal is decoded − original, sample by sample', () => {
    const error = codecErrorSignal(Float32Array.from([1, 2, 3]), Float32Array.from([1.5, 2, 2]));
    expect([...error]).toEqual([0.5, 0, -1]);
  });

  it('a full-scale 1 kHz sine reads −3.01 dB in the 1 kHz third-octave band and far less two bands away', () => {
    const levels = thirdOctaveLevelsDb(sine(1000, 1, 4 * RATE_HZ), RATE_HZ);
    const index = THIRD_OCTAVE_CENTRES_HZ.indexOf(1000);
    expect(index).toBe(16);
    expect(levels[index]).toBeCloseTo(10 * Math.log10(0.5), 1);
    expect(levels[index + 2] ?? 0).toBeLessThan(-60);
  });
});

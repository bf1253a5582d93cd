import { describe, expect, it } from 'vitest';
import { fftInPlace, isPowerOfTwo, nextPowerOfTwo, realSignalBins } from '../../src/dsp/fft';
import { mulberry32 } from '../../src/dsp/random';

/** X[k] = Σ x[n]·e^(−j2πkn/N), evaluated term by term. */
function naiveDft(re: Float64Array, im: Float64Array): { re: Float64Array; im: Float64Array } {
  const length = re.length;
  const outRe = new Float64Array(length);
  const outIm = new Float64Array(length);
  for (let k = 0; k < length; k++) {
    for (let n = 0; n < length; n++) {
      const angleRad = (-2 * Math.PI * ((k * n) % length)) / length;
      outRe[k] = (outRe[k] as number) + (re[n] as number) * Math.cos(angleRad) - (im[n] as number) * Math.sin(angleRad);
      outIm[k] = (outIm[k] as number) + (re[n] as number) * Math.sin(angleRad) + (im[n] as number) * Math.cos(angleRad);
    }
  }
  return { re: outRe, im: outIm };
}

function randomSignal(length: number, seed: number): { re: Float64Array; im: Float64Array } {
  const random = mulberry32(seed);
  const re = new Float64Array(length);
  const im = new Float64Array(length);
  for (let n = 0; n < length; n++) {
    re[n] = 2 * random() - 1;
    im[n] = 2 * random() - 1;
  }
  return { re, im };
}

describe('fftInPlace', () => {
  it('puts a bin-centred unit cosine into bins k and N−k with amplitude N/2 and nothing elsewhere', () => {
    const length = 256;
    const bin = 17;
    const re = new Float64Array(length);
    const im = new Float64Array(length);
    for (let n = 0; n < length; n++) re[n] = Math.cos((2 * Math.PI * bin * n) / length);
    fftInPlace(re, im);
    for (let k = 0; k < length; k++) {
      const magnitude = Math.hypot(re[k] as number, im[k] as number);
      const expected = k === bin || k === length - bin ? length / 2 : 0;
      expect(magnitude).toBeCloseTo(expected, 9);
    }
  });

  it('turns a bin-centred unit sine into −j·N/2 at bin k (sin = (e^jθ − e^−jθ)/2j)', () => {
    const length = 64;
    const bin = 5;
    const re = new Float64Array(length);
    const im = new Float64Array(length);
    for (let n = 0; n < length; n++) re[n] = Math.sin((2 * Math.PI * bin * n) / length);
    fftInPlace(re, im);
    expect(re[bin]).toBeCloseTo(0, 10);
    expect(im[bin]).toBeCloseTo(-length / 2, 10);
    expect(im[length - bin]).toBeCloseTo(length / 2, 10);
  });

  it('matches a naive DFT of a random complex signal for every length from 1 to 512', () => {
    for (let length = 1; length <= 512; length *= 2) {
      const signal = randomSignal(length, length);
      const expected = naiveDft(signal.re, signal.im);
      fftInPlace(signal.re, signal.im);
      for (let k = 0; k < length; k++) {
        expect(Math.abs((signal.re[k] as number) - (expected.re[k] as number))).toBeLessThan(1e-9);
        expect(Math.abs((signal.im[k] as number) - (expected.im[k] as number))).toBeLessThan(1e-9);
      }
    }
  });

  it('conserves energy (Parseval): Σ|x[n]|² = (1/N)·Σ|X[k]|²', () => {
    const length = 4096;
    const { re, im } = randomSignal(length, 7);
    let timeEnergy = 0;
    for (let n = 0; n < length; n++) timeEnergy += (re[n] as number) ** 2 + (im[n] as number) ** 2;
    fftInPlace(re, im);
    let frequencyEnergy = 0;
    for (let k = 0; k < length; k++) frequencyEnergy += (re[k] as number) ** 2 + (im[k] as number) ** 2;
    expect(frequencyEnergy / length / timeEnergy).toBeCloseTo(1, 12);
  });

  it('rejects lengths that are not powers of two and mismatched arrays', () => {
    expect(() => fftInPlace(new Float64Array(12), new Float64Array(12))).toThrow(/power of two/);
    expect(() => fftInPlace(new Float64Array(8), new Float64Array(4))).toThrow(RangeError);
  });
});

describe('nextPowerOfTwo', () => {
  it('returns the smallest power of two at or above n', () => {
    expect([0, 1, 2, 3, 4, 5, 1000, 1024, 1025, 44100].map(nextPowerOfTwo)).toEqual([
      1, 1, 2, 4, 4, 8, 1024, 1024, 2048, 65536,
    ]);
    expect(nextPowerOfTwo(2 ** 40 + 1)).toBe(2 ** 41);
  });

  it('agrees with isPowerOfTwo, which also holds beyond 32-bit integers', () => {
    for (let n = 1; n < 3000; n++) expect(isPowerOfTwo(n)).toBe(nextPowerOfTwo(n) === n);
    expect(isPowerOfTwo(2 ** 40)).toBe(true);
    expect(isPowerOfTwo(2 ** 40 + 2 ** 31)).toBe(false);
    expect(isPowerOfTwo(0.5)).toBe(false);
  });
});

describe('realSignalBins', () => {
  it('matches a naive DFT of a random real signal at every bin, for every length from 2 to 512', () => {
    for (let length = 2; length <= 512; length *= 2) {
      const { re } = randomSignal(length, 7 * length);
      const expected = naiveDft(re, new Float64Array(length));
      const bins = Array.from({ length }, (_, k) => k);
      const got = realSignalBins(re, bins);
      for (const k of bins) {
        expect(got.re[k]).toBeCloseTo(expected.re[k] as number, 9);
        expect(got.im[k]).toBeCloseTo(expected.im[k] as number, 9);
      }
    }
  });

  it('gives N/2 at bin k for a unit cosine, −j·N/2 for a unit sine, and N·mean at bin 0 (closed forms)', () => {
    const length = 8192;
    const bin = 40;
    const cosine = Float64Array.from({ length }, (_, n) => 3 + Math.cos((2 * Math.PI * bin * n) / length));
    const sine = Float64Array.from({ length }, (_, n) => Math.sin((2 * Math.PI * bin * n) / length));
    const c = realSignalBins(cosine, [0, bin, bin + 1, length - bin]);
    expect(c.re[0]).toBeCloseTo(3 * length, 7);
    expect(c.re[1]).toBeCloseTo(length / 2, 8);
    expect(c.im[1]).toBeCloseTo(0, 8);
    expect(Math.hypot(c.re[2] as number, c.im[2] as number)).toBeCloseTo(0, 8);
    expect(c.re[3]).toBeCloseTo(length / 2, 8);
    const s = realSignalBins(sine, [bin]);
    expect(s.re[0]).toBeCloseTo(0, 8);
    expect(s.im[0]).toBeCloseTo(-length / 2, 8);
  });

  it('refuses lengths that are not a power of two and bins that are not whole numbers ≥ 0', () => {
    expect(() => realSignalBins(new Float64Array(6), [1])).toThrow(RangeError);
    expect(() => realSignalBins(new Float64Array(1), [0])).toThrow(RangeError);
    expect(() => realSignalBins(new Float64Array(8), [1.5])).toThrow(RangeError);
  });
});

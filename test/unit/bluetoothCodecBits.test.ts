import { describe, expect, it } from 'vitest';
import { bitsPerSamplePerChannel, compressionRatio, pcmBitrateBitsPerSecond } from '../../src/dsp/bluetooth/codecBits';

describe('Bluetooth codec bits per sample', () => {
  it('CD audio is 1411.2 kb/s: 44 100 samples × 16 bits × 2 channels', () => {
    expect(pcmBitrateBitsPerSecond(44_100, 16, 2)).toBe(1_411_200);
  });

  it('SBC at 328 kb/s on 44.1 kHz stereo spends about 3.72 bits per sample per channel', () => {
    // 328 000 / 88 200 = 3.7188…
    expect(bitsPerSamplePerChannel(328_000, 44_100, 2)).toBeCloseTo(3.7188, 4);
  });

  it('LDAC at 990 kb/s carries 10.3 bits per sample per channel at 48 kHz but only 5.16 at 96 kHz', () => {
    expect(bitsPerSamplePerChannel(990_000, 48_000, 2)).toBeCloseTo(10.3125, 4);
    expect(bitsPerSamplePerChannel(990_000, 96_000, 2)).toBeCloseTo(5.15625, 5);
  });

  it('aptX is a 4:1 reduction of 16-bit PCM: 352.8 kb/s at 44.1 kHz is exactly 4 bits per sample per channel', () => {
    expect(compressionRatio(352_800, 44_100, 2, 16)).toBeCloseTo(4, 12);
    expect(bitsPerSamplePerChannel(352_800, 44_100, 2)).toBeCloseTo(4, 12);
  });

  it('aptX HD at 576 kb/s is a 4:1 reduction of 24-bit, 48 kHz stereo (2304 kb/s)', () => {
    expect(compressionRatio(576_000, 48_000, 2, 24)).toBeCloseTo(4, 12);
  });

  it('refuses a zero or non-finite bitrate, rate or channel count', () => {
    expect(() => bitsPerSamplePerChannel(0, 48_000, 2)).toThrow(RangeError);
    expect(() => bitsPerSamplePerChannel(328_000, Number.NaN, 2)).toThrow(RangeError);
    expect(() => bitsPerSamplePerChannel(328_000, 48_000, 0)).toThrow(RangeError);
  });
});

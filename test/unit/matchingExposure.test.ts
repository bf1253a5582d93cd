import { describe, expect, it } from 'vitest';
import { nioshAllowedHours } from '../../src/dsp/matching/exposure';

describe('NIOSH recommended exposure limit (85 dBA, 8 h, 3 dB exchange; REFERENCES §2)', () => {
  it.each([
    [85, 8],
    [88, 4],
    [91, 2],
    [94, 1],
    [97, 0.5],
    [100, 0.25],
  ])('%d dB allows %d h', (levelDb, hours) => {
    expect(nioshAllowedHours(levelDb)).toBeCloseTo(hours, 10);
  });

  it('each 3 dB less doubles the time: 82 dB allows 16 h', () => {
    expect(nioshAllowedHours(82)).toBeCloseTo(16, 10);
  });

  it('rejects a level that is not a number', () => {
    expect(() => nioshAllowedHours(Number.NaN)).toThrow(RangeError);
  });
});

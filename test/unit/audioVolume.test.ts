import { describe, expect, it } from 'vitest';
import {
  VOLUME_DEFAULT_DB,
  VOLUME_MAX_DB,
  VOLUME_MIN_DB,
  clampVolumeDb,
  dbToGain,
  gainToDb,
  volumeGain,
} from '../../src/audio/volume';

describe('volume', () => {
  it('−20 dB is an amplitude factor of exactly one tenth', () => {
    expect(dbToGain(-20)).toBeCloseTo(0.1, 15);
    expect(volumeGain(-20)).toBeCloseTo(0.1, 15);
  });

  it('doubling the amplitude is 20·log10(2) ≈ 6.0206 dB, and dB ↔ factor round-trips', () => {
    expect(gainToDb(2)).toBeCloseTo(20 * Math.log10(2), 12);
    expect(gainToDb(2)).toBeCloseTo(6.0206, 4);
    for (const gainDb of [-60, -12.5, 0, 3, 30]) expect(gainToDb(dbToGain(gainDb))).toBeCloseTo(gainDb, 10);
  });

  it('the default is a conservative −20 dB inside a range from −60 dB to 0 dB', () => {
    expect(VOLUME_DEFAULT_DB).toBe(-20);
    expect(VOLUME_MIN_DB).toBe(-60);
    expect(VOLUME_MAX_DB).toBe(0);
  });

  it('a volume above the range plays at unity gain, never louder', () => {
    expect(clampVolumeDb(12)).toBe(VOLUME_MAX_DB);
    expect(volumeGain(12)).toBe(1);
    expect(volumeGain(Number.POSITIVE_INFINITY)).toBe(1);
  });

  it('the bottom of the range and anything below it is muted (factor 0)', () => {
    expect(volumeGain(VOLUME_MIN_DB)).toBe(0);
    expect(volumeGain(-100)).toBe(0);
    expect(volumeGain(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(volumeGain(VOLUME_MIN_DB + 1)).toBeCloseTo(10 ** (-59 / 20), 15);
  });

  it('a volume that is not a number falls back to the default', () => {
    expect(clampVolumeDb(Number.NaN)).toBe(VOLUME_DEFAULT_DB);
    expect(volumeGain(Number.NaN)).toBeCloseTo(0.1, 15);
  });
});

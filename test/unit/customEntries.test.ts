import { describe, expect, it } from 'vitest';
import { CUSTOM_RANGES, fieldProblem, fieldValue } from '../../src/dsp/matching/customEntries';

describe('custom entry checks', () => {
  it('a number inside the range has no problem (a comma decimal is accepted)', () => {
    expect(fieldProblem(CUSTOM_RANGES.impedanceOhms, '300')).toBeNull();
    expect(fieldProblem(CUSTOM_RANGES.openCircuitVoltsRms, '0,5')).toBeNull();
    expect(fieldValue(CUSTOM_RANGES.openCircuitVoltsRms, '0,5')).toBe(0.5);
  });

  it('the ends of each range are accepted', () => {
    for (const range of Object.values(CUSTOM_RANGES)) {
      expect(fieldProblem(range, String(range.min))).toBeNull();
      expect(fieldProblem(range, String(range.max))).toBeNull();
    }
  });

  it('an impedance of 0 Ω or 1001 Ω gets a message naming the range', () => {
    expect(fieldProblem(CUSTOM_RANGES.impedanceOhms, '0')).toMatch(/from 1 to 1000 Ω/);
    expect(fieldProblem(CUSTOM_RANGES.impedanceOhms, '1001')).toMatch(/1001 Ω is outside/);
  });

  it('empty text, letters and Infinity are not numbers', () => {
    for (const text of ['', '  ', 'abc', 'Infinity', '1e999']) {
      expect(fieldProblem(CUSTOM_RANGES.sensitivityDb, text)).toMatch(/^Enter a number/);
    }
  });

  it('an invalid field falls back to the range’s default value', () => {
    expect(fieldValue(CUSTOM_RANGES.noiseMicrovolts, 'x')).toBe(CUSTOM_RANGES.noiseMicrovolts.defaultValue);
  });
});

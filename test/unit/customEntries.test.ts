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

  it('empty text, letters, a lone sign and NaN are not numbers, and the message names the range', () => {
    for (const text of ['', '  ', 'abc', '-', 'NaN']) {
      expect(fieldProblem(CUSTOM_RANGES.sensitivityDb, text)).toBe('Enter a number: a sensitivity from 70 to 140 dB.');
    }
  });

  it('a number too large for a double (1e309 reads as Infinity) is refused as no real figure, either sign', () => {
    for (const text of ['1e309', '-1e309', 'Infinity']) {
      expect(fieldProblem(CUSTOM_RANGES.impedanceOhms, text)).toMatch(/^Enter an impedance from 1 to 1000 Ω; .* is too large to be a real figure\.$/);
    }
  });

  it('a number too small for a double (1e-400 reads as 0) is refused even where 0 is allowed, but a written 0 is not', () => {
    expect(fieldProblem(CUSTOM_RANGES.outputImpedanceOhms, '1e-400')).toBe('Enter an output impedance from 0 to 300 Ω; 1e-400 is too small to compute with.');
    expect(fieldProblem(CUSTOM_RANGES.noiseMicrovolts, '1e-400')).toMatch(/too small to compute with/);
    for (const zero of ['0', '0.000', '0e5', '-0']) expect(fieldProblem(CUSTOM_RANGES.outputImpedanceOhms, zero)).toBeNull();
  });

  it('negative and zero figures are outside every range that needs a positive one', () => {
    expect(fieldProblem(CUSTOM_RANGES.impedanceOhms, '-32')).toMatch(/from 1 to 1000 Ω; -32 Ω is outside/);
    expect(fieldProblem(CUSTOM_RANGES.openCircuitVoltsRms, '0')).toMatch(/from 0.1 to 30 Vrms/);
    expect(fieldProblem(CUSTOM_RANGES.outputImpedanceOhms, '-1')).toMatch(/from 0 to 300 Ω/);
  });

  it('an invalid field has no value: nothing is computed from a default the reader can’t see', () => {
    for (const text of ['x', '', '1e309', '1e-400', '-5']) expect(fieldValue(CUSTOM_RANGES.noiseMicrovolts, text)).toBeNull();
  });
});

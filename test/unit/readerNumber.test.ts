// What a reader types into a numeric question's box, read as the number they meant.
import { describe, expect, it } from 'vitest';
import { parseReaderNumber } from '../../src/lib/readerNumber';

describe('parseReaderNumber', () => {
  it.each([
    ['2.5', 2.5],
    ['  2.5  ', 2.5],
    ['2,5', 2.5],
    ['\u22123', -3],
    ['- 3', -3],
    ['+1.1', 1.1],
    ['.5', 0.5],
    ['1e3', 1000],
    ['0.5 dB', 0.5],
    ['300Ω', 300],
  ])('reads "%s" as %d', (typed, expected) => {
    expect(parseReaderNumber(typed)).toBeCloseTo(expected, 12);
  });

  it.each(['', 'abc', 'dB 3', '−', '.'])('reads "%s" as no number (NaN)', (typed) => {
    expect(parseReaderNumber(typed)).toBeNaN();
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_MATCH_GAIN_DB, matchGainDb } from '../../src/audio/loudnessMatch';

describe('the loudness match correction', () => {
  it('is L(A) − L(B): B at −26 LUFS against A at −23 LUFS gets +3 dB', () => {
    expect(matchGainDb(-23, -26)).toBe(3);
    expect(matchGainDb(-23, -20.5)).toBe(-2.5);
  });

  it('never lifts a nearly silent B by more than 40 dB, nor cuts a loud one by more', () => {
    expect(matchGainDb(-23, -150)).toBe(MAX_MATCH_GAIN_DB);
    expect(matchGainDb(-150, -23)).toBe(-MAX_MATCH_GAIN_DB);
  });

  it('leaves the level alone when either side is silent', () => {
    expect(matchGainDb(-23, Number.NEGATIVE_INFINITY)).toBe(0);
    expect(matchGainDb(Number.NEGATIVE_INFINITY, -23)).toBe(0);
  });
});

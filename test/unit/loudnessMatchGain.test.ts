import { describe, expect, it } from 'vitest';
import { MAX_MATCH_GAIN_DB, matchGainDb, matchProblem, matchProblemText } from '../../src/audio/loudnessMatch';

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

describe('a loudness match that cannot be made', () => {
  it('names the side that measures no number (non-finite samples) as unmeasurable', () => {
    expect(matchProblem(-23, Number.NaN)).toEqual({ kind: 'unmeasurable', sides: 'B' });
    expect(matchProblem(Number.NaN, Number.NaN)).toEqual({ kind: 'unmeasurable', sides: 'A and B' });
  });

  it('names a side below the −70 LUFS gate (−∞ LUFS) as silent', () => {
    expect(matchProblem(Number.NEGATIVE_INFINITY, -23)).toEqual({ kind: 'silent', sides: 'A' });
    expect(matchProblem(Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY)).toEqual({ kind: 'silent', sides: 'A and B' });
  });

  it('calls a difference beyond ±40 dB a partial match, and 3 dB no problem at all', () => {
    expect(matchProblem(-23, -70 + 1)).toEqual({ kind: 'beyond-range', sides: 'B' });
    expect(matchProblem(-23, -26)).toBeNull();
  });

  it('says in words that matching is off and that A and B play at their own levels', () => {
    const text = matchProblemText({ kind: 'silent', sides: 'B' }, '0 Ω source', '120 Ω source');
    expect(text).toContain('Loudness matching is off');
    expect(text).toContain('B (120 Ω source)');
    expect(text).toContain('play at their own levels');
  });
});

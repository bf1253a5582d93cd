import { describe, expect, it } from 'vitest';
import { PIANO_LOOP_SECONDS, pianoLoopFromRecording } from '../../src/audio/pianoPhrase';
import { normalizePeak } from '../../src/audio/loop';
import { MUSIC_PEAK_DBFS, PIANO_PEAK_DBFS } from '../../src/audio/programLevels';

const RATE_HZ = 8000;
const LOOP = Math.round(PIANO_LOOP_SECONDS * RATE_HZ);
/** 5 ms of pre-roll at 8 kHz. */
const PRE_ROLL = 40;
const RING_OUT = Math.round(0.6 * RATE_HZ);

/**
 * A stand-in for the decoded file: `leadIn` samples of silence (the render's lead-in and the codec's delay), a note
 * struck at the start that dies away fast, and a second note struck half-way that (with its default decay) is still
 * ringing when the phrase ends and rings on for 0.6 s (the last chord's ring-out). The right channel is the left at
 * half level.
 */
function recording(leadIn: number, ringTauSamples = 8000): [Float32Array, Float32Array] {
  const left = new Float32Array(leadIn + LOOP + RING_OUT);
  const note = (age: number, tau: number, hz: number) => (age < 0 ? 0 : Math.exp(-age / tau) * Math.sin((2 * Math.PI * hz * age) / RATE_HZ));
  for (let n = leadIn; n < left.length; n++) left[n] = 0.3 * note(n - leadIn, 400, 220) + 0.2 * note(n - leadIn - LOOP / 2, ringTauSamples, 330);
  return [left, left.map((x) => 0.5 * x)];
}

describe('the piano program loop', () => {
  it('lasts 6.4 s and starts 5 ms before the first attack, whatever silence the decoder put before it', () => {
    for (const leadIn of [PRE_ROLL, 312, 1200]) {
      // A second note that dies away before the end: nothing is folded onto the pre-roll.
      const [left] = pianoLoopFromRecording(recording(leadIn, 400), RATE_HZ);
      expect(left.length).toBe(LOOP);
      expect(Math.max(...left.subarray(0, PRE_ROLL - 1).map(Math.abs))).toBeLessThan(1e-3);
      // The attack's first sample above −40 dB re the peak is one or two samples into the note's sine.
      const firstLoud = left.findIndex((x, n) => n >= PRE_ROLL - 1 && Math.abs(x) > 1e-3);
      expect(firstLoud).toBeGreaterThanOrEqual(PRE_ROLL);
      expect(firstLoud).toBeLessThanOrEqual(PRE_ROLL + 2);
    }
  });

  it('adds the ring-out after the phrase’s end back onto its start, as playing the phrase again would: y[p] = x[s+p] + x[s+p+L]', () => {
    const leadIn = 312;
    const [left, right] = recording(leadIn);
    const start = leadIn - PRE_ROLL;
    // The first attack is at leadIn + 1 (sin 0 = 0), so the loop starts one sample later than leadIn − 40.
    const onsetOffset = 1;
    const expected = Float32Array.from({ length: LOOP }, (_, p) => (left[start + onsetOffset + p] ?? 0) + (left[start + onsetOffset + p + LOOP] ?? 0));
    normalizePeak([expected, expected.map((x) => 0.5 * x)], PIANO_PEAK_DBFS);
    const [loopLeft, loopRight] = pianoLoopFromRecording([left, right], RATE_HZ);
    for (const p of [0, 100, 2000, RING_OUT - 1, RING_OUT, LOOP / 2 + 7, LOOP - 1]) {
      expect(loopLeft[p]).toBeCloseTo(expected[p] as number, 6);
      expect(loopRight[p]).toBeCloseTo(0.5 * (expected[p] as number), 6);
    }
    // The ring-out is really there: at the loop's start the second note still sounds.
    expect(Math.max(...loopLeft.subarray(0, PRE_ROLL).map(Math.abs))).toBeGreaterThan(1e-2);
  });

  it('peaks at the music loop’s level, so widgets that turn full scale into volts treat both alike', () => {
    expect(PIANO_PEAK_DBFS).toBe(MUSIC_PEAK_DBFS);
    const loop = pianoLoopFromRecording(recording(100), RATE_HZ);
    const peak = Math.max(...loop.map((channel) => Math.max(...channel.map(Math.abs))));
    expect(20 * Math.log10(peak)).toBeCloseTo(PIANO_PEAK_DBFS, 5);
  });
});

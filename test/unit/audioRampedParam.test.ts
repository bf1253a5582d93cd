import { describe, expect, it } from 'vitest';
import { RampedParam, type RampableParam } from '../../src/audio/rampedParam';

/**
 * An independent model of the Web Audio API's automation timeline for setValueAtTime and
 * linearRampToValueAtTime (spec §1.6.3): events sorted by time (ties in insertion order);
 * before the first event the default value; a setValue holds from its time; a linear ramp runs
 * from the previous event's time and value to its own; after the last event its value holds;
 * cancelScheduledValues(t) removes every event at time ≥ t.
 */
class AutomationTimeline implements RampableParam {
  readonly events: { kind: 'set' | 'ramp'; time: number; value: number }[] = [];
  constructor(private readonly defaultValue: number) {}

  private insert(kind: 'set' | 'ramp', value: number, time: number): void {
    const index = this.events.findIndex((event) => event.time > time);
    this.events.splice(index < 0 ? this.events.length : index, 0, { kind, time, value });
  }
  setValueAtTime(value: number, time: number): AudioParam {
    this.insert('set', value, time);
    return undefined as unknown as AudioParam;
  }
  linearRampToValueAtTime(value: number, time: number): AudioParam {
    if (!this.events.some((event) => event.time <= time)) throw new Error('ramp with no preceding event: its start is unspecified');
    this.insert('ramp', value, time);
    return undefined as unknown as AudioParam;
  }
  cancelScheduledValues(time: number): AudioParam {
    for (let index = this.events.length - 1; index >= 0; index--) if ((this.events[index] as { time: number }).time >= time) this.events.splice(index, 1);
    return undefined as unknown as AudioParam;
  }
  valueAt(time: number): number {
    let value = this.defaultValue;
    let previous: { time: number; value: number } | null = null;
    for (const event of this.events) {
      if (event.time > time) {
        if (event.kind === 'ramp' && previous) {
          return previous.value + ((event.value - previous.value) * (time - previous.time)) / (event.time - previous.time);
        }
        return value;
      }
      value = event.value;
      previous = event;
    }
    return value;
  }
}

/** The largest jump between samples of the timeline at 48 kHz over [from, to]. */
function largestStep(timeline: AutomationTimeline, from: number, to: number): number {
  let largest = 0;
  let last = timeline.valueAt(from);
  for (let time = from; time <= to; time += 1 / 48000) {
    const value = timeline.valueAt(time);
    largest = Math.max(largest, Math.abs(value - last));
    last = value;
  }
  return largest;
}

/** Per-sample change of a 1 → 0 linear ramp of 30 ms at 48 kHz (the steepest ramp below), plus rounding. */
const RAMP_STEP = (1 / (0.03 * 48000)) * (1 + 1e-9);

describe('RampedParam', () => {
  it('fades in from its initial value and reaches the target at the ramp end', () => {
    const clock = { currentTime: 0 };
    const timeline = new AutomationTimeline(0);
    const fader = new RampedParam(timeline, clock, 0);
    fader.rampTo(1, 0, 0.05);
    expect(timeline.valueAt(0)).toBe(0);
    expect(timeline.valueAt(0.025)).toBeCloseTo(0.5, 12);
    expect(timeline.valueAt(0.05)).toBe(1);
    expect(timeline.valueAt(3)).toBe(1);
  });

  it('continues without a step when a ramp is interrupted half-way by one going the other way', () => {
    const clock = { currentTime: 1 };
    const timeline = new AutomationTimeline(1);
    const fader = new RampedParam(timeline, clock, 1);
    fader.rampTo(0, 1, 0.04);
    clock.currentTime = 1.02;
    fader.rampTo(1, 1.02, 0.04);
    expect(timeline.valueAt(1.02)).toBeCloseTo(0.5, 12);
    expect(timeline.valueAt(1.04)).toBeCloseTo(0.75, 12);
    expect(timeline.valueAt(1.06)).toBe(1);
    expect(largestStep(timeline, 0.99, 1.1)).toBeLessThanOrEqual(RAMP_STEP);
  });

  it('starts a second fade after an earlier one finished from where that one ended, not from its start', () => {
    // The case a bare cancelAndHoldAtTime + linearRamp gets wrong: the new ramp would start at the old ramp's end time.
    const clock = { currentTime: 0.2 };
    const timeline = new AutomationTimeline(0);
    const fader = new RampedParam(timeline, clock, 0);
    fader.rampTo(1, 0.22, 0.03);
    clock.currentTime = 0.5;
    fader.rampTo(0, 0.52, 0.03);
    expect(timeline.valueAt(0.51)).toBe(1);
    expect(timeline.valueAt(0.52)).toBe(1);
    expect(timeline.valueAt(0.535)).toBeCloseTo(0.5, 12);
    expect(timeline.valueAt(0.55)).toBe(0);
    expect(largestStep(timeline, 0.19, 0.6)).toBeLessThanOrEqual(RAMP_STEP);
  });

  it('keeps two crossfading faders summing to 1 however often the crossfade is reversed', () => {
    const clock = { currentTime: 0 };
    const timelineA = new AutomationTimeline(1);
    const timelineB = new AutomationTimeline(0);
    const a = new RampedParam(timelineA, clock, 1);
    const b = new RampedParam(timelineB, clock, 0);
    for (const [time, towardsA] of [[0.1, false], [0.115, true], [0.13, false], [0.2, true], [0.205, false]] as const) {
      clock.currentTime = time;
      a.rampTo(towardsA ? 1 : 0, time, 0.04);
      b.rampTo(towardsA ? 0 : 1, time, 0.04);
    }
    for (let time = 0; time < 0.4; time += 0.0005) expect(timelineA.valueAt(time) + timelineB.valueAt(time)).toBeCloseTo(1, 12);
    expect(timelineB.valueAt(0.4)).toBe(1);
  });

  it('schedules offline: a fade-in at 0 and a fade-out 10 s later, both set before rendering starts', () => {
    const clock = { currentTime: 0 };
    const timeline = new AutomationTimeline(0);
    const fader = new RampedParam(timeline, clock, 0);
    fader.rampTo(1, 0, 0.05);
    fader.rampTo(0, 9.9, 0.1);
    expect(timeline.valueAt(0.05)).toBe(1);
    expect(timeline.valueAt(5)).toBe(1);
    expect(timeline.valueAt(9.95)).toBeCloseTo(0.5, 12);
    expect(timeline.valueAt(10)).toBe(0);
  });

  it('interrupts a ramp that has not begun yet: the value holds until the new one starts', () => {
    const clock = { currentTime: 1 };
    const timeline = new AutomationTimeline(0);
    const fader = new RampedParam(timeline, clock, 0);
    fader.rampTo(1, 1.1, 0.05);
    fader.rampTo(0, 1, 0.05);
    for (let time = 0.9; time < 1.3; time += 0.001) expect(timeline.valueAt(time)).toBe(0);
  });

  it('a zero-length ramp sets the value at its start', () => {
    const clock = { currentTime: 2 };
    const timeline = new AutomationTimeline(0.3);
    const fader = new RampedParam(timeline, clock, 0.3);
    fader.rampTo(0.8, 2, 0);
    expect(timeline.valueAt(1.999)).toBe(0.3);
    expect(timeline.valueAt(2)).toBe(0.8);
    expect(fader.valueAt(2.5)).toBe(0.8);
  });
});

// Click-free linear ramps on an AudioParam that may be interrupted at any moment, in any browser:
// the parameter's automation is mirrored in a small model, so each new ramp starts exactly where
// the curve is at its start time. Leaves out: exponential and target curves (volume uses setTarget).

/** The three AudioParam methods used; a subset so tests can record them. */
export type RampableParam = Pick<AudioParam, 'cancelScheduledValues' | 'setValueAtTime' | 'linearRampToValueAtTime'>;

interface Breakpoint {
  readonly time: number;
  readonly value: number;
}

/**
 * A gain-like AudioParam driven only through rampTo(). The model is the piecewise-linear curve
 * through the breakpoints it scheduled (constant before the first and after the last), which is
 * exactly what the Web Audio API computes for setValueAtTime + linearRampToValueAtTime events.
 * A new ramp from time s cancels the events after s and re-anchors the curve at (s, v(s)) on the
 * segment it interrupts, so no step appears, whether s is now, mid-ramp or in the future. (It
 * doesn't need cancelAndHoldAtTime, which Firefox lacks, and never starts a ramp without a
 * preceding event, whose start the spec leaves to the moment of the call.)
 */
export class RampedParam {
  private points: Breakpoint[] = [];

  constructor(
    private readonly param: RampableParam,
    private readonly clock: { readonly currentTime: number },
    private readonly initialValue: number,
  ) {}

  /** The scheduled value at context time t. */
  valueAt(time: number): number {
    const points = this.points;
    const first = points[0];
    if (!first || time < first.time) return this.initialValue;
    for (let index = points.length - 1; index >= 0; index--) {
      const point = points[index] as Breakpoint;
      if (point.time > time) continue;
      const next = points[index + 1];
      if (!next || next.time === point.time) return point.value;
      return point.value + ((next.value - point.value) * (time - point.time)) / (next.time - point.time);
    }
    return this.initialValue;
  }

  /** Ramp linearly to `target` over [start, start + durationSeconds], start = max(startTime, now). */
  rampTo(target: number, startTime: number, durationSeconds: number): void {
    const now = this.clock.currentTime;
    this.forgetBefore(now);
    const start = Math.max(startTime, now);
    const end = start + Math.max(0, durationSeconds);
    const startValue = this.valueAt(start);
    const previous = this.points.filter((point) => point.time <= start);
    const next = this.points.find((point) => point.time > start);
    const onBreakpoint = previous.length > 0 && (previous[previous.length - 1] as Breakpoint).time === start;
    if (onBreakpoint) {
      if (next) this.param.cancelScheduledValues(next.time);
    } else {
      this.param.cancelScheduledValues(start);
      // Inside a ramp segment: finish that segment's straight line at start; otherwise the curve is flat there.
      if (previous.length > 0 && next) this.param.linearRampToValueAtTime(startValue, start);
      else this.param.setValueAtTime(startValue, start);
      previous.push({ time: start, value: startValue });
    }
    if (end > start) this.param.linearRampToValueAtTime(target, end);
    else this.param.setValueAtTime(target, end);
    previous.push({ time: end, value: target });
    this.points = previous;
  }

  /** Drop breakpoints that can no longer matter: all but the last one at or before `time`. */
  private forgetBefore(time: number): void {
    let lastPast = -1;
    for (let index = 0; index < this.points.length; index++) if ((this.points[index] as Breakpoint).time <= time) lastPast = index;
    if (lastPast > 0) this.points = this.points.slice(lastPast);
  }
}

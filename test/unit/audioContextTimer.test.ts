import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { atContextTime } from '../../src/audio/contextTimer';

/** The two properties atContextTime reads, settable by the test. */
const fakeContext = (currentTime: number, state: AudioContextState = 'running') =>
  ({ currentTime, state }) as { currentTime: number; state: AudioContextState } & BaseAudioContext;

describe('atContextTime', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs at once when the audio clock is already past the time', () => {
    const callback = vi.fn();
    atContextTime(fakeContext(2), 1.5, callback);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('waits for the audio clock, not the wall clock: a lagging audio clock delays the callback', () => {
    const ctx = fakeContext(0.9);
    const callback = vi.fn();
    atContextTime(ctx, 1, callback);
    vi.advanceTimersByTime(200);
    expect(callback).not.toHaveBeenCalled();
    ctx.currentTime = 1.01;
    vi.advanceTimersByTime(200);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('keeps waiting while the context is suspended and runs once it has resumed past the time', () => {
    const ctx = fakeContext(0.5, 'suspended');
    const callback = vi.fn();
    atContextTime(ctx, 0.6, callback);
    vi.advanceTimersByTime(1000);
    expect(callback).not.toHaveBeenCalled();
    ctx.state = 'running';
    ctx.currentTime = 0.7;
    vi.advanceTimersByTime(200);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('runs at once on a closed context, whose clock will never advance', () => {
    const callback = vi.fn();
    atContextTime(fakeContext(0, 'closed'), 5, callback);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('never runs once cancelled', () => {
    const ctx = fakeContext(0);
    const callback = vi.fn();
    const cancel = atContextTime(ctx, 0.1, callback);
    cancel();
    ctx.currentTime = 1;
    vi.advanceTimersByTime(1000);
    expect(callback).not.toHaveBeenCalled();
  });
});

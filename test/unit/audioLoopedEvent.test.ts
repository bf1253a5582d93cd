// A chain's looped event (the turn-on widget's thump): accepted within ±1 of full scale and finite, refused
// otherwise; two chains are equal only with the same samples.
import { describe, expect, it } from 'vitest';
import { chainSettingsEqual, checkChainSettings, MAX_LOOPED_EVENT_SAMPLES } from '../../src/audio/chainSettings';

const withEvent = (samples: Float32Array) => ({ sections: [], gainDb: 0, loopedEvent: { samplesFullScale: samples } });

describe('a looped event in a chain', () => {
  it('accepts finite samples within ±1 of full scale', () => {
    expect(() => checkChainSettings(withEvent(Float32Array.from([0, 0.7, -1, 1])))).not.toThrow();
  });

  it('refuses samples beyond full scale, non-finite samples, no samples or too many', () => {
    expect(() => checkChainSettings(withEvent(Float32Array.from([0, 1.01])))).toThrow(RangeError);
    expect(() => checkChainSettings(withEvent(Float32Array.from([0, Number.NaN])))).toThrow(RangeError);
    expect(() => checkChainSettings(withEvent(new Float32Array(0)))).toThrow(RangeError);
    expect(() => checkChainSettings(withEvent(new Float32Array(MAX_LOOPED_EVENT_SAMPLES + 1)))).toThrow(RangeError);
  });

  it('tells chains apart by their samples, not by the array they sit in', () => {
    expect(chainSettingsEqual(withEvent(Float32Array.from([0, 0.5])), withEvent(Float32Array.from([0, 0.5])))).toBe(true);
    expect(chainSettingsEqual(withEvent(Float32Array.from([0, 0.5])), withEvent(Float32Array.from([0, 0.25])))).toBe(false);
    expect(chainSettingsEqual(withEvent(Float32Array.from([0, 0.5])), { sections: [], gainDb: 0 })).toBe(false);
  });
});

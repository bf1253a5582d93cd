// A chain's crossfeed stage as data: two chains differ when only their crossfeed differs, and an unstable or
// non-finite crossfeed filter is refused before any node is built.
import { describe, expect, it } from 'vitest';
import { checkChainSettings, chainSettingsEqual } from '../../src/audio/chainSettings';
import { BS2B_DEFAULT, bs2bSections } from '../../src/dsp/crossfeed/bs2b';

const plain = { sections: [], gainDb: 0 };
const crossfed = { sections: [], gainDb: 0, crossfeed: bs2bSections(BS2B_DEFAULT, 48000) };

describe('a chain with crossfeed', () => {
  it('is not equal to the same chain without it, nor to one with another cut frequency', () => {
    expect(chainSettingsEqual(plain, crossfed)).toBe(false);
    expect(chainSettingsEqual(crossfed, { ...crossfed, crossfeed: bs2bSections({ cutHz: 800, feedDb: 4.5 }, 48000) })).toBe(false);
    expect(chainSettingsEqual(crossfed, { ...crossfed, crossfeed: bs2bSections(BS2B_DEFAULT, 48000) })).toBe(true);
  });

  it('refuses a cross filter with its pole on or outside the unit circle, or a NaN coefficient', () => {
    expect(() => checkChainSettings(crossfed)).not.toThrow();
    const { direct, cross } = crossfed.crossfeed;
    expect(() => checkChainSettings({ ...crossfed, crossfeed: { direct, cross: { ...cross, a1: -1 } } })).toThrow(RangeError);
    expect(() => checkChainSettings({ ...crossfed, crossfeed: { direct: { ...direct, b0: Number.NaN }, cross } })).toThrow(RangeError);
  });
});

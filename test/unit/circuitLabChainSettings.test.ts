import { describe, expect, it } from 'vitest';
import { chainSettingsEqual, checkChainSettings, type ChainSettings } from '../../src/audio/chainSettings';

const SHAPER = { curve: new Float32Array([-1, 0, 1]), oversample: '4x' as const };
const LOW_PASS = { b0: 0.2, b1: 0.2, b2: 0, a1: -0.6, a2: 0 };

describe('a chain with filter sections after its shaper', () => {
  it('is a different chain from one whose sections after the shaper differ or are missing', () => {
    const withFilter: ChainSettings = { sections: [], gainDb: 0, shaper: SHAPER, sectionsAfterShaper: [LOW_PASS] };
    expect(chainSettingsEqual(withFilter, { sections: [], gainDb: 0, shaper: SHAPER })).toBe(false);
    expect(chainSettingsEqual(withFilter, { ...withFilter, sectionsAfterShaper: [{ ...LOW_PASS, a1: -0.5 }] })).toBe(false);
    expect(chainSettingsEqual(withFilter, { ...withFilter, sectionsAfterShaper: [{ ...LOW_PASS }] })).toBe(true);
  });

  it('is refused when a section after the shaper is unstable (a pole outside the unit circle)', () => {
    expect(() => checkChainSettings({ sections: [], gainDb: 0, shaper: SHAPER, sectionsAfterShaper: [{ ...LOW_PASS, a1: -1.2 }] })).toThrow(RangeError);
  });
});

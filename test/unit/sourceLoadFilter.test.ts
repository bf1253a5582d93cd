import { describe, expect, it } from 'vitest';
import { cascadeResponseAtHz } from '../../src/dsp/biquad';
import { abs } from '../../src/dsp/complex';
import { headphoneById } from '../../src/dsp/headphones';
import { resistor } from '../../src/dsp/impedance';
import { sourceLoadChain } from '../../src/dsp/sourceLoadFilter';

const chainDbAtHz = (chain: ReturnType<typeof sourceLoadChain>, frequencyHz: number, sampleRateHz: number) =>
  20 * Math.log10(abs(cascadeResponseAtHz(chain.sections, frequencyHz, sampleRateHz))) + chain.gainDb;

describe('sourceLoadChain', () => {
  it('passes the signal unchanged for a 0 Ω source', () => {
    const chain = sourceLoadChain(headphoneById('multi-ba').impedance, 0, 48000);
    expect(chain.sections).toHaveLength(0);
    expect(chain.gainDb).toBe(0);
  });

  it('undoes exactly the flat loss 20·log10(R/(R + Zout)) of a resistive load, leaving 0 dB everywhere', () => {
    const loadOhms = 32;
    const zoutOhms = 32;
    const chain = sourceLoadChain(resistor(loadOhms), zoutOhms, 44100);
    expect(chain.gainDb).toBeCloseTo(-20 * Math.log10(loadOhms / (loadOhms + zoutOhms)), 6); // +6.02 dB
    for (const f of [20, 100, 1000, 10000, 16000]) expect(chainDbAtHz(chain, f, 44100)).toBeCloseTo(0, 6);
  });

  it('keeps the divider’s tilt: the 300 Ω model on 120 Ω is about 1.1 dB higher at 90 Hz than at 1 kHz', () => {
    // |Z| ≈ Re + Res = 520 Ω at fs = 90 Hz and ≈ Re = 300 Ω at 1 kHz (REFERENCES §1).
    const expectedDb = 20 * Math.log10(520 / 640) - 20 * Math.log10(300 / 420);
    for (const rate of [44100, 48000]) {
      const chain = sourceLoadChain(headphoneById('dynamic-300').impedance, 120, rate);
      expect(chainDbAtHz(chain, 90, rate) - chainDbAtHz(chain, 1000, rate)).toBeCloseTo(expectedDb, 1);
    }
  });

  it('loudness-matches by raising B: a lossy divider always gets positive make-up gain', () => {
    for (const id of ['dynamic-300', 'closed-32', 'studio-250', 'planar', 'multi-ba']) {
      expect(sourceLoadChain(headphoneById(id).impedance, 50, 48000).gainDb).toBeGreaterThan(0);
    }
  });
});

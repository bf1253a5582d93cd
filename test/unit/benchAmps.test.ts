import { describe, expect, it } from 'vitest';
import { aWeightingWhiteNoiseRatio } from '../../src/dsp/analysis/aWeighting';
import { predictedThd } from '../../src/dsp/analysis/harmonics';
import {
  HARD_CLIP_RMS_AT_ONE_PERCENT,
  benchAmps,
  onePercentInputPeak,
  outputImpedanceFromTwoLoads,
  predictedClipVoltsRms,
} from '../../src/dsp/bench/benchAmps';
import { loadFromParam, stateFromQuery, stateToQuery } from '../../src/components/lab/bench/setupUrl';

const amp = (id: string) => {
  const found = benchAmps(aWeightingWhiteNoiseRatio()).find((a) => a.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('outputImpedanceFromTwoLoads', () => {
  it('recovers Z from a Thévenin source: G₀ = 2, Z = 10 Ω gives g = 2R/(R + 10) into 32 and 300 Ω', () => {
    const g = (r: number) => (2 * r) / (r + 10);
    expect(outputImpedanceFromTwoLoads(g(32), 32, g(300), 300)).toBeCloseTo(10, 10);
  });
});

describe('HARD_CLIP_RMS_AT_ONE_PERCENT', () => {
  it('is the fundamental out of a clip at ±1 where the THD is 1 %: between the unclipped 1/√2 and the square wave’s 4/(π√2)', () => {
    expect(HARD_CLIP_RMS_AT_ONE_PERCENT).toBeGreaterThan(Math.SQRT1_2);
    expect(HARD_CLIP_RMS_AT_ONE_PERCENT).toBeLessThan(4 / (Math.PI * Math.SQRT2));
  });
});

describe('onePercentInputPeak', () => {
  it('finds the 1 % point of y = x − x³/3·k from the top down: the 3rd harmonic k·A²/12 over A(1 − k·A²/4) reaches 1 % at A ≈ √(0.12/k)', async () => {
    const k = 0.1;
    const curve = (x: number) => x - (k * x ** 3) / 3;
    const peak = await onePercentInputPeak((a) => predictedThd(curve, a, 1000).ratio, 3);
    expect(peak).not.toBeNull();
    const a = peak ?? 0;
    expect(((k * a * a) / 12) / (1 - (k * a * a) / 4)).toBeCloseTo(0.01, 4);
  });
});

describe('bench amps', () => {
  it('a catalogue source clips at the least of its rating and full volume: the Apple adapter’s 1.0 V full scale through its 0.9 Ω divider into 300 Ω', async () => {
    const volts = await predictedClipVoltsRms(amp('apple-usbc-adapter'), 300, 96000);
    expect(Math.abs((volts ?? 0) / ((1.0 * 300) / 300.9) - 1)).toBeLessThan(2e-4);
  });

  it('the O2 stage lands within 10 % (in voltage) of its measured 1 % points: 4.24 V into 33 Ω and 7.24 V into 300 Ω', async () => {
    for (const [ohms, volts] of [[33, 4.24], [300, 7.24]] as const) {
      const predicted = (await predictedClipVoltsRms(amp('o2-stage'), ohms, 96000)) ?? Number.NaN;
      expect(Math.abs(predicted - volts) / volts, `${ohms} Ω`).toBeLessThan(0.1);
    }
  });

  it('the O2 stage’s output impedance is its 0.54 Ω build-out, read from its gains into 32 and 300 Ω', () => {
    expect(amp('o2-stage').outputImpedanceOhms).toBeCloseTo(0.54, 6);
  });

  it('an unbiased class B pair never gets down to 1 % with a millivolt or more out', async () => {
    expect(await predictedClipVoltsRms(amp('push-pull-b'), 32, 96000)).toBeNull();
  });
});

describe('bench setup in the URL', () => {
  const fallback = { a: { ampId: 'o2-stage', load: { kind: 'resistor' as const, ohms: 32 } }, b: null };
  const ampIds = ['o2-stage', 'push-pull-b'];
  const resistors = [16, 32, 300];
  const headphones = ['sennheiser-hd650'];

  it('writes and reads back two setups, a headphone load among them', () => {
    const state = { a: { ampId: 'push-pull-b', load: { kind: 'headphone' as const, id: 'sennheiser-hd650' } }, b: { ampId: 'o2-stage', load: { kind: 'resistor' as const, ohms: 300 } } };
    const query = stateToQuery(state);
    expect(query).toBe('?a=push-pull-b&la=hp-sennheiser-hd650&b=o2-stage&lb=300');
    expect(stateFromQuery(query, fallback, ampIds, resistors, headphones)).toEqual(state);
  });

  it('falls back on unknown amps and loads instead of failing', () => {
    expect(stateFromQuery('?a=nope&la=47', fallback, ampIds, resistors, headphones)).toEqual(fallback);
    expect(loadFromParam('hp-unknown', resistors, headphones)).toBeNull();
  });
});

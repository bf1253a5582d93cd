import { describe, expect, it } from 'vitest';
import {
  type DynamicDriverParams,
  HEADPHONE_MODELS,
  MULTI_BA_CROSSOVER,
  dynamicDriverImpedance,
  headphoneById,
  motionalElements,
} from '../../src/dsp/headphones';
import { magnitudeOhmsAtHz } from '../../src/dsp/impedance';

const REQUIRED_IDS = ['dynamic-300', 'closed-32', 'studio-250', 'planar', 'multi-ba'];

/** |Z| scanned on a fine log grid by brute force (independent of the library's own search). */
function scan(z: (typeof HEADPHONE_MODELS)[number]['impedance'], fromHz: number, toHz: number, points = 4000) {
  let maximum = { ohms: 0, atHz: fromHz };
  let minimum = { ohms: Number.POSITIVE_INFINITY, atHz: fromHz };
  for (let i = 0; i < points; i += 1) {
    const f = fromHz * (toHz / fromHz) ** (i / (points - 1));
    const ohms = magnitudeOhmsAtHz(z, f);
    if (ohms > maximum.ohms) maximum = { ohms, atHz: f };
    if (ohms < minimum.ohms) minimum = { ohms, atHz: f };
  }
  return { maximum, minimum };
}

const singleDriverModels = HEADPHONE_MODELS.filter((m) => m.driver !== null);

describe('the Thiele–Small driver model Re + sLe + (Res ∥ Les ∥ Ces)', () => {
  it('has motional elements that resonate at fs with quality factor Qms', () => {
    const p: DynamicDriverParams = { dcResistanceOhms: 300, voiceCoilInductanceHenries: 2e-4, motionalResistanceOhms: 220, resonanceHz: 90, mechanicalQ: 2 };
    const { capacitanceFarads, inductanceHenries } = motionalElements(p);
    expect(1 / (2 * Math.PI * Math.sqrt(inductanceHenries * capacitanceFarads))).toBeCloseTo(90, 9);
    expect(p.motionalResistanceOhms * Math.sqrt(capacitanceFarads / inductanceHenries)).toBeCloseTo(2, 12);
  });

  it('is Re at very low frequency, where the motional inductance shorts the branch', () => {
    for (const model of singleDriverModels) {
      const driver = model.driver as DynamicDriverParams;
      expect(magnitudeOhmsAtHz(model.impedance, 0.01) / driver.dcResistanceOhms).toBeCloseTo(1, 3);
    }
  });

  it('approaches √(Re² + (2πf·Le)²) at 20 kHz, far above resonance', () => {
    for (const model of singleDriverModels) {
      const driver = model.driver as DynamicDriverParams;
      const expectedOhms = Math.hypot(driver.dcResistanceOhms, 2 * Math.PI * 20_000 * driver.voiceCoilInductanceHenries);
      expect(Math.abs(magnitudeOhmsAtHz(model.impedance, 20_000) / expectedOhms - 1)).toBeLessThan(0.005);
    }
  });

  it('peaks at fs (within 2 %) with |Z| ≈ Re + Res there, for every single-driver model', () => {
    for (const model of singleDriverModels) {
      const driver = model.driver as DynamicDriverParams;
      const { maximum } = scan(model.impedance, 10, 2000);
      expect(Math.abs(maximum.atHz / driver.resonanceHz - 1)).toBeLessThan(0.02);
      const expectedPeakOhms = Math.hypot(
        driver.dcResistanceOhms + driver.motionalResistanceOhms,
        2 * Math.PI * driver.resonanceHz * driver.voiceCoilInductanceHenries,
      );
      expect(Math.abs(maximum.ohms / expectedPeakOhms - 1)).toBeLessThan(0.001);
      expect(magnitudeOhmsAtHz(model.impedance, driver.resonanceHz)).toBeCloseTo(expectedPeakOhms, 6);
    }
  });

  it('rejects a zero resonance frequency or a negative resistance', () => {
    const good: DynamicDriverParams = { dcResistanceOhms: 30, voiceCoilInductanceHenries: 0, motionalResistanceOhms: 20, resonanceHz: 60, mechanicalQ: 2.5 };
    expect(() => dynamicDriverImpedance({ ...good, resonanceHz: 0 })).toThrow(RangeError);
    expect(() => dynamicDriverImpedance({ ...good, dcResistanceOhms: -1 })).toThrow(RangeError);
    expect(() => dynamicDriverImpedance({ ...good, mechanicalQ: Number.NaN })).toThrow(RangeError);
  });
});

describe('the headphone catalogue', () => {
  it('offers the five models the lesson needs, each found by its id', () => {
    for (const id of REQUIRED_IDS) expect(headphoneById(id).id).toBe(id);
    expect(new Set(HEADPHONE_MODELS.map((m) => m.id)).size).toBe(HEADPHONE_MODELS.length);
  });

  it('throws for an unknown id', () => {
    expect(() => headphoneById('hd800-real')).toThrow(RangeError);
  });

  it('says of every hand-picked model that it is illustrative', () => {
    for (const model of HEADPHONE_MODELS) {
      expect(model.isIllustrative).toBe(true);
      expect(model.provenance).toMatch(/illustrative/i);
      expect(model.description.length).toBeGreaterThan(20);
    }
  });

  it('gives the 300 Ω dynamic a peak of about 520 Ω near 90 Hz and about 300 Ω at 1 kHz', () => {
    const model = headphoneById('dynamic-300');
    expect(magnitudeOhmsAtHz(model.impedance, 90)).toBeCloseTo(520, 0);
    expect(Math.abs(magnitudeOhmsAtHz(model.impedance, 1000) / 300 - 1)).toBeLessThan(0.01);
  });

  it('gives the 32 Ω closed model 30 Ω + 20 Ω = 50 Ω at its 60 Hz resonance', () => {
    expect(magnitudeOhmsAtHz(headphoneById('closed-32').impedance, 60)).toBeCloseTo(50, 1);
  });

  it('keeps the planar within 5 % of 50 Ω across 20 Hz–20 kHz', () => {
    const { minimum, maximum } = scan(headphoneById('planar').impedance, 20, 20_000);
    expect(minimum.ohms).toBeGreaterThan(50 * 0.95);
    expect(maximum.ohms).toBeLessThan(50 * 1.05);
  });

  it('lets the multi-BA IEM swing from about 5 Ω to over 40 Ω across 20 Hz–20 kHz', () => {
    const model = headphoneById('multi-ba');
    expect(model.driver).toBeNull();
    const { minimum, maximum } = scan(model.impedance, 20, 20_000);
    expect(minimum.ohms).toBeLessThan(6);
    expect(minimum.ohms).toBeGreaterThan(3);
    expect(maximum.ohms).toBeGreaterThan(40);
  });

  it('shows the multi-BA tweeter branch as a series resonance: near 1/(2π√(L·C)) the impedance dips', () => {
    const { tweeter, tweeterSeriesCapacitanceFarads } = MULTI_BA_CROSSOVER;
    const tweeterResonanceHz = 1 / (2 * Math.PI * Math.sqrt(tweeter.voiceCoilInductanceHenries * tweeterSeriesCapacitanceFarads));
    const { minimum } = scan(headphoneById('multi-ba').impedance, 5000, 20_000);
    expect(Math.abs(minimum.atHz / tweeterResonanceHz - 1)).toBeLessThan(0.15);
  });
});

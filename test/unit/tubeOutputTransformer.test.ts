// The output-transformer equivalent circuit and the three tube-amp outputs (src/dsp/tubeOutput) against closed forms
// worked here by hand: reflected load, mid-band output impedance, both corners, the leakage/capacitance resonance.
import { describe, expect, it } from 'vitest';
import { CATHODE_FOLLOWER_DEFAULTS } from '../../src/dsp/circuits/cathodeFollower';
import { korenPlateCurrentAmps } from '../../src/dsp/circuits/koren';
import { cathodeFollowerBiasPoint } from '../../src/dsp/circuits/cathodeFollower';
import { HEADPHONE_MODELS } from '../../src/dsp/headphones';
import { evaluateAtHz, resistor } from '../../src/dsp/impedance';
import { abs } from '../../src/dsp/complex';
import { responseIntoLoad } from '../../src/dsp/tubeOutput/outputSource';
import {
  MEASURED_TRANSFORMER,
  type OutputTransformerParams,
  PRIMARY_INDUCTANCE_RANGE_HENRIES,
  TURNS_RATIO_RANGE,
  leakageCornerHz,
  lowCornerHz,
  midbandOutputImpedanceOhms,
  transformerSource,
} from '../../src/dsp/tubeOutput/outputTransformer';
import {
  HYBRID_BUFFER_OUTPUT_IMPEDANCE_OHMS,
  OTL_COUPLING_CAPACITANCE_FARADS,
  TOPOLOGIES,
  followerTubeSmallSignal,
  hybridSource,
  lowCornerOfResponseHz,
  otlFollowerSource,
  outputImpedanceOhmsAtHz,
  relativeResponseDbAtHz,
  topologySource,
} from '../../src/dsp/tubeOutput/topologies';

const RP = 3500;
/** A transformer whose capacitance and leakage are negligible, so only the primary inductance shapes the response. */
const ONLY_PRIMARY: OutputTransformerParams = { ...MEASURED_TRANSFORMER, leakageInductanceHenries: 1e-9, primaryCapacitanceFarads: 1e-18 };
/** … and one whose primary inductance and capacitance are negligible, so only the leakage does. */
const ONLY_LEAKAGE: OutputTransformerParams = { ...MEASURED_TRANSFORMER, primaryInductanceHenries: 1e6, primaryCapacitanceFarads: 1e-18 };

/** The highest frequency above 1 kHz before the response falls 3 dB (bisection on a log axis). */
function highCornerHz(h: Parameters<typeof relativeResponseDbAtHz>[0]): number {
  let lo = 1000;
  let hi = 1e8;
  for (let i = 0; i < 60; i += 1) {
    const mid = Math.sqrt(lo * hi);
    if (relativeResponseDbAtHz(h, mid) > -3) lo = mid;
    else hi = mid;
  }
  return lo;
}

describe('an output transformer', () => {
  const n = MEASURED_TRANSFORMER.turnsRatio;

  it('steps the load up by n²: at 1 kHz the EMF divides between rp + Rpri and n²(R_L + Rsec), then down by n', () => {
    for (const loadOhms of [32, 300]) {
      const h = responseIntoLoad(transformerSource(ONLY_PRIMARY, RP), resistor(loadOhms));
      const reflected = n * n * (loadOhms + 0.5);
      const byHand = (reflected / (reflected + RP + 197)) * (loadOhms / (loadOhms + 0.5)) / n;
      // the 19.6 H primary still shunts a little at 1 kHz: 0.2 %
      expect(abs(evaluateAtHz(h, 1000)) / byHand).toBeCloseTo(1, 2);
      expect(abs(evaluateAtHz(h, 20_000)) / byHand).toBeCloseTo(1, 3);
    }
  });

  it('shows the headphone (rp + Rpri)/n² + Rsec at mid-band: 10.4 Ω for the 3 kΩ : 8 Ω transformer on a 3.5 kΩ plate', () => {
    const byHand = (3500 + 197) / 375 + 0.5;
    expect(byHand).toBeCloseTo(10.36, 2);
    expect(midbandOutputImpedanceOhms(MEASURED_TRANSFORMER, RP)).toBeCloseTo(byHand, 9);
    expect(outputImpedanceOhmsAtHz(transformerSource(ONLY_PRIMARY, RP), 10_000) / byHand).toBeCloseTo(1, 3);
  });

  it('halving the turns ratio quadruples the tube’s share of the output impedance', () => {
    const half = { ...ONLY_PRIMARY, turnsRatio: n / 2 };
    const tubeShare = (p: OutputTransformerParams) => outputImpedanceOhmsAtHz(transformerSource(p, RP), 10_000) - 0.5;
    expect(tubeShare(half) / tubeShare(ONLY_PRIMARY)).toBeCloseTo(4, 2);
  });

  it('loses its bass where the primary inductance meets (rp + Rpri) ∥ n²(R_L + Rsec): f = R/(2πLp)', () => {
    for (const loadOhms of [32, 300]) {
      const source = RP + 197;
      const reflected = n * n * (loadOhms + 0.5);
      const byHand = (source * reflected) / (source + reflected) / (2 * Math.PI * 19.6);
      expect(lowCornerHz(MEASURED_TRANSFORMER, RP, loadOhms)).toBeCloseTo(byHand, 9);
      const found = lowCornerOfResponseHz(responseIntoLoad(transformerSource(ONLY_PRIMARY, RP), resistor(loadOhms)));
      expect(found).not.toBeNull();
      expect((found ?? 0) / byHand).toBeCloseTo(1, 2);
    }
    // the lighter load leaves the source resistance alone in charge: a higher corner
    expect(lowCornerHz(MEASURED_TRANSFORMER, RP, 300)).toBeGreaterThan(lowCornerHz(MEASURED_TRANSFORMER, RP, 32));
  });

  it('loses its treble where the leakage inductance meets the whole series resistance: f = (rp + Rpri + n²(R_L + Rsec))/(2πLleak)', () => {
    const byHand = (3500 + 197 + n * n * 32.5) / (2 * Math.PI * 2.8e-3);
    expect(leakageCornerHz(MEASURED_TRANSFORMER, RP, 32)).toBeCloseTo(byHand, 6);
    const h = responseIntoLoad(transformerSource(ONLY_LEAKAGE, RP), resistor(32));
    expect(highCornerHz(h) / byHand).toBeCloseTo(1, 2);
  });

  it('rings at 1/(2π√(Lleak·C)) whatever the turns ratio, driven from 0 Ω into no load', () => {
    const ideal = { ...MEASURED_TRANSFORMER, primaryResistanceOhms: 0, secondaryResistanceOhms: 0 };
    const byHand = 1 / (2 * Math.PI * Math.sqrt(2.8e-3 * 1.15e-9));
    for (const turnsRatio of [4, 19.4]) {
      const h = responseIntoLoad(transformerSource({ ...ideal, turnsRatio }, 0), resistor(1e9));
      const grid = Array.from({ length: 2000 }, (_, i) => 1e4 * 100 ** (i / 1999));
      const peakHz = grid.reduce((best, f) => (abs(evaluateAtHz(h, f)) > abs(evaluateAtHz(h, best)) ? f : best), grid[0] ?? 0);
      expect(peakHz / byHand).toBeCloseTo(1, 2);
    }
  });

  it('returns finite responses over the controls’ ranges into every headphone model', () => {
    for (const turnsRatio of [TURNS_RATIO_RANGE.min, 10, TURNS_RATIO_RANGE.max]) {
      for (const primaryInductanceHenries of [PRIMARY_INDUCTANCE_RANGE_HENRIES.min, PRIMARY_INDUCTANCE_RANGE_HENRIES.max]) {
        for (const model of HEADPHONE_MODELS) {
          const h = responseIntoLoad(transformerSource({ ...MEASURED_TRANSFORMER, turnsRatio, primaryInductanceHenries }, RP), model.impedance);
          for (const f of [1, 20, 1000, 20_000]) expect(Number.isFinite(relativeResponseDbAtHz(h, f))).toBe(true);
        }
      }
    }
  });
});

describe('the tube behind it, and the OTL and hybrid outputs', () => {
  it('takes rp of the follower’s paralleled 12AU7 sections from Koren’s model: 1/(n·∂Ip/∂Vp) by central difference', () => {
    const p = CATHODE_FOLLOWER_DEFAULTS;
    const bias = cathodeFollowerBiasPoint(p);
    const h = 1e-3;
    const slope = (korenPlateCurrentAmps(p.tube, bias.plateToCathodeVolts + h, bias.gridToCathodeVolts) - korenPlateCurrentAmps(p.tube, bias.plateToCathodeVolts - h, bias.gridToCathodeVolts)) / (2 * h);
    expect(followerTubeSmallSignal().plateResistanceOhms / (1 / (p.parallelSections * slope))).toBeCloseTo(1, 5);
  });

  it('gives the OTL follower rp/(µ + 1) ∥ Rk and a bass corner 1/(2πC(Zout + R_L)) from its coupling capacitor', () => {
    const { plateResistanceOhms: rp, mu } = followerTubeSmallSignal();
    const follower = rp / (mu + 1);
    const zout = (follower * 4700) / (follower + 4700);
    expect(outputImpedanceOhmsAtHz(otlFollowerSource(), 1e6) / zout).toBeCloseTo(1, 2);
    for (const loadOhms of [32, 300]) {
      const byHand = 1 / (2 * Math.PI * OTL_COUPLING_CAPACITANCE_FARADS * (zout + loadOhms));
      const found = lowCornerOfResponseHz(responseIntoLoad(otlFollowerSource(), resistor(loadOhms)));
      expect((found ?? 0) / byHand).toBeCloseTo(1, 1);
    }
  });

  it('gives the hybrid its buffer’s 0.5 Ω and a 1.6 Hz corner from 1 µF into 100 kΩ', () => {
    expect(outputImpedanceOhmsAtHz(hybridSource(), 100)).toBe(HYBRID_BUFFER_OUTPUT_IMPEDANCE_OHMS);
    expect((lowCornerOfResponseHz(responseIntoLoad(hybridSource(), resistor(32))) ?? 0) * 2 * Math.PI * 0.1).toBeCloseTo(1, 2);
  });

  it('ranks the three by output impedance at 1 kHz: hybrid < transformer < OTL follower', () => {
    const [otl, transformer, hybrid] = TOPOLOGIES.map((t) => outputImpedanceOhmsAtHz(topologySource(t, MEASURED_TRANSFORMER), 1000));
    expect(hybrid).toBeLessThan(transformer ?? 0);
    expect(transformer).toBeLessThan(otl ?? 0);
  });
});

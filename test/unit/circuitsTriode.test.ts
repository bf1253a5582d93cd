// The triode models against closed forms and independent calculations: Koren's equation written again by hand,
// the load line and the tube equation at the bias point, the textbook gain and output-impedance formulas with µ and
// rp from numerical partial derivatives, and harmonics from a plain DFT. Leaves out ngspice (spiceTriode.test.ts).
import { describe, expect, it } from 'vitest';
import {
  CATHODE_FOLLOWER_DEFAULTS,
  FOLLOWER_CATHODE_RESISTOR_RANGE_OHMS,
  FOLLOWER_SUPPLY_RANGE_VOLTS,
  GRID_BIAS_RANGE_VOLTS,
  FOLLOWER_LOAD_RANGE_OHMS,
  PARALLEL_SECTIONS_RANGE,
  type CathodeFollowerParams,
  cathodeFollower,
  cathodeFollowerBiasPoint,
  cathodeFollowerClippingPoints,
  cathodeFollowerOutputImpedanceOhms,
  cathodeFollowerRanges,
  cathodeFollowerSmallSignalGain,
} from '../../src/dsp/circuits/cathodeFollower';
import {
  KOREN_12AU7,
  KOREN_12AX7,
  type KorenTriode,
  korenGridVoltsForCurrent,
  korenOperatingPoint,
  korenPlateCurrentAmps,
} from '../../src/dsp/circuits/koren';
import {
  CATHODE_RESISTOR_RANGE_OHMS,
  CUTOFF_FRACTION_OF_QUIESCENT,
  PLATE_RESISTOR_RANGE_OHMS,
  SUPPLY_RANGE_VOLTS,
  TRIODE_STAGE_DEFAULTS,
  TRIODE_STAGE_DESIGNS,
  type TriodeStageParams,
  smallSignalGain,
  transferVolts,
  triodeBiasPoint,
  triodeClippingPoints,
  triodeStage,
  triodeStageRanges,
} from '../../src/dsp/circuits/triodeStage';
import { mulberry32 } from '../../src/dsp/random';

/**
 * Koren's equation typed in again from REFERENCES §4: Ip = (E1^ex/kg1)·(1 + sgn E1), with ln(1 + eˣ) as log1p(eˣ)
 * so tiny currents keep their precision (fine wherever eˣ doesn't overflow, as at every point used here).
 */
function korenByHand(t: KorenTriode, vp: number, vg: number): number {
  const e1 = (vp / t.kp) * Math.log1p(Math.exp(t.kp * (1 / t.mu + vg / Math.sqrt(t.kvb + vp * vp))));
  return e1 > 0 ? (e1 ** t.ex / t.kg1) * (1 + Math.sign(e1)) : 0;
}

/** rp and µ from central differences of the hand-written equation: 1/rp = ∂Ip/∂Vp, gm = ∂Ip/∂Vg, µ = gm·rp. */
function rpAndMu(t: KorenTriode, vp: number, vg: number): { rpOhms: number; mu: number } {
  const h = 1e-3;
  const dIdVp = (korenByHand(t, vp + h, vg) - korenByHand(t, vp - h, vg)) / (2 * h);
  const dIdVg = (korenByHand(t, vp, vg + h) - korenByHand(t, vp, vg - h)) / (2 * h);
  return { rpOhms: 1 / dIdVp, mu: dIdVg / dIdVp };
}

/** Amplitudes of harmonics 1…count of one period of y (N samples of exactly one cycle), by a plain DFT. */
function harmonicAmplitudes(y: readonly number[], count: number): number[] {
  const n = y.length;
  return Array.from({ length: count }, (_, i) => {
    const k = i + 1;
    let re = 0;
    let im = 0;
    y.forEach((v, j) => {
      re += v * Math.cos((2 * Math.PI * k * j) / n);
      im -= v * Math.sin((2 * Math.PI * k * j) / n);
    });
    return (2 * Math.hypot(re, im)) / n;
  });
}

const oneCycle = (amplitudeVolts: number, n = 1024): number[] =>
  Array.from({ length: n }, (_, j) => amplitudeVolts * Math.sin((2 * Math.PI * j) / n));

const designs = Object.entries(TRIODE_STAGE_DESIGNS) as [string, TriodeStageParams][];
const lerp = (range: { readonly min: number; readonly max: number }, x: number) => range.min + (range.max - range.min) * x;
/** Every corner of a box of `dimensions` ranges (each coordinate 0 or 1), then `randomCount` seeded random points. */
function pointsInRanges(dimensions: number, randomCount: number, seed: number): number[][] {
  const random = mulberry32(seed);
  const corners = Array.from({ length: 2 ** dimensions }, (_, i) =>
    Array.from({ length: dimensions }, (_, d) => (i >> d) & 1),
  );
  const inside = Array.from({ length: randomCount }, () => Array.from({ length: dimensions }, random));
  return [...corners, ...inside];
}

describe("Koren's triode equation", () => {
  const points: [number, number][] = [
    [250, -8.5],
    [250, -2],
    [100, 0],
    [300, -1],
    [50, -0.5],
    [400, -20],
  ];
  for (const tube of [KOREN_12AX7, KOREN_12AU7]) {
    it(`gives the ${tube.name} current the formula gives at Vpk/Vgk = ${points.map((p) => p.join('/')).join(', ')} V`, () => {
      for (const [vp, vg] of points) {
        const expected = korenByHand(tube, vp, vg);
        expect(Math.abs(korenPlateCurrentAmps(tube, vp, vg) - expected)).toBeLessThanOrEqual(1e-12 * expected);
      }
    });
  }

  it("uses Koren's published numbers for the 12AX7 and 12AU7 (REFERENCES §4) and cites koren-1996", () => {
    const set = (t: KorenTriode) => [t.mu, t.ex, t.kg1, t.kp, t.kvb];
    expect(set(KOREN_12AX7)).toEqual([100, 1.4, 1060, 600, 300]);
    expect(set(KOREN_12AU7)).toEqual([21.5, 1.3, 1180, 84, 300]);
    expect(KOREN_12AX7.sourceId).toBe('koren-1996');
    expect(KOREN_12AU7.sourceId).toBe('koren-1996');
  });

  it('gives no current at zero or negative plate voltage, whatever the grid', () => {
    for (const vg of [-50, 0, 5, 1e6]) {
      expect(korenPlateCurrentAmps(KOREN_12AX7, 0, vg)).toBe(0);
      expect(korenPlateCurrentAmps(KOREN_12AX7, -10, vg)).toBe(0);
    }
  });

  it('does not overflow where kp·x is far beyond exp’s range: E1 → (Vp/kp)·kp·(1/µ + Vg/√(kvb + Vp²))', () => {
    const vp = 10;
    const vg = 1e4;
    const x = 1 / KOREN_12AX7.mu + vg / Math.sqrt(KOREN_12AX7.kvb + vp * vp);
    const e1 = vp * x;
    const expected = (2 * e1 ** KOREN_12AX7.ex) / KOREN_12AX7.kg1;
    expect(Math.exp(KOREN_12AX7.kp * x)).toBe(Infinity);
    expect(korenPlateCurrentAmps(KOREN_12AX7, vp, vg)).toBeCloseTo(expected, 9);
  });

  it('inverts for the grid voltage: the current at the returned Vgk is the current asked for', () => {
    for (const tube of [KOREN_12AX7, KOREN_12AU7]) {
      for (const [vp, vg] of points) {
        const current = korenByHand(tube, vp, vg);
        const vgk = korenGridVoltsForCurrent(tube, vp, current);
        expect(Math.abs(korenByHand(tube, vp, vgk) / current - 1)).toBeLessThan(1e-9);
      }
    }
  });

  it('reports 1/rp and gm that match central differences of the hand-written equation within 1e-6', () => {
    for (const tube of [KOREN_12AX7, KOREN_12AU7]) {
      for (const [vp, vg] of points) {
        const op = korenOperatingPoint(tube, vp, vg);
        const h = 1e-4;
        const dIdVp = (korenByHand(tube, vp + h, vg) - korenByHand(tube, vp - h, vg)) / (2 * h);
        const dIdVg = (korenByHand(tube, vp, vg + h) - korenByHand(tube, vp, vg - h)) / (2 * h);
        expect(Math.abs(op.plateConductanceSiemens / dIdVp - 1)).toBeLessThan(1e-6);
        expect(Math.abs(op.transconductanceSiemens / dIdVg - 1)).toBeLessThan(1e-6);
      }
    }
  });
});

describe('the common-cathode stage', () => {
  for (const [name, p] of designs) {
    const { supplyVolts: bPlus, plateResistorOhms: ra, cathodeResistorOhms: rk, tube } = p;

    it(`${name}: the bias point lies on the load line and on the tube's curve at once (residual < 1e-9 A)`, () => {
      const bias = triodeBiasPoint(p);
      const ip = bias.plateCurrentAmps;
      expect(bias.plateVolts).toBeCloseTo(bPlus - ip * ra, 9);
      expect(bias.cathodeVolts).toBeCloseTo(ip * rk, 12);
      expect(bias.gridToCathodeVolts).toBeCloseTo(-ip * rk, 12);
      const tubeCurrent = korenByHand(tube, bPlus - ip * (ra + rk), -ip * rk);
      expect(Math.abs(ip - tubeCurrent)).toBeLessThan(1e-9);
      expect(ip).toBeGreaterThan(0);
      expect(bias.plateVolts).toBeGreaterThan(0.25 * bPlus);
      expect(bias.plateVolts).toBeLessThan(0.75 * bPlus);
    });

    it(`${name}: the gain matches −µ·Ra/(Ra + rp + (µ + 1)·Rk) with µ and rp at the bias point within 1%`, () => {
      const bias = triodeBiasPoint(p);
      const { rpOhms, mu } = rpAndMu(tube, bias.plateToCathodeVolts, bias.gridToCathodeVolts);
      const expected = (-mu * ra) / (ra + rpOhms + (mu + 1) * rk);
      const gain = smallSignalGain(p);
      expect(gain).toBeLessThan(0);
      expect(Math.abs(gain / expected - 1)).toBeLessThan(0.01);
    });

    it(`${name}: the plate falls as the grid rises, strictly over the widget's range and never rising beyond it`, () => {
      const { maxInputVoltsPeak } = triodeStageRanges(p);
      const inside = Array.from({ length: 2001 }, (_, i) => transferVolts(p, maxInputVoltsPeak * (i / 1000 - 1)));
      inside.slice(1).forEach((v, i) => expect(v).toBeLessThan(inside[i] ?? Number.NaN));
      const wide = Array.from({ length: 2001 }, (_, i) => transferVolts(p, 200 * (i / 1000 - 1)));
      wide.slice(1).forEach((v, i) => expect(v).toBeLessThanOrEqual(wide[i] ?? Number.NaN));
    });

    it(`${name}: at the grid-current point Vgk = 0, and at the cut-off point the current is 1% of idle`, () => {
      const { inputAtGridCurrentVolts, inputAtCutoffVolts } = triodeClippingPoints(p);
      const currentAt = (vin: number) => (bPlus - transferVolts(p, vin)) / ra;
      expect(Math.abs(inputAtGridCurrentVolts - currentAt(inputAtGridCurrentVolts) * rk)).toBeLessThan(1e-7);
      const idle = triodeBiasPoint(p).plateCurrentAmps;
      expect(currentAt(inputAtCutoffVolts) / idle).toBeCloseTo(CUTOFF_FRACTION_OF_QUIESCENT, 6);
      expect(inputAtCutoffVolts).toBeLessThan(0);
      expect(inputAtGridCurrentVolts).toBeGreaterThan(0);
    });

    it(`${name}: a sine at half the grid-current input has more 2nd harmonic than 3rd`, () => {
      const { inputAtGridCurrentVolts } = triodeClippingPoints(p);
      const out = oneCycle(0.5 * inputAtGridCurrentVolts).map((v) => transferVolts(p, v));
      const [, h2 = 0, h3 = 0] = harmonicAmplitudes(out, 3);
      expect(h2).toBeGreaterThan(h3);
    });

    it(`${name}: at small drive tubecad's D2 = [½(Vmax + Vmin) − Vq]/(Vmax − Vmin) matches the DFT's H2/H1 within 10%`, () => {
      const amplitude = 0.1 * triodeClippingPoints(p).inputAtGridCurrentVolts;
      const out = oneCycle(amplitude).map((v) => transferVolts(p, v));
      const [h1 = 0, h2 = 0] = harmonicAmplitudes(out, 2);
      const vMax = transferVolts(p, -amplitude);
      const vMin = transferVolts(p, amplitude);
      const d2 = Math.abs((0.5 * (vMax + vMin) - transferVolts(p, 0)) / (vMax - vMin));
      expect(Math.abs(d2 / (h2 / h1) - 1)).toBeLessThan(0.1);
    });
  }

  it('is an AmplifierStage whose quiescent output is the bias plate voltage and whose samples follow the curve', () => {
    const stage = triodeStage(TRIODE_STAGE_DEFAULTS);
    expect(stage.quiescentOutputVolts).toBeCloseTo(triodeBiasPoint(TRIODE_STAGE_DEFAULTS).plateVolts, 9);
    stage.prepare(48_000);
    stage.reset();
    for (const v of [-5, -1, 0, 0.3, 4]) expect(stage.processSample(v)).toBe(stage.transferVolts(v));
  });

  it('returns finite, ordered outputs between 0 V and B+ at every corner of the control ranges and inside them', () => {
    const designsTried = [KOREN_12AX7, KOREN_12AU7].flatMap((tube) =>
      pointsInRanges(3, 40, 7).map(([supply = 0, plate = 0, cathode = 0]) => ({
        tube,
        supplyVolts: lerp(SUPPLY_RANGE_VOLTS, supply),
        plateResistorOhms: lerp(PLATE_RESISTOR_RANGE_OHMS, plate),
        cathodeResistorOhms: lerp(CATHODE_RESISTOR_RANGE_OHMS, cathode),
      })),
    );
    for (const p of designsTried) {
      const { maxInputVoltsPeak, outputVoltsRange } = triodeStageRanges(p);
      expect(maxInputVoltsPeak).toBeGreaterThan(0);
      expect(outputVoltsRange[0]).toBeLessThan(outputVoltsRange[1]);
      for (const scale of [-10, -1.5, -1, -0.37, 0, 0.5, 1, 1.5, 10]) {
        const out = transferVolts(p, scale * maxInputVoltsPeak);
        expect(Number.isFinite(out)).toBe(true);
        expect(out).toBeGreaterThanOrEqual(0);
        expect(out).toBeLessThanOrEqual(p.supplyVolts);
      }
      expect(Number.isFinite(smallSignalGain(p))).toBe(true);
    }
    expect(Number.isFinite(transferVolts(TRIODE_STAGE_DEFAULTS, Number.POSITIVE_INFINITY))).toBe(true);
    expect(Number.isFinite(transferVolts(TRIODE_STAGE_DEFAULTS, Number.NaN))).toBe(true);
  });
});

describe('the cathode-follower (OTL) output, 12AU7 standing in for a power triode', () => {
  const p = CATHODE_FOLLOWER_DEFAULTS;
  const n = p.parallelSections;
  const rk = p.cathodeResistorOhms;
  const rl = p.loadOhms;

  it('idles where the sections’ current equals the cathode resistor’s, Vk/Rk (residual < 1e-9 A)', () => {
    const bias = cathodeFollowerBiasPoint(p);
    const vk = bias.cathodeVolts;
    const tubeCurrent = n * korenByHand(p.tube, p.supplyVolts - vk, p.gridBiasVolts - vk);
    expect(Math.abs(tubeCurrent - vk / rk)).toBeLessThan(1e-9);
    expect(bias.cathodeCurrentAmps).toBeCloseTo(vk / rk, 9);
    expect(bias.gridToCathodeVolts).toBeLessThan(0);
  });

  it('has an output impedance of rp/(µ + 1) ∥ Rk, with rp/n and µ from the model at the bias point, within 0.5%', () => {
    const bias = cathodeFollowerBiasPoint(p);
    const section = rpAndMu(p.tube, bias.plateToCathodeVolts, bias.gridToCathodeVolts);
    const rp = section.rpOhms / n;
    const follower = rp / (section.mu + 1);
    const expected = (follower * rk) / (follower + rk);
    expect(Math.abs(cathodeFollowerOutputImpedanceOhms(p) / expected - 1)).toBeLessThan(0.005);
  });

  it('has a gain into the load of RL′/(RL′ + rp/(µ + 1))·µ/(µ + 1), RL′ = Rk ∥ RL, within 1%', () => {
    const bias = cathodeFollowerBiasPoint(p);
    const section = rpAndMu(p.tube, bias.plateToCathodeVolts, bias.gridToCathodeVolts);
    const rp = section.rpOhms / n;
    const mu = section.mu;
    const rlEff = (rk * rl) / (rk + rl);
    const expected = (mu * rlEff) / (rp + (mu + 1) * rlEff);
    expect(Math.abs(cathodeFollowerSmallSignalGain(p) / expected - 1)).toBeLessThan(0.01);
  });

  it('sits at 0 V on the load at idle and rises with the grid', () => {
    const stage = cathodeFollower(p);
    expect(stage.quiescentOutputVolts).toBeCloseTo(0, 9);
    const { maxInputVoltsPeak } = cathodeFollowerRanges(p);
    const curve = Array.from({ length: 801 }, (_, i) => stage.transferVolts(maxInputVoltsPeak * (i / 400 - 1)));
    curve.slice(1).forEach((v, i) => expect(v).toBeGreaterThan(curve[i] ?? Number.NaN));
  });

  it('bottoms out at −Vk0·RL/(Rk + RL) once the tube is off: the capacitor’s charge shared by Rk and the load', () => {
    const vk0 = cathodeFollowerBiasPoint(p).cathodeVolts;
    const floor = (-vk0 * rl) / (rk + rl);
    expect(cathodeFollower(p).transferVolts(-100)).toBeCloseTo(floor, 9);
    expect(cathodeFollowerClippingPoints(p).outputAtCutoffVolts).toBeGreaterThan(floor);
    expect(cathodeFollowerClippingPoints(p).outputAtCutoffVolts).toBeLessThan(0.95 * floor);
  });

  it('swings less into 32 Ω than into 300 Ω before cut-off: the idle current limits the pull-down', () => {
    const into32 = cathodeFollowerClippingPoints({ ...p, loadOhms: 32 }).outputAtCutoffVolts;
    const into300 = cathodeFollowerClippingPoints(p).outputAtCutoffVolts;
    const idleAmps = cathodeFollowerBiasPoint(p).cathodeCurrentAmps;
    expect(into32).toBeGreaterThan(into300);
    expect(-into32).toBeLessThan(idleAmps * 32);
  });

  it('returns finite outputs at every corner of the control ranges and inside them', () => {
    for (const [sections = 0, supply = 0, grid = 0, cathode = 0, load = 0] of pointsInRanges(5, 60, 11)) {
      const q: CathodeFollowerParams = {
        tube: KOREN_12AU7,
        parallelSections: Math.round(lerp(PARALLEL_SECTIONS_RANGE, sections)),
        supplyVolts: lerp(FOLLOWER_SUPPLY_RANGE_VOLTS, supply),
        gridBiasVolts: lerp(GRID_BIAS_RANGE_VOLTS, grid),
        cathodeResistorOhms: lerp(FOLLOWER_CATHODE_RESISTOR_RANGE_OHMS, cathode),
        loadOhms: lerp(FOLLOWER_LOAD_RANGE_OHMS, load),
      };
      const stage = cathodeFollower(q);
      const { maxInputVoltsPeak, outputVoltsRange } = cathodeFollowerRanges(q);
      expect(maxInputVoltsPeak).toBeGreaterThan(0);
      expect(outputVoltsRange.every(Number.isFinite)).toBe(true);
      expect(Number.isFinite(cathodeFollowerOutputImpedanceOhms(q))).toBe(true);
      for (const scale of [-10, -1, -0.5, 0, 0.5, 1, 10]) {
        expect(Number.isFinite(stage.transferVolts(scale * maxInputVoltsPeak))).toBe(true);
      }
    }
  });
});

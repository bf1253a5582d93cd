/**
 * Cross-checks the push-pull model (src/dsp/circuits/pushPullStage.ts) against ngspice (WebAssembly). The netlist is
 * generated from the model's own parameters (src/spice/netlists/pushPullStage.ts), so the two can't drift apart. The
 * transistors are ngspice's own BJT model, not behavioural sources: its Gummel–Poon equations with only IS set (BF huge so base current ≈ 0, as our β → ∞;
 * NF = 1; no Early effect, resistances or capacitances) reduce to the Ebers–Moll law we solve, written and solved by
 * independent code. Saturation: we say the emitter can't pass its rail minus Vce,sat; putting the SPICE collectors
 * at ±(Vcc − Vce,sat) says the same, because ngspice's transport current Is·(exp(Vbe/Vt) − exp(Vbc/Vt)) collapses as
 * Vce → 0 (within a few Vt of our hard limit). T = 300 K (26.85 °C) for both, TNOM too so IS is not rescaled.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PUSH_PULL_DEFAULTS,
  pushPullOperatingPoint,
  pushPullStageRanges,
  type PushPullParams,
} from '../../src/dsp/circuits/pushPullStage';
import { symmetricSweep } from '../../src/spice/deck';
import { PUSH_PULL_INPUT, pushPullStageNetlist } from '../../src/spice/netlists/pushPullStage';
import { SpiceSimulator } from '../../src/spice/simulator';

/** Sweep step, volts. */
const STEP_VOLTS = 0.02;
/** Allowed disagreement: 2 % of full scale, the output's reach Vcc − Vce,sat. */
const TOLERANCE_OF_FULL_SCALE = 0.02;

let spice: SpiceSimulator;
beforeAll(async () => {
  spice = await SpiceSimulator.start();
}, 30_000);

/** The deck swept over the widget's input range in steps of about STEP_VOLTS, an even number so 0 V is a point. */
function netlist(params: PushPullParams): string {
  const { maxInputVoltsPeak } = pushPullStageRanges(params);
  const steps = 2 * Math.round(maxInputVoltsPeak / STEP_VOLTS);
  return pushPullStageNetlist(params, symmetricSweep(PUSH_PULL_INPUT, maxInputVoltsPeak, steps));
}

interface Agreement {
  readonly worstErrorOfFullScale: number;
  /** The same, over the points where our output is more than 0.1 V inside its saturation limit. */
  readonly worstActiveErrorOfFullScale: number;
  readonly points: number;
  /** ngspice's NPN collector current at 0 V in. */
  readonly spiceQuiescentAmps: number;
}

async function compare(params: PushPullParams): Promise<Agreement> {
  const { sweep, vectors } = await spice.dcSweep(netlist(params), ['v(out)', 'i(vcp)']);
  const spiceOut = vectors['v(out)'] ?? [];
  const spiceCollector = vectors['i(vcp)'] ?? [];
  const fullScaleVolts = params.railVolts - params.saturationVolts;
  const saturatedOutputVolts = (fullScaleVolts * params.loadOhms) / (params.loadOhms + params.emitterResistorOhms);
  let worstErrorOfFullScale = 0;
  let worstActiveErrorOfFullScale = 0;
  let spiceQuiescentAmps = Number.NaN;
  sweep.forEach((inputVolts, i) => {
    const ours = pushPullOperatingPoint(params, inputVolts).outputVolts;
    const error = Math.abs(ours - (spiceOut[i] ?? Number.NaN)) / fullScaleVolts;
    if (!(error <= worstErrorOfFullScale)) worstErrorOfFullScale = error;
    if (Math.abs(ours) < saturatedOutputVolts - 0.1 && !(error <= worstActiveErrorOfFullScale)) {
      worstActiveErrorOfFullScale = error;
    }
    // The current into the source's + terminal is negative when the NPN draws from it.
    if (Math.abs(inputVolts) < STEP_VOLTS / 2) spiceQuiescentAmps = -(spiceCollector[i] ?? Number.NaN);
  });
  return { worstErrorOfFullScale, worstActiveErrorOfFullScale, points: sweep.length, spiceQuiescentAmps };
}

const CASES: { readonly name: string; readonly params: PushPullParams }[] = [
  { name: 'class B, defaults (±12 V, 1 Ω, 32 Ω)', params: { ...PUSH_PULL_DEFAULTS, outputClass: 'B' } },
  { name: 'class AB, defaults (20 mA)', params: { ...PUSH_PULL_DEFAULTS, outputClass: 'AB' } },
  {
    name: 'class B into 16 Ω with 0.47 Ω, ±5 V',
    params: { ...PUSH_PULL_DEFAULTS, outputClass: 'B', loadOhms: 16, emitterResistorOhms: 0.47, railVolts: 5 },
  },
  {
    name: 'class AB at 50 mA into 16 Ω with 2.2 Ω',
    params: { ...PUSH_PULL_DEFAULTS, outputClass: 'AB', biasCurrentAmps: 0.05, loadOhms: 16, emitterResistorOhms: 2.2 },
  },
  {
    name: 'class AB at 1 mA into 600 Ω, ±15 V',
    params: { ...PUSH_PULL_DEFAULTS, outputClass: 'AB', biasCurrentAmps: 0.001, loadOhms: 600, railVolts: 15 },
  },
];

describe('push-pull stage against ngspice (Ebers–Moll BJTs, DC sweep over ±Vcc)', () => {
  for (const { name, params } of CASES) {
    it(`${name}: transferVolts agrees with ngspice within 2 % of full scale at every point`, async () => {
      const agreement = await compare(params);
      expect(agreement.points).toBeGreaterThan(100);
      expect(agreement.worstErrorOfFullScale).toBeLessThan(TOLERANCE_OF_FULL_SCALE);
    });
  }

  for (const { name, params } of CASES) {
    it(`${name}: away from saturation (0.1 V inside it) the two agree within 0.01 % of full scale, crossover included`, async () => {
      const agreement = await compare(params);
      expect(agreement.worstActiveErrorOfFullScale).toBeLessThan(1e-4);
    });
  }

  it('ngspice’s quiescent collector current in class AB is the bias current the model was asked for, within 1 %', async () => {
    const params: PushPullParams = { ...PUSH_PULL_DEFAULTS, outputClass: 'AB' };
    const { spiceQuiescentAmps } = await compare(params);
    expect(Math.abs(spiceQuiescentAmps / params.biasCurrentAmps - 1)).toBeLessThan(0.01);
  });
});

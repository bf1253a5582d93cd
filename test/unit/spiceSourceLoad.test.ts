// A source's output impedance into each headphone model, in ngspice (src/spice/netlists/sourceIntoHeadphone.ts, an
// AC sweep) against the model and against the divider written out by hand: |Zhp/(Zhp + Zout)| with
// Zhp = Re + jωLe + 1/(1/Res + 1/(jωLes) + jωCes) from the driver's parameters.
import { beforeAll, describe, expect, it } from 'vitest';
import { HEADPHONE_MODELS, headphoneById, motionalElements } from '../../src/dsp/headphones';
import { acVectors } from '../../src/spice/results';
import {
  HEADPHONE_CURRENT_VECTOR,
  HEADPHONE_NODE_VECTOR,
  sourceIntoHeadphoneNetlist,
} from '../../src/spice/netlists/sourceIntoHeadphone';
import { SOURCE_LOAD_SWEEP, compareSourceLoad } from '../../src/spice/sourceLoadCheck';
import { SpiceSimulator } from '../../src/spice/simulator';

let spice: SpiceSimulator;
beforeAll(async () => {
  spice = await SpiceSimulator.start();
}, 30_000);

async function sweep(id: string, outputImpedanceOhms: number) {
  const model = headphoneById(id);
  const deck = sourceIntoHeadphoneNetlist(model, outputImpedanceOhms, SOURCE_LOAD_SWEEP);
  const { result, messages } = await spice.run(deck);
  const run = acVectors(result, [HEADPHONE_NODE_VECTOR, HEADPHONE_CURRENT_VECTOR], messages);
  return { model, deck, run, check: compareSourceLoad(model.impedance, outputImpedanceOhms, run) };
}

/** |Z| of a driver at f, by hand: Re + jωLe + (Res ∥ Les ∥ Ces). */
function driverImpedance(id: string, frequencyHz: number): { re: number; im: number } {
  const driver = headphoneById(id).driver;
  if (driver === null) throw new Error('a single driver');
  const w = 2 * Math.PI * frequencyHz;
  const { capacitanceFarads: c, inductanceHenries: l } = motionalElements(driver);
  // admittance of the motional branch: 1/Res + 1/(jωL) + jωC = 1/Res + j(ωC − 1/(ωL))
  const g = 1 / driver.motionalResistanceOhms;
  const b = w * c - 1 / (w * l);
  const denominator = g * g + b * b;
  return { re: driver.dcResistanceOhms + g / denominator, im: w * driver.voiceCoilInductanceHenries - b / denominator };
}

describe('a source into a headphone, in ngspice', () => {
  it('sweeps 20 Hz to 20 kHz at 80 points a decade, 241 points', async () => {
    const { run, deck } = await sweep('dynamic-300', 120);
    expect(deck).toMatch(/^\.ac dec 80 20 20000$/m);
    expect(run.frequenciesHz).toHaveLength(241);
    expect(run.frequenciesHz[0]).toBeCloseTo(20, 9);
    expect(run.frequenciesHz.at(-1)).toBeCloseTo(20_000, 6);
  });

  it("120 Ω into the 300 Ω dynamic: ngspice's response is |Zhp/(Zhp + Zout)| by hand within 0.001 dB, and its bass peak 520 Ω at 90 Hz", async () => {
    const { run, check } = await sweep('dynamic-300', 120);
    const node = run.vectors[HEADPHONE_NODE_VECTOR] ?? [];
    run.frequenciesHz.forEach((f, i) => {
      const z = driverImpedance('dynamic-300', f);
      const byHand = 20 * Math.log10(Math.hypot(z.re, z.im) / Math.hypot(z.re + 120, z.im));
      const v = node[i] ?? { re: NaN, im: NaN };
      expect(Math.abs(20 * Math.log10(Math.hypot(v.re, v.im)) - byHand)).toBeLessThan(0.001);
    });
    const nearResonance = run.frequenciesHz.findIndex((f) => f >= 90);
    // |Z(fs)| = |Re + j2πfs·Le + Res| ≈ 520 Ω (the 0.2 mH coil adds 0.1 Ω of reactance at 90 Hz)
    const peak = Math.max(...check.impedanceOhms);
    expect(peak).toBeGreaterThan(519);
    expect(peak).toBeLessThan(520.5);
    expect(Math.abs(run.frequenciesHz[check.impedanceOhms.indexOf(peak)]! / 90 - 1)).toBeLessThan(0.03);
    expect(nearResonance).toBeGreaterThan(0);
    expect(check.worstResponseDifferenceDb).toBeLessThan(0.001);
    expect(check.worstImpedanceDifference).toBeLessThan(1e-5);
    // The relative curve: 0 dB at 1 kHz, and about +1.1 dB at the 90 Hz peak for 120 Ω (REFERENCES §1).
    const at1k = check.relativeResponseDb[run.frequenciesHz.findIndex((f) => f >= 1000)] ?? NaN;
    expect(Math.abs(at1k)).toBeLessThan(0.01);
    expect(Math.max(...check.relativeResponseDb)).toBeGreaterThan(1.0);
  });

  for (const model of HEADPHONE_MODELS) {
    for (const outputImpedanceOhms of [0, 33, 100]) {
      it(`${model.name}, ${outputImpedanceOhms} Ω: ngspice and the model agree within 0.01 dB and 0.01 % of |Z|`, async () => {
        const { check } = await sweep(model.id, outputImpedanceOhms);
        expect(check.worstResponseDifferenceDb).toBeLessThan(0.01);
        expect(check.worstImpedanceDifference).toBeLessThan(1e-4);
        if (outputImpedanceOhms === 0) expect(Math.max(...check.relativeResponseDb.map(Math.abs))).toBeLessThan(1e-6);
      });
    }
  }
});

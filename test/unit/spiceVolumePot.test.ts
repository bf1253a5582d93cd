// The volume pot into the next stage's input resistance, in ngspice (src/spice/netlists/volumePot.ts, an .op of one
// pot copy per rotation), against the divider by hand: (rRp ∥ RL)/((1 − r)Rp + rRp ∥ RL), r = (b^θ − 1)/(b − 1).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadedRatio, taperRatio } from '../../src/dsp/volume/potTaper';
import { operatingPointValues } from '../../src/spice/results';
import { volumePotNetlist, wiperVector } from '../../src/spice/netlists/volumePot';
import { SpiceSimulator } from '../../src/spice/simulator';

let spice: SpiceSimulator;
beforeAll(async () => {
  spice = await SpiceSimulator.start();
}, 30_000);

const ROTATIONS = Array.from({ length: 19 }, (_, i) => 0.05 * (i + 1));

async function wipers(potOhms: number, loadOhms: number): Promise<number[]> {
  const { result, messages } = await spice.run(volumePotNetlist(ROTATIONS, potOhms, loadOhms));
  const op = operatingPointValues(result, messages);
  return ROTATIONS.map((_, k) => op.get(wiperVector(k)) ?? Number.NaN);
}

/** The loaded divider written out here, independent of the model's function. */
function byHand(rotation: number, potOhms: number, loadOhms: number): number {
  const b = (1 / 0.15 - 1) ** 2;
  const r = (b ** rotation - 1) / (b - 1);
  const lower = Number.isFinite(loadOhms) ? 1 / (1 / (r * potOhms) + 1 / loadOhms) : r * potOhms;
  return lower / ((1 - r) * potOhms + lower);
}

describe('a volume pot into a load, in ngspice', () => {
  for (const [potOhms, loadOhms] of [
    [10e3, Number.POSITIVE_INFINITY],
    [10e3, 10e3],
    [50e3, 10e3],
  ] as const) {
    it(`${potOhms / 1e3} kΩ into ${Number.isFinite(loadOhms) ? `${loadOhms / 1e3} kΩ` : 'no load'}: ngspice, the model and the hand divider agree within 0.001 dB at 19 rotations`, async () => {
      const spiceRatios = await wipers(potOhms, loadOhms);
      ROTATIONS.forEach((rotation, k) => {
        const hand = byHand(rotation, potOhms, loadOhms);
        const model = loadedRatio(taperRatio(rotation), potOhms, loadOhms);
        expect(Math.abs(20 * Math.log10((spiceRatios[k] ?? 0) / hand))).toBeLessThan(0.001);
        expect(Math.abs(20 * Math.log10(model / hand))).toBeLessThan(0.001);
      });
    });
  }

  it('a 10 kΩ load pulls a 50 kΩ pot 4.28 dB down at 12 o\'clock: 7.5 k ∥ 10 k = 4.286 k under 42.5 k', async () => {
    const [loaded, free] = [await wipers(50e3, 10e3), await wipers(50e3, Number.POSITIVE_INFINITY)];
    const half = ROTATIONS.findIndex((rotation) => Math.abs(rotation - 0.5) < 1e-9);
    const lower = 1 / (1 / 7500 + 1 / 10e3);
    expect(20 * Math.log10((free[half] ?? 0) / (loaded[half] ?? 1))).toBeCloseTo(20 * Math.log10(0.15 / (lower / (42500 + lower))), 3);
  });
});

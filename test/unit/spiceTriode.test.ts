// The triode circuits against ngspice (WebAssembly, src/spice/simulator.ts): the same circuits, generated from the
// model's own parameters (src/spice/netlists), with Koren's equation as behavioural sources, swept over the widget's
// input range. Leaves out the closed-form checks (circuitsTriode.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CATHODE_FOLLOWER_DEFAULTS,
  cathodeFollower,
  cathodeFollowerBiasPoint,
  cathodeFollowerRanges,
} from '../../src/dsp/circuits/cathodeFollower';
import {
  TRIODE_STAGE_DESIGNS,
  type TriodeStageParams,
  transferVolts,
  triodeStageRanges,
} from '../../src/dsp/circuits/triodeStage';
import { symmetricSweep } from '../../src/spice/deck';
import {
  CATHODE_FOLLOWER_INPUT,
  LIFTED_LOAD_OHMS,
  cathodeFollowerNetlist,
} from '../../src/spice/netlists/cathodeFollower';
import { TRIODE_STAGE_INPUT, triodeStageNetlist } from '../../src/spice/netlists/triodeStage';
import { SpiceSimulator } from '../../src/spice/simulator';

const SWEEP_STEPS = 200;
/** Agreement required at every sweep point, as a fraction of the output's swing over the sweep. */
const TOLERANCE_OF_FULL_SCALE = 0.02;

let spice: SpiceSimulator;
beforeAll(async () => {
  spice = await SpiceSimulator.start();
}, 30_000);

/** One vector of a deck's sweep. */
async function sweepOf(netlist: string, vector: string): Promise<{ sweep: readonly number[]; values: readonly number[] }> {
  const { sweep, vectors } = await spice.dcSweep(netlist, [vector]);
  return { sweep, values: vectors[vector] ?? [] };
}

/** The worst difference between our curve and ngspice's over the sweep, as a fraction of ngspice's swing. */
function worstErrorOfFullScale(ours: (inputVolts: number) => number, sweep: readonly number[], values: readonly number[]): number {
  const fullScaleVolts = Math.max(...values) - Math.min(...values);
  const worst = Math.max(...sweep.map((vin, i) => Math.abs(ours(vin) - (values[i] ?? Number.NaN))));
  return worst / fullScaleVolts;
}

describe('the triode stage against ngspice', () => {
  for (const [name, p] of Object.entries(TRIODE_STAGE_DESIGNS) as [string, TriodeStageParams][]) {
    it(`${name}: the plate voltage agrees with ngspice's within 2% of the swing at every point of the widget's sweep`, async () => {
      const { maxInputVoltsPeak } = triodeStageRanges(p);
      const netlist = triodeStageNetlist(p, symmetricSweep(TRIODE_STAGE_INPUT, maxInputVoltsPeak, SWEEP_STEPS));
      expect(netlist).toContain(`.param mu=${p.tube.mu} `);
      const { sweep, values } = await sweepOf(netlist, 'v(p)');
      expect(sweep.length).toBe(SWEEP_STEPS + 1);
      expect(sweep[0]).toBeCloseTo(-maxInputVoltsPeak, 9);
      expect(sweep[sweep.length - 1]).toBeCloseTo(maxInputVoltsPeak, 6);
      expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(0.25 * p.supplyVolts);
      const worst = worstErrorOfFullScale((vin) => transferVolts(p, vin), sweep, values);
      expect(worst).toBeLessThan(TOLERANCE_OF_FULL_SCALE);
    });
  }
});

describe('the cathode follower against ngspice', () => {
  const p = CATHODE_FOLLOWER_DEFAULTS;

  it("idles at ngspice's cathode voltage and gives the load ngspice's voltage within 2% of the swing over the sweep", async () => {
    const sweepSpec = symmetricSweep(CATHODE_FOLLOWER_INPUT, cathodeFollowerRanges(p).maxInputVoltsPeak, SWEEP_STEPS);
    const idle = await sweepOf(cathodeFollowerNetlist(p, sweepSpec, { loadOhms: LIFTED_LOAD_OHMS, capacitorVolts: 0 }), 'v(k)');
    const idleIndex = Math.floor(SWEEP_STEPS / 2);
    expect(idle.sweep[idleIndex]).toBeCloseTo(0, 9);
    const spiceIdleCathodeVolts = idle.values[idleIndex] ?? Number.NaN;
    expect(cathodeFollowerBiasPoint(p).cathodeVolts).toBeCloseTo(spiceIdleCathodeVolts, 4);

    const loaded = await sweepOf(cathodeFollowerNetlist(p, sweepSpec, { capacitorVolts: spiceIdleCathodeVolts }), 'v(o)');
    expect(loaded.sweep.length).toBe(SWEEP_STEPS + 1);
    const stage = cathodeFollower(p);
    const worst = worstErrorOfFullScale(stage.transferVolts, loaded.sweep, loaded.values);
    expect(worst).toBeLessThan(TOLERANCE_OF_FULL_SCALE);
  });
});

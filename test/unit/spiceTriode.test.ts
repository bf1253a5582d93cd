// The triode circuits against ngspice: the same circuits (test/spice/triode-stage.cir, cathode-follower.cir) with
// Koren's equation as behavioural sources, their parameters written from the model's own values, swept over the
// widget's input range. Leaves out the closed-form checks (circuitsTriode.test.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CATHODE_FOLLOWER_DEFAULTS,
  type CathodeFollowerParams,
  cathodeFollower,
  cathodeFollowerBiasPoint,
  cathodeFollowerRanges,
} from '../../src/dsp/circuits/cathodeFollower';
import type { KorenTriode } from '../../src/dsp/circuits/koren';
import {
  TRIODE_STAGE_DESIGNS,
  type TriodeStageParams,
  transferVolts,
  triodeStageRanges,
} from '../../src/dsp/circuits/triodeStage';
import { runDcSweep } from '../spice/ngspice';

const readNetlist = (name: string) => readFileSync(fileURLToPath(new URL(`../spice/${name}`, import.meta.url)), 'utf8');
const STAGE_TEMPLATE = readNetlist('triode-stage.cir');
const FOLLOWER_TEMPLATE = readNetlist('cathode-follower.cir');
const SWEEP_STEPS = 200;
/** Agreement required at every sweep point, as a fraction of the output's swing over the sweep. */
const TOLERANCE_OF_FULL_SCALE = 0.02;

/** Replaces the one line that starts with `prefix`, failing loudly if the netlist no longer has it. */
function replaceLine(netlist: string, prefix: string, line: string): string {
  const lines = netlist.split('\n');
  const matches = lines.filter((l) => l.startsWith(prefix));
  if (matches.length !== 1) throw new Error(`netlist template: expected one line starting "${prefix}"`);
  return lines.map((l) => (l.startsWith(prefix) ? line : l)).join('\n');
}

/** The Koren parameters and a symmetric input sweep of SWEEP_STEPS steps written into a template. */
function withTubeAndSweep(template: string, tube: KorenTriode, maxInputVoltsPeak: number): string {
  const { mu, ex, kg1, kp, kvb } = tube;
  const step = (2 * maxInputVoltsPeak) / SWEEP_STEPS;
  const netlist = replaceLine(template, '.param mu=', `.param mu=${mu} ex=${ex} kg1=${kg1} kp=${kp} kvb=${kvb}`);
  return replaceLine(netlist, '.dc Vin', `.dc Vin ${-maxInputVoltsPeak} ${maxInputVoltsPeak} ${step}`);
}

/** The stage's netlist with the tube, the circuit values and the sweep taken from the model's params. */
function triodeStageNetlist(p: TriodeStageParams, maxInputVoltsPeak: number): string {
  return replaceLine(
    withTubeAndSweep(STAGE_TEMPLATE, p.tube, maxInputVoltsPeak),
    '.param supply=',
    `.param supply=${p.supplyVolts} ra=${p.plateResistorOhms} rk=${p.cathodeResistorOhms}`,
  );
}

/** The follower's netlist; loadOhms and capacitorVolts are passed apart so the idle run can lift the load. */
function followerNetlist(
  p: CathodeFollowerParams,
  maxInputVoltsPeak: number,
  loadOhms: number,
  capacitorVolts: number,
): string {
  return replaceLine(
    withTubeAndSweep(FOLLOWER_TEMPLATE, p.tube, maxInputVoltsPeak),
    '.param supply=',
    `.param supply=${p.supplyVolts} gridbias=${p.gridBiasVolts} rk=${p.cathodeResistorOhms} rl=${loadOhms} ` +
      `sections=${p.parallelSections} vcap=${capacitorVolts}`,
  );
}

/** The worst difference between our curve and ngspice's over the sweep, as a fraction of ngspice's swing. */
function worstErrorOfFullScale(ours: (inputVolts: number) => number, sweep: number[], values: number[]): number {
  const fullScaleVolts = Math.max(...values) - Math.min(...values);
  const worst = Math.max(...sweep.map((vin, i) => Math.abs(ours(vin) - (values[i] ?? Number.NaN))));
  return worst / fullScaleVolts;
}

describe('the triode stage against ngspice', () => {
  for (const [name, p] of Object.entries(TRIODE_STAGE_DESIGNS) as [string, TriodeStageParams][]) {
    it(`${name}: the plate voltage agrees with ngspice's within 2% of the swing at every point of the widget's sweep`, async () => {
      const { maxInputVoltsPeak } = triodeStageRanges(p);
      const netlist = triodeStageNetlist(p, maxInputVoltsPeak);
      expect(netlist).toContain(`.param mu=${p.tube.mu} `);
      const { sweep, values } = await runDcSweep(netlist, 'v(p)');
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
    const { maxInputVoltsPeak } = cathodeFollowerRanges(p);
    const idle = await runDcSweep(followerNetlist(p, maxInputVoltsPeak, 1e12, 0), 'v(k)');
    const idleIndex = Math.floor(SWEEP_STEPS / 2);
    expect(idle.sweep[idleIndex]).toBeCloseTo(0, 9);
    const spiceIdleCathodeVolts = idle.values[idleIndex] ?? Number.NaN;
    expect(cathodeFollowerBiasPoint(p).cathodeVolts).toBeCloseTo(spiceIdleCathodeVolts, 4);

    const loaded = await runDcSweep(followerNetlist(p, maxInputVoltsPeak, p.loadOhms, spiceIdleCathodeVolts), 'v(o)');
    expect(loaded.sweep.length).toBe(SWEEP_STEPS + 1);
    const stage = cathodeFollower(p);
    const worst = worstErrorOfFullScale(stage.transferVolts, loaded.sweep, loaded.values);
    expect(worst).toBeLessThan(TOLERANCE_OF_FULL_SCALE);
  });
});

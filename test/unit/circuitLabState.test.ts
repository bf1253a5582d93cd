// The circuit lab's plain data and its URL: the stages' defaults are the models' own, and a circuit written into the
// query string — parts, tube, drive and an edited netlist — comes back unchanged.
import { describe, expect, it } from 'vitest';
import { KOREN_TRIODES } from '../../src/dsp/circuits/koren';
import { OP_AMP_STAGE_DEFAULTS } from '../../src/dsp/circuits/opAmpStage';
import { PUSH_PULL_DEFAULTS } from '../../src/dsp/circuits/pushPullStage';
import { TRIODE_STAGE_DESIGNS } from '../../src/dsp/circuits/triodeStage';
import { LAB_STAGES, TUBE_NAMES, siValue } from '../../src/components/lab/circuit/stages';
import { defaultLabState, isDefaultCircuit, queryFromState, stateFromQuery } from '../../src/components/lab/circuit/urlState';

describe('the lab stages', () => {
  it("offers every tube Koren's sets give", () => {
    expect([...TUBE_NAMES].sort()).toEqual(Object.keys(KOREN_TRIODES).sort());
  });
  it("starts the triode stage at the model's typical 12AX7 design", () => {
    const stage = LAB_STAGES.triode;
    const design = TRIODE_STAGE_DESIGNS['12AX7'];
    expect(stage.defaultTube).toBe('12AX7');
    expect(siValue(stage, stage.defaults, 'bplus')).toBe(design.supplyVolts);
    expect(siValue(stage, stage.defaults, 'ra')).toBeCloseTo(design.plateResistorOhms, 6);
    expect(siValue(stage, stage.defaults, 'rk')).toBeCloseTo(design.cathodeResistorOhms, 6);
  });
  it("starts the op-amp and push-pull stages at the models' defaults", () => {
    const op = LAB_STAGES.opamp;
    expect(siValue(op, op.defaults, 'gain')).toBe(OP_AMP_STAGE_DEFAULTS.gain);
    expect(siValue(op, op.defaults, 'rail')).toBe(OP_AMP_STAGE_DEFAULTS.railVolts);
    expect(siValue(op, op.defaults, 'rbo')).toBe(OP_AMP_STAGE_DEFAULTS.buildOutOhms);
    expect(siValue(op, op.defaults, 'rl')).toBe(OP_AMP_STAGE_DEFAULTS.loadOhms);
    const pp = LAB_STAGES.pushpull;
    expect(siValue(pp, pp.defaults, 'rail')).toBe(PUSH_PULL_DEFAULTS.railVolts);
    expect(siValue(pp, pp.defaults, 'bias')).toBeCloseTo(PUSH_PULL_DEFAULTS.biasCurrentAmps, 12);
    expect(siValue(pp, pp.defaults, 're')).toBe(PUSH_PULL_DEFAULTS.emitterResistorOhms);
    expect(siValue(pp, pp.defaults, 'rl')).toBe(PUSH_PULL_DEFAULTS.loadOhms);
  });
  it('gives every default inside its own range', () => {
    for (const stage of Object.values(LAB_STAGES)) {
      for (const part of stage.parts) {
        const value = stage.defaults[part.key] ?? Number.NaN;
        expect(value, `${stage.id}.${part.key}`).toBeGreaterThanOrEqual(part.min);
        expect(value, `${stage.id}.${part.key}`).toBeLessThanOrEqual(part.max);
      }
    }
  });
});

describe('the lab state in the URL', () => {
  it('a 12AX7 stage with a 220 kΩ plate resistor comes back from its query string', async () => {
    const state = { ...defaultLabState('triode'), values: { ...LAB_STAGES.triode.defaults, ra: 220 } };
    const query = await queryFromState(state);
    expect(new URLSearchParams(query).get('ra')).toBe('220');
    expect(await stateFromQuery(query)).toEqual(state);
    expect(isDefaultCircuit(state)).toBe(false);
    expect(isDefaultCircuit(defaultLabState('triode'))).toBe(true);
  });
  it('an edited netlist, unicode and all, comes back byte for byte and the query stays URL-safe', async () => {
    const netlist = `* my stage µ\nVin in 0 DC 0\nR1 in out 1k\n${'R2 out 0 1k\n'.repeat(50)}.end\n`;
    const state = { ...defaultLabState('opamp'), netlist };
    const query = await queryFromState(state);
    const packed = new URLSearchParams(query).get('netlist') ?? '';
    expect(packed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(packed.length).toBeLessThan(netlist.length);
    expect((await stateFromQuery(query)).netlist).toBe(netlist);
  });
  it('an unknown stage, an out-of-range part or a garbled netlist falls back to the defaults', async () => {
    const state = await stateFromQuery('stage=nonsense&ra=1e9&netlist=%%%');
    expect(state.stage).toBe('triode');
    expect(state.values.ra).toBe(LAB_STAGES.triode.defaults.ra);
    expect(state.netlist).toBeNull();
  });
});

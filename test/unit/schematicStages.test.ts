// The triode, push-pull, op-amp and cathode-follower stage diagrams: wires that meet terminals, the intended netlist, junction dots, unique
// ids, labels and probe readings that neither overlap nor cross wires, and the values passed in shown. Leaves out pointer behaviour.
import { describe, expect, it } from 'vitest';
import { GRID, partExtent } from '../../src/components/schematics/geometry';
import { opAmpStageCircuit } from '../../src/components/schematics/circuits/opAmpStage';
import type { OpAmpStageValues } from '../../src/components/schematics/circuits/opAmpStage';
import { pushPullStageCircuit } from '../../src/components/schematics/circuits/pushPullStage';
import type { PushPullStageValues } from '../../src/components/schematics/circuits/pushPullStage';
import { triodeStageCircuit } from '../../src/components/schematics/circuits/triodeStage';
import { cathodeFollowerCircuit, type CathodeFollowerValues } from '../../src/components/schematics/circuits/cathodeFollower';
import type { TriodeStageValues } from '../../src/components/schematics/circuits/triodeStage';
import type { Circuit, GridPoint, Part } from '../../src/components/schematics/types';
import { terminalsOf, same, key, wireTouches, checkConnectivity, netlist, expectJoined, WIRE_HALF_WIDTH, attributeOf, textBoxes, overlaps, render, probeAt } from './schematicChecks';

const NBSP = '\u00a0';

// ---- values ---------------------------------------------------------------------------------------

const TRIODE: TriodeStageValues = {
  tubeName: '12AU7',
  supplyVolts: 250,
  plateResistorOhms: 100e3,
  cathodeResistorOhms: 1500,
  gridLeakOhms: 1e6,
  gridVolts: 0,
  cathodeVolts: 2.85,
  plateVolts: 161,
  plateAmps: 1.9e-3,
};

/** Long value texts: the widest labels and readings the layout has to hold. */
const TRIODE_LONG: TriodeStageValues = {
  tubeName: 'ECC82',
  supplyVolts: 300,
  plateResistorOhms: 220e3,
  cathodeResistorOhms: 2700,
  gridLeakOhms: 470e3,
  gridVolts: -12.5,
  cathodeVolts: 12.5,
  plateVolts: 299,
  plateAmps: 12.5e-3,
};

const PUSH_PULL: PushPullStageValues = {
  supplyVolts: 15,
  biasVolts: 1.3,
  emitterResistorOhms: 2.2,
  loadOhms: 32,
  className: 'AB',
  inputVolts: -0.52,
  outputVolts: -0.45,
  npnAmps: 0.21e-3,
  pnpAmps: 14.2e-3,
  loadAmps: -14.1e-3,
};

const CLASS_B: PushPullStageValues = {
  ...PUSH_PULL,
  biasVolts: 0,
  className: 'B',
  inputVolts: 0.21,
  outputVolts: 0,
  npnAmps: 0,
  pnpAmps: 0,
  loadAmps: 0,
};

const PUSH_PULL_LONG: PushPullStageValues = {
  supplyVolts: 24,
  biasVolts: 1.3,
  emitterResistorOhms: 0.47,
  loadOhms: 300,
  className: 'AB',
  inputVolts: -12.3,
  outputVolts: -12.1,
  npnAmps: 0.21e-3,
  pnpAmps: 0.21e-3,
  loadAmps: -0.21e-3,
};

const OP_AMP: OpAmpStageValues = {
  gain: 11,
  supply: { kind: 'split', volts: 15 },
  feedbackResistorOhms: 10e3,
  groundResistorOhms: 1e3,
  buildOutOhms: 10,
  loadOhms: 32,
  inputVolts: 0.27,
  outputVolts: 2.97,
  loadVolts: 2.25,
  loadAmps: 70.3e-3,
};

const OP_AMP_LONG: OpAmpStageValues = {
  gain: 21.3,
  supply: { kind: 'single', volts: 9, name: 'battery' },
  feedbackResistorOhms: 100e3,
  groundResistorOhms: 4700,
  buildOutOhms: 4.7,
  loadOhms: 600,
  inputVolts: -1.23,
  outputVolts: -13.5,
  loadVolts: -12.9,
  loadAmps: -0.21e-3,
};

const FOLLOWER: CathodeFollowerValues = {
  tubeLabel: '2 × 12AU7',
  supplyVolts: 250,
  gridBiasVolts: 100,
  cathodeResistorOhms: 4700,
  loadOhms: 300,
  inputVolts: 1.5,
  cathodeVolts: 104.2,
  outputVolts: 1.38,
  tubeAmps: 26.8e-3,
};
const FOLLOWER_LONG: CathodeFollowerValues = { ...FOLLOWER, tubeLabel: '4 × 12AU7', supplyVolts: 400, gridBiasVolts: 200, cathodeResistorOhms: 22_000, loadOhms: 600, inputVolts: -12.3, cathodeVolts: 188.8, outputVolts: -10.5, tubeAmps: 0.21e-3 };

const CIRCUITS: ReadonlyArray<readonly [string, Circuit]> = [
  ['cathode follower', cathodeFollowerCircuit(FOLLOWER)],
  ['cathode follower, long values', cathodeFollowerCircuit(FOLLOWER_LONG)],
  ['triode', triodeStageCircuit(TRIODE)],
  ['triode, long values', triodeStageCircuit(TRIODE_LONG)],
  ['push-pull class AB', pushPullStageCircuit(PUSH_PULL)],
  ['push-pull class B', pushPullStageCircuit(CLASS_B)],
  ['push-pull, long values', pushPullStageCircuit(PUSH_PULL_LONG)],
  ['op-amp', opAmpStageCircuit(OP_AMP)],
  ['op-amp, single supply, long values', opAmpStageCircuit(OP_AMP_LONG)],
];

// ---- terminals, computed here from the documented offsets (independently of geometry.ts) ---------


// ---- tests ----------------------------------------------------------------------------------------

describe('stage schematics: drawing rules', () => {
  for (const [name, circuit] of CIRCUITS) {
    it(`connects every wire end to a terminal or a wire, and dots exactly the junctions (${name})`, () => {
      checkConnectivity(circuit);
    });

    it(`gives every part a unique id and a role sentence (${name})`, () => {
      const ids = circuit.parts.map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const part of circuit.parts) expect(part.role, part.id).toMatch(/^[A-Z].{10,}\.$/);
    });

    it(`keeps the drawing compact (${name})`, () => {
      expect(circuit.width).toBeLessThanOrEqual(16);
      expect(circuit.height).toBeLessThanOrEqual(10.5);
    });

    it(`draws no label or reading over another, over a wire, over a two-terminal symbol or outside the drawing (${name})`, () => {
      const html = render(circuit);
      const boxes = textBoxes(html);
      expect(boxes.length).toBeGreaterThan(circuit.parts.length);
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          if (a.owner !== b.owner) expect(overlaps(a, b), `"${a.text}" (${a.owner}) and "${b.text}" (${b.owner})`).toBe(false);
        }
      }
      for (const box of boxes) {
        for (const wire of circuit.wires) {
          for (const [i, p] of wire.points.entries()) {
            const q = wire.points[i + 1];
            if (!q) continue;
            const stroke = {
              left: Math.min(p.x, q.x) * GRID - WIRE_HALF_WIDTH,
              right: Math.max(p.x, q.x) * GRID + WIRE_HALF_WIDTH,
              top: Math.min(p.y, q.y) * GRID - WIRE_HALF_WIDTH,
              bottom: Math.max(p.y, q.y) * GRID + WIRE_HALF_WIDTH,
            };
            expect(overlaps(box, stroke), `"${box.text}" crosses the wire ${key(p)}–${key(q)}`).toBe(false);
          }
        }
        for (const part of circuit.parts) {
          const isBox = ['source', 'resistor', 'capacitor', 'headphone', 'ground'].includes(part.kind);
          if (!isBox || box.owner === `part:${part.id}`) continue;
          const e = partExtent(part);
          const symbol = { left: e.left * GRID, right: e.right * GRID, top: e.top * GRID, bottom: e.bottom * GRID };
          expect(overlaps(box, symbol), `"${box.text}" lies on ${part.id}`).toBe(false);
        }
        const [minX, minY, width, height] = (attributeOf(html, 'viewBox') ?? '').split(' ').map(Number);
        const inside =
          minX !== undefined && minY !== undefined && width !== undefined && height !== undefined &&
          box.left >= minX && box.top >= minY && box.right <= minX + width && box.bottom <= minY + height;
        expect(inside, `"${box.text}" stays inside the drawing`).toBe(true);
      }
    });
  }
});

describe('cathodeFollowerCircuit', () => {
  const circuit = cathodeFollowerCircuit(FOLLOWER);

  it('wires a cathode follower: plate on B+, grid on the bias plus the signal, Rk from the cathode, the headphone through Cout', () => {
    const net = netlist(circuit);
    expectJoined(net, ['bplus', 0], ['v1', 1]);
    expectJoined(net, ['vg', 0], ['v1', 0]);
    expectJoined(net, ['vg', 1], ['vin', 0]);
    expectJoined(net, ['v1', 2], ['rk', 0], ['cout', 0]);
    expectJoined(net, ['cout', 1], ['hp', 0]);
    expectJoined(net, ['gnd', 0], ['vin', 1], ['rk', 1], ['hp', 1], ['bplus', 1]);
    const nodes = [net.of('v1', 0), net.of('v1', 1), net.of('v1', 2), net.of('hp', 0), net.of('vin', 0), net.of('gnd', 0)];
    expect(new Set(nodes).size).toBe(nodes.length);
  });

  it('puts each probe on its node and shows the values passed in', () => {
    const net = netlist(circuit);
    expect(net.at(probeAt(circuit, 'Vg'))).toBe(net.of('v1', 0));
    expect(net.at(probeAt(circuit, 'Vout'))).toBe(net.of('hp', 0));
    expect(circuit.probes?.find((p) => p.label.startsWith('Vg'))?.label).toBe('Vg 102 V');
    expect(circuit.probes?.find((p) => p.label.startsWith('I '))?.label).toBe('I 27 mA');
    expect(circuit.parts.find((p) => p.id === 'hp')?.label).toBe('300 Ω');
  });
});

describe('triodeStageCircuit', () => {
  const circuit = triodeStageCircuit(TRIODE);
  const label = (id: string) => circuit.parts.find((p) => p.id === id)?.label;

  it('wires a common-cathode stage: grid leak, plate resistor from B+, unbypassed cathode resistor, coupling capacitor', () => {
    const net = netlist(circuit);
    expect(circuit.parts.find((p) => p.id === 'v1')?.kind).toBe('triode');
    expectJoined(net, ['vin', 0], ['rg', 0], ['v1', 0]);
    expectJoined(net, ['bplus', 0], ['ra', 0]);
    expectJoined(net, ['ra', 1], ['v1', 1], ['cout', 0]);
    expectJoined(net, ['v1', 2], ['rk', 0]);
    expectJoined(net, ['cout', 1], ['next', 0]);
    expectJoined(net, ['gnd', 0], ['vin', 1], ['rg', 1], ['rk', 1], ['bplus', 1], ['next', 1]);
    const nodes = [net.of('v1', 0), net.of('v1', 1), net.of('v1', 2), net.of('bplus', 0), net.of('next', 0), net.of('gnd', 0)];
    expect(new Set(nodes).size).toBe(nodes.length);
    const onCathode = (p: Part) => [0, 1].some((t) => net.of(p.id, t) === net.of('v1', 2));
    expect(circuit.parts.some((p) => p.kind === 'capacitor' && onCathode(p)), 'Rk is unbypassed').toBe(false);
  });

  it('puts each probe on its node: Vg on the grid, Vp on the plate, Vk on the cathode, Ip in series with Ra', () => {
    const net = netlist(circuit);
    expect(net.at(probeAt(circuit, 'Vg'))).toBe(net.of('v1', 0));
    expect(net.at(probeAt(circuit, 'Vp'))).toBe(net.of('v1', 1));
    expect(net.at(probeAt(circuit, 'Vk')) ?? net.of('rk', 0)).toBe(net.of('v1', 2));
    expect(same(probeAt(circuit, 'Vk'), terminalsOf(circuit.parts.find((p) => p.id === 'rk') as Part)[0] as GridPoint)).toBe(true);
    expect(net.at(probeAt(circuit, 'Ip'))).toBe(net.of('ra', 0));
  });

  it('puts the cathode Vk above ground and Vk − Vg above the grid: 6.28 V and 6.28 − 3.93 = 2.35 V at a 3.93 V grid', () => {
    const driven = triodeStageCircuit({ ...TRIODE, gridVolts: 3.93, cathodeVolts: 6.28 });
    expect(driven.description).toContain('6.28\u00a0V above ground');
    expect(driven.description).toContain(`${(6.28 - 3.93).toFixed(2)}\u00a0V above the grid`);
    expect(driven.description).not.toContain('6.28\u00a0V above the grid');
    const gridCurrent = triodeStageCircuit({ ...TRIODE, gridVolts: 3, cathodeVolts: 2.5 });
    expect(gridCurrent.description).toContain('0.50\u00a0V below the grid');
  });

  it('writes a cut-off plate current a solver leaves at −1e−14 A as 0 mA', () => {
    const cutOff = triodeStageCircuit({ ...TRIODE, plateAmps: -1e-14 });
    const ip = (cutOff.probes ?? []).find((probe) => probe.label.startsWith('Ip'));
    expect(ip?.label).toBe('Ip 0 mA');
  });

  it('labels the parts with the values passed in', () => {
    expect(label('bplus')).toBe('250 V');
    expect(label('ra')).toBe('100 kΩ');
    expect(label('rk')).toBe('1.5 kΩ');
    expect(label('rg')).toBe('1 MΩ');
    expect(label('v1')).toBe('12AU7');
    expect(label('next')).toBe('to the output stage');
    expect(circuit.title).toContain('12AU7');
  });

  it('shows the probe readings as short text', () => {
    expect(circuit.probes?.map((p) => p.label)).toEqual(['Vg 0 V', 'Vp 161 V', 'Ip 1.9 mA', 'Vk 2.85 V']);
  });

  it('changes the drawn text when the values change', () => {
    const after = render(triodeStageCircuit({ ...TRIODE_LONG, tubeName: '6SN7' }));
    const texts = textBoxes(after).map((b) => b.text);
    for (const text of ['300 V', '220 kΩ', '2.7 kΩ', '470 kΩ', '6SN7', 'Vg −12.5 V', 'Vp 299 V', 'Ip 13 mA', 'Vk 12.5 V']) {
      expect(texts).toContain(text);
    }
    expect(texts).not.toContain('250 V');
  });
});

describe('pushPullStageCircuit', () => {
  const circuit = pushPullStageCircuit(PUSH_PULL);
  const label = (c: Circuit, id: string) => c.parts.find((p) => p.id === id)?.label?.replace(new RegExp(NBSP, 'g'), ' ');

  it('wires complementary emitter followers: bias sources from the input to each base, emitters through Re to the load', () => {
    const net = netlist(circuit);
    expect(circuit.parts.find((p) => p.id === 'q1')?.kind).toBe('npn');
    expect(circuit.parts.find((p) => p.id === 'q2')?.kind).toBe('pnp');
    expect(circuit.parts.find((p) => p.id === 'hp')?.kind).toBe('headphone');
    expectJoined(net, ['vin', 1], ['vb1', 0], ['vb2', 0]);
    expectJoined(net, ['vb1', 1], ['q1', 0]);
    expectJoined(net, ['vb2', 1], ['q2', 0]);
    expectJoined(net, ['q1', 1], ['vcc-pos', 0]);
    expectJoined(net, ['q2', 1], ['vcc-neg', 1]);
    expectJoined(net, ['q1', 2], ['re1', 0]);
    expectJoined(net, ['q2', 2], ['re2', 0]);
    expectJoined(net, ['re1', 1], ['re2', 1], ['hp', 0]);
    expectJoined(net, ['gnd-in', 0], ['vin', 0], ['vcc-pos', 1], ['vcc-neg', 0], ['hp', 1]);
    const nodes = [
      net.of('vin', 1), net.of('q1', 0), net.of('q2', 0), net.of('q1', 1), net.of('q2', 1),
      net.of('q1', 2), net.of('q2', 2), net.of('hp', 0), net.of('gnd-in', 0),
    ];
    expect(new Set(nodes).size).toBe(nodes.length);
  });

  it('puts each probe on its node: input, output, each collector and the headphone branch', () => {
    const net = netlist(circuit);
    expect(net.at(probeAt(circuit, 'Vi'))).toBe(net.of('vin', 1));
    expect(net.at(probeAt(circuit, 'Vo'))).toBe(net.of('hp', 0));
    expect(net.at(probeAt(circuit, 'In'))).toBe(net.of('q1', 1));
    expect(net.at(probeAt(circuit, 'Ip'))).toBe(net.of('q2', 1));
    const il = probeAt(circuit, 'IL');
    const hpTop = terminalsOf(circuit.parts.find((p) => p.id === 'hp') as Part)[0] as GridPoint;
    const branch = circuit.wires.find((w) => wireTouches(w.points, il));
    expect(branch?.points.some((p) => same(p, hpTop))).toBe(true);
  });

  it('labels the rails, the bias, the emitter resistors and the load with the values passed in', () => {
    expect(label(circuit, 'vcc-pos')).toBe('+15 V');
    expect(label(circuit, 'vcc-neg')).toBe('−15 V');
    expect(label(circuit, 'vb1')).toBe('+0.65 V');
    expect(label(circuit, 'vb2')).toBe('−0.65 V');
    expect(label(circuit, 're1')).toBe('2.2 Ω');
    expect(label(circuit, 're2')).toBe('2.2 Ω');
    expect(label(circuit, 'hp')).toBe('32 Ω');
    expect(circuit.title).toContain('Class AB');
  });

  it('labels both bias sources "0 V (class B)" with no bias', () => {
    const classB = pushPullStageCircuit(CLASS_B);
    expect(label(classB, 'vb1')).toBe('0 V (class B)');
    expect(label(classB, 'vb2')).toBe('0 V (class B)');
    expect(classB.title).toContain('Class B');
  });

  it('shows the probe readings as short text', () => {
    expect(circuit.probes?.map((p) => p.label)).toEqual(['Vi −0.52 V', 'Vo −0.45 V', 'In 0.21 mA', 'Ip 14 mA', 'IL −14 mA']);
  });
});

describe('opAmpStageCircuit', () => {
  const circuit = opAmpStageCircuit(OP_AMP);
  const label = (c: Circuit, id: string) => c.parts.find((p) => p.id === id)?.label;

  it('wires a non-inverting stage: input on +, Rf from the output and Rg to ground on −, Rbo into the headphone', () => {
    const net = netlist(circuit);
    expect(circuit.parts.find((p) => p.id === 'u1')?.kind).toBe('opamp');
    expect(circuit.parts.find((p) => p.id === 'hp')?.kind).toBe('headphone');
    expectJoined(net, ['vin', 0], ['u1', 1]);
    expectJoined(net, ['u1', 0], ['rf', 0], ['rg', 1]);
    expectJoined(net, ['u1', 2], ['rf', 1], ['rbo', 0]);
    expectJoined(net, ['rbo', 1], ['hp', 0]);
    expectJoined(net, ['gnd-in', 0], ['vin', 1], ['rg', 0], ['hp', 1]);
    const nodes = [net.of('u1', 0), net.of('u1', 1), net.of('u1', 2), net.of('hp', 0), net.of('gnd-in', 0)];
    expect(new Set(nodes).size).toBe(nodes.length);
  });

  it('puts each probe on its node: the op-amp output, the headphone and its return', () => {
    const net = netlist(circuit);
    expect(net.at(probeAt(circuit, 'Vo'))).toBe(net.of('u1', 2));
    expect(net.at(probeAt(circuit, 'VL')) ?? net.of('hp', 0)).toBe(net.of('hp', 0));
    expect(same(probeAt(circuit, 'VL'), terminalsOf(circuit.parts.find((p) => p.id === 'hp') as Part)[0] as GridPoint)).toBe(true);
    expect(net.at(probeAt(circuit, 'IL'))).toBe(net.of('hp', 1));
  });

  it('labels the parts with the values passed in, the rails on the op-amp and the gain in the title', () => {
    expect(label(circuit, 'u1')).toBe('±15 V');
    expect(label(circuit, 'rf')).toBe('10 kΩ');
    expect(label(circuit, 'rg')).toBe('1 kΩ');
    expect(label(circuit, 'rbo')).toBe('10 Ω');
    expect(label(circuit, 'hp')).toBe('32 Ω');
    expect(label(circuit, 'vin')).toBe('0.27 V');
    expect(circuit.title).toContain('gain 11');
    expect(circuit.parts.find((p) => p.id === 'u1')?.role).toContain('±15 V rails');
  });

  it('names a single supply on the op-amp', () => {
    const single = opAmpStageCircuit(OP_AMP_LONG);
    expect(label(single, 'u1')).toBe('battery 9 V');
    expect(single.parts.find((p) => p.id === 'u1')?.role).toContain('a single battery 9 V supply');
  });

  it('shows the probe readings as short text', () => {
    expect(circuit.probes?.map((p) => p.label)).toEqual(['Vo 2.97 V', 'VL 2.25 V', 'IL 70 mA']);
    expect(opAmpStageCircuit(OP_AMP_LONG).probes?.map((p) => p.label)).toEqual(['Vo −13.5 V', 'VL −12.9 V', 'IL −0.21 mA']);
  });
});

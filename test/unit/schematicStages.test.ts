// The triode, push-pull and op-amp stage diagrams: wires that meet terminals, the intended netlist, junction dots, unique
// ids, labels and probe readings that neither overlap nor cross wires, and the values passed in shown. Leaves out pointer behaviour.
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { Schematic } from '../../src/components/schematics/Schematic';
import { GRID, partExtent } from '../../src/components/schematics/geometry';
import { opAmpStageCircuit } from '../../src/components/schematics/circuits/opAmpStage';
import type { OpAmpStageValues } from '../../src/components/schematics/circuits/opAmpStage';
import { pushPullStageCircuit } from '../../src/components/schematics/circuits/pushPullStage';
import type { PushPullStageValues } from '../../src/components/schematics/circuits/pushPullStage';
import { triodeStageCircuit } from '../../src/components/schematics/circuits/triodeStage';
import type { TriodeStageValues } from '../../src/components/schematics/circuits/triodeStage';
import type { Circuit, GridPoint, Part } from '../../src/components/schematics/types';

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

const CIRCUITS: ReadonlyArray<readonly [string, Circuit]> = [
  ['triode', triodeStageCircuit(TRIODE)],
  ['triode, long values', triodeStageCircuit(TRIODE_LONG)],
  ['push-pull class AB', pushPullStageCircuit(PUSH_PULL)],
  ['push-pull class B', pushPullStageCircuit(CLASS_B)],
  ['push-pull, long values', pushPullStageCircuit(PUSH_PULL_LONG)],
  ['op-amp', opAmpStageCircuit(OP_AMP)],
  ['op-amp, single supply, long values', opAmpStageCircuit(OP_AMP_LONG)],
];

// ---- terminals, computed here from the documented offsets (independently of geometry.ts) ---------

function terminalsOf(part: Part): GridPoint[] {
  const { x, y } = part.at;
  const at = (dx: number, dy: number): GridPoint => ({ x: x + dx, y: y + dy });
  switch (part.kind) {
    case 'source':
    case 'resistor':
    case 'capacitor':
    case 'inductor':
    case 'headphone':
      return part.orientation === 'vertical' ? [at(0, 0), at(0, 2)] : [at(0, 0), at(2, 0)];
    case 'ground':
      return [at(0, 0)];
    case 'opamp':
      return [at(0, 0), at(0, 2), at(4, 1)];
    case 'triode':
      return [at(0, 0), at(2, -2), at(2, 2)];
    case 'npn':
    case 'pnp':
      return [at(0, 0), at(2, -1), at(2, 1)];
    default:
      throw new Error(`no terminal rule in this test for ${part.kind}`);
  }
}

const same = (a: GridPoint, b: GridPoint) => Math.abs(a.x - b.x) < 1e-9 && Math.abs(a.y - b.y) < 1e-9;
const key = (p: GridPoint) => `${p.x},${p.y}`;

/** True when p lies on the axis-aligned segment a–b (ends included). */
function onSegment(p: GridPoint, a: GridPoint, b: GridPoint): boolean {
  const withinX = p.x >= Math.min(a.x, b.x) - 1e-9 && p.x <= Math.max(a.x, b.x) + 1e-9;
  const withinY = p.y >= Math.min(a.y, b.y) - 1e-9 && p.y <= Math.max(a.y, b.y) + 1e-9;
  const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
  return withinX && withinY && Math.abs(cross) < 1e-9;
}

function wireTouches(points: readonly GridPoint[], p: GridPoint): boolean {
  return points.some((a, i) => {
    const b = points[i + 1];
    return b !== undefined && onSegment(p, a, b);
  });
}

/** Conductor ends at p: a wire ending there counts 1, one running through counts 2, a terminal there counts 1. */
function conductorsAt(circuit: Circuit, p: GridPoint): number {
  let count = circuit.parts.flatMap(terminalsOf).filter((t) => same(t, p)).length;
  for (const wire of circuit.wires) {
    const first = wire.points[0];
    const last = wire.points[wire.points.length - 1];
    if (!first || !last) continue;
    if (same(first, p) || same(last, p)) count += 1;
    else if (wireTouches(wire.points, p)) count += 2;
  }
  return count;
}

function checkConnectivity(circuit: Circuit) {
  const terminals = circuit.parts.flatMap(terminalsOf);
  for (const [index, wire] of circuit.wires.entries()) {
    expect(wire.points.length, `wire ${index} has at least two points`).toBeGreaterThanOrEqual(2);
    for (const [i, a] of wire.points.entries()) {
      const b = wire.points[i + 1];
      if (b) expect(a.x === b.x || a.y === b.y, `wire ${index} runs across or along the grid`).toBe(true);
    }
    for (const end of [wire.points[0], wire.points[wire.points.length - 1]]) {
      if (!end) continue;
      const onTerminal = terminals.some((t) => same(t, end));
      const onOtherWire = circuit.wires.some((other, j) => j !== index && wireTouches(other.points, end));
      expect(onTerminal || onOtherWire, `wire ${index} end (${key(end)}) meets a terminal or a wire`).toBe(true);
    }
  }
  for (const part of circuit.parts) {
    for (const t of terminalsOf(part)) {
      const onWire = circuit.wires.some((w) => wireTouches(w.points, t));
      const onOtherPart = circuit.parts.some((other) => other !== part && terminalsOf(other).some((u) => same(u, t)));
      expect(onWire || onOtherPart, `${part.id} terminal (${key(t)}) is connected`).toBe(true);
    }
  }
  const candidates = [...terminals, ...circuit.wires.flatMap((w) => w.points)];
  const junctions = new Set(candidates.filter((p) => conductorsAt(circuit, p) >= 3).map(key));
  const dots = new Set((circuit.dots ?? []).map(key));
  expect([...dots].sort()).toEqual([...junctions].sort());
}

// ---- netlist: which terminals the drawing joins (every ground symbol is one node) -----------------

interface Netlist {
  /** Node of a part's terminal, by part id and terminal index. */
  of: (partId: string, terminal: number) => string;
  /** Node of a point on a wire, or undefined when no wire passes there. */
  at: (p: GridPoint) => string | undefined;
}

function netlist(circuit: Circuit): Netlist {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    for (let next = parent.get(root); next !== undefined && next !== root; next = parent.get(root)) root = next;
    parent.set(k, root);
    return root;
  };
  const join = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const wire of circuit.wires) {
    const first = wire.points[0];
    if (!first) continue;
    for (const p of wire.points) join(key(first), key(p));
    for (const other of circuit.wires) {
      for (const end of [other.points[0], other.points[other.points.length - 1]]) {
        if (end && wireTouches(wire.points, end)) join(key(first), key(end));
      }
    }
  }
  for (const part of circuit.parts) {
    for (const t of terminalsOf(part)) {
      const wire = circuit.wires.find((w) => wireTouches(w.points, t));
      const first = wire?.points[0];
      if (first) join(key(t), key(first));
      if (part.kind === 'ground') join(key(t), 'ground');
    }
  }
  return {
    of: (partId, terminal) => {
      const part = circuit.parts.find((p) => p.id === partId);
      const t = part ? terminalsOf(part)[terminal] : undefined;
      if (!t) throw new Error(`no terminal ${terminal} on ${partId}`);
      return find(key(t));
    },
    at: (p) => {
      const first = circuit.wires.find((w) => wireTouches(w.points, p))?.points[0];
      return first ? find(key(first)) : undefined;
    },
  };
}

function expectJoined(net: Netlist, ...terminals: ReadonlyArray<readonly [string, number]>) {
  const [head, ...rest] = terminals;
  if (!head) return;
  for (const t of rest) expect(net.of(...t), `${head.join('.')} joins ${t.join('.')}`).toBe(net.of(...head));
}

function probeAt(circuit: Circuit, prefix: string): GridPoint {
  const probe = circuit.probes?.find((p) => p.label.startsWith(`${prefix} `));
  if (!probe) throw new Error(`no probe ${prefix}`);
  return probe.at;
}

// ---- text as rendered: boxes from the <text> elements, with the component's own text metrics -------

/** Schematic.tsx sizes hit areas with these: advance 0.64 em per character, ascent 0.78 em, descent 0.22 em. */
const CHAR_WIDTH_EM = 0.64;
const ASCENT_EM = 0.78;
const DESCENT_EM = 0.22;
/** Half the stroke width of a wire, viewBox units. */
const WIRE_HALF_WIDTH = 1.25;

interface TextBox {
  owner: string;
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attributeOf(tag: string, name: string): string | undefined {
  const raw = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];
  return raw === undefined ? undefined : decodeEntities(raw);
}

/** Every drawn text with its estimated box in viewBox units, owned by its part ("part:id") or probe ("probe:n"). */
function textBoxes(html: string): TextBox[] {
  const boxes: TextBox[] = [];
  const svg = html.slice(0, html.indexOf('</svg>'));
  let probeCount = 0;
  for (const match of svg.matchAll(/<g class="sch-probe">|<text([^>]*)>([\s\S]*?)<\/text>/g)) {
    if (match[0].startsWith('<g')) {
      probeCount += 1;
      continue;
    }
    const tag = match[1] ?? '';
    const text = decodeEntities((match[2] ?? '').replace(/<[^>]*>/g, ''));
    const before = svg.slice(0, match.index);
    const partStart = before.lastIndexOf('data-part-id="');
    const probeStart = before.lastIndexOf('class="sch-probe"');
    const owner =
      probeStart > partStart ? `probe:${probeCount}` : `part:${/data-part-id="([^"]*)"/.exec(before.slice(partStart))?.[1]}`;
    const x = Number(attributeOf(tag, 'x'));
    const y = Number(attributeOf(tag, 'y'));
    const size = Number(attributeOf(tag, 'font-size'));
    const width = text.length * CHAR_WIDTH_EM * size;
    const anchor = attributeOf(tag, 'text-anchor') ?? 'start';
    const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
    boxes.push({ owner, text, left, right: left + width, top: y - ASCENT_EM * size, bottom: y + DESCENT_EM * size });
  }
  return boxes;
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const render = (circuit: Circuit) => renderToString(h(Schematic, { circuit }));

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

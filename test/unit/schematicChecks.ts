// Structural checks shared by the schematic layout tests: terminals, wires, junctions, the netlist a drawing
// implies, and the rendered text boxes (labels and readings) that must not overlap or cross wires.
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { expect } from 'vitest';
import { Schematic } from '../../src/components/schematics/Schematic';
import type { Circuit, GridPoint, Part, PartKind } from '../../src/components/schematics/types';

export function terminalsOf(part: Part): GridPoint[] {
  const { x, y } = part.at;
  const at = (dx: number, dy: number): GridPoint => ({ x: x + dx, y: y + dy });
  switch (part.kind) {
    case 'source':
    case 'dc-source':
    case 'resistor':
    case 'capacitor':
    case 'inductor':
    case 'diode':
    case 'headphone':
      return part.orientation === 'vertical' ? [at(0, 0), at(0, 2)] : [at(0, 0), at(2, 0)];
    case 'ground':
      return [at(0, 0)];
    case 'transformer':
      return [at(0, 0), at(0, 2), at(2, 0), at(2, 2)];
    case 'box':
      return [at(0, 0), at(2, 0)];
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

export const same = (a: GridPoint, b: GridPoint) => Math.abs(a.x - b.x) < 1e-9 && Math.abs(a.y - b.y) < 1e-9;
export const key = (p: GridPoint) => `${p.x},${p.y}`;

/** True when p lies on the axis-aligned segment a–b (ends included). */
export function onSegment(p: GridPoint, a: GridPoint, b: GridPoint): boolean {
  const withinX = p.x >= Math.min(a.x, b.x) - 1e-9 && p.x <= Math.max(a.x, b.x) + 1e-9;
  const withinY = p.y >= Math.min(a.y, b.y) - 1e-9 && p.y <= Math.max(a.y, b.y) + 1e-9;
  const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
  return withinX && withinY && Math.abs(cross) < 1e-9;
}

export function wireTouches(points: readonly GridPoint[], p: GridPoint): boolean {
  return points.some((a, i) => {
    const b = points[i + 1];
    return b !== undefined && onSegment(p, a, b);
  });
}

/** Conductor ends at p: a wire ending there counts 1, one running through counts 2, a terminal there counts 1. */
export function conductorsAt(circuit: Circuit, p: GridPoint): number {
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

export function checkConnectivity(circuit: Circuit) {
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

export interface Netlist {
  /** Node of a part's terminal, by part id and terminal index. */
  of: (partId: string, terminal: number) => string;
  /** Node of a point on a wire, or undefined when no wire passes there. */
  at: (p: GridPoint) => string | undefined;
}

export function netlist(circuit: Circuit): Netlist {
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

export function expectJoined(net: Netlist, ...terminals: ReadonlyArray<readonly [string, number]>) {
  const [head, ...rest] = terminals;
  if (!head) return;
  for (const t of rest) expect(net.of(...t), `${head.join('.')} joins ${t.join('.')}`).toBe(net.of(...head));
}

export function expectDistinct(net: Netlist, ...terminals: ReadonlyArray<readonly [string, number]>) {
  const nodes = terminals.map((t) => net.of(...t));
  expect(new Set(nodes).size, 'the nodes are distinct').toBe(nodes.length);
}

export function probeWith(circuit: Circuit, text: string): GridPoint {
  const probe = circuit.probes?.find((p) => p.label === text);
  if (!probe) throw new Error(`no probe reading "${text}"`);
  return probe.at;
}

export const partById = (circuit: Circuit, id: string): Part => {
  const part = circuit.parts.find((p) => p.id === id);
  if (!part) throw new Error(`no part ${id}`);
  return part;
};

export const kindsOf = (circuit: Circuit, kind: PartKind) => circuit.parts.filter((p) => p.kind === kind);

// ---- text as rendered: boxes from the <text> elements, with the component's own text metrics -------

/** Schematic.tsx sizes hit areas with these: advance 0.64 em per character, ascent 0.78 em, descent 0.22 em. */
export const CHAR_WIDTH_EM = 0.64;
export const ASCENT_EM = 0.78;
export const DESCENT_EM = 0.22;
/** Half the stroke width of a wire, viewBox units. */
export const WIRE_HALF_WIDTH = 1.25;
/** Symbols no text may lie on (the others are open shapes that a label may brush). */
export const SOLID_KINDS: readonly PartKind[] = [
  'source', 'dc-source', 'resistor', 'capacitor', 'diode', 'transformer', 'box', 'headphone', 'ground',
];

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface TextBox extends Rect {
  owner: string;
  text: string;
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function attributeOf(tag: string, name: string): string | undefined {
  const raw = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];
  return raw === undefined ? undefined : decodeEntities(raw);
}

/** Every drawn text with its estimated box in viewBox units, owned by its part ("part:id") or probe ("probe:n"). */
export function textBoxes(html: string): TextBox[] {
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

export const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

export const render = (circuit: Circuit) => renderToString(h(Schematic, { circuit }));
export const drawnTexts = (circuit: Circuit) => textBoxes(render(circuit)).map((b) => b.text);

export function probeAt(circuit: Circuit, prefix: string): GridPoint {
  const probe = circuit.probes?.find((p) => p.label.startsWith(`${prefix} `));
  if (!probe) throw new Error(`no probe ${prefix}`);
  return probe.at;
}

// The power-supply diagrams (AC linear with a bridge or one diode, with and without the LM317, a wall-wart, USB with a rail
// splitter, two batteries) and the kit's diode, transformer, box and DC-source symbols: wires that meet terminals, the
// intended netlist, junction dots, unique ids, labels and readings that neither overlap nor cross wires, the values passed
// in shown. Leaves out pointer behaviour and the supply arithmetic (the values are inputs here).
import { describe, expect, it } from 'vitest';
import { GRID, partExtent, partTerminals } from '../../src/components/schematics/geometry';
import { powerSupplyCircuit } from '../../src/components/schematics/circuits/powerSupply';
import type { PowerSupplyValues } from '../../src/components/schematics/circuits/powerSupply';
import type { Circuit, Part, PartKind } from '../../src/components/schematics/types';
import { key, checkConnectivity, netlist, expectJoined, expectDistinct, probeWith, partById, kindsOf, WIRE_HALF_WIDTH, SOLID_KINDS, attributeOf, textBoxes, overlaps, render, drawnTexts } from './schematicChecks';

const MICRO = '\u00b5';

// ---- values ---------------------------------------------------------------------------------------

/** REFERENCES §6's worked example: 15 V rms, bridge, 2200 µF, 100 mA on 50 Hz, and an LM317 at 12 V. */
const AC: PowerSupplyValues = {
  mode: 'ac-linear',
  mainsHz: 50,
  rectifier: 'full-wave-bridge',
  secondaryVoltsRms: 15,
  capacitanceFarads: 2200e-6,
  loadAmps: 0.1,
  regulator: true,
  regulatorOutputVolts: 12,
  railDcVolts: 20.1,
  rippleVoltsPeakToPeak: 0.45,
  outputRippleVoltsPeakToPeak: 26e-6,
  batteryName: '9 V alkaline',
  batteryOpenCircuitVolts: 9.4,
  batteryInternalOhms: 1.7,
  railUnderLoadVolts: 8.9,
  usbCableOhms: 0.43,
};

/** Long value texts: the widest labels and readings the layouts have to hold. */
const AC_LONG: PowerSupplyValues = {
  ...AC,
  mainsHz: 60,
  secondaryVoltsRms: 12.6,
  capacitanceFarads: 10e-3,
  loadAmps: 1,
  regulatorOutputVolts: 12.5,
  railDcVolts: 38.5,
  rippleVoltsPeakToPeak: 12.3e-3,
  outputRippleVoltsPeakToPeak: 123e-6,
};

const HALF_WAVE: PowerSupplyValues = { ...AC, rectifier: 'half-wave', regulator: false, railDcVolts: 19.4, rippleVoltsPeakToPeak: 0.91 };
const WALL_WART: PowerSupplyValues = { ...AC, mode: 'wall-wart', secondaryVoltsRms: 12, capacitanceFarads: 1000e-6 };
const USB: PowerSupplyValues = { ...AC, mode: 'usb', loadAmps: 0.05, railUnderLoadVolts: 2.45 };
const USB_LONG: PowerSupplyValues = { ...USB, loadAmps: 0.25, railUnderLoadVolts: 2.37, usbCableOhms: 1.25 };
const BATTERIES: PowerSupplyValues = { ...AC, mode: 'batteries', loadAmps: 0.02 };
const BATTERIES_LONG: PowerSupplyValues = {
  ...BATTERIES,
  batteryName: '9 V NiMH, 7 cells (8.4 V rated)',
  batteryOpenCircuitVolts: 8.45,
  batteryInternalOhms: 12.5,
  loadAmps: 0.1,
  railUnderLoadVolts: 7.82,
};

const CIRCUITS: ReadonlyArray<readonly [string, Circuit]> = [
  ['AC, bridge, regulator', powerSupplyCircuit(AC)],
  ['AC, bridge, no regulator', powerSupplyCircuit({ ...AC, regulator: false })],
  ['AC, half-wave, regulator', powerSupplyCircuit({ ...HALF_WAVE, regulator: true })],
  ['AC, half-wave, no regulator', powerSupplyCircuit(HALF_WAVE)],
  ['AC, bridge, regulator, long values', powerSupplyCircuit(AC_LONG)],
  ['AC, half-wave, no regulator, long values', powerSupplyCircuit({ ...AC_LONG, rectifier: 'half-wave', regulator: false })],
  ['wall-wart', powerSupplyCircuit(WALL_WART)],
  ['USB', powerSupplyCircuit(USB)],
  ['USB, long values', powerSupplyCircuit(USB_LONG)],
  ['batteries', powerSupplyCircuit(BATTERIES)],
  ['batteries, long values', powerSupplyCircuit(BATTERIES_LONG)],
];

// ---- terminals, computed here from the documented offsets (independently of geometry.ts) ---------


// ---- the kit's new symbols ------------------------------------------------------------------------

describe('schematic kit: diode, transformer, box and DC source', () => {
  const part = (kind: PartKind, orientation?: 'horizontal' | 'vertical'): Part => ({
    id: `p-${kind}`,
    kind,
    at: { x: 3, y: 4 },
    ...(orientation ? { orientation } : {}),
    name: 'N',
    role: 'A part under test.',
  });

  it('puts a diode’s anode at `at` and its cathode 2 units along its orientation', () => {
    expect(partTerminals(part('diode'))).toEqual([{ x: 3, y: 4 }, { x: 5, y: 4 }]);
    expect(partTerminals(part('diode', 'vertical'))).toEqual([{ x: 3, y: 4 }, { x: 3, y: 6 }]);
  });

  it('puts a transformer’s primary on the left (top, bottom) and its secondary on the right (top, bottom)', () => {
    expect(partTerminals(part('transformer'))).toEqual([{ x: 3, y: 4 }, { x: 3, y: 6 }, { x: 5, y: 4 }, { x: 5, y: 6 }]);
    expect(partTerminals(part('transformer', 'vertical')), 'always drawn upright').toEqual(partTerminals(part('transformer')));
  });

  it('puts a box’s input at `at` and its output 2 units to the right, and a DC source’s + end at `at`', () => {
    expect(partTerminals(part('box'))).toEqual([{ x: 3, y: 4 }, { x: 5, y: 4 }]);
    expect(partTerminals(part('dc-source', 'vertical'))).toEqual([{ x: 3, y: 4 }, { x: 3, y: 6 }]);
  });

  it('keeps each symbol between its terminals', () => {
    for (const [kind, orientation] of [['diode', 'vertical'], ['transformer', undefined], ['box', undefined], ['dc-source', 'vertical']] as const) {
      const p = part(kind, orientation);
      const e = partExtent(p);
      for (const t of partTerminals(p)) {
        expect(t.x >= e.left - 1e-9 && t.x <= e.right + 1e-9 && t.y >= e.top - 1e-9 && t.y <= e.bottom + 1e-9, `${kind} terminal in its extent`).toBe(true);
      }
    }
  });

  it('draws the diode as a filled triangle pointing at a bar by the cathode, turned to point down when vertical', () => {
    const circuit: Circuit = {
      title: 'Diodes',
      description: 'Two diodes.',
      width: 8,
      height: 6,
      parts: [part('diode'), { ...part('diode', 'vertical'), id: 'p-diode-v', at: { x: 6, y: 1 } }],
      wires: [],
    };
    const html = render(circuit);
    const groups = [...html.matchAll(/<g transform="([^"]*)"><path class="sch-sym" d="M0 0H28M52 0H80"[^>]*><\/path><path class="sch-fill" d="([^"]*)"[^>]*><\/path><path class="sch-sym" d="([^"]*)"/g)];
    expect(groups).toHaveLength(2);
    for (const [, , triangle, bar] of groups) {
      const tipX = Math.max(...[...(triangle ?? '').matchAll(/[ML]([\d.-]+) /g)].map((m) => Number(m[1])));
      const barX = Number(/^M([\d.-]+) /.exec(bar ?? '')?.[1]);
      expect(tipX, 'the triangle points at the bar').toBe(barX);
      expect(barX, 'the bar is on the cathode side').toBeGreaterThan(40);
    }
    expect(groups[0]?.[1]).toBe(`translate(${3 * GRID} ${4 * GRID})`);
    expect(groups[1]?.[1]).toBe(`translate(${6 * GRID} ${1 * GRID}) rotate(90)`);
  });

  it('draws the transformer as two windings with core lines, the box as a rectangle, the DC source with + and −', () => {
    for (const kind of ['transformer', 'box', 'dc-source'] as const) {
      const html = render({ title: kind, description: 'One part.', width: 6, height: 4, parts: [part(kind)], wires: [] });
      const group = html.slice(html.indexOf('data-part-id='), html.indexOf('</svg>'));
      if (kind === 'transformer') expect((group.match(/A10 10 /g) ?? []).length, 'eight coil turns').toBe(8);
      if (kind === 'box') expect(group).toMatch(/<rect class="sch-sym"/);
      if (kind === 'dc-source') expect(group).toMatch(/<circle class="sch-sym"[^>]*>[\s\S]*d="M-16 0H-6M-11 -5V5M6 0H16"/);
    }
  });
});

// ---- the drawing rules, every mode ----------------------------------------------------------------

describe('power-supply schematics: drawing rules', () => {
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
      expect(circuit.height).toBeLessThanOrEqual(10);
    });

    it(`draws no label or reading over another, over a wire, over a solid symbol or outside the drawing (${name})`, () => {
      const html = render(circuit);
      const boxes = textBoxes(html);
      expect(boxes.length).toBeGreaterThan(circuit.parts.filter((p) => p.kind !== 'ground').length);
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
          if (!SOLID_KINDS.includes(part.kind) || box.owner === `part:${part.id}`) continue;
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

    it(`keeps every symbol inside the drawing and off every other solid symbol (${name})`, () => {
      const solid = circuit.parts.filter((p) => SOLID_KINDS.includes(p.kind) && p.kind !== 'ground');
      for (const part of circuit.parts) {
        const e = partExtent(part);
        expect(e.left >= -0.5 && e.top >= -0.5 && e.right <= circuit.width + 0.5 && e.bottom <= circuit.height + 0.5, part.id).toBe(true);
      }
      for (const [i, a] of solid.entries()) {
        for (const b of solid.slice(i + 1)) expect(overlaps(partExtent(a), partExtent(b)), `${a.id} and ${b.id}`).toBe(false);
      }
    });
  }
});

// ---- AC linear supply -----------------------------------------------------------------------------

describe('powerSupplyCircuit: AC linear supply', () => {
  const circuit = powerSupplyCircuit(AC);
  const label = (c: Circuit, id: string) => partById(c, id).label;

  it('wires mains → transformer → bridge of four diodes → reservoir → LM317 → amplifier', () => {
    const net = netlist(circuit);
    expect(kindsOf(circuit, 'diode')).toHaveLength(4);
    expect(partById(circuit, 't1').kind).toBe('transformer');
    expect(partById(circuit, 'reg').kind).toBe('box');
    expectJoined(net, ['mains', 0], ['t1', 0]);
    expectJoined(net, ['mains', 1], ['t1', 1]);
    expectJoined(net, ['t1', 2], ['d1', 1], ['d2', 0]);
    expectJoined(net, ['t1', 3], ['d3', 1], ['d4', 0]);
    expectJoined(net, ['d2', 1], ['d4', 1], ['c1', 0], ['reg', 0]);
    expectJoined(net, ['reg', 1], ['amp', 0]);
    expectJoined(net, ['gnd-d1', 0], ['d1', 0], ['d3', 0], ['c1', 1], ['amp', 1]);
    expectDistinct(net, ['mains', 0], ['mains', 1], ['t1', 2], ['t1', 3], ['c1', 0], ['amp', 0], ['amp', 1]);
  });

  it('feeds the amplifier straight from the rail without the regulator', () => {
    const plain = powerSupplyCircuit({ ...AC, regulator: false });
    const net = netlist(plain);
    expect(plain.parts.some((p) => p.id === 'reg')).toBe(false);
    expectJoined(net, ['d2', 1], ['d4', 1], ['c1', 0], ['amp', 0]);
    expect(plain.probes?.map((p) => p.label)).toEqual(['Rail 20.1 V', '0.45 Vpp']);
  });

  it('rectifies with one diode from the secondary’s upper end for half-wave, the lower end grounded', () => {
    for (const regulator of [false, true]) {
      const half = powerSupplyCircuit({ ...HALF_WAVE, regulator });
      const net = netlist(half);
      expect(kindsOf(half, 'diode')).toHaveLength(1);
      expectJoined(net, ['t1', 2], ['d1', 0]);
      expectJoined(net, ['d1', 1], ['c1', 0], [regulator ? 'reg' : 'amp', 0]);
      expectJoined(net, ['gnd-t1', 0], ['t1', 3], ['c1', 1], ['amp', 1]);
      expectDistinct(net, ['t1', 2], ['c1', 0], ['amp', 1]);
      expect(half.title).toContain('half-wave');
    }
  });

  it('puts each reading on its node: the rail on the reservoir capacitor, Out on the regulator’s output', () => {
    const net = netlist(circuit);
    expect(net.at(probeWith(circuit, 'Rail 20.1 V'))).toBe(net.of('c1', 0));
    expect(net.at(probeWith(circuit, '0.45 Vpp'))).toBe(net.of('c1', 0));
    expect(net.at(probeWith(circuit, 'Out 12 V'))).toBe(net.of('amp', 0));
    expect(net.at(probeWith(circuit, `26 ${MICRO}Vpp`))).toBe(net.of('reg', 1));
  });

  it('labels the parts with the values passed in', () => {
    expect(label(circuit, 'mains')).toBe('230 V 50 Hz');
    expect(label(powerSupplyCircuit({ ...AC, mainsHz: 60 }), 'mains')).toBe('120 V 60 Hz');
    expect(label(circuit, 't1')).toBe('15 V rms');
    expect(label(circuit, 'c1')).toBe(`2200 ${MICRO}F`);
    expect(partById(circuit, 'reg').name).toBe('LM317');
    expect(partById(circuit, 'reg').role).toContain('12 V');
    expect(partById(circuit, 'amp').name).toBe('Amp');
    expect(label(circuit, 'amp')).toBe('100 mA');
    expect(partById(circuit, 'amp').role).toContain("The amplifier's steady draw, I = 100 mA");
    expect(circuit.title).toContain('full-wave bridge');
    expect(circuit.title).toContain('LM317');
  });

  it('shows the readings as short text', () => {
    expect(circuit.probes?.map((p) => p.label)).toEqual(['Rail 20.1 V', '0.45 Vpp', 'Out 12 V', `26 ${MICRO}Vpp`]);
  });

  it('changes the drawn text when the values change', () => {
    const texts = drawnTexts(powerSupplyCircuit(AC_LONG));
    for (const text of ['120 V 60 Hz', '12.6 V rms', `10000 ${MICRO}F`, '1000 mA', 'Rail 38.5 V', '12.3 mVpp', 'Out 12.5 V', `123 ${MICRO}Vpp`]) {
      expect(texts).toContain(text);
    }
    expect(texts).not.toContain('230 V 50 Hz');
    expect(texts).not.toContain('Rail 20.1 V');
  });

  it('draws a wall-wart like an unregulated AC supply, never with a regulator', () => {
    const wallWart = powerSupplyCircuit(WALL_WART);
    expect(wallWart.parts.some((p) => p.kind === 'box')).toBe(false);
    expect(wallWart.title).toContain('wall-wart');
    expect(wallWart.probes?.map((p) => p.label)).toEqual(['Rail 20.1 V', '0.45 Vpp']);
    expect(label(wallWart, 'c1')).toBe(`1000 ${MICRO}F`);
    expect(label(wallWart, 't1')).toBe('12 V rms');
  });
});

// ---- USB and batteries ----------------------------------------------------------------------------

describe('powerSupplyCircuit: USB bus power', () => {
  const circuit = powerSupplyCircuit(USB);

  it('wires the USB port through the cable to two equal splitter resistors whose midpoint is the ground', () => {
    const net = netlist(circuit);
    expect(partById(circuit, 'usb').kind).toBe('dc-source');
    expectJoined(net, ['usb', 0], ['rcable', 0]);
    expectJoined(net, ['rcable', 1], ['ra', 0], ['amp', 0]);
    expectJoined(net, ['ra', 1], ['rb', 0], ['vgnd', 0]);
    expectJoined(net, ['rb', 1], ['usb', 1], ['amp', 1]);
    expectDistinct(net, ['usb', 0], ['amp', 0], ['vgnd', 0], ['amp', 1]);
    expect(partById(circuit, 'ra').label).toBe('\u00bd');
    expect(partById(circuit, 'rb').label).toBe('\u00bd');
  });

  it('labels the port and the cable, and reads the rails from the virtual ground', () => {
    const net = netlist(circuit);
    expect(`${partById(circuit, 'usb').name} ${partById(circuit, 'usb').label}`).toBe('USB 5 V');
    expect(partById(circuit, 'rcable').label).toBe('0.43 Ω');
    expect(partById(circuit, 'amp').role).toContain('I = 50 mA');
    expect(circuit.probes?.map((p) => p.label)).toEqual(['+2.45 V', '\u22122.45 V']);
    expect(net.at(probeWith(circuit, '+2.45 V'))).toBe(net.of('amp', 0));
    expect(net.at(probeWith(circuit, '\u22122.45 V'))).toBe(net.of('amp', 1));
    const texts = drawnTexts(powerSupplyCircuit(USB_LONG));
    for (const text of ['1.3 Ω', '250 mA', '+2.37 V', '\u22122.37 V']) expect(texts).toContain(text);
  });
});

describe('powerSupplyCircuit: two batteries', () => {
  const circuit = powerSupplyCircuit(BATTERIES);

  it('wires two batteries in series, each behind its internal resistance, the midpoint grounded, the amplifier across', () => {
    const net = netlist(circuit);
    expect(kindsOf(circuit, 'dc-source')).toHaveLength(2);
    expectJoined(net, ['b1', 0], ['rint1', 0]);
    expectJoined(net, ['rint1', 1], ['amp', 0]);
    expectJoined(net, ['b1', 1], ['b2', 0], ['gnd-mid', 0]);
    expectJoined(net, ['b2', 1], ['rint2', 0]);
    expectJoined(net, ['rint2', 1], ['amp', 1]);
    expectDistinct(net, ['b1', 0], ['amp', 0], ['gnd-mid', 0], ['b2', 1], ['amp', 1]);
  });

  it('labels the batteries and their internal resistances, names the battery and reads the rails under load', () => {
    const net = netlist(circuit);
    expect(partById(circuit, 'b1').label).toBe('9.4 V');
    expect(partById(circuit, 'b2').label).toBe('9.4 V');
    expect(partById(circuit, 'b1').role).toContain('9 V alkaline');
    expect(partById(circuit, 'rint1').label).toBe('1.7 Ω');
    expect(partById(circuit, 'rint2').label).toBe('1.7 Ω');
    expect(circuit.title).toContain('9 V alkaline');
    expect(circuit.probes?.map((p) => p.label)).toEqual(['+8.9 V', '\u22128.9 V']);
    expect(net.at(probeWith(circuit, '+8.9 V'))).toBe(net.of('amp', 0));
    expect(net.at(probeWith(circuit, '\u22128.9 V'))).toBe(net.of('amp', 1));
    const texts = drawnTexts(powerSupplyCircuit(BATTERIES_LONG));
    for (const text of ['8.45 V', '12.5 Ω', '100 mA', '+7.82 V', '\u22127.82 V']) expect(texts).toContain(text);
  });
});

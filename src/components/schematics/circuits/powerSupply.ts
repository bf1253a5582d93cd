// Diagrams of a headphone amplifier's power supply: an AC linear supply (mains, transformer, bridge or half-wave
// rectifier, reservoir capacitor, optional LM317) or a wall-wart, USB bus power split by a rail splitter, or two
// batteries as ± rails, each into the amplifier drawn as a steady load, with live rail readings. Layout and text only:
// the LM317's two setting resistors, the diodes' forward drop and every decoupling capacitor are left out.
import { formatNumber, formatOhms, formatVolts } from '../../format';
import type { Circuit, GridPoint, Part, Probe, Wire } from '../types';
import { milliamps, nb, p, wire } from './layoutHelpers';

/** 'wall-wart' is an AC linear supply in a plug: drawn the same way, never with a regulator. */
export type PowerSupplyMode = 'ac-linear' | 'wall-wart' | 'usb' | 'batteries';

export interface PowerSupplyValues {
  mode: PowerSupplyMode;
  /** Mains frequency, 50 Hz (drawn as 230 V mains) or 60 Hz (120 V). AC modes only. */
  mainsHz: number;
  /** Four diodes in a bridge, or one diode. AC modes only. */
  rectifier: 'full-wave-bridge' | 'half-wave';
  /** The transformer's secondary voltage, rms. AC modes only. */
  secondaryVoltsRms: number;
  /** The reservoir capacitor. AC modes only. */
  capacitanceFarads: number;
  /** The amplifier's steady draw, every mode. */
  loadAmps: number;
  /** An LM317 after the reservoir capacitor (drawn in the 'ac-linear' mode only). */
  regulator: boolean;
  regulatorOutputVolts: number;
  /** The reservoir capacitor's mean voltage. AC modes only. */
  railDcVolts: number;
  /** The ripple on the reservoir capacitor, peak to peak. AC modes only. */
  rippleVoltsPeakToPeak: number;
  /** The ripple left after the regulator, peak to peak. */
  outputRippleVoltsPeakToPeak: number;
  /** The battery's name, e.g. "9 V alkaline". Batteries only. */
  batteryName: string;
  /** Each battery's voltage with no load. Batteries only. */
  batteryOpenCircuitVolts: number;
  /** Each battery's internal resistance. Batteries only. */
  batteryInternalOhms: number;
  /** Each rail's size under the load, volts from the ground (positive): batteries and USB. */
  railUnderLoadVolts: number;
  /** The USB cable's resistance, both wires together. USB only. */
  usbCableOhms: number;
}

const WIDTH_UNITS = 16;

/** Volts to three significant digits without trailing zeros: "20.1 V", "12 V", "8.93 V". */
const volts = (value: number): string => `${formatNumber(value, 3)} V`;
/** A rail with its sign: "+8.9 V", "−8.9 V". */
const signedVolts = (value: number): string => `${value > 0 ? '+' : ''}${volts(value)}`;
/** Peak-to-peak ripple: "0.45 Vpp", "26 µVpp". */
const peakToPeak = (value: number): string => `${formatVolts(value)}pp`;
/** A reservoir capacitor the way it is bought: "2200 µF", "470 µF". */
const microfarads = (farads: number): string => `${formatNumber(farads * 1e6, 3)} \u00b5F`;
const mainsLabel = (hz: number): string => (hz === 60 ? '120 V 60 Hz' : '230 V 50 Hz');

function amp(id: string, at: GridPoint, loadAmps: number, drawsFrom: string): Part {
  return {
    id,
    kind: 'resistor',
    at,
    orientation: 'vertical',
    name: 'Amp',
    label: milliamps(loadAmps),
    role: `The amplifier's steady draw, I = ${milliamps(loadAmps)}, taken from ${drawsFrom}.`,
  };
}

// ---- AC linear supply and wall-wart ----------------------------------------------------------------

/*
 * Layout (grid units). The mains source stands at x = 2 (y = 3–5) with its label above, and feeds the transformer's
 * primary at (3, 3) and (3, 5); the secondary's ends are (5, 3) and (5, 5), its label below. The bridge is two rows of
 * diodes, each pointing right: y = 1 and y = 7, from the ground end x = 6 through the AC node x = 8 to the rail
 * column x = 10. The secondary's wires run straight into the bridge and turn up and down to the AC nodes; each row's
 * ground end takes a ground symbol, so nothing has to cross. A half-wave supply keeps only the top row's right-hand
 * diode (x = 8–10) and grounds the secondary's lower end at (7, 5). The rail column x = 10 (y = 1–7) carries the rail readings at
 * (10, 5.75); it feeds the reservoir capacitor from its foot (x = 11, y = 7–9) and, from its head, the LM317
 * (x = 10–12, y = 1) or a plain wire, then down x = 12 into the amplifier (y = 2–4). The output readings sit at
 * (12, 1), one above and one below, with the free right-hand side for their text.
 */
const AC_HEIGHT_UNITS = 9.7;
const RAIL_TOP = p(10, 1);
const RAIL_FOOT = p(10, 7);
const RAIL_PROBE = p(10, 5.75);
const OUT_NODE = p(12, 1);

function acParts(v: PowerSupplyValues, withRegulator: boolean): Part[] {
  const fullWave = v.rectifier === 'full-wave-bridge';
  const mains = mainsLabel(v.mainsHz);
  const parts: Part[] = [
    {
      id: 'mains',
      kind: 'source',
      at: p(2, 3),
      orientation: 'vertical',
      name: 'Mains',
      label: mains,
      labelSide: 'above',
      role: `The mains socket, ${mains}: an alternating voltage, the supply's source of energy.`,
    },
    {
      id: 't1',
      kind: 'transformer',
      at: p(3, 3),
      name: 'T1',
      label: `${formatNumber(v.secondaryVoltsRms, 3)} V rms`,
      role:
        `The transformer: steps the mains down to ${volts(v.secondaryVoltsRms)} rms on its secondary winding ` +
        '(peaks of 1.41 times that) and keeps the amplifier isolated from the mains.',
    },
  ];
  if (fullWave) {
    parts.push(
      {
        id: 'd1',
        kind: 'diode',
        at: p(6, 1),
        name: 'D1',
        role: "Bridge diode: on the half-cycles when the secondary's upper end swings negative, it lets the current return from ground into that end.",
      },
      {
        id: 'd2',
        kind: 'diode',
        at: p(8, 1),
        name: 'D2',
        role: "Bridge diode: on the half-cycles when the secondary's upper end swings positive, it passes the charging current to the rail.",
      },
      {
        id: 'd3',
        kind: 'diode',
        at: p(6, 7),
        name: 'D3',
        labelSide: 'below',
        role: "Bridge diode: on the other half-cycles, when the secondary's lower end swings negative, it lets the current return from ground into that end.",
      },
      {
        id: 'd4',
        kind: 'diode',
        at: p(8, 7),
        name: 'D4',
        labelSide: 'below',
        role: "Bridge diode: on the other half-cycles, when the secondary's lower end swings positive, it passes the charging current to the rail, so the capacitor is topped up twice per mains cycle.",
      },
      { id: 'gnd-d1', kind: 'ground', at: p(6, 1), name: 'Ground', role: "D1's return: the supply's 0 V." },
      { id: 'gnd-d3', kind: 'ground', at: p(6, 7), name: 'Ground', role: "D3's return: the supply's 0 V." },
    );
  } else {
    parts.push(
      {
        id: 'd1',
        kind: 'diode',
        at: p(8, 1),
        name: 'D1',
        role: 'The rectifier: one diode, which conducts only near the positive peaks, when the secondary rises above the rail, so the capacitor is topped up once per mains cycle.',
      },
      {
        id: 'gnd-t1',
        kind: 'ground',
        at: p(7, 5),
        name: 'Ground',
        role: "The secondary's lower end: the supply's 0 V.",
      },
    );
  }
  const halving = fullWave ? 'I/(2fC), twice per cycle with a bridge' : 'I/(fC), once per cycle with one diode';
  parts.push(
    {
      id: 'c1',
      kind: 'capacitor',
      at: p(11, 7),
      orientation: 'vertical',
      name: 'C',
      label: microfarads(v.capacitanceFarads),
      role:
        "The reservoir capacitor: charged at each peak, it carries the amplifier's current between peaks, and the " +
        `rail droops meanwhile: the ripple is about ${halving}.`,
    },
    { id: 'gnd-c1', kind: 'ground', at: p(11, 9), name: 'Ground', role: "The reservoir capacitor's return." },
  );
  if (withRegulator) {
    parts.push({
      id: 'reg',
      kind: 'box',
      at: RAIL_TOP,
      name: 'LM317',
      role:
        `The regulator, set to ${volts(v.regulatorOutputVolts)} (by two resistors not drawn): it holds its output steady ` +
        'while the rail stays a couple of volts above it, so almost none of the ripple reaches the amplifier.',
    });
  }
  parts.push(
    amp('amp', p(12, 2), v.loadAmps, withRegulator ? "the regulator's output" : 'the rail'),
    { id: 'gnd-amp', kind: 'ground', at: p(12, 4), name: 'Ground', role: "The amplifier's return to the supply's 0 V." },
  );
  return parts;
}

function acWires(v: PowerSupplyValues, withRegulator: boolean): Wire[] {
  return [
    wire(p(2, 3), p(3, 3)),
    wire(p(2, 5), p(3, 5)),
    wire(p(5, 3), p(8, 3), p(8, 1)),
    v.rectifier === 'full-wave-bridge' ? wire(p(5, 5), p(8, 5), p(8, 7)) : wire(p(5, 5), p(7, 5)),
    wire(RAIL_TOP, RAIL_FOOT),
    wire(RAIL_FOOT, p(11, 7)),
    withRegulator ? wire(OUT_NODE, p(12, 2)) : wire(RAIL_TOP, OUT_NODE, p(12, 2)),
  ];
}

function acProbes(v: PowerSupplyValues, withRegulator: boolean): Probe[] {
  const probes: Probe[] = [
    {
      at: RAIL_PROBE,
      label: `Rail ${volts(v.railDcVolts)}`,
      description: "the rail's DC voltage, across the reservoir capacitor",
    },
    {
      at: RAIL_PROBE,
      label: peakToPeak(v.rippleVoltsPeakToPeak),
      description: 'the ripple on the rail, peak to peak',
      side: 'below',
    },
  ];
  if (withRegulator) {
    probes.push(
      { at: OUT_NODE, label: `Out ${volts(v.regulatorOutputVolts)}`, description: "the regulator's output voltage" },
      {
        at: OUT_NODE,
        label: peakToPeak(v.outputRippleVoltsPeakToPeak),
        description: "the ripple left on the regulator's output, peak to peak",
        side: 'below',
      },
    );
  }
  return probes;
}

/** The bridge's AC nodes and both ends of the rail column; one diode leaves only the column's head a junction. */
function acDots(v: PowerSupplyValues): GridPoint[] {
  return v.rectifier === 'full-wave-bridge' ? [p(8, 1), p(8, 7), RAIL_TOP, RAIL_FOOT] : [RAIL_TOP];
}

function acCircuit(v: PowerSupplyValues): Circuit {
  const wallWart = v.mode === 'wall-wart';
  const withRegulator = v.regulator && !wallWart;
  const fullWave = v.rectifier === 'full-wave-bridge';
  const rectifier = fullWave ? 'full-wave bridge' : 'half-wave rectifier';
  const source = wallWart ? 'Unregulated wall-wart' : 'AC linear supply';
  const charging = fullWave
    ? 'The bridge of four diodes lets current reach the rail only one way, on both half-cycles, charging C twice per mains cycle'
    : 'The single diode lets current reach the rail only on the positive half-cycles, charging C once per mains cycle';
  const regulation = withRegulator
    ? ` The LM317 holds its output at ${nb(volts(v.regulatorOutputVolts))} and leaves ${nb(peakToPeak(v.outputRippleVoltsPeakToPeak))} of ripple.`
    : '';
  const plug = wallWart ? 'The transformer, rectifier and capacitor sit in the plug. ' : '';
  return {
    title: `${source}: ${rectifier}${withRegulator ? ' and LM317 regulator' : ''}`,
    description:
      `${plug}The mains (${nb(mainsLabel(v.mainsHz))}) drives T1, whose secondary gives ${nb(volts(v.secondaryVoltsRms))} rms. ` +
      `${charging}; between the peaks the amplifier's ${nb(milliamps(v.loadAmps))} drains C (${nb(microfarads(v.capacitanceFarads))}), ` +
      `so the rail sits at ${nb(volts(v.railDcVolts))} with ${nb(peakToPeak(v.rippleVoltsPeakToPeak))} of ripple.${regulation}`,
    width: WIDTH_UNITS,
    height: AC_HEIGHT_UNITS,
    parts: acParts(v, withRegulator),
    wires: acWires(v, withRegulator),
    probes: acProbes(v, withRegulator),
    dots: acDots(v),
  };
}

// ---- USB bus power with a rail splitter -----------------------------------------------------------

/*
 * Layout (grid units). The USB port stands at x = 2 (y = 4–6), its label to its left. Its + end rises to the top
 * rail at y = 2 through the cable resistance (x = 3–5); its − end drops to the bottom rail at y = 8. The splitter's
 * two resistors hang between the rails at x = 8 (y = 2–4 and 4–6, then a wire to y = 8) with their labels to the
 * right; their midpoint (8, 4) runs left to the virtual ground at (7, 4). The amplifier sits across the rails at
 * x = 12 (y = 4–6); the rail readings are on the rails at x = 9.5.
 */
const USB_HEIGHT_UNITS = 8.6;

function usbCircuit(v: PowerSupplyValues): Circuit {
  const rail = signedVolts(v.railUnderLoadVolts);
  const negativeRail = signedVolts(-v.railUnderLoadVolts);
  const parts: Part[] = [
    {
      id: 'usb',
      kind: 'dc-source',
      at: p(2, 4),
      orientation: 'vertical',
      name: 'USB',
      label: '5 V',
      labelSide: 'left',
      role: "The computer's or phone's USB port: one 5 V supply (nominally; the port may give a little more or less), + at the top.",
    },
    {
      id: 'rcable',
      kind: 'resistor',
      at: p(3, 2),
      name: 'Rcable',
      label: formatOhms(v.usbCableOhms),
      role: "The USB cable's resistance, both wires together: the amplifier's current loses a little voltage across it.",
    },
    {
      id: 'ra',
      kind: 'resistor',
      at: p(8, 2),
      orientation: 'vertical',
      name: 'Ra',
      label: '\u00bd',
      role: 'The upper half of the rail splitter: one of two equal resistors, so it drops half of the USB voltage.',
    },
    {
      id: 'rb',
      kind: 'resistor',
      at: p(8, 4),
      orientation: 'vertical',
      name: 'Rb',
      label: '\u00bd',
      role: "The lower half of the rail splitter: equal to Ra, so their midpoint sits halfway between the USB port's + and \u2212.",
    },
    {
      id: 'vgnd',
      kind: 'ground',
      at: p(7, 4),
      name: 'Virtual ground',
      role: "The splitter's midpoint, used as the amplifier's 0 V: measured from here the USB port's two ends are a + and a \u2212 rail.",
    },
    amp('amp', p(12, 4), v.loadAmps, 'the + rail and returned to the \u2212 rail'),
  ];
  return {
    title: 'USB bus power split into \u00b1 rails',
    description:
      'One 5\u00a0V supply from the USB port, split in two by a pair of equal resistors: their midpoint is the ' +
      `amplifier's ground, so it sees a + and a \u2212 rail of half the supply each. Drawing ${nb(milliamps(v.loadAmps))} ` +
      `through the cable's ${nb(formatOhms(v.usbCableOhms))}, the rails are ${nb(rail)} and ${nb(negativeRail)}.`,
    width: WIDTH_UNITS,
    height: USB_HEIGHT_UNITS,
    parts,
    wires: [
      wire(p(2, 4), p(2, 2), p(3, 2)),
      wire(p(5, 2), p(12, 2), p(12, 4)),
      wire(p(2, 6), p(2, 8), p(12, 8), p(12, 6)),
      wire(p(8, 6), p(8, 8)),
      wire(p(8, 4), p(7, 4)),
    ],
    probes: [
      { at: p(9.5, 2), label: rail, description: 'the + rail, measured from the virtual ground' },
      { at: p(9.5, 8), label: negativeRail, description: 'the \u2212 rail, measured from the virtual ground', side: 'below' },
    ],
    dots: [p(8, 2), p(8, 4), p(8, 8)],
  };
}

// ---- Two batteries as ± rails ---------------------------------------------------------------------

/*
 * Layout (grid units). The two batteries stand at x = 5, B1 (y = 1.5–3.5) over B2 (y = 4.5–6.5), their labels to
 * their left; the wire between them (midpoint (5, 4)) runs right to the ground at (6, 4). B1's top runs right along
 * y = 1.5 through its internal resistance (x = 6–8) to the + rail; B2's foot drops to y = 7.5 and runs right through
 * its internal resistance to the − rail. The amplifier sits across the rails at x = 13 (y = 3.5–5.5); the rail
 * readings are on the rails at x = 9.5. The battery's name goes in the title: names such as "9 V NiMH, 7 cells
 * (8.4 V rated)" would take four lines beside each symbol.
 */
const BATTERY_HEIGHT_UNITS = 9;

function batteryCircuit(v: PowerSupplyValues): Circuit {
  const rail = signedVolts(v.railUnderLoadVolts);
  const negativeRail = signedVolts(-v.railUnderLoadVolts);
  const openCircuit = volts(v.batteryOpenCircuitVolts);
  const internal = formatOhms(v.batteryInternalOhms);
  const parts: Part[] = [
    {
      id: 'b1',
      kind: 'dc-source',
      at: p(5, 1.5),
      orientation: 'vertical',
      name: 'B1',
      label: openCircuit,
      labelSide: 'left',
      role: `The positive battery, a ${v.batteryName}: ${openCircuit} with no load (its open-circuit voltage), + at the top.`,
    },
    {
      id: 'b2',
      kind: 'dc-source',
      at: p(5, 4.5),
      orientation: 'vertical',
      name: 'B2',
      label: openCircuit,
      labelSide: 'left',
      role: `The negative battery, another ${v.batteryName} in series with B1: its + end is the midpoint, so its \u2212 end sits ${openCircuit} below it.`,
    },
    {
      id: 'gnd-mid',
      kind: 'ground',
      at: p(6, 4),
      name: 'Ground',
      role: "The midpoint between the batteries: the amplifier's 0 V.",
    },
    {
      id: 'rint1',
      kind: 'resistor',
      at: p(6, 1.5),
      name: 'Rint1',
      label: internal,
      role: "B1's internal resistance: the current the amplifier draws drops a voltage across it, so the + rail sags under load.",
    },
    {
      id: 'rint2',
      kind: 'resistor',
      at: p(6, 7.5),
      name: 'Rint2',
      label: internal,
      labelSide: 'below',
      role: "B2's internal resistance: the same sag on the \u2212 rail.",
    },
    amp('amp', p(13, 3.5), v.loadAmps, 'the + rail and returned to the \u2212 rail'),
  ];
  return {
    title: `Two batteries as \u00b1 rails: ${v.batteryName}`,
    description:
      "Two batteries in series give both rails, and their midpoint is the amplifier's ground. Each gives " +
      `${nb(openCircuit)} with no load, behind its internal resistance (${nb(internal)}), so drawing ` +
      `${nb(milliamps(v.loadAmps))} the rails are ${nb(rail)} and ${nb(negativeRail)}. No mains, so no hum: only the sag.`,
    width: WIDTH_UNITS,
    height: BATTERY_HEIGHT_UNITS,
    parts,
    wires: [
      wire(p(5, 1.5), p(6, 1.5)),
      wire(p(8, 1.5), p(13, 1.5), p(13, 3.5)),
      wire(p(5, 3.5), p(5, 4.5)),
      wire(p(5, 4), p(6, 4)),
      wire(p(5, 6.5), p(5, 7.5), p(6, 7.5)),
      wire(p(8, 7.5), p(13, 7.5), p(13, 5.5)),
    ],
    probes: [
      { at: p(9.5, 1.5), label: rail, description: 'the + rail under load, measured from the midpoint' },
      { at: p(9.5, 7.5), label: negativeRail, description: 'the \u2212 rail under load, measured from the midpoint', side: 'below' },
    ],
    dots: [p(5, 4)],
  };
}

/** The supply the reader built, with its part values as labels and its rail voltages and ripple as probes. */
export function powerSupplyCircuit(v: PowerSupplyValues): Circuit {
  switch (v.mode) {
    case 'ac-linear':
    case 'wall-wart':
      return acCircuit(v);
    case 'usb':
      return usbCircuit(v);
    case 'batteries':
      return batteryCircuit(v);
  }
}

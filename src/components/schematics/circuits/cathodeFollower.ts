// Diagram of an OTL cathode follower into a headphone: B+ on the plate, the grid at its DC bias plus the signal, the
// cathode resistor Rk to ground, and the headphone fed from the cathode through a coupling capacitor, with live
// probe readings. Layout and text only.
import { formatNumber, formatOhms } from '../../format';
import type { Circuit, Part, Probe } from '../types';
import { milliamps, nb, p, probeVolts, wire } from './layoutHelpers';

export interface CathodeFollowerValues {
  /** The valve's type and how many sections are in parallel, e.g. "2 × 12AU7". */
  tubeLabel: string;
  supplyVolts: number;
  gridBiasVolts: number;
  cathodeResistorOhms: number;
  loadOhms: number;
  /** The input signal now (on top of the grid bias). */
  inputVolts: number;
  /** Cathode to ground now. */
  cathodeVolts: number;
  /** The headphone's voltage now: the cathode's swing from its idle voltage. */
  outputVolts: number;
  /** The tube's current now (all sections). */
  tubeAmps: number;
}

/*
 * Layout (grid units). B+ stands at the top left, x = 1, y = 1–3, and feeds the plate along y = 1 down to (7, 3).
 * The triode's grid is at (5, 5), its cathode at (7, 7) over Rk, which ends on the ground rail at y = 9. The grid
 * bias Vg (x = 1, y = 5–7) sits on the input Vin (x = 1, y = 7–9). The cathode feeds Cout (x = 8–10, y = 7), and
 * the headphone (x = 11, y = 7–9) hangs from it to the ground rail; its label and the Vout probe read to its right.
 * The cathode's voltage is in the description (a probe there would run into Cout).
 */
const WIDTH_UNITS = 16;
const HEIGHT_UNITS = 9.8;
const GRID_NODE = p(5, 5);
const PLATE = p(7, 3);
const CATHODE = p(7, 7);

function parts(v: CathodeFollowerValues): Part[] {
  return [
    { id: 'bplus', kind: 'source', at: p(1, 1), orientation: 'vertical', name: 'B+', label: `${formatNumber(v.supplyVolts, 3)} V`, role: 'The plate supply (B+): the plate sits on it directly, with no plate resistor.' },
    { id: 'vg', kind: 'dc-source', at: p(1, 5), orientation: 'vertical', name: 'Vg', label: `${formatNumber(v.gridBiasVolts, 3)} V`, role: 'The grid bias, set by the direct-coupled driver stage: it places the cathode (and so the idle current) where the design wants it.' },
    { id: 'vin', kind: 'source', at: p(1, 7), orientation: 'vertical', name: 'Vin', role: 'The signal from the driver stage, on top of the grid bias.' },
    { id: 'v1', kind: 'triode', at: GRID_NODE, name: 'V1', label: v.tubeLabel, role: 'The valve as a follower: the cathode follows the grid, a few volts below it, and the valve supplies the current the headphone needs.' },
    { id: 'rk', kind: 'resistor', at: CATHODE, orientation: 'vertical', name: 'Rk', label: formatOhms(v.cathodeResistorOhms), labelSide: 'left', role: 'Cathode resistor: carries the idle current, and pulls the output down when the valve turns off.' },
    { id: 'cout', kind: 'capacitor', at: p(8, 7), name: 'Cout', role: "Coupling capacitor: passes the cathode's swing to the headphone and keeps the cathode's DC voltage off it." },
    { id: 'hp', kind: 'headphone', at: p(11, 7), orientation: 'vertical', name: 'HP', label: formatOhms(v.loadOhms), labelSide: 'right', role: 'The headphone, drawn as the resistance it loads the follower with.' },
    { id: 'gnd', kind: 'ground', at: p(1, 9), name: 'Ground', role: 'The common return (0 V) for the signal, Rk and the headphone.' },
    { id: 'gnd-supply', kind: 'ground', at: p(1, 3), name: 'Ground', role: "The supply's return: B+ is measured from here." },
  ];
}

function probes(v: CathodeFollowerValues): Probe[] {
  return [
    { at: p(1.5, 5), label: `Vg ${probeVolts(v.gridBiasVolts + v.inputVolts)}`, description: 'grid voltage now: the bias plus the signal' },
    { at: p(7, 2), label: `I ${milliamps(v.tubeAmps)}`, description: 'the valve current now' },
    { at: p(11, 7), label: `Vout ${probeVolts(v.outputVolts)}`, description: "the headphone's voltage now" },
  ];
}

/** An OTL cathode follower with its part values as labels and the present voltages and current as probes. */
export function cathodeFollowerCircuit(v: CathodeFollowerValues): Circuit {
  return {
    title: `OTL cathode follower, ${v.tubeLabel}`,
    description:
      `B+ (${nb(`${formatNumber(v.supplyVolts, 3)} V`)}) feeds the plate of a ${v.tubeLabel} directly. The grid sits at ` +
      `${nb(probeVolts(v.gridBiasVolts))} plus the signal Vin, and the cathode follows it, now at ${nb(probeVolts(v.cathodeVolts))} ` +
      `with ${nb(milliamps(v.tubeAmps))} flowing. Rk (${nb(formatOhms(v.cathodeResistorOhms))}) returns the cathode to ground, ` +
      `and Cout passes its swing to the ${nb(formatOhms(v.loadOhms))} headphone, now at ${nb(probeVolts(v.outputVolts))}.`,
    width: WIDTH_UNITS,
    height: HEIGHT_UNITS,
    parts: parts(v),
    wires: [
      wire(p(1, 1), p(7, 1), PLATE),
      wire(p(1, 5), GRID_NODE),
      wire(p(1, 9), p(11, 9)),
      wire(CATHODE, p(8, 7)),
      wire(p(10, 7), p(11, 7)),
    ],
    probes: probes(v),
    dots: [p(1, 9), CATHODE, p(7, 9)],
  };
}

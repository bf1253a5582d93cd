// Diagram of a common-cathode triode stage: signal on the grid, grid leak Rg, plate resistor Ra from B+, unbypassed
// cathode resistor Rk, output through a coupling capacitor to the next stage, with live probe readings. Layout and text only.
import { formatNumber, formatOhms } from '../../format';
import type { Circuit, Part, Probe } from '../types';
import { milliamps, nb, p, probeVolts, wire } from './layoutHelpers';

export interface TriodeStageValues {
  /** The valve's type, e.g. "12AU7". */
  tubeName: string;
  /** B+, the plate supply voltage. */
  supplyVolts: number;
  plateResistorOhms: number;
  cathodeResistorOhms: number;
  gridLeakOhms: number;
  /** Grid voltage now (the input signal; 0 V at the bias point). */
  gridVolts: number;
  /** Cathode voltage now: the plate current times Rk. */
  cathodeVolts: number;
  /** Plate voltage now: B+ minus the drop across Ra. */
  plateVolts: number;
  /** Plate current now. */
  plateAmps: number;
}


/*
 * Layout (grid units). B+ stands at the top left, x = 1, y = 1–3, and feeds the top rail at y = 1 to Ra at x = 8.
 * The triode's grid is at (6, 5), its plate at (8, 3) under Ra and its cathode at (8, 7) over Rk, which ends on
 * the ground rail at y = 9. The input source (x = 1, y = 7–9) reaches the grid along y = 5; Rg hangs from that
 * wire at x = 3. The output leaves the plate along y = 3 through Cout (x = 12–14) and runs down the right
 * edge to the next stage's input (x = 14, y = 7–9). Ra's and Rk's labels sit to their left, the valve's to its
 * right, so the right-hand side keeps room for the probe readings.
 */
const WIDTH_UNITS = 14;
const HEIGHT_UNITS = 9.8;

const GRID_NODE = p(6, 5);
const PLATE = p(8, 3);
const CATHODE = p(8, 7);

function parts(v: TriodeStageValues): Part[] {
  return [
    {
      id: 'vin',
      kind: 'source',
      at: p(1, 7),
      orientation: 'vertical',
      name: 'Vin',
      role: 'The signal to amplify, applied between the grid and ground.',
    },
    {
      id: 'rg',
      kind: 'resistor',
      at: p(3, 5),
      orientation: 'vertical',
      name: 'Rg',
      label: formatOhms(v.gridLeakOhms),
      role: 'Grid leak: holds the grid at 0 V on average, so the cathode voltage sets the bias.',
    },
    {
      id: 'v1',
      kind: 'triode',
      at: GRID_NODE,
      name: 'V1',
      label: v.tubeName,
      role: 'The valve: the grid voltage, measured from the cathode, controls the current from the plate to the cathode.',
    },
    {
      id: 'rk',
      kind: 'resistor',
      at: CATHODE,
      orientation: 'vertical',
      name: 'Rk',
      label: formatOhms(v.cathodeResistorOhms),
      labelSide: 'left',
      role: 'Cathode resistor: the plate current through it lifts the cathode above the grid, which biases the valve; unbypassed, it also gives local negative feedback.',
    },
    {
      id: 'ra',
      kind: 'resistor',
      at: p(8, 1),
      orientation: 'vertical',
      name: 'Ra',
      label: formatOhms(v.plateResistorOhms),
      labelSide: 'left',
      role: 'Plate resistor: turns changes in plate current into changes in plate voltage, which is where the gain comes from.',
    },
    {
      id: 'bplus',
      kind: 'source',
      at: p(1, 1),
      orientation: 'vertical',
      name: 'B+',
      label: `${formatNumber(v.supplyVolts, 3)} V`,
      role: 'The plate supply (B+): the DC voltage the plate current is drawn from.',
    },
    {
      id: 'cout',
      kind: 'capacitor',
      at: p(12, 3),
      name: 'Cout',
      role: "Coupling capacitor: passes the audio swing on to the next stage and blocks the plate's DC voltage.",
    },
    {
      id: 'next',
      kind: 'resistor',
      at: p(14, 7),
      orientation: 'vertical',
      name: 'Load',
      label: 'to the output stage',
      labelSide: 'left',
      role: "The next stage's input: the output stage the signal goes on to, drawn as the resistance it loads this stage with.",
    },
    {
      id: 'gnd',
      kind: 'ground',
      at: p(1, 9),
      name: 'Ground',
      role: 'The common return (0 V) for the signal, the grid leak and the cathode resistor.',
    },
    {
      id: 'gnd-supply',
      kind: 'ground',
      at: p(1, 3),
      name: 'Ground',
      role: "The supply's return: B+ is measured from here.",
    },
    {
      id: 'gnd-next',
      kind: 'ground',
      at: p(14, 9),
      name: 'Ground',
      role: "The next stage's return.",
    },
  ];
}

function probes(v: TriodeStageValues): Probe[] {
  return [
    { at: p(2, 5), label: `Vg ${probeVolts(v.gridVolts)}`, description: 'grid voltage now (the input signal)' },
    { at: p(8.5, 3), label: `Vp ${probeVolts(v.plateVolts)}`, description: 'plate voltage now' },
    { at: p(8, 1), label: `Ip ${milliamps(v.plateAmps)}`, description: 'plate current now, through Ra' },
    { at: CATHODE, label: `Vk ${probeVolts(v.cathodeVolts)}`, description: 'cathode voltage now: the plate current times Rk' },
  ];
}

/** Where the cathode sits against the grid: Vk − Vg above it (the bias), or the grid above the cathode (grid current). */
function gridToCathode(v: TriodeStageValues): string {
  const cathodeAboveGridVolts = v.cathodeVolts - v.gridVolts;
  return cathodeAboveGridVolts >= 0
    ? `${nb(probeVolts(cathodeAboveGridVolts))} above the grid`
    : `${nb(probeVolts(-cathodeAboveGridVolts))} below the grid`;
}

/** A common-cathode triode stage with its part values as labels and the present voltages and current as probes. */
export function triodeStageCircuit(v: TriodeStageValues): Circuit {
  const supply = nb(`${formatNumber(v.supplyVolts, 3)} V`);
  return {
    title: `Common-cathode ${v.tubeName} stage`,
    description:
      `The signal Vin drives the grid of a ${v.tubeName}; B+ (${supply}) feeds the plate through Ra ` +
      `(${nb(formatOhms(v.plateResistorOhms))}) and the cathode returns to ground through Rk ` +
      `(${nb(formatOhms(v.cathodeResistorOhms))}), so the plate current lifts the cathode to ${nb(probeVolts(v.cathodeVolts))} above ground, ${gridToCathode(v)}. ` +
      `The plate swings the opposite way to the grid, and Cout passes that swing on to the output stage. ` +
      `Now the plate sits at ${nb(probeVolts(v.plateVolts))} with ${nb(milliamps(v.plateAmps))} flowing.`,
    width: WIDTH_UNITS,
    height: HEIGHT_UNITS,
    parts: parts(v),
    wires: [
      wire(p(1, 1), p(8, 1)),
      wire(p(1, 7), p(1, 5), GRID_NODE),
      wire(p(3, 7), p(3, 9)),
      wire(p(1, 9), p(8, 9)),
      wire(PLATE, p(12, 3)),
      wire(p(14, 3), p(14, 7)),
    ],
    probes: probes(v),
    dots: [p(3, 5), p(3, 9), p(1, 9), PLATE],
  };
}

// Diagram of a non-inverting op-amp headphone stage: input on +, feedback Rf and Rg on −, supply rails named in the
// op-amp's label, build-out resistor Rbo into the headphone, with live probe readings. Layout and text only (no supply pins).
import { formatNumber, formatOhms, formatVolts } from '../../format';
import type { Circuit, Part, Probe } from '../types';
import { milliamps, nb, p, probeVolts, wire } from './layoutHelpers';

/** The op-amp's supply: split rails of ±volts, or one supply of volts named after its source (e.g. "USB"). */
export type OpAmpSupply = { kind: 'split'; volts: number } | { kind: 'single'; volts: number; name: string };

export interface OpAmpStageValues {
  /** Voltage gain, 1 + Rf/Rg. */
  gain: number;
  supply: OpAmpSupply;
  feedbackResistorOhms: number;
  /** The resistor from the inverting input to ground. */
  groundResistorOhms: number;
  buildOutOhms: number;
  loadOhms: number;
  /** Input voltage now. */
  inputVolts: number;
  /** Op-amp output voltage now. */
  outputVolts: number;
  /** Voltage across the headphone now. */
  loadVolts: number;
  /** Current through the headphone now. */
  loadAmps: number;
}


/** The supply as the op-amp's label gives it: "±15 V", "USB 5 V". */
function supplyLabel(supply: OpAmpSupply): string {
  const text = `${formatNumber(supply.volts, 3)} V`;
  return supply.kind === 'split' ? `±${text}` : `${supply.name} ${text}`;
}

/** The supply in words, for the op-amp's role: "±15 V rails", "a single USB 5 V supply". */
function supplyWords(supply: OpAmpSupply): string {
  return supply.kind === 'split' ? `${supplyLabel(supply)} rails` : `a single ${supplyLabel(supply)} supply`;
}

/*
 * Layout (grid units). The op-amp sits at (4, 4): inverting input (4, 4), non-inverting input (4, 6), output (8, 5).
 * The input source (x = 3, y = 6–8) feeds the + input from just below it, its label to its left. The − input
 * rises to the feedback node at (4, 2), where Rg runs left to ground (x = 2–4) and Rf runs right (x = 5–7) and
 * back down x = 9 to the output node (9, 5).
 * Rbo (x = 9–11) carries the output to the headphone, which stands at x = 11 (y = 5–7) over its ground at (11, 9).
 * The right edge is left free for the probe readings.
 */
const WIDTH_UNITS = 15;
const HEIGHT_UNITS = 9.8;

const FEEDBACK_NODE = p(4, 2);
const OUTPUT_NODE = p(9, 5);
const LOAD_NODE = p(11, 5);

function parts(v: OpAmpStageValues): Part[] {
  return [
    {
      id: 'vin',
      kind: 'source',
      at: p(3, 6),
      orientation: 'vertical',
      name: 'Vin',
      label: formatVolts(v.inputVolts),
      labelSide: 'left',
      role: 'The signal from the source (a DAC, a phone), applied to the non-inverting input.',
    },
    {
      id: 'u1',
      kind: 'opamp',
      at: p(4, 4),
      name: 'U1',
      label: supplyLabel(v.supply),
      role: `The op-amp, powered from ${supplyWords(v.supply)}: it drives its output until its two inputs sit at the same voltage, and its output can swing only within those rails.`,
    },
    {
      id: 'rf',
      kind: 'resistor',
      at: p(5, 2),
      name: 'Rf',
      label: formatOhms(v.feedbackResistorOhms),
      role: 'Feedback resistor: feeds part of the output back to the inverting input; with Rg it sets the gain, 1 + Rf/Rg.',
    },
    {
      id: 'rg',
      kind: 'resistor',
      at: p(2, 2),
      name: 'Rg',
      label: formatOhms(v.groundResistorOhms),
      role: 'With Rf, a voltage divider from the output: the op-amp makes the divided output equal the input, so the output is the input times 1 + Rf/Rg.',
    },
    {
      id: 'rbo',
      kind: 'resistor',
      at: OUTPUT_NODE,
      name: 'Rbo',
      label: formatOhms(v.buildOutOhms),
      role: "Build-out resistor: keeps the op-amp stable into a cable's capacitance and protects it from a short, at the cost of raising the output impedance.",
    },
    {
      id: 'hp',
      kind: 'headphone',
      at: LOAD_NODE,
      orientation: 'vertical',
      name: 'HP',
      label: formatOhms(v.loadOhms),
      role: 'The headphone: the load the stage drives; with Rbo it forms a voltage divider.',
    },
    {
      id: 'gnd-in',
      kind: 'ground',
      at: p(3, 8),
      name: 'Ground',
      role: 'The signal return (0 V), shared by the input, the feedback network and the headphone.',
    },
    {
      id: 'gnd-fb',
      kind: 'ground',
      at: p(2, 2),
      name: 'Ground',
      role: "Rg's return: the bottom of the feedback divider.",
    },
    {
      id: 'gnd-hp',
      kind: 'ground',
      at: p(11, 9),
      name: 'Ground',
      role: "The headphone's return.",
    },
  ];
}

function probes(v: OpAmpStageValues): Probe[] {
  return [
    { at: p(9, 3), label: `Vo ${probeVolts(v.outputVolts)}`, description: 'op-amp output voltage now' },
    { at: LOAD_NODE, label: `VL ${probeVolts(v.loadVolts)}`, description: 'voltage across the headphone now' },
    { at: p(11, 8), label: `IL ${milliamps(v.loadAmps)}`, description: 'current through the headphone now' },
  ];
}

/** A non-inverting op-amp stage with its part values as labels and the present output, load voltage and current as probes. */
export function opAmpStageCircuit(v: OpAmpStageValues): Circuit {
  const gain = formatNumber(v.gain, 3);
  return {
    title: `Non-inverting op-amp stage, gain ${gain}`,
    description:
      `The signal Vin drives the op-amp's + input; Rf (${nb(formatOhms(v.feedbackResistorOhms))}) and Rg ` +
      `(${nb(formatOhms(v.groundResistorOhms))}) feed back part of the output, so the output is ${gain} times the input. ` +
      `The op-amp runs from ${nb(supplyWords(v.supply))}. Its output reaches the headphone (${nb(formatOhms(v.loadOhms))}) ` +
      `through Rbo (${nb(formatOhms(v.buildOutOhms))}): now ${nb(probeVolts(v.outputVolts))} at the op-amp gives ` +
      `${nb(probeVolts(v.loadVolts))} and ${nb(milliamps(v.loadAmps))} in the headphone.`,
    width: WIDTH_UNITS,
    height: HEIGHT_UNITS,
    parts: parts(v),
    wires: [
      wire(p(3, 6), p(4, 6)),
      wire(p(4, 4), FEEDBACK_NODE, p(5, 2)),
      wire(p(7, 2), p(9, 2), OUTPUT_NODE),
      wire(p(8, 5), OUTPUT_NODE),
      wire(p(11, 7), p(11, 9)),
    ],
    probes: probes(v),
    dots: [FEEDBACK_NODE, OUTPUT_NODE],
  };
}

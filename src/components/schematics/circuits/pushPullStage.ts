// Diagram of a complementary emitter-follower (push-pull) output stage: NPN to +Vcc, PNP to −Vcc, bias sources between the
// input and each base, emitter resistors into the headphone, with live probe readings. Layout and text only.
import { formatNumber, formatOhms, formatVolts } from '../../format';
import type { Circuit, Part, Probe } from '../types';
import { milliamps, nb, p, probeVolts, wire } from './layoutHelpers';

export interface PushPullStageValues {
  /** Each rail's voltage: the NPN's collector sits at +supplyVolts, the PNP's at −supplyVolts. */
  supplyVolts: number;
  /** The total bias between the two bases; each bias source gives half of it. */
  biasVolts: number;
  emitterResistorOhms: number;
  loadOhms: number;
  className: 'B' | 'AB';
  /** Input voltage now. */
  inputVolts: number;
  /** Output voltage now, across the headphone. */
  outputVolts: number;
  /** NPN collector current now (flowing in from +Vcc). */
  npnAmps: number;
  /** PNP collector current now (flowing out to −Vcc). */
  pnpAmps: number;
  /** Headphone current now (positive flowing from the output node to ground). */
  loadAmps: number;
}


/** A rail's voltage with its sign: "+15 V", "−15 V". */
function railVolts(value: number): string {
  return `${value > 0 ? '+' : ''}${formatNumber(value, 3)} V`;
}

/** One bias source's label: "+0.65 V", or "0 V (class B)" with no bias (the space before "B" does not break). */
function biasLabel(value: number): string {
  if (value === 0) return '0 V (class\u00a0B)';
  return `${value > 0 ? '+' : ''}${formatVolts(value)}`;
}

/*
 * Layout (grid units). The input column x = 4 runs from Vb1 (y = 3) to Vb2 (y = 9); Vin joins it at (4, 6).
 * The NPN has its base at (6, 3), collector (8, 2), emitter (8, 4); the PNP its base at (6, 9), collector
 * (8, 8), emitter (8, 10). Each emitter runs right through its Re to the output column x = 11.5, and the
 * headphone hangs from the output node at (12.5, 7). The NPN's collector rises to the +Vcc rail at y = 1, which ends
 * on the +Vcc source at the top right. The kit draws the PNP with its emitter at the bottom, like the NPN, so the
 * PNP's collector also rises: into the space between the two halves, where the −Vcc source sits (x = 5–7, y = 6).
 */
const WIDTH_UNITS = 16;
const HEIGHT_UNITS = 10.5;

const OUTPUT_NODE = p(11.5, 7);

function parts(v: PushPullStageValues): Part[] {
  const half = v.biasVolts / 2;
  return [
    {
      id: 'vin',
      kind: 'source',
      at: p(2, 6),
      name: 'Vin',
      labelSide: 'below',
      role: 'The signal from the previous stage, which the output follows.',
    },
    {
      id: 'vb1',
      kind: 'source',
      at: p(4, 3),
      name: 'Vb1',
      label: biasLabel(half),
      labelSide: 'left',
      role: "Half the bias: lifts the NPN's base above the input so that it already conducts a little at 0 V (not at all in class B).",
    },
    {
      id: 'vb2',
      kind: 'source',
      at: p(4, 9),
      name: 'Vb2',
      label: biasLabel(-half),
      labelSide: 'left',
      role: "The other half of the bias: lowers the PNP's base below the input, so the two transistors hand over without a dead zone (class B has one).",
    },
    {
      id: 'q1',
      kind: 'npn',
      at: p(6, 3),
      name: 'NPN',
      labelSide: 'above',
      role: 'NPN emitter follower: pushes current into the headphone when the output swings positive.',
    },
    {
      id: 'q2',
      kind: 'pnp',
      at: p(6, 9),
      name: 'PNP',
      labelSide: 'below',
      role: 'PNP emitter follower: pulls current out of the headphone when the output swings negative.',
    },
    {
      id: 'vcc-pos',
      kind: 'source',
      at: p(13, 1),
      orientation: 'vertical',
      name: '+Vcc',
      label: railVolts(v.supplyVolts),
      role: "The positive supply rail: the NPN's collector current comes from here.",
    },
    {
      id: 'vcc-neg',
      kind: 'source',
      at: p(5, 6),
      name: '−Vcc',
      label: railVolts(-v.supplyVolts),
      labelSide: 'below',
      role: "The negative supply rail: the PNP's collector current returns here.",
    },
    {
      id: 're1',
      kind: 'resistor',
      at: p(9, 4),
      name: 'Re1',
      label: formatOhms(v.emitterResistorOhms),
      role: "The NPN's emitter resistor: steadies the idle current the bias sets, and evens out the hand-over between the halves.",
    },
    {
      id: 're2',
      kind: 'resistor',
      at: p(9, 10),
      name: 'Re2',
      label: formatOhms(v.emitterResistorOhms),
      role: "The PNP's emitter resistor: the same job for the negative half.",
    },
    {
      id: 'hp',
      kind: 'headphone',
      at: p(12.5, 7),
      orientation: 'vertical',
      name: 'HP',
      label: formatOhms(v.loadOhms),
      role: 'The headphone: the load both transistors drive, one pushing and one pulling.',
    },
    {
      id: 'gnd-in',
      kind: 'ground',
      at: p(2, 6),
      name: 'Ground',
      role: 'The signal return (0 V).',
    },
    {
      id: 'gnd-pos',
      kind: 'ground',
      at: p(13, 3),
      name: 'Ground',
      role: "The positive rail's return.",
    },
    {
      id: 'gnd-neg',
      kind: 'ground',
      at: p(5, 6),
      name: 'Ground',
      role: "The negative rail's return.",
    },
    {
      id: 'gnd-hp',
      kind: 'ground',
      at: p(12.5, 10),
      name: 'Ground',
      role: "The headphone's return.",
    },
  ];
}

function probes(v: PushPullStageValues): Probe[] {
  return [
    { at: p(4, 5), label: `Vi ${probeVolts(v.inputVolts)}`, description: 'input voltage now' },
    { at: p(11.5, 5), label: `Vo ${probeVolts(v.outputVolts)}`, description: 'output voltage now' },
    { at: p(8, 1), label: `In ${milliamps(v.npnAmps)}`, description: 'NPN collector current now' },
    { at: p(7, 6), label: `Ip ${milliamps(v.pnpAmps)}`, description: 'PNP collector current now' },
    { at: p(11.75, 7), label: `IL ${milliamps(v.loadAmps)}`, description: 'headphone current now' },
  ];
}

/** A complementary push-pull output stage with its part values as labels and the present voltages and currents as probes. */
export function pushPullStageCircuit(v: PushPullStageValues): Circuit {
  const bias = v.biasVolts === 0 ? 'no bias' : `${nb(formatVolts(v.biasVolts))} of bias between the bases`;
  const handOver =
    v.className === 'B'
      ? 'each transistor conducts only once the input is a base–emitter voltage away from 0\u00a0V, which leaves a dead zone around 0\u00a0V (crossover distortion). '
      : 'both transistors conduct a little at rest, so the hand-over around 0\u00a0V is smooth. ';
  return {
    title: `Class ${v.className} push-pull output stage`,
    description:
      `Two emitter followers share the output: the NPN, fed from ${nb(railVolts(v.supplyVolts))}, pushes current into the ` +
      `headphone (${nb(formatOhms(v.loadOhms))}) and the PNP, returning to ${nb(railVolts(-v.supplyVolts))}, pulls it out, ` +
      `each through an emitter resistor (${nb(formatOhms(v.emitterResistorOhms))}). With ${bias}, ${handOver}` +
      `Now the input is ${nb(probeVolts(v.inputVolts))} and the output ${nb(probeVolts(v.outputVolts))}.`,
    width: WIDTH_UNITS,
    height: HEIGHT_UNITS,
    parts: parts(v),
    wires: [
      wire(p(4, 3), p(4, 9)),
      wire(p(8, 2), p(8, 1), p(13, 1)),
      wire(p(8, 8), p(8, 6), p(7, 6)),
      wire(p(8, 4), p(9, 4)),
      wire(p(8, 10), p(9, 10)),
      wire(p(11, 4), p(11.5, 4), p(11.5, 10), p(11, 10)),
      wire(OUTPUT_NODE, p(12.5, 7)),
      wire(p(12.5, 9), p(12.5, 10)),
    ],
    probes: probes(v),
    dots: [p(4, 6), OUTPUT_NODE],
  };
}

// Diagram of the output-impedance lesson: an ideal source with output impedance Zout drives a headphone's
// electrical model (Re + Le + Res ∥ Les ∥ Ces for a dynamic driver, or a single |Z| for a multi-BA IEM). Layout and text only.
import { formatFarads, formatHenries, formatHz, formatOhms, formatVolts } from '../../format';
import type { Circuit, Frame, Part } from '../types';
import { nb, p, wire } from './layoutHelpers';

export interface SourceIntoHeadphoneValues {
  outputImpedanceOhms: number;
  headphoneName: string;
  /** Electrical model of a dynamic driver, or null for a headphone shown only by its impedance (multi-BA IEM). */
  driver: {
    dcResistanceOhms: number;
    voiceCoilInductanceHenries: number;
    motionalResistanceOhms: number;
    motionalInductanceHenries: number;
    motionalCapacitanceFarads: number;
  } | null;
  /** |Zhp| at the chosen frequency. */
  loadMagnitudeOhms: number;
  atFrequencyHz: number;
  sourceVoltsRms: number;
  /** Voltage at the headphone terminals, shown as a probe. */
  loadVoltsRms: number;
}


/*
 * Layout (grid units). Amplifier column at x = 1: Zout from (1,2) to (1,4), Vs from (1,5) to (1,7),
 * ground at (1,8). The top wire at y = 1 carries the signal into the headphone box; the bottom wire at
 * y = 8 is the return. Dynamic driver: Re (5,1)–(5,3) and Le (5,3)–(5,5) in series, then Res, Ces and Les
 * side by side at x = 5, 8, 11 between y = 6 and y = 8 (the longest value text, Les, last, where it has room).
 * Multi-BA: one load from (8,3) to (8,5).
 */
const WIDTH_UNITS = 14;
const HEIGHT_UNITS = 9.5;
const PROBE_AT = p(4.5, 1);

function sourceParts(v: SourceIntoHeadphoneValues): Part[] {
  return [
    {
      id: 'vs',
      kind: 'source',
      at: p(1, 5),
      orientation: 'vertical',
      name: 'Vs',
      label: formatVolts(v.sourceVoltsRms),
      role: "The amplifier's ideal voltage source: the signal it would deliver with nothing connected.",
    },
    {
      id: 'zout',
      kind: 'resistor',
      at: p(1, 2),
      orientation: 'vertical',
      name: 'Zout',
      label: formatOhms(v.outputImpedanceOhms),
      role: "The amplifier's output impedance, in series with the headphone: with the headphone's impedance it forms a voltage divider.",
    },
  ];
}

const GROUND: Part = {
  id: 'gnd',
  kind: 'ground',
  at: p(1, 8),
  name: 'Ground',
  role: 'The common return (0 V) shared by the amplifier and the headphone.',
};

function frames(headphoneName: string): Frame[] {
  return [
    { from: p(0.15, 0), to: p(3.7, 8.9), label: 'Amplifier' },
    { from: p(3.95, 0), to: p(14.05, 8.9), label: headphoneName },
  ];
}

/** Source, output impedance and headphone model with their present values as labels. */
export function sourceIntoHeadphoneCircuit(v: SourceIntoHeadphoneValues): Circuit {
  const sourceText = `An ideal source Vs (${nb(formatVolts(v.sourceVoltsRms))} rms) in series with the output impedance Zout (${nb(formatOhms(v.outputImpedanceOhms))})`;
  const loadText = `At ${nb(formatHz(v.atFrequencyHz))} the headphone's impedance is ${nb(formatOhms(v.loadMagnitudeOhms))}, so ${nb(formatVolts(v.loadVoltsRms))} reaches its terminals.`;
  const probe = {
    at: PROBE_AT,
    label: formatVolts(v.loadVoltsRms),
    description: `voltage at the headphone terminals at ${formatHz(v.atFrequencyHz)} (rms)`,
  };
  const title = `Amplifier driving ${v.headphoneName}`;
  const d = v.driver;
  if (!d) {
    return {
      title,
      description: `${sourceText} drives the ${v.headphoneName}, drawn as its impedance Zhp. ${loadText}`,
      width: WIDTH_UNITS,
      height: HEIGHT_UNITS,
      parts: [
        ...sourceParts(v),
        {
          id: 'zhp',
          kind: 'headphone',
          at: p(8, 3),
          orientation: 'vertical',
          name: 'Zhp',
          label: `|Z| = ${formatOhms(v.loadMagnitudeOhms)} at ${formatHz(v.atFrequencyHz)}`,
          role: "The headphone's impedance as the amplifier sees it: balanced-armature drivers and their crossover make |Z| change strongly with frequency.",
        },
        GROUND,
      ],
      wires: [wire(p(1, 2), p(1, 1), p(8, 1), p(8, 3)), wire(p(1, 4), p(1, 5)), wire(p(1, 7), p(1, 8)), wire(p(8, 5), p(8, 8), p(1, 8))],
      probes: [probe],
      dots: [p(1, 8)],
      frames: frames(v.headphoneName),
    };
  }
  return {
    title,
    description: `${sourceText} drives the ${v.headphoneName}'s electrical model: the voice coil's resistance Re and inductance Le in series with the motional branch Res ∥ Les ∥ Ces, which makes the impedance peak at resonance. ${loadText}`,
    width: WIDTH_UNITS,
    height: HEIGHT_UNITS,
    parts: [
      ...sourceParts(v),
      {
        id: 're',
        kind: 'resistor',
        at: p(5, 1),
        orientation: 'vertical',
        name: 'Re',
        label: formatOhms(d.dcResistanceOhms),
        role: "The voice coil's DC resistance: the copper wire of the coil, the part of the impedance that does not change with frequency.",
      },
      {
        id: 'le',
        kind: 'inductor',
        at: p(5, 3),
        orientation: 'vertical',
        name: 'Le',
        label: formatHenries(d.voiceCoilInductanceHenries),
        role: "The voice coil's inductance: it raises the impedance at high frequencies.",
      },
      {
        id: 'res',
        kind: 'resistor',
        at: p(5, 6),
        orientation: 'vertical',
        name: 'Res',
        label: formatOhms(d.motionalResistanceOhms),
        role: "Motional resistance: the driver's mechanical damping seen from the electrical side; at resonance the impedance rises to Re + Res.",
      },
      {
        id: 'ces',
        kind: 'capacitor',
        at: p(8, 6),
        orientation: 'vertical',
        name: 'Ces',
        label: formatFarads(d.motionalCapacitanceFarads),
        role: "Motional capacitance: the moving mass seen from the electrical side; it shapes the impedance above resonance.",
      },
      {
        id: 'les',
        kind: 'inductor',
        at: p(11, 6),
        orientation: 'vertical',
        name: 'Les',
        label: formatHenries(d.motionalInductanceHenries),
        role: "Motional inductance: the suspension's compliance seen from the electrical side; it shapes the impedance below resonance.",
      },
      GROUND,
    ],
    wires: [
      wire(p(1, 2), p(1, 1), p(5, 1)),
      wire(p(1, 4), p(1, 5)),
      wire(p(1, 7), p(1, 8)),
      wire(p(5, 5), p(5, 6)),
      wire(p(5, 6), p(11, 6)),
      wire(p(1, 8), p(11, 8)),
    ],
    probes: [probe],
    dots: [p(1, 8), p(5, 6), p(8, 6), p(5, 8), p(8, 8)],
    frames: frames(v.headphoneName),
  };
}

// The circuit lab's drawings of its tube stages: each with its capacitors and load, its parts labelled with the
// reader's values and, once SPICE has run, its operating point as probes (node voltages and the tube's current).
// The op-amp and push-pull stages' drawings (solidStateSchematics.ts) load when the reader picks one. Layout and text only.
import { formatFarads, formatNumber, formatOhms } from '../../format';
import { milliamps, nb, p, probeVolts, wire } from '../../schematics/circuits/layoutHelpers';
import type { Circuit, Part, Probe } from '../../schematics/types';
import { LAB_STAGES, type PartValues, siValue } from './stages';

/** What SPICE said about the idle circuit, by lower-case vector name; empty before a run. */
export type OperatingPoint = ReadonlyMap<string, number>;

const ground = (id: string, x: number, y: number, role: string): Part => ({ id, kind: 'ground', at: p(x, y), name: 'Ground', role });

function inputParts(v: (key: string) => number): Part[] {
  return [
    { id: 'vin', kind: 'source', at: p(1, 7), orientation: 'vertical', name: 'Vin', role: 'The signal: the test sine, the sweep, or music.' },
    { id: 'cin', kind: 'capacitor', at: p(2, 5), name: 'Cin', label: formatFarads(v('cin')), labelSide: 'above', role: 'Input coupling capacitor: passes the signal and blocks DC from the source.' },
  ];
}

function probesFrom(op: OperatingPoint, list: readonly { at: ReturnType<typeof p>; name: string; vector: string; description: string; amps?: boolean }[]): Probe[] {
  return list.flatMap(({ at, name, vector, description, amps }) => {
    const value = op.get(vector);
    if (value === undefined) return [];
    return [{ at, label: `${name} ${amps ? milliamps(value) : probeVolts(value)}`, description }];
  });
}

function triodeCircuit(values: PartValues, tube: string, op: OperatingPoint): Circuit {
  const stage = LAB_STAGES.triode;
  const v = (key: string) => siValue(stage, values, key);
  const bypassed = v('ck') > 0;
  const plateAmps = op.get('v(p)') !== undefined ? (v('bplus') - (op.get('v(p)') ?? 0)) / v('ra') : undefined;
  const parts: Part[] = [
    ...inputParts(v),
    { id: 'rg', kind: 'resistor', at: p(5, 5), orientation: 'vertical', name: 'Rg', label: formatOhms(v('rg')), labelSide: 'left', role: 'Grid leak: holds the grid at 0 V on average, so the cathode voltage sets the bias.' },
    { id: 'v1', kind: 'triode', at: p(6, 5), name: 'V1', label: tube, role: 'The valve: the grid voltage, measured from the cathode, controls the current from the plate to the cathode.' },
    { id: 'ra', kind: 'resistor', at: p(8, 1), orientation: 'vertical', name: 'Ra', label: formatOhms(v('ra')), labelSide: 'left', role: 'Plate resistor: turns changes in plate current into changes in plate voltage, which is where the gain comes from.' },
    { id: 'rk', kind: 'resistor', at: p(8, 7), orientation: 'vertical', name: 'Rk', label: formatOhms(v('rk')), labelSide: 'left', role: 'Cathode resistor: the plate current through it lifts the cathode above the grid, which biases the valve.' },
    ...(bypassed
      ? [{ id: 'ck', kind: 'capacitor', at: p(10, 7), orientation: 'vertical', name: 'Ck', label: formatFarads(v('ck')), labelSide: 'right', role: "Bypass capacitor: holds the cathode still at audio frequencies, so Rk's local feedback goes and the gain rises." } satisfies Part]
      : []),
    { id: 'bplus', kind: 'source', at: p(1, 1), orientation: 'vertical', name: 'B+', label: `${formatNumber(v('bplus'), 3)} V`, role: 'The plate supply (B+).' },
    { id: 'cout', kind: 'capacitor', at: p(13, 3), name: 'Cout', label: formatFarads(v('cout')), labelSide: 'above', role: "Output coupling capacitor: passes the plate's swing on and blocks its DC voltage; with RL it sets the low-frequency corner." },
    { id: 'rl', kind: 'resistor', at: p(16, 7), orientation: 'vertical', name: 'RL', label: formatOhms(v('rl')), labelSide: 'left', role: "The load: the next stage's input, as a resistance. Its voltage is the output (node out)." },
    ground('gnd', 1, 9, 'The common return (0 V).'),
    ground('gnd-supply', 1, 3, "The supply's return."),
    ground('gnd-load', 16, 9, "The load's return."),
  ];
  return {
    title: `Common-cathode ${tube} stage`,
    description:
      `Vin reaches the grid of a ${tube} through Cin (${nb(formatFarads(v('cin')))}), with Rg (${nb(formatOhms(v('rg')))}) to ground. ` +
      `B+ (${nb(`${formatNumber(v('bplus'), 3)} V`)}) feeds the plate through Ra (${nb(formatOhms(v('ra')))}); the cathode returns through Rk ` +
      `(${nb(formatOhms(v('rk')))})${bypassed ? `, bypassed by Ck (${nb(formatFarads(v('ck')))})` : ', unbypassed'}. ` +
      `Cout (${nb(formatFarads(v('cout')))}) passes the plate's swing to the load RL (${nb(formatOhms(v('rl')))}).`,
    width: 16,
    height: 9.8,
    parts,
    wires: [
      wire(p(1, 1), p(8, 1)),
      wire(p(1, 7), p(1, 5), p(2, 5)),
      wire(p(4, 5), p(6, 5)),
      wire(p(5, 7), p(5, 9)),
      wire(p(1, 9), p(bypassed ? 10 : 8, 9)),
      ...(bypassed ? [wire(p(8, 7), p(10, 7))] : []),
      wire(p(8, 3), p(13, 3)),
      wire(p(15, 3), p(16, 3), p(16, 7)),
    ],
    probes: [
      ...probesFrom(op, [
        { at: p(8.5, 3), name: 'Vp', vector: 'v(p)', description: 'plate voltage at idle (SPICE)' },
        { at: p(8.5, 7), name: 'Vk', vector: 'v(k)', description: 'cathode voltage at idle (SPICE)' },
      ]),
      ...(plateAmps === undefined ? [] : [{ at: p(8, 1), label: `Ip ${milliamps(plateAmps)}`, description: 'plate current at idle, through Ra (SPICE)' }]),
    ],
    dots: [p(5, 5), p(5, 9), p(1, 9), p(8, 3), ...(bypassed ? [p(8, 7), p(8, 9)] : [])],
  };
}

function followerCircuit(values: PartValues, tube: string, op: OperatingPoint): Circuit {
  const stage = LAB_STAGES.follower;
  const v = (key: string) => siValue(stage, values, key);
  const sections = Math.round(v('n'));
  const cathode = op.get('v(k)');
  const parts: Part[] = [
    ...inputParts(v),
    { id: 'rg', kind: 'resistor', at: p(5, 5), orientation: 'vertical', name: 'Rg', label: formatOhms(v('rg')), labelSide: 'left', role: 'Grid leak: returns the grid to the bias voltage.' },
    { id: 'vbias', kind: 'dc-source', at: p(5, 7), orientation: 'vertical', name: 'Vbias', label: `${formatNumber(v('bias'), 3)} V`, labelSide: 'left', role: 'Grid bias: the grid idles here; the cathode settles a few volts above it.' },
    { id: 'v1', kind: 'triode', at: p(6, 5), name: 'V1', label: `${sections} × ${tube}`, role: 'The valve (sections in parallel): its cathode follows its grid, a few volts above it.' },
    { id: 'bplus', kind: 'source', at: p(1, 1), orientation: 'vertical', name: 'B+', label: `${formatNumber(v('bplus'), 3)} V`, role: 'The plate supply (B+), straight on the plate.' },
    { id: 'rk', kind: 'resistor', at: p(8, 7), orientation: 'vertical', name: 'Rk', label: formatOhms(v('rk')), labelSide: 'left', role: 'Cathode resistor: carries the idle current.' },
    { id: 'cout', kind: 'capacitor', at: p(10, 7), name: 'Cout', label: formatFarads(v('cout')), labelSide: 'below', role: "Output coupling capacitor: blocks the cathode's DC voltage from the headphone; with it sets the low-frequency corner." },
    { id: 'rl', kind: 'headphone', at: p(13, 7), orientation: 'vertical', name: 'RL', label: formatOhms(v('rl')), labelSide: 'right', role: 'The headphone. Its voltage is the output (node out).' },
    ground('gnd', 1, 9, 'The common return (0 V).'),
    ground('gnd-supply', 1, 3, "The supply's return."),
    ground('gnd-load', 13, 9, "The headphone's return."),
  ];
  return {
    title: `Cathode follower, ${sections} × ${tube}`,
    description:
      `Vin reaches the grid through Cin (${nb(formatFarads(v('cin')))}); Rg (${nb(formatOhms(v('rg')))}) returns the grid to Vbias ` +
      `(${nb(`${formatNumber(v('bias'), 3)} V`)}). The plate sits on B+ (${nb(`${formatNumber(v('bplus'), 3)} V`)}); the cathode, across Rk ` +
      `(${nb(formatOhms(v('rk')))}), follows the grid and drives the headphone (${nb(formatOhms(v('rl')))}) through Cout (${nb(formatFarads(v('cout')))}).`,
    width: 14,
    height: 9.8,
    parts,
    wires: [
      wire(p(1, 1), p(8, 1), p(8, 3)),
      wire(p(1, 7), p(1, 5), p(2, 5)),
      wire(p(4, 5), p(6, 5)),
      wire(p(1, 9), p(13, 9)),
      wire(p(8, 7), p(10, 7)),
      wire(p(12, 7), p(13, 7)),
    ],
    probes: [
      ...probesFrom(op, [
        { at: p(8.5, 7), name: 'Vk', vector: 'v(k)', description: 'cathode voltage at idle (SPICE)' },
        { at: p(5.5, 4), name: 'Vg', vector: 'v(g)', description: 'grid voltage at idle (SPICE)' },
      ]),
      ...(cathode === undefined ? [] : [{ at: p(8, 9), label: `Ik ${milliamps(cathode / v('rk'))}`, description: 'idle current through Rk (SPICE)' }]),
    ],
    dots: [p(5, 5), p(8, 7), p(8, 9), p(1, 9), p(5, 9)],
  };
}

/** The drawing of a tube stage with these values and, when known, SPICE's operating point. */
export function tubeStageCircuit(stageId: 'triode' | 'follower', values: PartValues, tube: string, op: OperatingPoint): Circuit {
  return stageId === 'triode' ? triodeCircuit(values, tube, op) : followerCircuit(values, tube, op);
}

/**
 * The OTL cathode follower of src/dsp/circuits/cathodeFollower.ts as an ngspice deck: n identical sections in
 * parallel, the grid at its DC bias plus the input, Rk to ground, the headphone fed through the coupling capacitor.
 * The capacitor is taken as large (as in the model): a source holding the idle cathode voltage. That voltage is
 * either given, or found by ngspice itself in the same run: a replica of the tube and Rk, unloaded and with the grid
 * at its bias alone, idles at it (node `k0`), and the capacitor copies it. Node `k` is the cathode, `o` the headphone.
 * Either analysis the widget draws: a DC sweep (the transfer curve) or a sine transient (the waveform, harmonics);
 * and an AC test current into the output, the load lifted, for the output impedance.
 */
import type { CathodeFollowerParams } from '../../dsp/circuits/cathodeFollower';
import { type StageAnalysis, analysisComment, analysisLine, inputSourceValue, spiceDeck, spiceNumber } from '../deck';
import { PRECISE_OPTIONS_LINE, korenParamLine, korenTriodeLines } from './koren';

export const CATHODE_FOLLOWER_INPUT = 'Vin';
/** The vector that is the stage's output: the headphone's voltage. */
export const CATHODE_FOLLOWER_OUTPUT = 'v(o)';
/** A load this large is the load lifted: the run that finds the idle cathode voltage. */
export const LIFTED_LOAD_OHMS = 1e12;
/** The frequency the output impedance is read at (any: the model's capacitor is large and the tube has no reactance). */
export const OUTPUT_IMPEDANCE_TEST_HZ = 1000;

export interface CathodeFollowerDeckOptions {
  /** The headphone's resistance; LIFTED_LOAD_OHMS for the idle run. Defaults to the model's load. */
  readonly loadOhms?: number;
  /** The coupling capacitor's charge, volts; by default the idle cathode voltage of ngspice's own replica. */
  readonly capacitorVolts?: number;
}

/** The circuit's lines, without its analysis: the input source's value is given. */
function circuitLines(p: CathodeFollowerParams, inputValue: string, loadOhms: number, capacitorVolts: number | undefined): string[] {
  const capacitor =
    capacitorVolts === undefined
      ? [
          '* idle replica: the same sections and Rk, grid at its bias, no load; the capacitor holds its cathode voltage',
          'Rk0 k0 0 {rk}',
          ...korenTriodeLines({ plate: 'bplus', grid: 'gb', cathode: 'k0' }, p.parallelSections, 'idle'),
          'Bcap k o V = v(k0)',
        ]
      : [`Vcap k o DC ${spiceNumber(capacitorVolts)}`];
  return [
    korenParamLine(p.tube),
    `.param supply=${spiceNumber(p.supplyVolts)} gridbias=${spiceNumber(p.gridBiasVolts)} rk=${spiceNumber(p.cathodeResistorOhms)} ` +
      `rl=${spiceNumber(loadOhms)}`,
    'Vsupply bplus 0 DC {supply}',
    'Vbias gb 0 DC {gridbias}',
    `${CATHODE_FOLLOWER_INPUT} g gb ${inputValue}`,
    'Rk k 0 {rk}',
    ...korenTriodeLines({ plate: 'bplus', grid: 'g', cathode: 'k' }, p.parallelSections),
    ...capacitor,
    'Rload o 0 {rl}',
    PRECISE_OPTIONS_LINE,
  ];
}

function description(p: CathodeFollowerParams, loadOhms: number): string {
  return [
    `Koren triode sections (${p.parallelSections} in parallel) as behavioural sources; plate at B+ ${spiceNumber(p.supplyVolts)} V,`,
    `grid at ${spiceNumber(p.gridBiasVolts)} V plus the input, Rk ${spiceNumber(p.cathodeResistorOhms)} ohm, headphone ${spiceNumber(loadOhms)} ohm`,
    'through a large coupling capacitor (a source holding the idle cathode voltage). No grid current.',
    'Illustrative: the 12AU7 stands in for a power triode such as the 6080.',
  ].join('\n');
}

export function cathodeFollowerNetlist(p: CathodeFollowerParams, analysis: StageAnalysis, options: CathodeFollowerDeckOptions = {}): string {
  const loadOhms = options.loadOhms ?? p.loadOhms;
  return spiceDeck(
    `OTL cathode follower, ${p.parallelSections} x ${p.tube.name} (Amp Lab, generated from the model's parameters)`,
    [
      description(p, loadOhms),
      analysisComment(analysis),
      'Desktop ngspice: "ngspice this-file.cir", then "run" and "plot v(o)" at its prompt.',
    ].join('\n'),
    [...circuitLines(p, inputSourceValue(analysis), loadOhms, options.capacitorVolts), analysisLine(analysis)],
  );
}

/**
 * The output impedance: the load lifted, the input at rest, a 1 A AC test current into the output at
 * OUTPUT_IMPEDANCE_TEST_HZ; the output's AC voltage is then the impedance in ohms (linearised at the bias point).
 */
export function cathodeFollowerOutputImpedanceNetlist(p: CathodeFollowerParams): string {
  return spiceDeck(
    `OTL cathode follower output impedance, ${p.parallelSections} x ${p.tube.name} (Amp Lab)`,
    [
      description(p, LIFTED_LOAD_OHMS),
      `AC analysis at ${spiceNumber(OUTPUT_IMPEDANCE_TEST_HZ)} Hz: a 1 A test current into the output, the load lifted;`,
      'v(o) in volts is the output impedance in ohms. Desktop ngspice: "run", then "print mag(v(o))".',
    ].join('\n'),
    [
      ...circuitLines(p, 'DC 0', LIFTED_LOAD_OHMS, undefined),
      'Itest 0 o DC 0 AC 1',
      `.ac lin 1 ${spiceNumber(OUTPUT_IMPEDANCE_TEST_HZ)} ${spiceNumber(OUTPUT_IMPEDANCE_TEST_HZ)}`,
    ],
  );
}

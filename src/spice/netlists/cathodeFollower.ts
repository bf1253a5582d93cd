/**
 * The OTL cathode follower of src/dsp/circuits/cathodeFollower.ts as an ngspice deck: n identical sections in
 * parallel, the grid at its DC bias plus the input, Rk to ground, the headphone fed through the coupling capacitor.
 * At DC the capacitor is a voltage source charged to the idle cathode voltage; a first run with the load lifted
 * (loadOhms = 1e12) finds that voltage in ngspice itself. Node `k` is the cathode, `o` the headphone.
 */
import type { CathodeFollowerParams } from '../../dsp/circuits/cathodeFollower';
import { type DcSweepSpec, dcSweepLine, spiceDeck, spiceNumber } from '../deck';
import { PRECISE_OPTIONS_LINE, korenParamLine, korenTriodeLines } from './koren';

export const CATHODE_FOLLOWER_INPUT = 'Vin';
/** A load this large is the load lifted: the run that finds the idle cathode voltage. */
export const LIFTED_LOAD_OHMS = 1e12;

export interface CathodeFollowerDeckOptions {
  /** The headphone's resistance; LIFTED_LOAD_OHMS for the idle run. Defaults to the model's load. */
  readonly loadOhms?: number;
  /** The coupling capacitor's charge, volts (the idle cathode voltage). */
  readonly capacitorVolts: number;
}

export function cathodeFollowerNetlist(p: CathodeFollowerParams, sweep: DcSweepSpec, options: CathodeFollowerDeckOptions): string {
  const loadOhms = options.loadOhms ?? p.loadOhms;
  return spiceDeck(
    `OTL cathode follower, ${p.parallelSections} x ${p.tube.name} (Amp Lab, generated from the model's parameters)`,
    'Koren triode sections in parallel as behavioural sources; the coupling capacitor is a DC source (vcap) charged\n' +
      'to the idle cathode voltage. Illustrative: the 12AU7 stands in for a power triode such as the 6080.',
    [
      korenParamLine(p.tube),
      `.param supply=${spiceNumber(p.supplyVolts)} gridbias=${spiceNumber(p.gridBiasVolts)} rk=${spiceNumber(p.cathodeResistorOhms)} ` +
        `rl=${spiceNumber(loadOhms)} vcap=${spiceNumber(options.capacitorVolts)}`,
      'Vsupply bplus 0 DC {supply}',
      'Vbias gb 0 DC {gridbias}',
      `${CATHODE_FOLLOWER_INPUT} g gb DC 0`,
      'Rk k 0 {rk}',
      ...korenTriodeLines({ plate: 'bplus', grid: 'g', cathode: 'k' }, p.parallelSections),
      'Vcap k o DC {vcap}',
      'Rload o 0 {rl}',
      PRECISE_OPTIONS_LINE,
      dcSweepLine(sweep),
    ],
  );
}

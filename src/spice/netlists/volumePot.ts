/**
 * A volume pot feeding the next stage's input resistance, as an ngspice `.op` deck: a 1 V DC source and, for each
 * rotation asked for, one copy of the pot (its upper part (1 − r)·Rp from the input to the wiper, its lower part r·Rp
 * from the wiper to ground) with the load RL from the wiper to ground. The wiper of copy k is node wk, so v(wk) is the
 * loaded ratio. Leaves out what the model leaves out (wiper resistance, end resistance, the source's impedance).
 */
import { taperBase, taperRatio } from '../../dsp/volume/potTaper';
import { spiceDeck, spiceNumber } from '../deck';

/** The wiper node's vector for copy k. */
export const wiperVector = (index: number): string => `v(w${index})`;

/** Smallest part a deck writes, Ω (ngspice refuses a 0 Ω resistor). */
const MIN_PART_OHMS = 1e-3;

export function volumePotNetlist(rotationsNormalized: readonly number[], potOhms: number, loadOhms: number, base: number = taperBase()): string {
  const body: string[] = ['Vin in 0 DC 1'];
  rotationsNormalized.forEach((rotation, k) => {
    const r = taperRatio(rotation, base);
    body.push(`Rtop${k} in w${k} ${spiceNumber(Math.max(MIN_PART_OHMS, (1 - r) * potOhms))}`);
    body.push(`Rbot${k} w${k} 0 ${spiceNumber(Math.max(MIN_PART_OHMS, r * potOhms))}`);
    if (Number.isFinite(loadOhms)) body.push(`Rload${k} w${k} 0 ${spiceNumber(loadOhms)}`);
  });
  body.push('.op');
  return spiceDeck(
    'Volume pot into a load',
    `An audio-taper pot of ${potOhms} ohm at ${rotationsNormalized.length} rotations, each wiper into ${Number.isFinite(loadOhms) ? `${loadOhms} ohm` : 'no load'}.`,
    body,
  );
}

/**
 * The analog crossfeed that bs2b imitates, as an ngspice deck: per channel two RC low-passes (10 kΩ and C = 1/(2π·f·R))
 * at the cross corner fc and the high-boost corner fc_hi, and ideal summing amplifiers (behavioural sources) that
 * form each ear's signal, gain·(own channel − G_hi·own low-pass at fc_hi) + gain·G_lo·(other channel's low-pass at fc).
 * The left input carries 1 V AC and the right 0 V, so v(outl) is the direct path and v(outr) the cross path.
 * Leaves out: op-amp limits (the summers are ideal) and the headphone load (the outputs are buffered).
 */
import { type Bs2bSettings, bs2bParameters } from '../../dsp/crossfeed/bs2b';
import { spiceDeck, spiceNumber } from '../deck';
import { type AcSweepSpec, acSweepLine } from './sourceIntoHeadphone';

export const CROSSFEED_DIRECT_VECTOR = 'v(outl)';
export const CROSSFEED_CROSS_VECTOR = 'v(outr)';
/** Every RC's resistor, ohms (any value works: the buffers load nothing). */
export const CROSSFEED_RESISTOR_OHMS = 10_000;

export function crossfeedNetworkNetlist(settings: Bs2bSettings, sweep: AcSweepSpec): string {
  const p = bs2bParameters(settings);
  const r = CROSSFEED_RESISTOR_OHMS;
  const capacitance = (cornerHz: number) => spiceNumber(1 / (2 * Math.PI * cornerHz * r));
  const g = spiceNumber(p.outputGain);
  const gHigh = spiceNumber(p.highboostGain);
  const gLow = spiceNumber(p.lowpassGain);
  const channel = (own: string, other: string) => [
    `Rlo${own} ${own} lo${own} ${spiceNumber(r)}`,
    `Clo${own} lo${own} 0 ${capacitance(p.lowpassCutHz)}`,
    `Rhi${own} ${own} hi${own} ${spiceNumber(r)}`,
    `Chi${own} hi${own} 0 ${capacitance(p.highboostCutHz)}`,
    `B${own} out${own} 0 V = ${g}*(V(${own}) - ${gHigh}*V(hi${own})) + ${g}*${gLow}*V(lo${other})`,
    `Rload${own} out${own} 0 100k`,
  ];
  return spiceDeck(
    `Crossfeed, bs2b's RC prototype: ${spiceNumber(settings.cutHz)} Hz, ${spiceNumber(settings.feedDb)} dB feed (Amp Lab)`,
    [
      `Cross low-pass at ${p.lowpassCutHz.toFixed(1)} Hz, high-boost corner at ${p.highboostCutHz.toFixed(1)} Hz, from libbs2b's formulas.`,
      'The left input carries 1 V AC, the right none: v(outl) is the direct path, v(outr) the cross path.',
      `AC sweep, ${sweep.pointsPerDecade} points a decade from ${spiceNumber(sweep.fromHz)} Hz to ${spiceNumber(sweep.toHz)} Hz.`,
      'Desktop ngspice: "run", then "plot db(v(outl)) db(v(outr))".',
    ].join('\n'),
    ['Vl l 0 DC 0 AC 1', 'Vr r 0 DC 0 AC 0', ...channel('l', 'r'), ...channel('r', 'l'), acSweepLine(sweep)],
  );
}

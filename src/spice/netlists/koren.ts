/**
 * Koren's triode as ngspice behavioural sources, the same equation as src/dsp/circuits/koren.ts:
 *   E1 = (Vpk/kp)·ln(1 + exp(kp·(1/µ + Vgk/√(kvb + Vpk²)))),  Ip = (E1^ex/kg1)·(1 + sgn(E1))
 * ngspice's pwr(x, y) is sgn(x)·|x|^y, and the (1 + sgn) factor makes the current 0 for E1 ≤ 0. ngspice caps exp()'s
 * argument near 228, where ln(1 + exp(x)) = x anyway. Leaves out grid current: the grid draws nothing.
 */
import type { KorenTriode } from '../../dsp/circuits/koren';
import { spiceNumber } from '../deck';

/** The `.param` line naming the tube's Koren parameters (mu, ex, kg1, kp, kvb). */
export function korenParamLine(tube: KorenTriode): string {
  const { mu, ex, kg1, kp, kvb } = tube;
  return `.param mu=${spiceNumber(mu)} ex=${spiceNumber(ex)} kg1=${spiceNumber(kg1)} kp=${spiceNumber(kp)} kvb=${spiceNumber(kvb)}`;
}

/**
 * The two sources of one triode (or `sections` identical ones in parallel) between plate, grid and cathode nodes.
 * `suffix` names a second tube in the same deck apart (its sources and inner node end with it).
 */
export function korenTriodeLines(nodes: { plate: string; grid: string; cathode: string }, sections = 1, suffix = ''): string[] {
  const { plate, grid, cathode } = nodes;
  const vpk = `v(${plate},${cathode})`;
  const scale = sections === 1 ? '' : `${spiceNumber(sections)}*`;
  const e1 = `e1${suffix}`;
  return [
    `Be1${suffix} ${e1} 0 V = (${vpk}/kp)*ln(1 + exp(kp*(1/mu + v(${grid},${cathode})/sqrt(kvb + ${vpk}*${vpk}))))`,
    `Re1${suffix} ${e1} 0 1G`,
    `Bplate${suffix} ${plate} ${cathode} I = ${scale}(pwr(v(${e1}),ex)/kg1)*(1 + sgn(v(${e1})))`,
  ];
}

/** Tight tolerances: the cross-checks compare curves to a fraction of a percent. */
export const PRECISE_OPTIONS_LINE = '.options reltol=1e-6 abstol=1e-15 vntol=1e-9';

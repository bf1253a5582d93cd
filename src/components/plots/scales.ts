// Position scales for the plots: a linear and a base-10 log map from data to pixels, with inverse and ticks.
// The small subset of d3-scale the plots use (ticks and nice() come from d3-array, as d3-scale's own do),
// without d3-scale's interpolators, colour and number formatting. Leaves out clamping and other bases.
import { nice, ticks as linearTicks } from 'd3-array';

/** A data → pixel map. */
export interface Scale {
  (value: number): number;
  /** The data value at a pixel position. */
  invert(px: number): number;
  /** Tick values inside the domain: about `count` evenly stepped ones (linear) or 1–9·10ⁿ (log). */
  ticks(count?: number): number[];
}

const DEFAULT_TICK_COUNT = 10;

/** y = r0 + (x − d0)/(d1 − d0)·(r1 − r0); a zero-width domain maps everything to the range's middle. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = ((value: number) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0))) as Scale;
  scale.invert = (px: number) => (r1 === r0 ? d0 : d0 + ((px - r0) / (r1 - r0)) * span);
  scale.ticks = (count = DEFAULT_TICK_COUNT) => linearTicks(d0, d1, count);
  return scale;
}

/**
 * Linear in log10 of the value (domain ends > 0). Ticks are every k·10ⁿ (k = 1…9) inside the domain, as d3's
 * log scale gives for spans of a few decades.
 */
export function logScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const inner = linearScale([Math.log10(d0), Math.log10(d1)], range);
  const scale = ((value: number) => inner(Math.log10(value))) as Scale;
  scale.invert = (px: number) => 10 ** inner.invert(px);
  scale.ticks = () => {
    const low = Math.min(d0, d1);
    const high = Math.max(d0, d1);
    const values: number[] = [];
    for (let exponent = Math.floor(Math.log10(low)); exponent <= Math.ceil(Math.log10(high)); exponent++) {
      for (let k = 1; k <= 9; k++) {
        const value = k * 10 ** exponent;
        const rounded = Number(value.toPrecision(12));
        if (rounded >= low * (1 - 1e-12) && rounded <= high * (1 + 1e-12)) values.push(rounded);
      }
    }
    return values;
  };
  return scale;
}

/** The domain extended outward to round tick steps for about `count` ticks (d3-array's nice). */
export function niceDomain(domain: readonly [number, number], count: number): [number, number] {
  const [low, high] = nice(domain[0], domain[1], count);
  return [low, high];
}

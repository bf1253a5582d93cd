// The y range a plot shows when the caller does not fix it: the data's extent, widened and rounded.
// Leaves out log y axes and outlier rejection (every finite sample inside the x domain counts).
import { niceDomain } from './scales';
import type { PlotPoint } from './interpolate';

export interface AutoYDomainOptions {
  /** Smallest span the domain may have, in y units, so a nearly flat curve is not magnified into noise. */
  readonly minSpan?: number;
  /** Values the domain always contains, e.g. [0] for magnitudes drawn from zero. */
  readonly include?: readonly number[];
  /** Roughly how many ticks the axis will show; d3's nice() rounds the ends to that tick step. */
  readonly tickCount: number;
}

/**
 * Extent of the finite y values whose x lies in `xDomain`, plus `include`; widened about its
 * middle to `minSpan` (shifted so it does not cross zero when all data lie strictly on one side),
 * then rounded outward to nice tick values (d3-array's `nice()`, as d3-scale's uses).
 */
export function autoYDomain(
  curves: readonly (readonly PlotPoint[])[],
  xDomain: readonly [number, number],
  options: AutoYDomainOptions,
): [number, number] {
  const xLow = Math.min(xDomain[0], xDomain[1]);
  const xHigh = Math.max(xDomain[0], xDomain[1]);
  let dataMin = Infinity;
  let dataMax = -Infinity;
  for (const points of curves) {
    for (const point of points) {
      if (point.x >= xLow && point.x <= xHigh && Number.isFinite(point.y)) {
        if (point.y < dataMin) dataMin = point.y;
        if (point.y > dataMax) dataMax = point.y;
      }
    }
  }
  for (const value of options.include ?? []) {
    if (Number.isFinite(value)) {
      dataMin = Math.min(dataMin, value);
      dataMax = Math.max(dataMax, value);
    }
  }
  const minSpan = options.minSpan !== undefined && options.minSpan > 0 ? options.minSpan : 0;
  if (!(dataMax >= dataMin)) {
    const halfSpan = minSpan > 0 ? minSpan / 2 : 1;
    return [-halfSpan, halfSpan];
  }
  let low = dataMin;
  let high = dataMax;
  if (high - low < minSpan) {
    const middle = (low + high) / 2;
    low = middle - minSpan / 2;
    high = middle + minSpan / 2;
    if (dataMin > 0 && low < 0) [low, high] = [0, minSpan];
    if (dataMax < 0 && high > 0) [low, high] = [-minSpan, 0];
  }
  if (high === low) {
    const pad = low === 0 ? 1 : Math.abs(low) * 0.1;
    low -= pad;
    high += pad;
  }
  return niceDomain([low, high], options.tickCount);
}

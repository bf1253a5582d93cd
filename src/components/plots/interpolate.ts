// Reads a sampled curve between its samples: straight lines in the axis' own space (log x on log axes).
// Leaves out extrapolation (outside the samples there is no value) and unsorted input (x must ascend).
import { bisector } from 'd3-array';

/** One sample of a curve. */
export interface PlotPoint {
  readonly x: number;
  readonly y: number;
}

export type AxisKind = 'linear' | 'log';

const byX = bisector<PlotPoint, number>((point) => point.x);

function axisCoordinate(x: number, axis: AxisKind): number {
  return axis === 'log' ? Math.log(x) : x;
}

/**
 * y of the polyline through `points` (ascending x) at `x`, interpolated linearly in
 * u = x (linear axis) or u = ln x (log axis), which is how the plot draws the segment:
 * y = y₀ + (y₁ − y₀)·(u − u₀)/(u₁ − u₀). Undefined outside the sampled range or where a
 * neighbouring sample is not finite.
 */
export function interpolateAt(points: readonly PlotPoint[], x: number, axis: AxisKind): number | undefined {
  if (!Number.isFinite(x) || (axis === 'log' && !(x > 0))) return undefined;
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined || x < first.x || x > last.x) return undefined;
  const upper = byX.left(points, x);
  const right = points[upper];
  if (right === undefined) return undefined;
  if (right.x === x) return Number.isFinite(right.y) ? right.y : undefined;
  const left = points[upper - 1];
  if (left === undefined || !Number.isFinite(left.y) || !Number.isFinite(right.y)) return undefined;
  const u0 = axisCoordinate(left.x, axis);
  const u1 = axisCoordinate(right.x, axis);
  if (!(u1 > u0)) return left.y;
  return left.y + ((right.y - left.y) * (axisCoordinate(x, axis) - u0)) / (u1 - u0);
}

/** Index of the value in ascending `values` closest to `x` (−1 when `values` is empty). */
export function nearestIndex(values: readonly number[], x: number): number {
  if (values.length === 0) return -1;
  let low = 0;
  let high = values.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if ((values[middle] ?? 0) <= x) low = middle;
    else high = middle;
  }
  const lowValue = values[low] ?? 0;
  const highValue = values[high] ?? 0;
  return Math.abs(x - lowValue) <= Math.abs(highValue - x) ? low : high;
}

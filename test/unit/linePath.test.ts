// linePath draws what d3-shape's line() draws with its default linear curve, which the plots used before.
import { line } from 'd3-shape';
import { describe, expect, it } from 'vitest';
import { linePath } from '../../src/components/plots/linePath';

type P = readonly [number, number];
const x = (p: P): number => p[0];
const y = (p: P): number => p[1];
const defined = (p: P): boolean => Number.isFinite(p[0]) && Number.isFinite(p[1]);

describe('linePath', () => {
  const cases: Record<string, readonly P[]> = {
    'a plain polyline': [[0, 0], [1.5, 2.25], [3, -1], [10, 1e-7]],
    'a gap where a point is not finite': [[0, 0], [1, 1], [2, Number.NaN], [3, 3], [4, 4]],
    'a lone point between gaps': [[0, 0], [1, Number.NaN], [2, 2], [3, Number.POSITIVE_INFINITY], [4, 4], [5, 5]],
    'a lone last point': [[0, 0], [1, 1], [2, Number.NaN], [3, 3]],
    'nothing defined': [[0, Number.NaN]],
    'no points': [],
  };
  for (const [name, points] of Object.entries(cases)) {
    it(`matches d3-shape's line() for ${name}`, () => {
      const d3 = line<P>().x(x).y(y).defined(defined)(points) ?? '';
      expect(linePath(points, x, y, defined)).toBe(d3);
    });
  }
});

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

/** The points of an "M x,y L x,y …" path. */
const pathPoints = (path: string): [number, number][] =>
  [...path.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('linePath with columns (M4)', () => {
  // 2000 points across 10 px, a fast sine: 100 points in each of 20 half-pixel columns.
  const dense: P[] = Array.from({ length: 2000 }, (_, i) => [i / 200, 50 + 40 * Math.sin(i / 3)]);

  it('keeps at most four points per column: the first, the lowest, the highest and the last', () => {
    const kept = pathPoints(linePath(dense, x, y, defined, 2));
    expect(kept.length).toBeLessThanOrEqual(4 * 20);
    for (let column = 0; column < 20; column++) {
      const inColumn = dense.filter((p) => Math.floor(p[0] * 2) === column);
      const keptInColumn = kept.filter((p) => Math.floor(p[0] * 2) === column);
      const ys = inColumn.map(y);
      const keptYs = keptInColumn.map((p) => p[1]);
      // Its extremes are kept, so the line still spans the column's whole height.
      expect(Math.min(...keptYs)).toBeCloseTo(Math.min(...ys), 3);
      expect(Math.max(...keptYs)).toBeCloseTo(Math.max(...ys), 3);
      expect(keptInColumn[0]?.[0]).toBeCloseTo(inColumn[0]?.[0] ?? Number.NaN, 3);
      expect(keptInColumn.at(-1)?.[0]).toBeCloseTo(inColumn.at(-1)?.[0] ?? Number.NaN, 3);
    }
    // In order along x, as the curve runs.
    for (let i = 1; i < kept.length; i++) expect((kept[i]?.[0] ?? 0) >= (kept[i - 1]?.[0] ?? 0)).toBe(true);
  });

  it('leaves a curve with at most two points per column as it was', () => {
    const sparse: P[] = Array.from({ length: 40 }, (_, i) => [i * 0.5, Math.cos(i)]);
    expect(linePath(sparse, x, y, defined, 2)).toBe(linePath(sparse, x, y, defined));
  });

  it('still breaks at points that are not defined, and ends a lone point with Z', () => {
    const points: P[] = [[0, 0], [0.1, 5], [0.2, 1], [1, Number.NaN], [3, 3]];
    expect(linePath(points, x, y, defined, 2)).toBe('M0,0L0.1,5L0.2,1M3,3Z');
  });
});

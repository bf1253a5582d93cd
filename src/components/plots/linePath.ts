// An SVG path through points in order, broken wherever a point is not defined: what d3-shape's line() gives with its
// default linear curve ("M x,y L x,y …", and "Z" after a lone point), which is all the plots use of it. Written here
// because d3-shape's line brings d3-path and its curve machinery to every page with a plot (DESIGN.md's JS budget).

/** Coordinates to 1/1000 px, as d3-shape's paths give them. */
const round = (value: number): number => Math.round(value * 1000) / 1000;

export function linePath<T>(points: readonly T[], x: (point: T) => number, y: (point: T) => number, defined: (point: T) => boolean = () => true): string {
  let path = '';
  let run = 0;
  for (const point of points) {
    if (!defined(point)) {
      if (run === 1) path += 'Z';
      run = 0;
      continue;
    }
    path += `${run === 0 ? 'M' : 'L'}${round(x(point))},${round(y(point))}`;
    run += 1;
  }
  if (run === 1) path += 'Z';
  return path;
}

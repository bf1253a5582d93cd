// An SVG path through points in order, broken wherever a point is not defined: what d3-shape's line() gives with its
// default linear curve ("M x,y L x,y …", and "Z" after a lone point), which is all the plots use of it. Written here
// because d3-shape's line brings d3-path and its curve machinery to every page with a plot (DESIGN.md's JS budget).
// Given columnsPerUnit, dense curves (a 2048-bin spectrum on a 600 px plot) keep, within each column 1/columnsPerUnit
// wide, only the first, lowest, highest and last point, in order (the M4 aggregation: U. Jugel et al., "M4: A
// Visualization-Oriented Time Series Data Aggregation", PVLDB 7(10), 2014): a line through those covers the same
// pixels as one through all of them when a column is no wider than a device pixel. A column of one or two points
// keeps them all, so sparse curves are unchanged.

/** Coordinates to 1/1000 px, as d3-shape's paths give them. */
const round = (value: number): number => Math.round(value * 1000) / 1000;

export function linePath<T>(
  points: readonly T[],
  x: (point: T) => number,
  y: (point: T) => number,
  defined: (point: T) => boolean = () => true,
  columnsPerUnit?: number,
): string {
  let path = '';
  let run = 0;
  const emit = (px: number, py: number): void => {
    path += `${run === 0 ? 'M' : 'L'}${round(px)},${round(py)}`;
    run += 1;
  };
  // The current column's points: the first, the lowest and highest y (with their order), the last.
  let column = Number.NaN;
  let count = 0;
  let firstX = 0;
  let firstY = 0;
  let lowX = 0;
  let lowY = 0;
  let lowIndex = 0;
  let highX = 0;
  let highY = 0;
  let highIndex = 0;
  let lastX = 0;
  let lastY = 0;
  const flush = (): void => {
    if (count === 0) return;
    emit(firstX, firstY);
    const lastIndex = count - 1;
    const inner: [number, number, number][] = [];
    if (lowIndex !== 0 && lowIndex !== lastIndex) inner.push([lowIndex, lowX, lowY]);
    if (highIndex !== 0 && highIndex !== lastIndex && highIndex !== lowIndex) inner.push([highIndex, highX, highY]);
    inner.sort((a, b) => a[0] - b[0]);
    for (const [, px, py] of inner) emit(px, py);
    if (lastIndex > 0) emit(lastX, lastY);
    count = 0;
  };
  for (const point of points) {
    if (!defined(point)) {
      flush();
      if (run === 1) path += 'Z';
      run = 0;
      continue;
    }
    const px = x(point);
    const py = y(point);
    // Without aggregation every point is a column of its own.
    const pointColumn = columnsPerUnit === undefined ? Number.NaN : Math.floor(px * columnsPerUnit);
    if (count > 0 && pointColumn !== column) flush();
    if (count === 0) {
      column = pointColumn;
      firstX = lowX = highX = lastX = px;
      firstY = lowY = highY = lastY = py;
      lowIndex = highIndex = 0;
    } else {
      if (py < lowY) [lowX, lowY, lowIndex] = [px, py, count];
      if (py > highY) [highX, highY, highIndex] = [px, py, count];
      lastX = px;
      lastY = py;
    }
    count += 1;
  }
  flush();
  if (run === 1) path += 'Z';
  return path;
}

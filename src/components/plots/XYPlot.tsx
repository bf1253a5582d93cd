// Interactive line plot of sampled curves: d3 computes scales, ticks and paths; Preact owns the DOM.
// Leaves out zoom and pan, areas and bars, a second y axis, and unsorted data (x must ascend in each series).
import { Component, Fragment } from 'preact';
import type { JSX } from 'preact';
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { linearScale, logScale, type Scale } from './scales';
import { useMeasuredWidth } from './useMeasuredWidth';
import { useTableOpen } from './useTableOpen';
import { linePath } from './linePath';
import { autoYDomain } from './domain';
import { NO_VALUE, formatNumber } from '../format';
import { interpolateAt, nearestIndex } from './interpolate';
import type { AxisKind, PlotPoint } from './interpolate';
import {
  defaultTableRows,
  estimateLabelWidthPx,
  firstFittingTicks,
  formatPlainTick,
  logTickRank,
  subsetsByRank,
} from './ticks';
import type { PlacedTick } from './ticks';
import './plots.css';

export type { AxisKind, PlotPoint } from './interpolate';

/** Theme colour of a series: a = --accent, b = --accent-2, c = --accent-3. */
export type SeriesColor = 'a' | 'b' | 'c';

/** One curve: samples in ascending x. */
export interface Series {
  readonly id: string;
  readonly label: string;
  readonly points: readonly PlotPoint[];
  readonly color?: SeriesColor;
  readonly dashed?: boolean;
}

/** A vertical reference line, e.g. a resonance. */
export interface PlotMarker {
  readonly x: number;
  readonly label: string;
}

/** Formats a tick value; `allTicks` are the values shown on the same axis, so one precision can serve them all. */
export type TickFormatter = (value: number, allTicks: readonly number[]) => string;

export interface XYPlotProps {
  /** Visible title, e.g. "Figure 2. Response change". */
  readonly title: string;
  /** One-sentence text alternative computed from the data; shown in the caption and part of the SVG's name. */
  readonly summary: string;
  readonly series: readonly Series[];
  /** Axis labels with units, e.g. "Frequency (Hz)", "Level change (dB)". */
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xScale: AxisKind;
  readonly xDomain: readonly [number, number];
  /** Fixed y range; default: the data's extent (see minYSpan, yInclude) rounded by d3's nice(). */
  readonly yDomain?: readonly [number, number];
  /** Smallest automatic y span, e.g. 1 dB, so a flat curve does not magnify tiny wiggles. */
  readonly minYSpan?: number;
  /** Values the automatic y domain always contains, e.g. [0]. */
  readonly yInclude?: readonly number[];
  /** Value formats for the readout and the data table (and ticks when no tick formatter is given). */
  readonly formatX?: (x: number) => string;
  readonly formatY?: (y: number) => string;
  /** Short tick labels, without units (the axis label carries them). */
  readonly formatXTick?: TickFormatter;
  readonly formatYTick?: TickFormatter;
  /** Candidate x tick values; thinned on narrow plots (on log axes 1·10ⁿ outranks 2·10ⁿ outranks 5·10ⁿ). */
  readonly xTicks?: readonly number[];
  /** x values at which the data table samples each series; default about a dozen spread along the axis. */
  readonly tableRows?: readonly number[];
  /** Height in CSS px (default 260); the width follows the container. */
  readonly height?: number;
  readonly markers?: readonly PlotMarker[];
  /** id of the figure element; also the prefix of the ids inside it. */
  readonly id?: string;
}

/** Width used before the container is measured (server rendering, first paint). */
export const DEFAULT_PLOT_WIDTH_PX = 640;
export const DEFAULT_PLOT_HEIGHT_PX = 260;

const FONT_SIZE_PX = 12;
/** Space between tick labels and the plot area, and between stacked labels. */
const LABEL_GAP_PX = 6;
/** Minimum clear space between neighbouring tick labels, along x and along y. */
const MIN_X_LABEL_SPACING_PX = 10;
const MIN_Y_LABEL_SPACING_PX = 4;
/** Minimum spacing of unlabelled gridlines before they turn into a grey wash. */
const MIN_GRID_SPACING_PX = 6;
/** Preferred spacing of ticks, which sets how many d3 asks for. */
const X_TICK_SPACING_PX = 80;
const Y_TICK_SPACING_PX = 40;
/** The plot area never gets narrower or shorter than this, whatever the container. */
const MIN_INNER_WIDTH_PX = 60;
const MIN_INNER_HEIGHT_PX = 40;
/** Arrow keys cross the data in about this many steps, with Shift in about this many. */
const KEY_STEPS_ACROSS = 100;
const KEY_BIG_STEPS_ACROSS = 10;
/** Path points are aggregated in columns this many per CSS px (M4, linePath.ts): one per device pixel up to 2×. */
const PATH_COLUMNS_PER_PX = 2;
/** Pixel coordinates are clamped to this magnitude so huge values cannot produce unrenderable paths. */
const MAX_COORDINATE_PX = 1e5;

const MARGIN_TOP_PX = FONT_SIZE_PX + 2 * LABEL_GAP_PX;
const MARGIN_BOTTOM_PX = 2 * FONT_SIZE_PX + 3 * LABEL_GAP_PX;

const DEFAULT_COLORS: readonly SeriesColor[] = ['a', 'b', 'c'];


interface PlotLayout {
  readonly left: number;
  readonly top: number;
  readonly innerWidth: number;
  readonly innerHeight: number;
  readonly xScale: Scale;
  readonly yScale: Scale;
  readonly xGrid: readonly PlacedTick[];
  readonly xLabels: readonly PlacedTick[];
  readonly yGrid: readonly PlacedTick[];
  readonly yLabels: readonly PlacedTick[];
}

function clampNumber(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Pixel coordinates rounded to 1/100 px: finer than any screen, shorter markup. */
function roundPx(px: number): number {
  return Math.round(px * 100) / 100;
}

function place(scale: Scale, values: readonly number[], format: TickFormatter): PlacedTick[] {
  return values.map((value) => ({ value, positionPx: roundPx(scale(value)), label: format(value, values) }));
}

function minSpacingPx(ticks: readonly PlacedTick[]): number {
  let spacing = Infinity;
  for (let i = 1; i < ticks.length; i += 1) {
    spacing = Math.min(spacing, Math.abs((ticks[i]?.positionPx ?? 0) - (ticks[i - 1]?.positionPx ?? 0)));
  }
  return spacing;
}

function inDomain(value: number, domain: readonly [number, number]): boolean {
  const low = Math.min(domain[0], domain[1]);
  const high = Math.max(domain[0], domain[1]);
  const tolerance = (high - low) * 1e-9;
  return value >= low - tolerance && value <= high + tolerance;
}

function xCandidates(
  scale: Scale,
  kind: AxisKind,
  domain: readonly [number, number],
  explicitTicks: readonly number[] | undefined,
  innerWidth: number,
  format: TickFormatter,
): PlacedTick[][] {
  if (explicitTicks !== undefined || kind === 'log') {
    const values = (explicitTicks ?? scale.ticks()).filter((value) => inDomain(value, domain));
    const rankOf = kind === 'log' ? logTickRank : () => 0;
    const subsets = subsetsByRank(place(scale, values, format), rankOf).map((subset) =>
      subset.map((tick) => tick.value),
    );
    const sparsest = subsets[subsets.length - 1];
    const first = values[0];
    if (sparsest !== undefined && first !== undefined && !sparsest.includes(first)) {
      subsets.splice(subsets.length - 1, 0, [first, ...sparsest]);
    }
    return subsets.map((subset) => place(scale, subset, format));
  }
  const candidates: PlacedTick[][] = [];
  for (let count = Math.max(2, Math.round(innerWidth / X_TICK_SPACING_PX)); count >= 2; count -= 1) {
    candidates.push(place(scale, scale.ticks(count), format));
  }
  return candidates;
}

function yCandidates(scale: Scale, innerHeight: number, format: TickFormatter): PlacedTick[][] {
  const candidates: PlacedTick[][] = [];
  for (let count = Math.max(2, Math.round(innerHeight / Y_TICK_SPACING_PX)); count >= 2; count -= 1) {
    candidates.push(place(scale, scale.ticks(count), format));
  }
  return candidates;
}

/** Gridlines at the densest candidate ticks unless they crowd, else at the labelled ones. */
function gridOf(candidates: readonly (readonly PlacedTick[])[], labelled: readonly PlacedTick[]): readonly PlacedTick[] {
  const densest = candidates[0] ?? labelled;
  return minSpacingPx(densest) >= MIN_GRID_SPACING_PX ? densest : labelled;
}

interface LayoutInput {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly xKind: AxisKind;
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
  readonly xTicks: readonly number[] | undefined;
  readonly formatXTick: TickFormatter;
  readonly formatYTick: TickFormatter;
}

/** Margins from the label sizes, then scales, then the tick sets that fit at this size. */
function layoutPlot(input: LayoutInput): PlotLayout {
  const { widthPx, heightPx, xKind, xDomain, yDomain, formatXTick, formatYTick } = input;
  const top = MARGIN_TOP_PX;
  const innerHeight = Math.max(MIN_INNER_HEIGHT_PX, heightPx - MARGIN_TOP_PX - MARGIN_BOTTOM_PX);
  const yScale = linearScale([yDomain[0], yDomain[1]], [top + innerHeight, top]);
  const yOptions = yCandidates(yScale, innerHeight, formatYTick);
  const yLabels = firstFittingTicks(yOptions, () => FONT_SIZE_PX, MIN_Y_LABEL_SPACING_PX);
  const widestYLabelPx = Math.max(0, ...yLabels.map((tick) => estimateLabelWidthPx(tick.label, FONT_SIZE_PX)));
  const left = Math.ceil(widestYLabelPx + LABEL_GAP_PX + 2);
  const xEnd = Math.max(xDomain[0], xDomain[1]);
  const endLabelPx = estimateLabelWidthPx(formatXTick(xEnd, [xEnd]), FONT_SIZE_PX);
  const right = Math.ceil(Math.max(LABEL_GAP_PX + 2, endLabelPx / 2 + 2));
  const innerWidth = Math.max(MIN_INNER_WIDTH_PX, widthPx - left - right);
  const xRange: [number, number] = [left, left + innerWidth];
  const xScale: Scale =
    xKind === 'log'
      ? logScale([xDomain[0], xDomain[1]], xRange)
      : linearScale([xDomain[0], xDomain[1]], xRange);
  const xOptions = xCandidates(xScale, xKind, xDomain, input.xTicks, innerWidth, formatXTick);
  const xLabels = firstFittingTicks(
    xOptions,
    (tick) => estimateLabelWidthPx(tick.label, FONT_SIZE_PX),
    MIN_X_LABEL_SPACING_PX,
  );
  return {
    left,
    top,
    innerWidth,
    innerHeight,
    xScale,
    yScale,
    xGrid: gridOf(xOptions, xLabels),
    xLabels,
    yGrid: gridOf(yOptions, yLabels),
    yLabels,
  };
}

function seriesColor(series: Series, index: number): SeriesColor {
  return series.color ?? DEFAULT_COLORS[index % DEFAULT_COLORS.length] ?? 'a';
}

function seriesClass(series: Series, index: number): string {
  const dashed = series.dashed === true ? ' plot-series--dashed' : '';
  return `plot-series plot-series--${seriesColor(series, index)}${dashed}`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

function accessibleName(title: string, summary: string): string {
  const trimmedTitle = title.trim();
  const separator = /[.!?:]$/.test(trimmedTitle) ? ' ' : '. ';
  return `${trimmedTitle}${separator}${summary.trim()}`;
}

/** Sorted distinct x values of all series inside the domain: where the keyboard cursor can stop. */
function cursorStops(series: readonly Series[], domain: readonly [number, number], kind: AxisKind): number[] {
  const values = new Set<number>();
  for (const curve of series) {
    for (const point of curve.points) {
      if (inDomain(point.x, domain) && (kind === 'linear' || point.x > 0)) values.add(point.x);
    }
  }
  if (values.size > 0) return [...values].sort((a, b) => a - b);
  const [low, high] = [Math.min(domain[0], domain[1]), Math.max(domain[0], domain[1])];
  const stops: number[] = [];
  for (let i = 0; i <= KEY_STEPS_ACROSS; i += 1) {
    const fraction = i / KEY_STEPS_ACROSS;
    stops.push(kind === 'log' ? low * (high / low) ** fraction : low + (high - low) * fraction);
  }
  return stops;
}

/** Equal values, or arrays of equal values (an inline xDomain such as [20, 20000]). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Whether two sets of props draw the same plot: the same values, and series over the same points arrays. */
export function samePlotProps(a: XYPlotProps, b: XYPlotProps): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof XYPlotProps)[]);
  for (const key of keys) {
    if (key !== 'series' && !sameValue(a[key], b[key])) return false;
  }
  return (
    a.series.length === b.series.length &&
    a.series.every((curve, index) => {
      const other = b.series[index];
      return other !== undefined && curve.id === other.id && curve.label === other.label && curve.points === other.points && curve.color === other.color && curve.dashed === other.dashed;
    })
  );
}

/**
 * A line plot with gridlines, optional legend and markers, a pointer/keyboard readout and a data table. A widget's
 * re-render leaves a plot whose props draw the same (samePlotProps) untouched: no layout, path or table work.
 */
export class XYPlot extends Component<XYPlotProps> {
  override shouldComponentUpdate(next: XYPlotProps): boolean {
    return !samePlotProps(this.props, next);
  }

  override render(props: XYPlotProps): JSX.Element {
    return <XYPlotView {...props} />;
  }
}

function XYPlotView(props: XYPlotProps): JSX.Element {
  const {
    title,
    summary,
    series,
    xLabel,
    yLabel,
    xScale: xKind,
    xDomain,
    minYSpan,
    yInclude,
    xTicks,
    tableRows,
    markers,
  } = props;
  const heightPx = props.height ?? DEFAULT_PLOT_HEIGHT_PX;
  const formatX = props.formatX ?? formatNumber;
  const formatY = props.formatY ?? formatNumber;
  const formatXTick = props.formatXTick ?? formatPlainTick;
  const formatYTick = props.formatYTick ?? formatPlainTick;

  const autoId = useId();
  const baseId = props.id ?? `plot-${slug(title)}-${autoId}`;
  const clipId = `${baseId}-clip`;

  const [frameRef, widthPx] = useMeasuredWidth<HTMLDivElement>(DEFAULT_PLOT_WIDTH_PX);
  const pointerInside = useRef(false);
  const [cursorX, setCursorX] = useState<number | null>(null);

  const [xLow, xHigh] = xDomain;
  const fixedYLow = props.yDomain?.[0];
  const fixedYHigh = props.yDomain?.[1];
  const innerHeightEstimate = Math.max(MIN_INNER_HEIGHT_PX, heightPx - MARGIN_TOP_PX - MARGIN_BOTTOM_PX);
  const yTickCount = Math.max(2, Math.round(innerHeightEstimate / Y_TICK_SPACING_PX));

  const [yLow, yHigh] = useMemo((): readonly [number, number] => {
    if (fixedYLow !== undefined && fixedYHigh !== undefined) return [fixedYLow, fixedYHigh];
    return autoYDomain(
      series.map((curve) => curve.points),
      [xLow, xHigh],
      { minSpan: minYSpan, include: yInclude, tickCount: yTickCount },
    );
  }, [series, xLow, xHigh, fixedYLow, fixedYHigh, minYSpan, yInclude, yTickCount]);

  const layout = useMemo(
    () =>
      layoutPlot({
        widthPx,
        heightPx,
        xKind,
        xDomain: [xLow, xHigh],
        yDomain: [yLow, yHigh],
        xTicks,
        formatXTick,
        formatYTick,
      }),
    [widthPx, heightPx, xKind, xLow, xHigh, yLow, yHigh, xTicks, formatXTick, formatYTick],
  );
  const { left, top, innerWidth, innerHeight, xScale, yScale } = layout;

  const paths = useMemo(() => {
    const toX = (point: PlotPoint): number => clampNumber(xScale(point.x), -MAX_COORDINATE_PX, MAX_COORDINATE_PX);
    const toY = (point: PlotPoint): number => clampNumber(yScale(point.y), -MAX_COORDINATE_PX, MAX_COORDINATE_PX);
    const defined = (point: PlotPoint): boolean => Number.isFinite(point.x) && Number.isFinite(point.y) && (xKind === 'linear' || point.x > 0);
    return series.map((curve) => linePath(curve.points, toX, toY, defined, PATH_COLUMNS_PER_PX));
  }, [series, xScale, yScale, xKind]);


  const table = useTableOpen();
  const tableXs = useMemo(
    () => (table.rowsShown ? (tableRows ?? defaultTableRows(xKind, [xLow, xHigh])) : []),
    [table.rowsShown, tableRows, xKind, xLow, xHigh],
  );
  const tableValues = useMemo(
    () => tableXs.map((x) => series.map((curve) => interpolateAt(curve.points, x, xKind))),
    [tableXs, series, xKind],
  );

  const cursorVisible = cursorX !== null && inDomain(cursorX, [xLow, xHigh]);
  const cursorValues =
    cursorX === null ? [] : series.map((curve) => interpolateAt(curve.points, cursorX, xKind));

  const setCursorFromPointer = (event: JSX.TargetedPointerEvent<SVGSVGElement>): void => {
    const rect = event.currentTarget.getBoundingClientRect();
    if (!(rect.width > 0)) return;
    const px = ((event.clientX - rect.left) * widthPx) / rect.width;
    setCursorX(xScale.invert(clampNumber(px, left, left + innerWidth)));
  };

  const onPointerEnter = (): void => {
    pointerInside.current = true;
  };
  const onPointerLeave = (event: JSX.TargetedPointerEvent<SVGSVGElement>): void => {
    pointerInside.current = false;
    if (event.currentTarget.ownerDocument.activeElement !== event.currentTarget) setCursorX(null);
  };
  const onFocus = (): void => {
    const stops = cursorStops(series, [xLow, xHigh], xKind);
    const middle = stops[Math.floor((stops.length - 1) / 2)] ?? null;
    setCursorX((current) => current ?? middle);
  };
  const onBlur = (): void => {
    if (!pointerInside.current) setCursorX(null);
  };
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<SVGSVGElement>): void => {
    if (!['ArrowRight', 'ArrowLeft', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const stops = cursorStops(series, [xLow, xHigh], xKind);
    const stopCoordinates = xKind === 'log' ? stops.map((x) => Math.log(x)) : stops;
    const lastIndex = stops.length - 1;
    const smallStep = Math.max(1, Math.round(stops.length / KEY_STEPS_ACROSS));
    const step = event.shiftKey ? Math.max(smallStep + 1, Math.round(stops.length / KEY_BIG_STEPS_ACROSS)) : smallStep;
    const key = event.key;
    setCursorX((previous) => {
      const current =
        previous === null ? -1 : nearestIndex(stopCoordinates, xKind === 'log' ? Math.log(previous) : previous);
      let next = current;
      if (key === 'Home') next = 0;
      else if (key === 'End') next = lastIndex;
      else if (key === 'ArrowRight') next = current < 0 ? 0 : current + step;
      else if (key === 'ArrowLeft') next = current < 0 ? lastIndex : current - step;
      return stops[clampNumber(next, 0, lastIndex)] ?? previous;
    });
  };

  const showLabels = series.length > 1;
  const plotBottom = top + innerHeight;
  const plotRight = left + innerWidth;
  const cursorPx = cursorVisible && cursorX !== null ? roundPx(xScale(cursorX)) : null;
  const visibleMarkers = (markers ?? []).filter((marker) => inDomain(marker.x, [xLow, xHigh]));
  const zeroInside = yLow < 0 && yHigh > 0;

  const readoutParts: string[] =
    cursorVisible && cursorX !== null
      ? [
          `At ${formatX(cursorX)}:`,
          ...series.map((curve, index) => {
            const value = cursorValues[index];
            const text = value === undefined ? NO_VALUE : formatY(value);
            const separator = index < series.length - 1 ? ',' : '';
            return `${showLabels ? `${curve.label} ` : ''}${text}${separator}`;
          }),
        ]
      : [];

  return (
    <figure class="plot" id={baseId}>
      <figcaption class="plot-caption">
        <span class="plot-title">{title}</span> <span class="plot-summary">{summary}</span>
      </figcaption>
      {showLabels && (
        <ul class="plot-legend">
          {series.map((curve, index) => (
            <li class="plot-legend-item" key={curve.id}>
              <svg class="plot-legend-swatch" viewBox="0 0 28 12" aria-hidden="true">
                <line class={seriesClass(curve, index)} x1="0" y1="6" x2="28" y2="6" />
              </svg>
              {curve.label}
            </li>
          ))}
        </ul>
      )}
      <div class="plot-frame" ref={frameRef}>
        <svg
          class="plot-svg"
          role="img"
          aria-label={accessibleName(title, summary)}
          tabindex={0}
          width={widthPx}
          height={heightPx}
          viewBox={`0 0 ${widthPx} ${heightPx}`}
          onPointerEnter={onPointerEnter}
          onPointerMove={setCursorFromPointer}
          onPointerDown={setCursorFromPointer}
          onPointerLeave={onPointerLeave}
          onFocus={onFocus}
          onBlur={onBlur}
          onKeyDown={onKeyDown}
        >
          <defs>
            <clipPath id={clipId}>
              <rect class="plot-area" x={left} y={top} width={innerWidth} height={innerHeight} />
            </clipPath>
          </defs>
          {/* Ticks are keyed by position, not value: when the axis moves, the same nodes take the new values. */}
          <g aria-hidden="true">
            <g class="plot-grid-lines">
              {layout.yGrid.map((tick, index) => (
                <line
                  key={index}
                  class={tick.value === 0 && zeroInside ? 'plot-grid plot-grid--zero' : 'plot-grid'}
                  x1={left}
                  x2={plotRight}
                  y1={tick.positionPx}
                  y2={tick.positionPx}
                />
              ))}
              {layout.xGrid.map((tick, index) => (
                <line
                  key={index}
                  class="plot-grid"
                  x1={tick.positionPx}
                  x2={tick.positionPx}
                  y1={top}
                  y2={plotBottom}
                />
              ))}
            </g>
            <line class="plot-axis-line" x1={left} x2={plotRight} y1={plotBottom} y2={plotBottom} />
            <line class="plot-axis-line" x1={left} x2={left} y1={top} y2={plotBottom} />
            {layout.yLabels.map((tick, index) => (
              <text
                key={index}
                class="plot-tick-label"
                x={left - LABEL_GAP_PX}
                y={tick.positionPx}
                text-anchor="end"
                dominant-baseline="middle"
              >
                {tick.label}
              </text>
            ))}
            {layout.xLabels.map((tick, index) => (
              <text
                key={index}
                class="plot-tick-label"
                x={tick.positionPx}
                y={plotBottom + LABEL_GAP_PX + FONT_SIZE_PX}
                text-anchor="middle"
              >
                {tick.label}
              </text>
            ))}
            <text class="plot-axis-label" x={0} y={FONT_SIZE_PX}>
              {yLabel}
            </text>
            <text
              class="plot-axis-label"
              x={left + innerWidth / 2}
              y={plotBottom + 2 * (LABEL_GAP_PX + FONT_SIZE_PX)}
              text-anchor="middle"
            >
              {xLabel}
            </text>
            {visibleMarkers.map((marker, markerIndex) => {
              const markerPx = roundPx(xScale(marker.x));
              // Alternate marker labels between two rows, so two markers close together don't write over each other.
              const labelRow = markerIndex % 2;
              const anchorEnd = markerPx > left + innerWidth * 0.7;
              return (
                <g key={`m${marker.x}-${marker.label}`}>
                  <line class="plot-marker" x1={markerPx} x2={markerPx} y1={top} y2={plotBottom} />
                  <text
                    class="plot-marker-label"
                    x={markerPx + (anchorEnd ? -LABEL_GAP_PX / 2 : LABEL_GAP_PX / 2)}
                    y={top + FONT_SIZE_PX + labelRow * (FONT_SIZE_PX + LABEL_GAP_PX / 2)}
                    text-anchor={anchorEnd ? 'end' : 'start'}
                  >
                    {marker.label}
                  </text>
                </g>
              );
            })}
            <g clip-path={`url(#${clipId})`}>
              {series.map((curve, index) => (
                <path key={curve.id} class={seriesClass(curve, index)} d={paths[index] ?? ''} />
              ))}
            </g>
            {cursorPx !== null && (
              <g class="plot-cursor-group">
                <line class="plot-cursor" x1={cursorPx} x2={cursorPx} y1={top} y2={plotBottom} />
                {series.map((curve, index) => {
                  const value = cursorValues[index];
                  if (value === undefined || value < Math.min(yLow, yHigh) || value > Math.max(yLow, yHigh)) {
                    return null;
                  }
                  return (
                    <circle
                      key={curve.id}
                      class={`plot-dot plot-dot--${seriesColor(curve, index)}`}
                      cx={cursorPx}
                      cy={roundPx(yScale(value))}
                      r={4}
                    />
                  );
                })}
              </g>
            )}
          </g>
        </svg>
      </div>
      <output class={readoutParts.length > 0 ? 'plot-readout' : 'plot-readout plot-readout--idle'} aria-live="polite">
        {readoutParts.length > 0
          ? readoutParts.map((part, index) => (
              <Fragment key={index}>
                {index > 0 && ' '}
                <span class="plot-readout-part">{part}</span>
              </Fragment>
            ))
          : 'Point at the plot, or focus it and use the arrow keys, to read values.'}
      </output>
      <details class="plot-data" onToggle={table.onToggle}>
        <summary>Data table</summary>
        <table class="plot-table">
          <caption>Data for {title}</caption>
          <thead>
            <tr>
              <th scope="col">{xLabel}</th>
              {series.map((curve) => (
                <th scope="col" key={curve.id}>
                  {showLabels && (
                    <>
                      {curve.label}
                      <span class="visually-hidden">, </span>
                    </>
                  )}
                  <span class={showLabels ? 'plot-table-unit' : undefined}>{yLabel}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tableXs.map((x, rowIndex) => (
              <tr key={x}>
                <th scope="row">{formatX(x)}</th>
                {series.map((curve, columnIndex) => {
                  const value = tableValues[rowIndex]?.[columnIndex];
                  return <td key={curve.id}>{value === undefined ? NO_VALUE : formatY(value)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

// A small figure drawn once at build time from a model's curves, for the paragraph that talks about them: SVG with
// ticks, axis labels, a caption and a text alternative, and no JavaScript (used without a client directive).
// Leaves out everything interactive (cursor, readout, data table) and a legend beyond two or three labelled curves.
import { autoYDomain } from './domain';
import type { PlotPoint } from './interpolate';
import { linePath } from './linePath';
import { linearScale, logScale } from './scales';
import { formatFrequencyTick, formatPlainTick } from './ticks';
import type { Series } from './XYPlot';
import './plots.css';

export interface StaticPlotProps {
  /** "Figure 1a. …" */
  readonly title: string;
  /** What to notice, in one sentence with the model's numbers; also the SVG's text alternative. */
  readonly summary: string;
  readonly series: readonly Series[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xScale: 'linear' | 'log';
  readonly xDomain: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  readonly minYSpan?: number;
  readonly yInclude?: readonly number[];
  /** x tick values (default: the scale's own); frequency axes get "1k"-style labels. */
  readonly xTicks?: readonly number[];
}

/** Drawing size in SVG units; the SVG scales to its column, up to this width. */
export const STATIC_PLOT_WIDTH = 320;
export const STATIC_PLOT_HEIGHT = 180;
const FONT = 12;
const GAP = 5;
const LEFT = 44;
const RIGHT = 10;
const TOP = FONT + 2 * GAP;
const BOTTOM = 2 * FONT + 3 * GAP;

function finitePoints(points: readonly PlotPoint[]): [number, number][] {
  return points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).map((p) => [p.x, p.y]);
}

export function StaticPlot(props: StaticPlotProps) {
  const innerWidth = STATIC_PLOT_WIDTH - LEFT - RIGHT;
  const innerHeight = STATIC_PLOT_HEIGHT - TOP - BOTTOM;
  const yDomain =
    props.yDomain ??
    autoYDomain(
      props.series.map((s) => s.points),
      props.xDomain,
      { tickCount: 4, ...(props.minYSpan !== undefined ? { minSpan: props.minYSpan } : {}), ...(props.yInclude ? { include: props.yInclude } : {}) },
    );
  const x = props.xScale === 'log' ? logScale(props.xDomain, [LEFT, LEFT + innerWidth]) : linearScale(props.xDomain, [LEFT, LEFT + innerWidth]);
  const y = linearScale(yDomain, [TOP + innerHeight, TOP]);
  const xTickValues = props.xTicks ?? (props.xScale === 'log' ? x.ticks().filter((v) => /^[125]/.test(String(v))) : x.ticks(5));
  const xTicks = xTickValues.filter((v) => v >= Math.min(...props.xDomain) && v <= Math.max(...props.xDomain));
  const yTicks = y.ticks(4);
  const formatX = (v: number): string => (props.xScale === 'log' ? formatFrequencyTick(v) : formatPlainTick(v, xTicks));
  const bottom = TOP + innerHeight;
  const clipId = `clip-${props.title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
  return (
    <figure class="plot static-plot">
      <figcaption class="plot-caption">
        <span class="plot-title">{props.title}</span> <span class="plot-summary">{props.summary}</span>
      </figcaption>
      {props.series.length > 1 && (
        <ul class="plot-legend">
          {props.series.map((s, i) => (
            <li class="plot-legend-item" key={s.id}>
              <svg class="plot-legend-swatch" viewBox="0 0 28 12" aria-hidden="true">
                <line class={`plot-series plot-series--${s.color ?? ['a', 'b', 'c'][i % 3]}${s.dashed ? ' plot-series--dashed' : ''}`} x1="0" y1="6" x2="28" y2="6" />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <svg class="static-plot-svg" role="img" aria-label={`${props.title} ${props.summary}`} viewBox={`0 0 ${STATIC_PLOT_WIDTH} ${STATIC_PLOT_HEIGHT}`}>
        <defs>
          <clipPath id={clipId}>
            <rect x={LEFT} y={TOP} width={innerWidth} height={innerHeight} />
          </clipPath>
        </defs>
        <g aria-hidden="true" font-size={FONT}>
          {yTicks.map((v) => (
            <g key={`y${v}`}>
              <line class={v === 0 ? 'plot-grid plot-grid--zero' : 'plot-grid'} x1={LEFT} x2={LEFT + innerWidth} y1={y(v)} y2={y(v)} />
              <text class="plot-tick-label" x={LEFT - GAP} y={y(v)} text-anchor="end" dominant-baseline="middle">
                {formatPlainTick(v, yTicks)}
              </text>
            </g>
          ))}
          {xTicks.map((v) => (
            <g key={`x${v}`}>
              <line class="plot-grid" x1={x(v)} x2={x(v)} y1={TOP} y2={bottom} />
              <text class="plot-tick-label" x={x(v)} y={bottom + GAP + FONT} text-anchor="middle">
                {formatX(v)}
              </text>
            </g>
          ))}
          <line class="plot-axis-line" x1={LEFT} x2={LEFT + innerWidth} y1={bottom} y2={bottom} />
          <line class="plot-axis-line" x1={LEFT} x2={LEFT} y1={TOP} y2={bottom} />
          <text class="plot-axis-label" x={0} y={FONT}>
            {props.yLabel}
          </text>
          <text class="plot-axis-label" x={LEFT + innerWidth / 2} y={bottom + 2 * (GAP + FONT)} text-anchor="middle">
            {props.xLabel}
          </text>
          <g clip-path={`url(#${clipId})`}>
            {props.series.map((s, i) => (
              <path
                key={s.id}
                class={`plot-series plot-series--${s.color ?? ['a', 'b', 'c'][i % 3]}${s.dashed ? ' plot-series--dashed' : ''}`}
                d={linePath(finitePoints(s.points), (p) => x(p[0]), (p) => y(p[1]))}
              />
            ))}
          </g>
        </g>
      </svg>
    </figure>
  );
}

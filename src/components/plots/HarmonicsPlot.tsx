// Harmonic spectrum as measurement sites draw it for a distortion test: one bar per harmonic (2nd, 3rd, …) in dB
// relative to the fundamental, down to a floor. Text alternative: the caption's summary and a data table.
// Leaves out noise and the fundamental itself (it is the 0 dB reference).
import type { JSX } from 'preact';
import { linearScale } from './scales';
import { useMeasuredWidth } from './useMeasuredWidth';
import { formatFixed } from '../format';
import './plots.css';

export interface HarmonicsPlotProps {
  id: string;
  title: string;
  summary: string;
  /** Levels in dB re the fundamental; index 0 is the 2nd harmonic. */
  levelsDb: readonly number[];
  /** Bottom of the axis, dB (lower levels sit on it). */
  floorDb?: number;
  /** Top of the axis, dB (default 0: the fundamental). */
  ceilingDb?: number;
  /** A label under each bar (default the harmonic's number, 2, 3, …). */
  barLabels?: readonly string[];
  /** Axis titles (defaults "Harmonic", "dB re fundamental"). */
  xLabel?: string;
  yLabel?: string;
}

/** Drawn at the frame's measured width; this is the width before it is measured (server HTML). */
const DEFAULT_WIDTH = 360;
const HEIGHT = 200;
const MARGIN = { top: 10, right: 10, bottom: 34, left: 46 };
const DEFAULT_FLOOR_DB = -120;
const TICK_STEP_DB = 20;
const BAR_FILL = 0.6;

const ordinal = (n: number): string => `${n}${n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;

export function HarmonicsPlot(props: HarmonicsPlotProps): JSX.Element {
  const { id, title, summary, levelsDb, floorDb = DEFAULT_FLOOR_DB, ceilingDb = 0, barLabels } = props;
  const xLabel = props.xLabel ?? 'Harmonic';
  const yLabel = props.yLabel ?? 'dB re fundamental';
  const labelOf = (index: number) => barLabels?.[index] ?? String(index + 2);
  const [frameRef, widthPx] = useMeasuredWidth<HTMLDivElement>(DEFAULT_WIDTH);
  const innerWidth = widthPx - MARGIN.left - MARGIN.right;
  const bottom = HEIGHT - MARGIN.bottom;
  const y = linearScale([floorDb, ceilingDb], [bottom, MARGIN.top]);
  const slot = innerWidth / Math.max(1, levelsDb.length);
  const ticks: number[] = [];
  for (let db = ceilingDb; db >= floorDb; db -= TICK_STEP_DB) ticks.push(db);
  const clamped = (db: number) => Math.max(floorDb, Math.min(ceilingDb, Number.isFinite(db) ? db : floorDb));
  return (
    <figure class="plot" id={id}>
      <figcaption class="plot-caption">
        <span class="plot-title">{title}</span> <span class="plot-summary">{summary}</span>
      </figcaption>
      <div class="plot-frame" ref={frameRef}>
        <svg class="plot-svg" width={widthPx} height={HEIGHT} viewBox={`0 0 ${widthPx} ${HEIGHT}`} aria-hidden="true" preserveAspectRatio="xMinYMin meet">
          {ticks.map((db) => (
            <g key={db}>
              <line class="plot-grid" x1={MARGIN.left} x2={widthPx - MARGIN.right} y1={y(db)} y2={y(db)} />
              <text class="plot-tick-label" x={MARGIN.left - 6} y={y(db) + 4} text-anchor="end">{formatFixed(db, 0)}</text>
            </g>
          ))}
          {levelsDb.map((db, index) => {
            const x = MARGIN.left + slot * index + (slot * (1 - BAR_FILL)) / 2;
            return (
              <g key={index} data-bar={labelOf(index)}>
                <rect class="plot-bar" x={x} width={slot * BAR_FILL} y={y(clamped(db))} height={Math.max(0, bottom - y(clamped(db)))} />
                <text class="plot-tick-label" x={x + (slot * BAR_FILL) / 2} y={bottom + 14} text-anchor="middle">{labelOf(index)}</text>
              </g>
            );
          })}
          <text class="plot-axis-label" x={MARGIN.left + innerWidth / 2} y={HEIGHT - 4} text-anchor="middle">{xLabel}</text>
          <text class="plot-axis-label" x={12} y={MARGIN.top + (bottom - MARGIN.top) / 2} text-anchor="middle" transform={`rotate(-90 12 ${MARGIN.top + (bottom - MARGIN.top) / 2})`}>{yLabel}</text>
        </svg>
      </div>
      <details class="plot-data">
        <summary>Data table</summary>
        <table>
          <thead>
            <tr><th scope="col">{xLabel}</th><th scope="col">{yLabel}</th></tr>
          </thead>
          <tbody>
            {levelsDb.map((db, index) => (
              <tr><th scope="row">{barLabels ? labelOf(index) : ordinal(index + 2)}</th><td>{db < floorDb ? `below ${formatFixed(floorDb, 0)}` : formatFixed(db, 1)}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

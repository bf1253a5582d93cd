// Harmonic spectrum as measurement sites draw it for a distortion test: one bar per harmonic (2nd, 3rd, …) in dB
// relative to the fundamental, down to a floor. Text alternative: the caption's summary and a data table.
// Leaves out noise and the fundamental itself (it is the 0 dB reference).
import type { JSX } from 'preact';
import { linearScale } from './scales';
import { useMeasuredWidth } from './useMeasuredWidth';
import { useTableOpen } from './useTableOpen';
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
  /** A second set of levels drawn as dashed outlines beside the bars (e.g. a simulator's), with names for the legend. */
  comparison?: { readonly label: string; readonly levelsDb: readonly number[]; readonly mainLabel: string };
}

/** Drawn at the frame's measured width; this is the width before it is measured (server HTML). */
const DEFAULT_WIDTH = 360;
const HEIGHT = 200;
const MARGIN = { top: 10, right: 10, bottom: 34 };
/** The labels' font size (plots.css) and an estimate of a character's width in it, for spacing labels apart. */
const FONT_SIZE_PX = 12;
const CHAR_WIDTH_PX = 0.62 * FONT_SIZE_PX;
const LABEL_GAP_PX = 6;
/** The rotated y-axis title's baseline: its glyphs reach about one font size to the left of it. */
const Y_TITLE_X_PX = FONT_SIZE_PX + 2;
const DEFAULT_FLOOR_DB = -120;
const TICK_STEP_DB = 20;
const BAR_FILL = 0.6;

const ordinal = (n: number): string => `${n}${n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;

export function HarmonicsPlot(props: HarmonicsPlotProps): JSX.Element {
  const table = useTableOpen();
  const { id, title, summary, levelsDb, floorDb = DEFAULT_FLOOR_DB, ceilingDb = 0, barLabels, comparison } = props;
  const xLabel = props.xLabel ?? 'Harmonic';
  const yLabel = props.yLabel ?? 'dB re fundamental';
  const labelOf = (index: number) => barLabels?.[index] ?? String(index + 2);
  const [frameRef, widthPx] = useMeasuredWidth<HTMLDivElement>(DEFAULT_WIDTH);
  const ticks: number[] = [];
  for (let db = ceilingDb; db >= floorDb; db -= TICK_STEP_DB) ticks.push(db);
  // The widest tick label sits between the y-axis title's band and the axis, a gap on each side.
  const widestTickPx = Math.max(...ticks.map((db) => formatFixed(db, 0).length)) * CHAR_WIDTH_PX;
  const left = Y_TITLE_X_PX + LABEL_GAP_PX + widestTickPx + LABEL_GAP_PX;
  const innerWidth = widthPx - left - MARGIN.right;
  const bottom = HEIGHT - MARGIN.bottom;
  const y = linearScale([floorDb, ceilingDb], [bottom, MARGIN.top]);
  const slot = innerWidth / Math.max(1, levelsDb.length);
  // Label every bar only where the labels fit side by side; otherwise every 2nd, 3rd… (the table lists them all).
  const widestBarLabelPx = Math.max(0, ...levelsDb.map((_, index) => labelOf(index).length)) * CHAR_WIDTH_PX;
  const labelEvery = Math.max(1, Math.ceil((widestBarLabelPx + LABEL_GAP_PX) / Math.max(slot, 1)));
  const clamped = (db: number) => Math.max(floorDb, Math.min(ceilingDb, Number.isFinite(db) ? db : floorDb));
  const barWidth = (slot * BAR_FILL) / (comparison ? 2 : 1);
  const levelText = (db: number | undefined) => (db === undefined ? '—' : db < floorDb ? `below ${formatFixed(floorDb, 0)}` : formatFixed(db, 1));
  return (
    <figure class="plot" id={id}>
      <figcaption class="plot-caption">
        <span class="plot-title">{title}</span> <span class="plot-summary">{summary}</span>
      </figcaption>
      {comparison && (
        <ul class="plot-legend">
          <li class="plot-legend-item">
            <svg class="plot-legend-swatch" viewBox="0 0 28 12" aria-hidden="true"><rect class="plot-bar" x="8" y="1" width="12" height="10" /></svg>
            {comparison.mainLabel}
          </li>
          <li class="plot-legend-item">
            <svg class="plot-legend-swatch" viewBox="0 0 28 12" aria-hidden="true"><rect class="plot-bar plot-bar--comparison" x="8" y="1" width="12" height="10" /></svg>
            {comparison.label}
          </li>
        </ul>
      )}
      <div class="plot-frame" ref={frameRef}>
        <svg class="plot-svg" width={widthPx} height={HEIGHT} viewBox={`0 0 ${widthPx} ${HEIGHT}`} aria-hidden="true" preserveAspectRatio="xMinYMin meet">
          {ticks.map((db) => (
            <g key={db}>
              <line class="plot-grid" x1={left} x2={widthPx - MARGIN.right} y1={y(db)} y2={y(db)} />
              <text class="plot-tick-label" x={left - LABEL_GAP_PX} y={y(db) + 4} text-anchor="end">{formatFixed(db, 0)}</text>
            </g>
          ))}
          {levelsDb.map((db, index) => {
            const x = left + slot * index + (slot * (1 - BAR_FILL)) / 2;
            return (
              <g key={index} data-bar={labelOf(index)}>
                <rect class="plot-bar" x={x} width={barWidth} y={y(clamped(db))} height={Math.max(0, bottom - y(clamped(db)))} />
                {comparison && comparison.levelsDb[index] !== undefined && (
                  <rect class="plot-bar plot-bar--comparison" x={x + barWidth} width={barWidth} y={y(clamped(comparison.levelsDb[index] ?? floorDb))} height={Math.max(0, bottom - y(clamped(comparison.levelsDb[index] ?? floorDb)))} />
                )}
                {index % labelEvery === 0 && (
                  <text class="plot-tick-label" x={x + (slot * BAR_FILL) / 2} y={bottom + 14} text-anchor="middle">{labelOf(index)}</text>
                )}
              </g>
            );
          })}
          <text class="plot-axis-label" x={left + innerWidth / 2} y={HEIGHT - 4} text-anchor="middle">{xLabel}</text>
          <text class="plot-axis-label" x={Y_TITLE_X_PX} y={MARGIN.top + (bottom - MARGIN.top) / 2} text-anchor="middle" transform={`rotate(-90 ${Y_TITLE_X_PX} ${MARGIN.top + (bottom - MARGIN.top) / 2})`}>{yLabel}</text>
        </svg>
      </div>
      <details class="plot-data" onToggle={table.onToggle}>
        <summary>Data table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{xLabel}</th>
              <th scope="col">{comparison ? `${comparison.mainLabel}, ${yLabel}` : yLabel}</th>
              {comparison && <th scope="col">{`${comparison.label}, ${yLabel}`}</th>}
            </tr>
          </thead>
          <tbody>
            {(table.rowsShown ? levelsDb : []).map((db, index) => (
              <tr>
                <th scope="row">{barLabels ? labelOf(index) : ordinal(index + 2)}</th>
                <td>{levelText(db)}</td>
                {comparison && <td>{levelText(comparison.levelsDb[index])}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

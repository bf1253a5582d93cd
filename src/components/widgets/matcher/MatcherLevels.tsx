// The matcher's level figure: on one dB SPL axis, where the hiss, the music's average, its peaks and the loudest
// clean level sit, with the NIOSH 85 dB line — the headroom and the hiss margin become distances you can see.
import { linearScale } from '../../plots/scales';
import { useMeasuredWidth } from '../../plots/useMeasuredWidth';
import type { MatchResult } from '../../../dsp/matching/match';
import { SINE_PEAK_TO_RMS_DB } from '../../../dsp/matching/sensitivity';
import { NIOSH_REFERENCE_LEVEL_DBA } from '../../../dsp/matching/exposure';
import { formatFixed } from '../../format';

/** Drawn at the figure's measured width; this is the width before it is measured (server HTML). */
const DEFAULT_WIDTH_PX = 640;
const ROW_HEIGHT = 26;
const MARGIN = { top: 8, right: 16, bottom: 34, left: 136 };
const AXIS_DB: readonly [number, number] = [-20, 140];
/** Tick labels need about this much room each; the step doubles until they have it. */
const MIN_TICK_SPACING_PX = 36;

interface Row {
  id: string;
  label: string;
  levelDb: number;
  tone: 'a' | 'b' | 'warn' | 'muted';
}

export interface MatcherLevelsProps {
  id: string;
  title: string;
  result: MatchResult;
  levelDbSpl: number;
  crestFactorDb: number;
}

export function MatcherLevels({ id, title, result, levelDbSpl, crestFactorDb }: MatcherLevelsProps) {
  const peaksDb = levelDbSpl + crestFactorDb - SINE_PEAK_TO_RMS_DB;
  const rows: Row[] = [
    ...(result.noise ? [{ id: 'hiss', label: 'Hiss', levelDb: result.noise.splDb, tone: 'muted' } as const] : []),
    { id: 'average', label: 'Music, average', levelDb: levelDbSpl, tone: 'a' },
    { id: 'peaks', label: 'Music peaks', levelDb: peaksDb, tone: result.headroomDb < 0 ? 'warn' : 'a' },
    { id: 'clean', label: 'Loudest clean sine', levelDb: result.clean.splDb, tone: 'b' },
  ];
  const [frameRef, widthPx] = useMeasuredWidth<HTMLDivElement>(DEFAULT_WIDTH_PX);
  const height = MARGIN.top + rows.length * ROW_HEIGHT + MARGIN.bottom;
  const toX = linearScale(AXIS_DB, [MARGIN.left, widthPx - MARGIN.right]);
  let tickStepDb = 20;
  while (((widthPx - MARGIN.left - MARGIN.right) * tickStepDb) / (AXIS_DB[1] - AXIS_DB[0]) < MIN_TICK_SPACING_PX) tickStepDb *= 2;
  const x = (db: number) => toX(Math.min(AXIS_DB[1], Math.max(AXIS_DB[0], db)));
  const ticks: number[] = [];
  for (let db = AXIS_DB[0]; db <= AXIS_DB[1]; db += tickStepDb) ticks.push(db);
  const axisY = MARGIN.top + rows.length * ROW_HEIGHT;
  const hissText = result.noise ? formatFixed(result.noise.splDb, 0) : 'not published';
  const summary = `Levels at the ear in dB SPL: hiss ${hissText}, music average ${formatFixed(levelDbSpl, 0)}, music peaks (as a sine of the same peak) ${formatFixed(peaksDb, 0)}, loudest clean sine ${formatFixed(result.clean.splDb, 0)}; headroom ${formatFixed(result.headroomDb, 1)} dB. NIOSH's 8-hour level is ${NIOSH_REFERENCE_LEVEL_DBA} dB.`;
  return (
    <figure class="plot matcher-levels" id={id}>
      <figcaption class="plot-caption">
        <span class="plot-title">{title}</span> <span class="plot-summary">{summary}</span>
      </figcaption>
      <div class="plot-frame" ref={frameRef}>
        <svg class="matcher-levels-svg" width={widthPx} height={height} viewBox={`0 0 ${widthPx} ${height}`} aria-hidden="true" preserveAspectRatio="xMinYMin meet">
          {ticks.map((db) => (
            <g key={db}>
              <line class="grid" x1={x(db)} x2={x(db)} y1={MARGIN.top} y2={axisY} />
              <text class="tick" x={x(db)} y={axisY + 16} text-anchor="middle">{formatFixed(db, 0)}</text>
            </g>
          ))}
          <line class="reference" x1={x(NIOSH_REFERENCE_LEVEL_DBA)} x2={x(NIOSH_REFERENCE_LEVEL_DBA)} y1={MARGIN.top} y2={axisY} />
          <text class="axis-label" x={(MARGIN.left + widthPx - MARGIN.right) / 2} y={height - 2} text-anchor="middle">dB SPL (dashed: NIOSH 85 dB for 8 h)</text>
          {rows.map((row, index) => {
            const y = MARGIN.top + index * ROW_HEIGHT + ROW_HEIGHT / 2;
            return (
              <g key={row.id} data-level={row.id}>
                <text class="row-label" x={MARGIN.left - 8} y={y + 4} text-anchor="end">{row.label}</text>
                <line class={`bar tone-${row.tone}`} x1={x(AXIS_DB[0])} x2={x(row.levelDb)} y1={y} y2={y} />
                <circle class={`dot tone-${row.tone}`} cx={x(row.levelDb)} cy={y} r={5} />
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}

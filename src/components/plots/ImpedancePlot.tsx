// Impedance-magnitude plot preset: log frequency axis 20 Hz–20 kHz, |Z| in ohms on a linear axis.
// Leaves out the impedance phase and log-scaled ohm axes.
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import { XYPlot } from './XYPlot';
import type { XYPlotProps } from './XYPlot';
import { formatHz, formatOhms } from '../format';
import { AUDIO_BAND_HZ, AUDIO_FREQUENCY_TICKS_HZ, formatCompactTick, formatFrequencyTick } from './ticks';

/** Without a minYSpan, the automatic ohm axis spans at least this fraction of the largest |Z| shown. */
export const DEFAULT_MIN_SPAN_FRACTION = 0.2;

const ZERO: readonly number[] = [0];

export interface ImpedancePlotProps
  extends Omit<XYPlotProps, 'xScale' | 'xDomain' | 'xLabel' | 'yLabel' | 'xTicks' | 'yInclude'> {
  /** Start the ohm axis at 0 (true) or near the data's minimum (false, default). */
  readonly yFromZero?: boolean;
  /** Default "Frequency (Hz)". */
  readonly xLabel?: string;
  /** Default "Impedance (Ω)". */
  readonly yLabel?: string;
  /** Default 20 Hz–20 kHz. */
  readonly xDomain?: readonly [number, number];
}

function largestMagnitude(series: XYPlotProps['series'], domain: readonly [number, number]): number {
  let largest = 0;
  for (const curve of series) {
    for (const point of curve.points) {
      if (point.x >= domain[0] && point.x <= domain[1] && Number.isFinite(point.y)) {
        largest = Math.max(largest, Math.abs(point.y));
      }
    }
  }
  return largest;
}

/** Impedance magnitude against frequency, e.g. a headphone's bass resonance peak. */
export function ImpedancePlot(props: ImpedancePlotProps): JSX.Element {
  const { yFromZero, series, minYSpan, ...rest } = props;
  const xDomain = props.xDomain ?? AUDIO_BAND_HZ;
  const [xLow, xHigh] = xDomain;
  const automaticMinSpan = useMemo(
    () => DEFAULT_MIN_SPAN_FRACTION * largestMagnitude(series, [xLow, xHigh]),
    [series, xLow, xHigh],
  );
  return (
    <XYPlot
      {...rest}
      series={series}
      xScale="log"
      xDomain={xDomain}
      xTicks={AUDIO_FREQUENCY_TICKS_HZ}
      xLabel={props.xLabel ?? 'Frequency (Hz)'}
      yLabel={props.yLabel ?? 'Impedance (Ω)'}
      yInclude={yFromZero === true ? ZERO : undefined}
      minYSpan={minYSpan ?? automaticMinSpan}
      formatX={props.formatX ?? formatHz}
      formatY={props.formatY ?? formatOhms}
      formatXTick={props.formatXTick ?? formatFrequencyTick}
      formatYTick={props.formatYTick ?? formatCompactTick}
    />
  );
}

// Frequency-response plot preset: log frequency axis 20 Hz–20 kHz, level in dB with sign.
// Leaves out phase and group delay (separate figures) and any dB reference choice (the caller's data sets it).
import type { JSX } from 'preact';
import { XYPlot } from './XYPlot';
import type { XYPlotProps } from './XYPlot';
import { formatDb, formatHz } from '../format';
import { AUDIO_BAND_HZ, AUDIO_FREQUENCY_TICKS_HZ, formatFrequencyTick, formatSignedTick } from './ticks';

/** Default smallest y span, in dB, so a nearly flat response is not magnified. */
export const DEFAULT_MIN_LEVEL_SPAN_DB = 2;

export interface FrequencyResponsePlotProps
  extends Omit<XYPlotProps, 'xScale' | 'xDomain' | 'xLabel' | 'yLabel' | 'xTicks'> {
  /** Default "Frequency (Hz)". */
  readonly xLabel?: string;
  /** Default "Level (dB)". */
  readonly yLabel?: string;
  /** Default 20 Hz–20 kHz. */
  readonly xDomain?: readonly [number, number];
}

/** Levels in dB against frequency on a log axis, the way audio measurements are drawn. */
export function FrequencyResponsePlot(props: FrequencyResponsePlotProps): JSX.Element {
  return (
    <XYPlot
      {...props}
      xScale="log"
      xDomain={props.xDomain ?? AUDIO_BAND_HZ}
      xTicks={AUDIO_FREQUENCY_TICKS_HZ}
      xLabel={props.xLabel ?? 'Frequency (Hz)'}
      yLabel={props.yLabel ?? 'Level (dB)'}
      minYSpan={props.minYSpan ?? DEFAULT_MIN_LEVEL_SPAN_DB}
      formatX={props.formatX ?? formatHz}
      formatY={props.formatY ?? formatLevel}
      formatXTick={props.formatXTick ?? formatFrequencyTick}
      formatYTick={props.formatYTick ?? formatSignedTick}
    />
  );
}

function formatLevel(levelDb: number): string {
  return formatDb(levelDb);
}

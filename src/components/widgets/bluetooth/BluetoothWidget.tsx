// The Bluetooth lesson's widget: (1) how many bits per sample a codec's bitrate leaves, from the model, for the
// codecs' claimed bitrates; (2) a real lossy codec (Opus, in the browser) heard A/B against the program at a chosen
// bitrate, with what it changed measured on the very samples played.
import { useMemo, useState } from 'preact/hooks';
import { Select } from '../../controls/Select';
import { XYPlot } from '../../plots/XYPlot';
import { formatNumber } from '../../format';
import { BLUETOOTH_CODECS } from '../../../data/bluetoothCodecs';
import { BITRATE_DOMAIN_BPS, BITS_CURVES, codecRow } from './bitsFigure';
import { CodecListening } from './CodecListening';
import '../../../styles/widgets.css';
import './bluetooth.css';

const CODEC_OPTIONS = BLUETOOTH_CODECS.map((codec) => ({ value: codec.id, label: codec.label }));
const kbps = (bitsPerSecond: number): string => `${formatNumber(bitsPerSecond / 1000, 3)} kb/s`;
const khz = (hz: number): string => `${formatNumber(hz / 1000, 3)} kHz`;

export interface BluetoothWidgetProps {
  /** Number of the widget's first figure in the lesson. */
  firstFigure?: number;
}

export default function BluetoothWidget({ firstFigure = 1 }: BluetoothWidgetProps) {
  const [codecId, setCodecId] = useState<string>('sbc');
  const codec = BLUETOOTH_CODECS.find((c) => c.id === codecId) ?? (BLUETOOTH_CODECS[0] as (typeof BLUETOOTH_CODECS)[number]);
  const row = useMemo(() => codecRow(codec), [codec]);
  const bits = formatNumber(row.bitsPerSamplePerChannel, 3);
  const series = BITS_CURVES.map((curve, index) => ({
    id: `r${curve.rateHz}`,
    label: `${khz(curve.rateHz)} stereo`,
    points: curve.points,
    color: (['a', 'b', 'c'] as const)[index] ?? 'a',
  }));

  return (
    <div class="widget bluetooth-widget" data-widget="bluetooth">
      <div class="widget-top">
        <div class="widget-controls">
          <Select id="bt-codec" label="Codec and mode (claimed bitrate)" value={codecId} options={CODEC_OPTIONS} onChange={setCodecId} />
        </div>
        <dl class="readouts" aria-live="polite">
          <div>
            <dt>Bitrate, input</dt>
            <dd data-readout="bitrate">
              {kbps(codec.bitrateBitsPerSecond)}, {khz(codec.sampleRateHz)}, {codec.inputBitsPerSample}-bit stereo
            </dd>
          </div>
          <div>
            <dt>Bits per sample per channel</dt>
            <dd data-readout="bits">{bits}</dd>
          </div>
          <div>
            <dt>Smaller than its PCM input by</dt>
            <dd data-readout="ratio">{formatNumber(row.compressionRatio, 3)} ×</dd>
          </div>
        </dl>
      </div>
      <p class="control-hint">{codec.note}</p>
      <div class="widget-plots">
        <XYPlot
          id="bt-fig-bits"
          title={`Figure ${firstFigure}. Bits per sample per channel that a bitrate leaves`}
          summary={`${codec.label}: ${kbps(codec.bitrateBitsPerSecond)} shared over ${khz(codec.sampleRateHz)} × 2 channels is ${bits} bits per sample per channel, against ${codec.inputBitsPerSample} bits in its PCM input.`}
          series={series}
          xLabel="Bitrate (kb/s)"
          yLabel="Bits per sample per channel"
          xScale="log"
          xDomain={[BITRATE_DOMAIN_BPS[0] / 1000, BITRATE_DOMAIN_BPS[1] / 1000]}
          yDomain={[0, 18]}
          xTicks={[100, 200, 500, 1000]}
          formatX={(x) => `${formatNumber(x, 3)} kb/s`}
          formatY={(y) => formatNumber(y, 3)}
          markers={[{ x: codec.bitrateBitsPerSecond / 1000, label: codec.label.replace(/ \(.*\)$/, '') }]}
        />
      </div>
      <CodecListening figure={firstFigure + 1} />
    </div>
  );
}

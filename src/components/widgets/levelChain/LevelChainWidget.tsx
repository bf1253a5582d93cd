// Widget for the DAC lessons: a source feeds an amplifier, by voltages (src/dsp/levelChain.ts). The transfer
// curve, the readouts and the sound come from the same model: where the program asks for more than the amp's
// clip voltage, B is hard-clipped there. A = the same source at 1× gain. Both are normalised to the program's level.
// Every source is given by its full scale, compared with the amp's clip point; its nominal level, where it has one,
// is shown with the headroom between them (levels from src/dsp/lineLevels.ts).
import { useMemo, useState } from 'preact/hooks';
import { Select } from '../../controls/Select';
import { Slider } from '../../controls/Slider';
import { XYPlot } from '../../plots/XYPlot';
import { formatDb, formatFixed, formatSigned, formatVolts } from '../../format';
import {
  AMP_CLIP_VOLTS_PEAK,
  AMP_GAINS,
  ampOutputVoltsPerFullScale,
  ampTransferVolts,
  clipLevelFullScale,
  headroomDb,
  nominalHeadroomDb,
  SOURCES,
  sourceById,
  sourceFullScaleVoltsPeak,
  type LevelChainSettings,
  type SourceId,
} from '../../../dsp/levelChain';
import { CONSUMER_NOMINAL, DBU_REFERENCE_VOLTS_RMS, levelDifferenceDb } from '../../../dsp/lineLevels';
import { MUSIC_PEAK_DBFS } from '../../../audio/programLevels';
import { ListeningPanel, type ChainPair } from '../../listening/ListeningPanel';
import '../../../styles/widgets.css';

const CURVE_POINTS = 81;

/** "12.28 V rms (+24.0 dBu)": an rms level with its value in dBu. */
function formatLevel(voltsRms: number): string {
  return `${formatVolts(voltsRms)} rms (${formatSigned(levelDifferenceDb(voltsRms, DBU_REFERENCE_VOLTS_RMS), 1)} dBu)`;
}

const sourceOptions = SOURCES.map((s) => ({ value: s.id, label: `${s.name}: full scale ${formatVolts(s.fullScale.voltsRms)} rms` }));

export interface LevelChainWidgetProps {
  /** The number of the widget's figure, after the lesson's own figures above it (default 1). */
  firstFigure?: number;
}

export default function LevelChainWidget({ firstFigure = 1 }: LevelChainWidgetProps) {
  const [sourceId, setSourceId] = useState<SourceId>('pcm5102a');
  const [digitalVolumeDb, setDigitalVolumeDb] = useState(0);
  const [gainText, setGainText] = useState<string>('6.5');
  const ampGain = Number(gainText);
  const settings: LevelChainSettings = { sourceId, digitalVolumeDb, ampGain };
  const reference: LevelChainSettings = { ...settings, ampGain: 1 };

  const demandVoltsPeak = ampOutputVoltsPerFullScale(settings) * 10 ** (MUSIC_PEAK_DBFS / 20);
  const headroom = headroomDb(settings, MUSIC_PEAK_DBFS);
  const maxInputVolts = sourceFullScaleVoltsPeak(sourceId);
  const curve = useMemo(
    () =>
      Array.from({ length: CURVE_POINTS }, (_, i) => {
        const x = -maxInputVolts + (2 * maxInputVolts * i) / (CURVE_POINTS - 1);
        return { x, y: ampTransferVolts(x, ampGain) };
      }),
    [maxInputVolts, ampGain],
  );
  const source = sourceById(sourceId);
  const sourceLabel = `${source.name}, full scale ${formatVolts(source.fullScale.voltsRms)} rms`;
  const nominalHeadroom = nominalHeadroomDb(sourceId);

  const makeChains = async (): Promise<ChainPair> => ({
    a: { sections: [], gainDb: 0, clipper: { levelFullScale: clipLevelFullScale(reference) } },
    b: { sections: [], gainDb: 0, clipper: { levelFullScale: clipLevelFullScale(settings) } },
  });

  return (
    <div class="widget level-chain-widget" data-widget="level-chain">
      <div class="widget-top">
        <div class="widget-controls">
          <Select id="lc-source" label="Source" value={sourceId} options={sourceOptions} onChange={setSourceId} />
          <Slider id="lc-digital-volume" label="Digital volume" value={digitalVolumeDb} min={-40} max={0} step={1} format={(db) => formatDb(db, 0)} onChange={setDigitalVolumeDb} />
          <Select
            id="lc-gain"
            label="Amplifier gain"
            value={gainText}
            options={AMP_GAINS.map((g) => ({ value: String(g), label: g === 1 ? '1× (unity)' : `${g}× (O2 setting)` }))}
            onChange={setGainText}
          />
        </div>
        <dl class="readouts" aria-live="polite">
          <div>
            <dt>Source at full scale (0 dBFS)</dt>
            <dd data-readout="full-scale">{formatLevel(source.fullScale.voltsRms)}</dd>
          </div>
          <div>
            <dt>Its nominal level</dt>
            <dd data-readout="nominal">
              {source.nominal === null || nominalHeadroom === null
                ? 'none: a DAC chip is specified at full scale'
                : `${formatLevel(source.nominal.voltsRms)}, ${formatFixed(nominalHeadroom, 1)} dB below full scale`}
            </dd>
          </div>
          <div>
            <dt>Music peaks ask the amp for</dt>
            <dd data-readout="demand">{formatVolts(demandVoltsPeak)} peak</dd>
          </div>
          <div>
            <dt>The amp can give (O2, 1 % THD+N point)</dt>
            <dd data-readout="limit">{formatVolts(AMP_CLIP_VOLTS_PEAK)} peak</dd>
          </div>
          <div>
            <dt>Headroom</dt>
            <dd data-readout="headroom" class={headroom >= 0 ? 'ok' : 'warn'}>
              {formatDb(headroom)} {headroom >= 0 ? '(clean)' : '(clipping)'}
            </dd>
          </div>
        </dl>
      </div>
      <p class="widget-note" data-note="nominal-levels">
        Nominal levels are where signals sit, with headroom above; full scale is the most a source puts out, so the amp is
        compared with full scale. {CONSUMER_NOMINAL.label} ({formatVolts(CONSUMER_NOMINAL.voltsRms)} rms) is a nominal level with
        no standard full scale, so it isn't offered as a source here.
      </p>
      <div class="widget-plots">
        <XYPlot
          id="lc-fig-transfer"
          title={`Figure ${firstFigure}. The amplifier's transfer curve`}
          summary={`${sourceLabel} into ${formatFixed(ampGain, 1)}× gain: output follows the input up to ±${formatVolts(AMP_CLIP_VOLTS_PEAK)} and is flat beyond; music peaks need ${formatVolts(demandVoltsPeak)}.`}
          series={[{ id: 't', label: 'Output voltage', points: curve, color: 'a' }]}
          xLabel="Input voltage (V)"
          yLabel="Output voltage (V)"
          xScale="linear"
          xDomain={[-maxInputVolts, maxInputVolts]}
          yDomain={[-20, 20]}
          formatX={formatVolts}
          formatY={formatVolts}
        />
      </div>
      <ListeningPanel
        idPrefix="lc"
        labelA="1× gain (reference)"
        labelB={`${formatFixed(ampGain, 1)}× gain`}
        settingsKey={`${sourceId}|${digitalVolumeDb}|${ampGain}`}
        makeChains={makeChains}
        matchLoudness={false}
        downloadStem={`amp-lab-chain-${sourceId}-${Math.abs(digitalVolumeDb)}dB-${String(ampGain).replace('.', 'p')}x`}
        levelNote={`A is the source through the amp at 1×${clipLevelFullScale(reference) < 10 ** (MUSIC_PEAK_DBFS / 20) ? ' (this source’s full scale clips the amp even at 1×)' : ''}; B at the gain you chose. Both are scaled back to the program's level, so what differs is clipping, not loudness.`}
      />
    </div>
  );
}

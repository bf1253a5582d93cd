// Widget for "Output transformers and hybrid tube amps": pick how a tube amp drives the headphone (OTL cathode
// follower, output transformer, hybrid with a solid-state buffer), the headphone, and the transformer's turns ratio
// and primary inductance; see each output's impedance, its response into the headphone and its bass corner; hear the
// chosen one against an ideal source. One model (src/dsp/tubeOutput) feeds the plot, the table and the sound.
import { useMemo, useState } from 'preact/hooks';
import { Select } from '../../controls/Select';
import { Slider } from '../../controls/Slider';
import { FrequencyResponsePlot } from '../../plots/FrequencyResponsePlot';
import { formatDb, formatHz, formatNumber, formatOhms } from '../../format';
import { ListeningPanel, type ChainPair } from '../../listening/ListeningPanel';
import { MEASURED_TRANSFORMER, PRIMARY_INDUCTANCE_RANGE_HENRIES, TURNS_RATIO_RANGE } from '../../../dsp/tubeOutput/outputTransformer';
import { TOPOLOGIES, TUBE_OUTPUT_HEADPHONES, type Topology } from '../../../dsp/tubeOutput/topologies';
import { TOPOLOGY_LABELS, type TopologyView, topologyView, transformerFigures } from './view';
import '../../../styles/widgets.css';

export interface TubeOutputWidgetProps {
  idPrefix: string;
  /** The number of the widget's figure, after the lesson's own figures above it (default 1). */
  firstFigure?: number;
}

const MEASURED_TURNS_RATIO = Math.round(MEASURED_TRANSFORMER.turnsRatio * 10) / 10;
const LOG_INDUCTANCE_RANGE = {
  min: Math.log10(PRIMARY_INDUCTANCE_RANGE_HENRIES.min),
  max: Math.log10(PRIMARY_INDUCTANCE_RANGE_HENRIES.max),
};
const topologyOptions = TOPOLOGIES.map((value) => ({ value, label: TOPOLOGY_LABELS[value] }));
const headphoneOptions = TUBE_OUTPUT_HEADPHONES.map((m) => ({ value: m.id, label: m.name }));
const COLORS: Readonly<Record<Topology, 'a' | 'b' | 'c'>> = { otl: 'a', transformer: 'b', hybrid: 'c' };

const roundedHenries = (logHenries: number) => Number(formatNumber(10 ** logHenries, 3));
const cornerText = (hz: number | null) => (hz === null ? 'below 1 Hz' : formatHz(hz));
const changeText = (view: TopologyView) =>
  Math.abs(view.largestChange.db) < 0.05
    ? 'under 0.05 dB'
    : `${formatDb(view.largestChange.db, 2)} at ${formatHz(view.largestChange.atHz)}`;

export default function TubeOutputWidget({ idPrefix, firstFigure = 1 }: TubeOutputWidgetProps) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const [topology, setTopology] = useState<Topology>('transformer');
  const [headphoneId, setHeadphoneId] = useState<string>('closed-32');
  const [turnsRatio, setTurnsRatio] = useState<number>(MEASURED_TURNS_RATIO);
  const [logHenries, setLogHenries] = useState<number>(Math.log10(MEASURED_TRANSFORMER.primaryInductanceHenries));
  const primaryInductanceHenries = roundedHenries(logHenries);
  const transformer = useMemo(() => ({ turnsRatio, primaryInductanceHenries }), [turnsRatio, primaryInductanceHenries]);
  const headphone = TUBE_OUTPUT_HEADPHONES.find((m) => m.id === headphoneId) ?? TUBE_OUTPUT_HEADPHONES[0];
  const headphoneName = headphone?.name ?? headphoneId;

  const views = useMemo(() => TOPOLOGIES.map((t) => topologyView(t, transformer, headphoneId)), [transformer, headphoneId]);
  const chosen = views.find((v) => v.topology === topology) ?? views[0];
  const figures = useMemo(() => transformerFigures(transformer, headphoneId), [transformer, headphoneId]);

  const makeChains = async (sampleRateHz: number): Promise<ChainPair> => {
    const { tubeOutputChains } = await import('./audio');
    return tubeOutputChains(topology, transformer, headphoneId, sampleRateHz);
  };

  const summary = `Relative to 1 kHz, ${views.map((v) => `${TOPOLOGY_LABELS[v.topology]}: largest change ${changeText(v)}`).join('; ')}.`;

  return (
    <div class="widget tube-output-widget" data-widget="tube-output">
      <div class="widget-top">
        <div class="widget-controls">
          <Select id={id('topology')} label="Output stage" value={topology} options={topologyOptions} onChange={setTopology} />
          <Select id={id('headphone')} label="Headphone" value={headphoneId} options={headphoneOptions} onChange={setHeadphoneId} />
          {topology === 'transformer' && (
            <>
              <Slider
                id={id('turns')}
                label="Turns ratio (primary : secondary)"
                value={turnsRatio}
                min={TURNS_RATIO_RANGE.min}
                max={TURNS_RATIO_RANGE.max}
                step={TURNS_RATIO_RANGE.step}
                format={(n) => `${n.toFixed(1)} : 1`}
                onChange={setTurnsRatio}
                presets={[
                  { label: `${MEASURED_TURNS_RATIO} : 1, the measured 3 kΩ : 8 Ω`, value: MEASURED_TURNS_RATIO },
                  { label: '10 : 1', value: 10 },
                  { label: '4 : 1', value: 4 },
                ]}
              />
              <Slider
                id={id('inductance')}
                label="Primary inductance"
                value={logHenries}
                min={LOG_INDUCTANCE_RANGE.min}
                max={LOG_INDUCTANCE_RANGE.max}
                step={0.01}
                format={(v) => `${formatNumber(roundedHenries(v), 3)} H`}
                onChange={setLogHenries}
                presets={[
                  { label: '19.6 H, measured', value: Math.log10(19.6) },
                  { label: '300 H, a headphone design goal', value: Math.log10(300) },
                ]}
              />
            </>
          )}
          {chosen !== undefined && (
            <dl class="readouts" aria-live="polite">
              <div>
                <dt>Output impedance at 1 kHz</dt>
                <dd data-readout="zout">
                  {formatOhms(chosen.outputImpedanceAt1kOhms)}
                  {topology === 'transformer' &&
                    ` ≈ (rp ${formatOhms(figures.plateResistanceOhms)} + Rpri ${formatOhms(MEASURED_TRANSFORMER.primaryResistanceOhms)}) ÷ ${formatNumber(turnsRatio ** 2, 3)} + Rsec ${formatOhms(MEASURED_TRANSFORMER.secondaryResistanceOhms)} = ${formatOhms(figures.midbandOutputImpedanceOhms)}`}
                </dd>
              </div>
              {topology === 'transformer' && (
                <div>
                  <dt>Load the tube sees at 1 kHz</dt>
                  <dd data-readout="reflected">
                    {formatOhms(figures.reflectedLoadOhms)} = {formatNumber(turnsRatio ** 2, 3)} × ({formatOhms(figures.loadAt1kOhms)} +{' '}
                    {formatOhms(MEASURED_TRANSFORMER.secondaryResistanceOhms)})
                  </dd>
                </div>
              )}
              <div>
                <dt>Bass −3 dB corner (re 1 kHz)</dt>
                <dd data-readout="corner">{cornerText(chosen.lowCornerHz)}</dd>
              </div>
              <div>
                <dt>Largest change, 20 Hz–20 kHz (re 1 kHz)</dt>
                <dd data-readout="change">{changeText(chosen)}</dd>
              </div>
            </dl>
          )}
        </div>
        <div class="widget-schematic">
          <FrequencyResponsePlot
            id={id('fig-response')}
            title={`Figure ${firstFigure}. Response at the ${headphoneName}, relative to 1 kHz`}
            summary={summary}
            series={views.map((v) => ({
              id: v.topology,
              label: `${TOPOLOGY_LABELS[v.topology]}${v.topology === topology ? ' (B, what you hear)' : ''}`,
              points: v.points,
              color: COLORS[v.topology],
              dashed: v.topology !== topology,
            }))}
            yInclude={[-3, 1]}
          />
        </div>
      </div>
      <section class="table-scroll" tabIndex={0} aria-label="The three outputs compared">
        <table data-table="compare">
          <caption>The three outputs into the {headphoneName}</caption>
          <thead>
            <tr>
              <th scope="col">Output stage</th>
              <th scope="col">Z out, 1 kHz</th>
              <th scope="col">Z out, 20 Hz</th>
              <th scope="col">Bass −3 dB</th>
            </tr>
          </thead>
          <tbody>
            {views.map((v) => (
              <tr key={v.topology} data-topology={v.topology} aria-current={v.topology === topology ? 'true' : undefined}>
                <th scope="row">{TOPOLOGY_LABELS[v.topology]}</th>
                <td>{formatOhms(v.outputImpedanceAt1kOhms)}</td>
                <td>{formatOhms(v.outputImpedanceAt20Ohms)}</td>
                <td>{cornerText(v.lowCornerHz)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ListeningPanel
        idPrefix={idPrefix}
        labelA="Ideal source (0 Ω, flat)"
        labelB={`${TOPOLOGY_LABELS[topology]} into the ${headphoneName}`}
        settingsKey={`${topology}|${turnsRatio}|${primaryInductanceHenries}|${headphoneId}`}
        makeChains={makeChains}
        downloadStem={`amp-lab-tube-output-${topology}-${headphoneId}`}
        matchLoudness
        levelNote="A is an ideal source with no output impedance; B is the output stage you chose driving the headphone's impedance. B is loudness-matched to A (ITU-R BS.1770 integrated loudness), so you hear the change in tonality, not the level."
      />
    </div>
  );
}

// A dual-gang audio-taper pot, seen and heard: the left and right tracks' attenuation across the knob's travel, their
// difference (the gang error) growing towards the bottom, the next stage's input bending the law, and a centred
// program shifted sideways by the imbalance at the chosen rotation. One model: src/dsp/volume/potTaper.ts.
import type { ProgramId } from '../../../audio/program';
import { useMemo, useState } from 'preact/hooks';
import { Select } from '../../controls/Select';
import { Slider } from '../../controls/Slider';
import { XYPlot, type Series } from '../../plots/XYPlot';
import { formatDb, formatFixed, formatOhms, formatSigned } from '../../format';
import { ListeningPanel } from '../../listening/ListeningPanel';
import {
  DEFAULT_POT_SETTINGS,
  GANG_ERROR_RANGE_DB,
  LOAD_OHMS_OPTIONS,
  POT_OHMS_OPTIONS,
  TRACKING_SPEC_ATTENUATION_DB,
  gangOffsetRotation,
  gangRatios,
  panPosition,
  potCurves,
  potPoint,
  wiperOutputOhms,
  type PotSettings,
} from '../../../dsp/volume/potTaper';
import { volumePotChains } from './audio';
import '../../../styles/widgets.css';

export interface VolumePotWidgetProps {
  idPrefix: string;
  /** The number of the widget's first figure (default 1). */
  firstFigure?: number;
  /** The Listen panel's program when the page opens (default: the music loop). */
  program?: ProgramId;
}

const loadLabel = (ohms: number) => (Number.isFinite(ohms) ? `${formatOhms(ohms)} input` : 'No load (a buffer)');
const LOAD_OPTIONS = LOAD_OHMS_OPTIONS.map((ohms) => ({ value: String(ohms), label: loadLabel(ohms) }));
const POT_OPTIONS = POT_OHMS_OPTIONS.map((ohms) => ({ value: String(ohms), label: `${formatOhms(ohms)} pot` }));
const percent = (rotation: number) => `${formatFixed(rotation * 100, 0)} %`;
/** A knob with 300° of travel, from 7 o'clock (0 %) to 5 o'clock (100 %): its clock position, to the nearest hour. */
function clockPosition(rotation: number): string {
  const hour = Math.round(7 + rotation * 10) % 12;
  return `about ${hour === 0 ? 12 : hour} o'clock`;
}

export default function VolumePotWidget({ idPrefix, firstFigure = 1, program }: VolumePotWidgetProps) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const [settings, setSettings] = useState<PotSettings>(DEFAULT_POT_SETTINGS);
  const update = (patch: Partial<PotSettings>) => setSettings((s) => ({ ...s, ...patch }));
  const { gangErrorDb, potOhms, loadOhms, rotationNormalized } = settings;

  const curves = useMemo(() => potCurves({ ...DEFAULT_POT_SETTINGS, gangErrorDb, potOhms, loadOhms }), [gangErrorDb, potOhms, loadOhms]);
  const series = useMemo<{ levels: Series[]; imbalance: Series[] }>(
    () => ({
      levels: [
        { id: 'left', label: 'Left track', points: curves.map((p) => ({ x: 100 * p.rotationNormalized, y: p.leftDb })), color: 'b' },
        { id: 'right', label: 'Right track, dashed', points: curves.map((p) => ({ x: 100 * p.rotationNormalized, y: p.rightDb })), color: 'a', dashed: true },
      ],
      imbalance: [{ id: 'imbalance', label: 'Right minus left', points: curves.map((p) => ({ x: 100 * p.rotationNormalized, y: p.imbalanceDb })), color: 'c' }],
    }),
    [curves],
  );
  const point = potPoint(settings, rotationNormalized, gangOffsetRotation(gangErrorDb));
  const pan = panPosition(point.imbalanceDb);
  const leftRatio = gangRatios(rotationNormalized, 0).leftRatio;
  const marker = [{ x: 100 * rotationNormalized, label: `Knob at ${percent(rotationNormalized)}` }];
  const specPoint = curves.find((p) => p.leftDb >= TRACKING_SPEC_ATTENUATION_DB);

  return (
    <div class="widget volume-pot-widget" data-widget="volume-pot">
      <div class="widget-top">
        <div class="widget-controls">
          <Slider
            id={id('rotation')}
            label="Knob position"
            value={Math.round(rotationNormalized * 100)}
            min={1}
            max={100}
            step={1}
            format={(pct) => `${formatFixed(pct, 0)} % of the travel (${clockPosition(pct / 100)})`}
            onChange={(pct) => update({ rotationNormalized: pct / 100 })}
          />
          <Slider
            id={id('gang')}
            label={`Gang error at ${formatDb(TRACKING_SPEC_ATTENUATION_DB, 0)}`}
            value={gangErrorDb}
            min={GANG_ERROR_RANGE_DB.min}
            max={GANG_ERROR_RANGE_DB.max}
            step={0.25}
            format={(db) => `${formatFixed(db, 2)} dB`}
            onChange={(db) => update({ gangErrorDb: db })}
            hint="A common grade promises at most 3 dB down to −40 dB, and nothing below."
          />
          <Select id={id('pot')} label="Pot" value={String(potOhms)} options={POT_OPTIONS} onChange={(text) => update({ potOhms: Number(text) })} />
          <Select id={id('load')} label="Next stage" value={String(loadOhms)} options={LOAD_OPTIONS} onChange={(text) => update({ loadOhms: Number(text) })} />
          <dl class="readouts" aria-live="polite">
            <div>
              <dt>Left, right</dt>
              <dd data-readout="levels" data-left-db={point.leftDb} data-right-db={point.rightDb}>
                {formatDb(point.leftDb, 1)}, {formatDb(point.rightDb, 1)}
              </dd>
            </div>
            <div>
              <dt>Imbalance (right minus left)</dt>
              <dd data-readout="imbalance" data-imbalance-db={point.imbalanceDb} class={Math.abs(point.imbalanceDb) < 1 ? 'ok' : 'warn'}>
                {formatSigned(point.imbalanceDb, 2)} dB
              </dd>
            </div>
            <div>
              <dt>A centred voice moves</dt>
              <dd data-readout="pan" data-pan={pan}>
                {Math.abs(pan) < 0.005 ? 'nowhere: it stays in the middle' : `${formatFixed(Math.abs(pan) * 100, 0)} % of the way to the ${pan > 0 ? 'right' : 'left'}`}
              </dd>
            </div>
            <div>
              <dt>Impedance at the wiper</dt>
              <dd data-readout="wiper-ohms">{formatOhms(wiperOutputOhms(leftRatio, potOhms))}</dd>
            </div>
          </dl>
        </div>
      </div>
      <div class="widget-plots">
        <XYPlot
          id={id('fig-levels')}
          title={`Figure ${firstFigure}. Left and right attenuation across the knob's travel.`}
          summary={`Both tracks follow a 15 % audio taper${Number.isFinite(loadOhms) ? `, pulled down by the ${formatOhms(loadOhms)} input after the ${formatOhms(potOhms)} pot` : ''}. At ${percent(rotationNormalized)} the left channel is at ${formatDb(point.leftDb, 1)} and the right at ${formatDb(point.rightDb, 1)}.`}
          series={series.levels}
          xLabel="Knob position (% of travel)"
          yLabel="Attenuation (dB)"
          xScale="linear"
          xDomain={[0, 100]}
          yDomain={[-80, 0]}
          formatX={percent}
          formatY={(db) => formatDb(db, 1)}
          markers={marker}
        />
        <XYPlot
          id={id('fig-imbalance')}
          title={`Figure ${firstFigure + 1}. The gang error: how much louder the right channel is.`}
          summary={`${formatFixed(gangErrorDb, 2)} dB where the left track is at ${formatDb(TRACKING_SPEC_ATTENUATION_DB, 0)} (${specPoint ? percent(specPoint.rotationNormalized) : 'near the stop'} of the travel), less above and more below; at ${percent(rotationNormalized)} it is ${formatSigned(point.imbalanceDb, 2)} dB.`}
          series={series.imbalance}
          xLabel="Knob position (% of travel)"
          yLabel="Right minus left (dB)"
          xScale="linear"
          xDomain={[0, 100]}
          yDomain={[0, 12]}
          formatX={(x) => `${formatFixed(x, 0)} %`}
          formatY={(db) => `${formatFixed(db, 2)} dB`}
          markers={marker}
        />
      </div>
      <ListeningPanel
        idPrefix={idPrefix}
        defaultProgram={program}
        labelA="Perfect tracking"
        labelB={`This pot at ${percent(rotationNormalized)}: right ${formatSigned(point.imbalanceDb, 1)} dB`}
        settingsKey={`${formatFixed(point.imbalanceDb, 4)}`}
        makeChains={() => Promise.resolve(volumePotChains(point))}
        matchLoudness={true}
        downloadStem={`amp-lab-volume-pot-${formatFixed(rotationNormalized * 100, 0)}pct-${formatFixed(gangErrorDb, 2)}dB`}
        levelNote="Your own volume control sets how loud both play; B keeps only the difference between the channels, right louder than left by the model's imbalance, and is loudness-matched to A."
      />
    </div>
  );
}

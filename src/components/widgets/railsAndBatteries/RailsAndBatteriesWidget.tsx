// Portable against desktop: the supply sets the rails, the rails (less the op-amp's dropout, or its current limit)
// set the largest clean swing, and the swing into a chosen headphone sets the loudest clean level. On batteries, the
// current drawn sets how long they last. Heard: the program at your level through the op-amp stage on this supply,
// against the same stage on ±15 V.
import { useMemo, useState } from 'preact/hooks';
import { Select } from '../../controls/Select';
import { Slider } from '../../controls/Slider';
import { formatAmps, formatDb, formatDuration, formatFixed, formatVolts } from '../../format';
import { BATTERIES, QUIESCENT_CURRENT_AMPS } from '../../../data/batteries';
import { HEADPHONES } from '../../../data/catalogue/headphones';
import { headphoneLoad } from '../../../dsp/matching/catalogueModels';
import { CREST_FACTOR_PRESETS, LISTENING_LEVEL_RANGE_DB_SPL } from '../../../dsp/matching/customEntries';
import { SINE_PEAK_TO_RMS_DB, splFromVoltsRms, voltsRmsForSpl } from '../../../dsp/matching/sensitivity';
import { largestCleanSwingVoltsPeak, opAmpPinLimit, OP_AMP_SUPPLY_PRESETS, type OpAmpOutputKind } from '../../../dsp/circuits/opAmpStage';
import { ListeningPanel } from '../../listening/ListeningPanel';
import { supplyChains } from './audio';
import { DEFAULT_AMP_STAGE_SETTINGS, opAmpParams, type AmpStageSettings } from '../ampStage/views';
import '../../../styles/widgets.css';

export interface RailsAndBatteriesWidgetProps {
  idPrefix: string;
}

/**
 * The average of a rectified sine is 2/π of its peak, 2√2/π ≈ 0.9 of its rms: the battery current a sine-like load
 * current draws when one battery (split into ± rails) supplies both half-cycles. With two batteries as ± rails each
 * supplies only its own half-cycle, half that. An estimate: music isn't a sine.
 */
const AVERAGE_TO_RMS = (2 * Math.SQRT2) / Math.PI;

export default function RailsAndBatteriesWidget({ idPrefix }: RailsAndBatteriesWidgetProps) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const [supplyId, setSupplyId] = useState('usb');
  const [outputKind, setOutputKind] = useState<OpAmpOutputKind>('rail-to-rail');
  const [headphoneId, setHeadphoneId] = useState('sennheiser-hd650');
  const [levelDbSpl, setLevelDbSpl] = useState(85);
  const [crestFactorDb, setCrestFactorDb] = useState(15);
  const [batteryId, setBatteryId] = useState<string>(BATTERIES[0].id);
  const [idleId, setIdleId] = useState<string>(QUIESCENT_CURRENT_AMPS[0].id);

  const headphoneEntry = HEADPHONES.find((h) => h.id === headphoneId) ?? HEADPHONES[0];
  const headphone = useMemo(() => (headphoneEntry ? headphoneLoad(headphoneEntry) : null), [headphoneEntry]);
  const loadOhms = headphone?.nominalImpedanceOhms ?? 32;
  const sensitivity = headphone?.sensitivityDbPerVolt ?? 100;
  const preset = OP_AMP_SUPPLY_PRESETS.find((p) => p.id === supplyId) ?? OP_AMP_SUPPLY_PRESETS[0];
  const settings: AmpStageSettings = { ...DEFAULT_AMP_STAGE_SETTINGS, kind: 'opamp', opAmpSupplyId: supplyId, opAmpOutputKind: outputKind, loadOhms };
  const params = opAmpParams(settings);
  const swingPeak = largestCleanSwingVoltsPeak(params);
  const limitedBy = opAmpPinLimit(params).limitedBy;
  const loudestSpl = splFromVoltsRms(sensitivity, swingPeak / Math.SQRT2);
  const headroomDb = loudestSpl + SINE_PEAK_TO_RMS_DB - crestFactorDb - levelDbSpl;
  const listeningVolts = voltsRmsForSpl(sensitivity, levelDbSpl);
  const listeningAmps = listeningVolts / loadOhms;
  const battery = BATTERIES.find((b) => b.id === batteryId) ?? BATTERIES[0];
  const idle = QUIESCENT_CURRENT_AMPS.find((q) => q.id === idleId) ?? QUIESCENT_CURRENT_AMPS[0];
  const musicDrainAmps = (supplyId === 'two-9v' ? AVERAGE_TO_RMS / 2 : AVERAGE_TO_RMS) * listeningAmps;
  const drainAmps = idle.amps + musicDrainAmps;
  const lifeHours = battery.capacityAmpHours / drainAmps;
  const headphoneName = headphoneEntry ? `${headphoneEntry.maker} ${headphoneEntry.model}` : 'the headphone';

  return (
    <div class="widget supply-widget" data-widget="supply">
      <div class="widget-top">
        <div class="widget-controls">
          <Select id={id('supply')} label="Supply" value={supplyId} options={OP_AMP_SUPPLY_PRESETS.map((p) => ({ value: p.id, label: p.label }))} onChange={setSupplyId} />
          <Select
            id={id('opamp-kind')}
            label="Op-amp output"
            value={outputKind}
            options={[
              { value: 'rail-to-rail', label: 'Rail-to-rail (≈ 0.2 V from each rail, typical)' },
              { value: 'classic', label: 'Classic bipolar (≈ 1.5 V from each rail, typical)' },
            ]}
            onChange={setOutputKind}
          />
          <Select
            id={id('headphone')}
            label="Headphone"
            value={headphoneId}
            options={HEADPHONES.map((h) => ({ value: h.id, label: `${h.maker} ${h.model} (${formatFixed(h.nominalImpedanceOhms.value, 0)} Ω)` }))}
            onChange={setHeadphoneId}
          />
          <Slider
            id={id('level')}
            label="Average listening level"
            value={levelDbSpl}
            min={LISTENING_LEVEL_RANGE_DB_SPL.min}
            max={LISTENING_LEVEL_RANGE_DB_SPL.max}
            step={1}
            format={(db) => `${formatFixed(db, 0)} dB SPL`}
            onChange={setLevelDbSpl}
          />
          <Select
            id={id('crest')}
            label="Crest factor of the music"
            value={String(crestFactorDb)}
            options={CREST_FACTOR_PRESETS.map((p) => ({ value: String(p.value), label: p.label }))}
            onChange={(text) => setCrestFactorDb(Number(text))}
          />
          {preset?.portable && (
            <>
              <Select id={id('battery')} label="Battery" value={batteryId} options={BATTERIES.map((b) => ({ value: b.id, label: b.name }))} onChange={setBatteryId} />
              <Select id={id('idle')} label="Amplifier's idle current" value={idleId} options={QUIESCENT_CURRENT_AMPS.map((q) => ({ value: q.id, label: `${q.name}: ${formatAmps(q.amps)}` }))} onChange={setIdleId} />
            </>
          )}
        </div>
        <dl class="readouts" aria-live="polite">
          <div>
            <dt>Rails</dt>
            <dd data-readout="rails">±{formatVolts(params.railVolts)}</dd>
          </div>
          <div>
            <dt>Largest clean swing into {formatFixed(loadOhms, 0)} Ω</dt>
            <dd data-readout="swing">
              {formatVolts(swingPeak)} peak ({formatVolts(swingPeak / Math.SQRT2)} rms), set by {limitedBy === 'voltage' ? 'the rails' : 'the current limit'}
            </dd>
          </div>
          <div>
            <dt>Loudest clean level in the {headphoneName}</dt>
            <dd data-readout="loudest">{formatFixed(loudestSpl, 1)} dB SPL (sine)</dd>
          </div>
          <div>
            <dt>Headroom for the music's peaks</dt>
            <dd data-readout="headroom" class={headroomDb >= 0 ? 'ok' : 'warn'}>
              {formatDb(headroomDb)} {headroomDb >= 0 ? '(clean)' : '(peaks clip)'}
            </dd>
          </div>
          <div>
            <dt>Current at your level (rms)</dt>
            <dd data-readout="current">{formatAmps(listeningAmps)}</dd>
          </div>
          {preset?.portable && (
            <div>
              <dt>Battery life at this level (estimate)</dt>
              <dd data-readout="battery">
                about {formatDuration(lifeHours)}: {formatFixed(battery.capacityAmpHours * 1000, 0)} mAh ÷ ({formatAmps(idle.amps)} idle + {formatAmps(musicDrainAmps)} for the music)
              </dd>
            </div>
          )}
        </dl>
      </div>
      <ListeningPanel
        idPrefix={idPrefix}
        labelA="±15 V mains supply"
        labelB={preset?.label ?? supplyId}
        settingsKey={`${supplyId}|${outputKind}|${headphoneId}|${levelDbSpl}|${crestFactorDb}`}
        makeChains={(sampleRateHz) => supplyChains(settings, sensitivity, levelDbSpl, crestFactorDb, sampleRateHz)}
        matchLoudness
        downloadStem={`amp-lab-supply-${supplyId}-${headphoneId}-${levelDbSpl}dB`}
        levelNote="A is the op-amp stage on ±15 V, B the same stage on the supply you chose, both asked for music at your level with your crest factor; B is loudness-matched to A, so what differs is clipping where the rails run out."
      />
    </div>
  );
}

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
import { batteryDrainAmps, batteryFitsRails, batteryLifeHours, railAverageAmps, type BatteryArrangement } from '../../../dsp/circuits/batteryLife';
import { ListeningPanel } from '../../listening/ListeningPanel';
import { supplyChains } from './audio';
import { DEFAULT_AMP_STAGE_SETTINGS, type AmpStageSettings } from '../ampStage/views';
import { opAmpOutputOptions, opAmpParams } from '../ampStage/opamp';
import '../../../styles/widgets.css';

export interface RailsAndBatteriesWidgetProps {
  idPrefix: string;
}

/** How each battery arrangement makes the rails, for the readout. */
const ARRANGEMENT_TEXT: Record<BatteryArrangement, string> = {
  'split-cell': 'one cell split into ± rails; it carries both rails’ current',
  'two-batteries': 'one battery per rail; each carries its own rail’s current',
  'boosted-cell': 'a converter steps the cell up to the rails: power is conserved, so the cell gives rail power ÷ cell voltage (an ideal converter: real ones lose some, so the life is shorter)',
};

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
  const power = preset?.power ?? 'mains';
  const arrangement: BatteryArrangement | null = power === 'mains' || power === 'usb-bus' ? null : power;
  const batteries = arrangement === null ? [] : BATTERIES.filter((b) => batteryFitsRails(arrangement, params.railVolts, b.nominalVolts));
  const battery = batteries.find((b) => b.id === batteryId) ?? batteries[0];
  // The idle currents on record are the O2's, an amp for ±9 V rails: they apply to ±9 V supplies only.
  const idleChoices = params.railVolts >= 9 ? QUIESCENT_CURRENT_AMPS : [];
  const idle = idleChoices.find((q) => q.id === idleId) ?? idleChoices[0];
  const idleAmps = idle?.amps ?? 0;
  const musicRailAmps = railAverageAmps(listeningAmps);
  const drainAmps =
    arrangement === null || battery === undefined
      ? null
      : batteryDrainAmps({ arrangement, railVolts: params.railVolts, batteryVolts: battery.nominalVolts, idleAmps, loadAmpsRms: listeningAmps });
  const lifeHours = drainAmps === null || battery === undefined ? null : batteryLifeHours(battery.capacityAmpHours, drainAmps);
  const headphoneName = headphoneEntry ? `${headphoneEntry.maker} ${headphoneEntry.model}` : 'the headphone';

  return (
    <div class="widget supply-widget" data-widget="supply">
      <div class="widget-top">
        <div class="widget-controls">
          <Select id={id('supply')} label="Supply" value={supplyId} options={OP_AMP_SUPPLY_PRESETS.map((p) => ({ value: p.id, label: p.label }))} onChange={setSupplyId} />
          <Select id={id('opamp-kind')} label="Op-amp output" value={outputKind} options={opAmpOutputOptions(formatVolts, formatAmps)} onChange={setOutputKind} />
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
          {arrangement !== null && battery !== undefined && (
            <Select id={id('battery')} label="Battery" value={battery.id} options={batteries.map((b) => ({ value: b.id, label: b.name }))} onChange={setBatteryId} />
          )}
          {arrangement !== null && idle !== undefined && (
            <Select id={id('idle')} label="Amplifier's idle current" value={idle.id} options={idleChoices.map((q) => ({ value: q.id, label: `${q.name}: ${formatAmps(q.amps)}` }))} onChange={setIdleId} />
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
          {arrangement === null ? (
            <div>
              <dt>Battery life</dt>
              <dd data-readout="battery">{power === 'usb-bus' ? 'No battery: it runs from the USB bus (up to 500 mA once the computer has configured it, USB 2.0).' : 'No battery: it runs from the mains.'}</dd>
            </div>
          ) : (
            battery !== undefined &&
            drainAmps !== null &&
            lifeHours !== null && (
              <div>
                <dt>Battery life at this level (estimate)</dt>
                <dd data-readout="battery">
                  {lifeHours >= 24 ? '' : idle === undefined ? 'at most ' : 'about '}
                  {formatDuration(lifeHours)}: {formatFixed(battery.capacityAmpHours * 1000, 0)} mAh ÷ {formatAmps(drainAmps)} (
                  {idle === undefined
                    ? `the music alone, ${formatAmps(musicRailAmps)} per rail; no idle current is on record for an amplifier on these rails, and it would shorten this`
                    : `${formatAmps(idleAmps)} idle + ${formatAmps(musicRailAmps)} per rail for the music`}
                  ; {ARRANGEMENT_TEXT[arrangement]})
                </dd>
              </div>
            )
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

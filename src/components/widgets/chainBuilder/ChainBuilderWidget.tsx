// Build a listening setup — source, DAC / interface / combo, amp, headphones — and see the voltage of a full-scale
// sine at each stage, with what goes wrong flagged and explained (src/dsp/connections/signalChain.ts). Heard: B is
// this setup's problem — clipped peaks, the first output's hiss times the second amp's gain, or ground-loop hum at
// an illustrative level (labelled) — against A, the program as it should arrive.
import { useState } from 'preact/hooks';
import { Select } from '../../controls/Select';
import { Slider } from '../../controls/Slider';
import { formatDb, formatFixed, formatVolts } from '../../format';
import { HEADPHONES } from '../../../data/catalogue/headphones';
import {
  AMP_DEVICES,
  analyzeChain,
  CHAIN_PRESETS,
  DIGITAL_VOLUME_RANGE_DB,
  presetById,
  type AnalogCable,
  type Chain,
  type DigitalLink,
  type PresetId,
} from '../../../dsp/connections/signalChain';
import { ListeningPanel } from '../../listening/ListeningPanel';
import { chainBuilderChains, GROUND_LOOP_HUM_DB } from './audio';
import '../../../styles/widgets.css';

export interface ChainBuilderWidgetProps {
  idPrefix: string;
  presetId?: PresetId;
}

const SEVERITY_WORDS = { problem: 'Problem', warning: 'Warning', info: 'Note' } as const;
const LINK_LABELS: Record<DigitalLink | 'analog', string> = {
  usb: 'USB',
  'usb-isolated': 'USB through an isolator',
  optical: 'Optical (no ground wire)',
  analog: "The source's own headphone jack",
};

/** The O2 on either of its supplies: the same gains, a different clip point (its rails). */
const O2_POWER_CHOICES = [AMP_DEVICES.o2, AMP_DEVICES.o2OnBatteries] as const;

export default function ChainBuilderWidget({ idPrefix, presetId = 'standalone-amp' }: ChainBuilderWidgetProps) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const [preset, setPreset] = useState<PresetId>(presetId);
  const [chain, setChain] = useState<Chain>(presetById(presetId).chain);
  const choosePreset = (next: PresetId) => {
    setPreset(next);
    setChain(presetById(next).chain);
  };
  const update = (patch: Partial<Chain>) => setChain((c) => ({ ...c, ...patch }));
  const analysis = analyzeChain(chain);
  const outputs: readonly (DigitalLink | 'analog')[] = [
    ...chain.source.digitalOutputs,
    ...(chain.source.analogOutput && chain.converter === null ? (['analog'] as const) : []),
  ];
  const hasHum = analysis.findings.some((f) => f.id === 'ground-loop');

  return (
    <div class="widget chain-builder-widget" data-widget="chain-builder">
      <div class="widget-top">
        <div class="widget-controls">
          <Select
            id={id('preset')}
            label="Setup"
            value={preset}
            options={CHAIN_PRESETS.map((p) => ({ value: p.id, label: p.title }))}
            onChange={choosePreset}
          />
          <p class="control-hint">{presetById(preset).description}</p>
          {outputs.length > 1 && (
            <Select
              id={id('link')}
              label="How the source connects"
              value={chain.sourceOutput}
              options={outputs.map((o) => ({ value: o, label: LINK_LABELS[o] }))}
              onChange={(sourceOutput) => update({ sourceOutput })}
            />
          )}
          {chain.amp && (
            <>
              {O2_POWER_CHOICES.some((d) => d.id === chain.amp?.device.id) && (
                <Select
                  id={id('amp-power')}
                  label="The O2 runs on"
                  value={chain.amp.device.id}
                  options={O2_POWER_CHOICES.map((d) => ({ value: d.id, label: d.label }))}
                  onChange={(deviceId) => {
                    const device = O2_POWER_CHOICES.find((d) => d.id === deviceId);
                    if (device && chain.amp) update({ amp: { ...chain.amp, device } });
                  }}
                />
              )}
              <Select
                id={id('gain')}
                label={`Amp gain (${chain.amp.device.label})`}
                value={chain.amp.gainId}
                options={chain.amp.device.gains.map((g) => ({ value: g.id, label: g.label }))}
                onChange={(gainId) => chain.amp && update({ amp: { ...chain.amp, gainId } })}
              />
              <Select
                id={id('cable')}
                label="Cable into the amp"
                value={chain.ampInputCable}
                options={[
                  { value: 'unbalanced', label: 'Unbalanced (RCA or 3.5 mm)' },
                  { value: 'balanced', label: 'Balanced (XLR or TRS)' },
                ]}
                onChange={(ampInputCable: AnalogCable) => update({ ampInputCable })}
              />
            </>
          )}
          <Select
            id={id('headphones')}
            label="Headphones"
            value={chain.headphones.id}
            options={HEADPHONES.map((h) => ({ value: h.id, label: `${h.maker} ${h.model}` }))}
            onChange={(hid) => update({ headphones: HEADPHONES.find((h) => h.id === hid) ?? chain.headphones })}
          />
          <Slider
            id={id('digital-volume')}
            label="Digital volume"
            value={chain.digitalVolumeDb}
            min={DIGITAL_VOLUME_RANGE_DB.min}
            max={DIGITAL_VOLUME_RANGE_DB.max}
            step={DIGITAL_VOLUME_RANGE_DB.step}
            format={(db) => formatDb(db)}
            onChange={(digitalVolumeDb) => update({ digitalVolumeDb })}
          />
        </div>
        <div>
          <p class="control-hint" id={id('stages-caption')}>A full-scale sine at each stage of the setup:</p>
          <ol class="chain-stages" aria-describedby={id('stages-caption')}>
            {analysis.stages.map((stage) => (
              <li data-stage={stage.id}>
                <strong>{stage.label}</strong>
                <span data-readout={`stage-${stage.id}`}>
                  {stage.voltsRms === null
                    ? `${formatDb(stage.levelDbfs ?? 0)}FS (digital)`
                    : `${formatVolts(stage.voltsRms)} rms, ${formatVolts(stage.voltsPeak ?? 0)} peak${stage.splDb !== null ? `, ${formatFixed(stage.splDb, 1)} dB SPL` : ''}`}
                </span>
                <span class="control-hint">{stage.description}</span>
              </li>
            ))}
          </ol>
          <div class="matcher-verdict" data-severity={analysis.findings.some((f) => f.severity === 'problem') ? 'problem' : analysis.findings.length > 0 ? 'caution' : 'good'} aria-live="polite" data-readout="findings">
            <p>{analysis.findings.length === 0 ? 'No problems: this setup plays cleanly to its limit.' : `${analysis.findings.length} thing${analysis.findings.length > 1 ? 's' : ''} to look at:`}</p>
            <ul>
              {analysis.findings.map((f) => (
                <li data-finding={f.id} data-severity={f.severity}>
                  <strong>{SEVERITY_WORDS[f.severity]}: {f.title}.</strong> {f.explanation}
                </li>
              ))}
            </ul>
          </div>
        </div>
      </div>
      <ListeningPanel
        idPrefix={idPrefix}
        labelA="As it should arrive"
        labelB={hasHum ? 'This setup (hum level illustrative)' : 'This setup'}
        settingsKey={JSON.stringify({ preset, sourceOutput: chain.sourceOutput, amp: chain.amp?.gainId, cable: chain.ampInputCable, hp: chain.headphones.id, v: chain.digitalVolumeDb })}
        makeChains={() => chainBuilderChains(chain, analysis)}
        matchLoudness={false}
        downloadStem={`amp-lab-chain-${preset}`}
        levelNote={`A is the program as a clean setup delivers it; B adds this setup's problem: peaks cut where the chain clips, the first output's hiss multiplied by the second amp's gain, or mains hum where the ground-loop risk is flagged. Ground-loop hum depends on the wiring, so B's hum sits at an illustrative ${formatDb(GROUND_LOOP_HUM_DB)} below full scale, not a measured level.`}
      />
    </div>
  );
}

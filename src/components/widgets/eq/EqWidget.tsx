// Widget for "Tone controls, EQ and gain": EQ presets built from RBJ-cookbook biquads. The plot shows the
// preset's response; the sound runs the same biquads. A = flat, B = the preset, loudness-matched by default
// so that "louder" cannot pass for "better".
import { useState } from 'preact/hooks';
import { Checkbox } from '../../controls/Checkbox';
import { Select } from '../../controls/Select';
import { FrequencyResponsePlot } from '../../plots/FrequencyResponsePlot';
import { formatDb, formatHz } from '../../format';
import { EQ_PRESETS, eqResponseDb, eqSections, type EqBand, type EqPresetId } from '../../../dsp/eq/presets';
import { kWeightedPinkLevelChangeDb } from '../../../dsp/loudness';
import { logFrequencies } from '../../../dsp/logFrequencies';
import { ListeningPanel, type ChainPair } from '../../listening/ListeningPanel';
import '../../../styles/widgets.css';

const CURVE_FREQUENCIES_HZ = logFrequencies(20, 20000, 241);
/** The plot's sample rate: the response is drawn as the 48 kHz filters realise it. */
const PLOT_RATE_HZ = 48000;

interface PresetResponse {
  readonly points: readonly { x: number; y: number }[];
  readonly maxDb: number;
  readonly maxHz: number;
  readonly minDb: number;
  readonly minHz: number;
  readonly loudnessChangeDb: number;
}

/** Each preset's curve and figures, kept per bands once made: a preset's bands never change, so going back to one is free. */
const responses = new WeakMap<readonly EqBand[], PresetResponse>();

function presetResponse(bands: readonly EqBand[]): PresetResponse {
  const kept = responses.get(bands);
  if (kept !== undefined) return kept;
  const levelsDb = CURVE_FREQUENCIES_HZ.map((f) => eqResponseDb(bands, f, PLOT_RATE_HZ));
  let maxIndex = 0;
  let minIndex = 0;
  levelsDb.forEach((db, i) => {
    if (db > (levelsDb[maxIndex] ?? 0)) maxIndex = i;
    if (db < (levelsDb[minIndex] ?? 0)) minIndex = i;
  });
  const response: PresetResponse = {
    points: CURVE_FREQUENCIES_HZ.map((x, i) => ({ x, y: levelsDb[i] ?? 0 })),
    maxDb: levelsDb[maxIndex] ?? 0,
    maxHz: CURVE_FREQUENCIES_HZ[maxIndex] ?? 1000,
    minDb: levelsDb[minIndex] ?? 0,
    minHz: CURVE_FREQUENCIES_HZ[minIndex] ?? 1000,
    loudnessChangeDb: kWeightedPinkLevelChangeDb((f) => eqResponseDb(bands, f, PLOT_RATE_HZ), PLOT_RATE_HZ),
  };
  responses.set(bands, response);
  return response;
}

export default function EqWidget() {
  const [presetId, setPresetId] = useState<EqPresetId>('bass-boost');
  const [matchLoudness, setMatchLoudness] = useState(true);
  const preset = EQ_PRESETS.find((p) => p.id === presetId) ?? EQ_PRESETS[0];
  const bands = preset?.bands ?? [];

  const response = presetResponse(bands);

  const summary =
    response.maxDb - response.minDb < 0.05
      ? `${preset?.label ?? ''}: 0 dB at every frequency.`
      : `${preset?.label ?? ''}: from ${formatDb(response.minDb)} at ${formatHz(response.minHz)} to ${formatDb(response.maxDb)} at ${formatHz(response.maxHz)}.`;

  const makeChains = async (sampleRateHz: number): Promise<ChainPair> => ({
    a: { sections: [], gainDb: 0 },
    b: { sections: eqSections(bands, sampleRateHz), gainDb: 0 },
  });

  return (
    <div class="widget eq-widget" data-widget="eq">
      <div class="widget-top">
        <div class="widget-controls">
          <Select
            id="eq-preset"
            label="EQ preset"
            value={presetId}
            options={EQ_PRESETS.map((p) => ({ value: p.id, label: p.label }))}
            onChange={setPresetId}
          />
          <p class="control-hint model-note">{preset?.description}</p>
          <Checkbox
            id="eq-match"
            label="Match loudness"
            checked={matchLoudness}
            onChange={setMatchLoudness}
            hint="Turns B down (or up) until its ITU-R BS.1770 integrated loudness equals A's on the program you play."
          />
        </div>
        <dl class="readouts" aria-live="polite">
          <div>
            <dt>Largest boost</dt>
            <dd data-readout="boost">{response.maxDb > 0.05 ? `${formatDb(response.maxDb)} at ${formatHz(response.maxHz)}` : 'none'}</dd>
          </div>
          <div>
            <dt>Largest cut</dt>
            <dd data-readout="cut">{response.minDb < -0.05 ? `${formatDb(response.minDb)} at ${formatHz(response.minHz)}` : 'none'}</dd>
          </div>
          <div>
            <dt>Loudness change on pink noise (K-weighted, before matching)</dt>
            <dd data-readout="loudness">{formatDb(response.loudnessChangeDb)}</dd>
          </div>
        </dl>
      </div>
      <div class="widget-plots">
        <FrequencyResponsePlot
          id="eq-fig-response"
          title="Figure 1. The preset's frequency response"
          summary={summary}
          series={[{ id: 'b', label: `B: ${preset?.label ?? ''}`, points: response.points, color: 'b' }]}
          yDomain={[-12, 12]}
        />
      </div>
      <ListeningPanel
        idPrefix="eq"
        labelA="flat"
        labelB={preset?.label ?? ''}
        settingsKey={presetId}
        makeChains={makeChains}
        matchLoudness={matchLoudness}
        downloadStem={`amp-lab-eq-${presetId}${matchLoudness ? '-matched' : ''}`}
        levelNote={
          matchLoudness
            ? 'A is flat; B is the preset, loudness-matched to A so that you judge the tonal change, not the extra level.'
            : 'A is flat; B is the preset, not level-matched: a preset that boosts also plays louder.'
        }
      />
    </div>
  );
}

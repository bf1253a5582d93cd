// Widget for "Crossfeed": libbs2b's crossfeed filter (src/dsp/crossfeed/bs2b.ts) with its cut frequency and feed. The
// plots show each ear's two paths (level and delay) and the level difference between the ears for a sound in one
// channel; the sound runs the same first-order filters. A = plain stereo, B = crossfed, loudness-matched by default.
import { useMemo, useState } from 'preact/hooks';
import { Checkbox } from '../../controls/Checkbox';
import { Select } from '../../controls/Select';
import { Slider } from '../../controls/Slider';
import { FrequencyResponsePlot } from '../../plots/FrequencyResponsePlot';
import { XYPlot } from '../../plots/XYPlot';
import { AUDIO_BAND_HZ, AUDIO_FREQUENCY_TICKS_HZ, formatFrequencyTick } from '../../plots/ticks';
import { formatDb, formatFixed, formatHz } from '../../format';
import {
  BS2B_DEFAULT,
  BS2B_PRESETS,
  CUT_HZ_RANGE,
  FEED_DB_RANGE,
  bs2bSections,
  crossfeedPointAtHz,
  lowFrequencyInterauralDelaySeconds,
  type Bs2bSettings,
} from '../../../dsp/crossfeed/bs2b';
import { logFrequencies } from '../../../dsp/logFrequencies';
import { ListeningPanel, type ChainPair } from '../../listening/ListeningPanel';
import '../../../styles/widgets.css';

/** 121 log-spaced frequencies over 20 Hz–20 kHz. */
const CURVE_FREQUENCIES_HZ = logFrequencies(20, 20_000, 121);
/** The plot's sample rate: the curves are drawn as the 48 kHz filters realise them. */
const PLOT_RATE_HZ = 48000;
/** Where the readouts look: deep bass, and treble where the head shadows most. */
export const CROSSFEED_BASS_HZ = 100;
export const CROSSFEED_TREBLE_HZ = 5000;

type Choice = (typeof BS2B_PRESETS)[number]['id'] | 'custom';

function presetOf(settings: Bs2bSettings): Choice {
  return BS2B_PRESETS.find((p) => p.settings.cutHz === settings.cutHz && p.settings.feedDb === settings.feedDb)?.id ?? 'custom';
}

const formatMs = (seconds: number) => `${formatFixed(seconds * 1e3, 2)} ms`;

export default function CrossfeedWidget() {
  const [settings, setSettings] = useState<Bs2bSettings>(BS2B_DEFAULT);
  const [matchLoudness, setMatchLoudness] = useState(true);
  const choice = presetOf(settings);

  const view = useMemo(() => {
    const sections = bs2bSections(settings, PLOT_RATE_HZ);
    const points = CURVE_FREQUENCIES_HZ.map((f) => crossfeedPointAtHz(sections, f, PLOT_RATE_HZ));
    const curve = (pick: (p: (typeof points)[number]) => number) => CURVE_FREQUENCIES_HZ.map((x, i) => ({ x, y: pick(points[i]!) }));
    const bass = crossfeedPointAtHz(sections, CROSSFEED_BASS_HZ, PLOT_RATE_HZ);
    const treble = crossfeedPointAtHz(sections, CROSSFEED_TREBLE_HZ, PLOT_RATE_HZ);
    return {
      direct: curve((p) => p.directDb),
      cross: curve((p) => p.crossDb),
      directDelay: curve((p) => p.directDelaySeconds * 1e3),
      crossDelay: curve((p) => p.crossDelaySeconds * 1e3),
      ild: curve((p) => p.interauralLevelDifferenceDb),
      bass,
      treble,
      itdSeconds: lowFrequencyInterauralDelaySeconds(settings),
    };
  }, [settings.cutHz, settings.feedDb]);

  const levelSummary = `Near ear ${formatDb(view.bass.directDb)} and far ear ${formatDb(view.bass.crossDb)} at ${formatHz(CROSSFEED_BASS_HZ)}; near ear ${formatDb(view.treble.directDb)} and far ear ${formatDb(view.treble.crossDb)} at ${formatHz(CROSSFEED_TREBLE_HZ)}.`;
  const delaySummary = `In the bass the far ear's path lags the near ear's by ${formatMs(view.itdSeconds)}; the lag shrinks toward the treble.`;
  const ildSummary = `A sound in one channel is ${formatFixed(view.bass.interauralLevelDifferenceDb, 1)} dB louder at the near ear at ${formatHz(CROSSFEED_BASS_HZ)} and ${formatFixed(view.treble.interauralLevelDifferenceDb, 1)} dB louder at ${formatHz(CROSSFEED_TREBLE_HZ)}; without crossfeed the far ear hears nothing.`;

  const makeChains = async (sampleRateHz: number): Promise<ChainPair> => ({
    a: { sections: [], gainDb: 0 },
    b: { sections: [], gainDb: 0, crossfeed: bs2bSections(settings, sampleRateHz) },
  });

  const key = `${settings.cutHz}-${settings.feedDb}`;
  return (
    <div class="widget crossfeed-widget" data-widget="crossfeed">
      <div class="widget-top">
        <div class="widget-controls">
          <Select
            id="crossfeed-preset"
            label="Crossfeed preset"
            value={choice}
            options={[...BS2B_PRESETS.map((p) => ({ value: p.id, label: p.label })), { value: 'custom', label: 'Your own setting' }]}
            onChange={(id: Choice) => {
              const preset = BS2B_PRESETS.find((p) => p.id === id);
              if (preset) setSettings(preset.settings);
            }}
          />
          <Slider
            id="crossfeed-cut"
            label="Cut frequency"
            value={settings.cutHz}
            min={CUT_HZ_RANGE.min}
            max={CUT_HZ_RANGE.max}
            step={CUT_HZ_RANGE.step}
            format={formatHz}
            onChange={(cutHz) => setSettings((s) => ({ ...s, cutHz }))}
            hint="Above this the other channel fades out, as the head shadows the far ear."
          />
          <Slider
            id="crossfeed-feed"
            label="Feed level"
            value={settings.feedDb}
            min={FEED_DB_RANGE.min}
            max={FEED_DB_RANGE.max}
            step={FEED_DB_RANGE.step}
            format={(db) => `${formatFixed(db, 1)} dB`}
            onChange={(feedDb) => setSettings((s) => ({ ...s, feedDb }))}
            hint="How much quieter the other channel arrives in the bass: smaller means more crossfeed."
          />
          <Checkbox
            id="crossfeed-match"
            label="Match loudness"
            checked={matchLoudness}
            onChange={setMatchLoudness}
            hint="Turns B down (or up) until its ITU-R BS.1770 integrated loudness equals A's on the program you play."
          />
        </div>
        <dl class="readouts" aria-live="polite">
          <div>
            <dt>Far ear in the bass ({formatHz(CROSSFEED_BASS_HZ)})</dt>
            <dd data-readout="bass-ild">{formatDb(-view.bass.interauralLevelDifferenceDb)} re near ear</dd>
          </div>
          <div>
            <dt>Far ear in the treble ({formatHz(CROSSFEED_TREBLE_HZ)})</dt>
            <dd data-readout="treble-ild">{formatDb(-view.treble.interauralLevelDifferenceDb)} re near ear</dd>
          </div>
          <div>
            <dt>Far ear's lag in the bass</dt>
            <dd data-readout="itd">{formatMs(view.itdSeconds)}</dd>
          </div>
        </dl>
      </div>
      <div class="widget-plots">
        <FrequencyResponsePlot
          id="crossfeed-fig-level"
          title="Figure 1. What each ear gets from one channel"
          summary={levelSummary}
          series={[
            { id: 'direct', label: 'Near ear (direct)', points: view.direct, color: 'a' },
            { id: 'cross', label: 'Far ear (cross)', points: view.cross, color: 'b' },
          ]}
          yDomain={[-40, 3]}
        />
        <XYPlot
          id="crossfeed-fig-delay"
          title="Figure 2. How late each ear's path is"
          summary={delaySummary}
          series={[
            { id: 'direct', label: 'Near ear (direct)', points: view.directDelay, color: 'a' },
            { id: 'cross', label: 'Far ear (cross)', points: view.crossDelay, color: 'b' },
          ]}
          xScale="log"
          xDomain={AUDIO_BAND_HZ}
          xTicks={AUDIO_FREQUENCY_TICKS_HZ}
          formatXTick={formatFrequencyTick}
          formatX={formatHz}
          formatY={(ms) => `${formatFixed(ms, 3)} ms`}
          xLabel="Frequency (Hz)"
          yLabel="Group delay (ms)"
          yInclude={[0]}
        />
        <FrequencyResponsePlot
          id="crossfeed-fig-ild"
          title="Figure 3. Level difference between the ears"
          summary={ildSummary}
          series={[{ id: 'ild', label: 'Near ear minus far ear', points: view.ild, color: 'c' }]}
          yLabel="Level difference (dB)"
          yInclude={[0]}
        />
      </div>
      <ListeningPanel
        idPrefix="crossfeed"
        labelA="plain stereo"
        labelB="crossfed"
        settingsKey={key}
        makeChains={makeChains}
        matchLoudness={matchLoudness}
        defaultProgram="panned"
        downloadStem={`amp-lab-crossfeed-${settings.cutHz}hz-${settings.feedDb}db${matchLoudness ? '-matched' : ''}`}
        levelNote={
          matchLoudness
            ? 'A is the stereo as it is; B is crossfed, loudness-matched to A so that you judge where sounds sit, not the level.'
            : 'A is the stereo as it is; B is crossfed, not level-matched.'
        }
      />
    </div>
  );
}

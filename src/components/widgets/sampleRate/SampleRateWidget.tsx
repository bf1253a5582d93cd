// Widget for "Sample rates and reconstruction filters": a DAC running at a fraction of the page's rate, with a
// zero-order hold (NOS) or an oversampling filter. The figures come from src/dsp/dac; the sound runs the same
// decimation and reconstruction in an AudioWorklet. A = the program at the page's rate, B = through the DAC.
import { useMemo, useState } from 'preact/hooks';
import { Select } from '../../controls/Select';
import { Slider } from '../../controls/Slider';
import { FrequencyResponsePlot } from '../../plots/FrequencyResponsePlot';
import { XYPlot } from '../../plots/XYPlot';
import { formatDb, formatHz } from '../../format';
import { LowRateDac } from '../../../dsp/dac/lowRateDac';
import { imageFrequenciesHz } from '../../../dsp/dac/reconstruction';
import { reconstructedToneSpectrumDb, reconstructionResponseDb, type ReconstructionChoice } from '../../../dsp/dac/sampleRateDemo';
import { logFrequencies } from '../../../dsp/logFrequencies';
import { ListeningPanel, type ChainPair } from '../../listening/ListeningPanel';
import '../../../styles/widgets.css';

/** The figures are drawn for a page running at 48 kHz; the sound uses the page's real rate. */
const PLOT_RATE_HZ = 48000;
type Factor = '2' | '4' | '6' | '8';
const FACTOR_OPTIONS: readonly { value: Factor; label: string }[] = [
  { value: '2', label: '½ of the page’s rate (24 kHz at 48 kHz)' },
  { value: '4', label: '¼ of the page’s rate (12 kHz at 48 kHz)' },
  { value: '6', label: '⅙ of the page’s rate (8 kHz at 48 kHz)' },
  { value: '8', label: '⅛ of the page’s rate (6 kHz at 48 kHz)' },
];
const MODE_OPTIONS: readonly { value: ReconstructionChoice; label: string }[] = [
  { value: 'nos', label: 'NOS (zero-order hold)' },
  { value: 'oversampled', label: 'Oversampling filter (PCM1796-like)' },
];

export default function SampleRateWidget() {
  const [factor, setFactor] = useState<Factor>('4');
  const [mode, setMode] = useState<ReconstructionChoice>('nos');
  const oversampling = Number(factor);
  const dacRateHz = PLOT_RATE_HZ / oversampling;
  const toneMaxHz = Math.round(0.45 * dacRateHz);
  const [toneRequestHz, setToneHz] = useState(2000);
  const toneHz = Math.min(toneRequestHz, toneMaxHz);

  const spectrum = useMemo(() => reconstructedToneSpectrumDb(toneHz, oversampling, mode, PLOT_RATE_HZ), [toneHz, oversampling, mode]);
  const response = useMemo(
    () => logFrequencies(20, dacRateHz / 2, 160).map((x) => ({ x, y: reconstructionResponseDb(x, oversampling, mode, PLOT_RATE_HZ) })),
    [oversampling, mode],
  );
  const firstImageHz = imageFrequenciesHz(toneHz, dacRateHz, 1)[0] ?? dacRateHz - toneHz;
  const imageDb = reconstructionResponseDb(firstImageHz, oversampling, mode, PLOT_RATE_HZ) - reconstructionResponseDb(toneHz, oversampling, mode, PLOT_RATE_HZ);
  const droopDb = reconstructionResponseDb(toneHz, oversampling, mode, PLOT_RATE_HZ);
  const modeLabel = MODE_OPTIONS.find((o) => o.value === mode)?.label ?? mode;

  // A is delayed by B's latency, so switching between them (and the blind test) gives no timing cue.
  const makeChains = async (sampleRateHz: number): Promise<ChainPair> => ({
    a: { sections: [], gainDb: 0, delaySeconds: new LowRateDac(oversampling, mode).latencySamples / sampleRateHz },
    b: { sections: [], gainDb: 0, lowRateDac: { oversampling, mode } },
  });

  return (
    <div class="widget sample-rate-widget" data-widget="sample-rate">
      <div class="widget-top">
        <div class="widget-controls">
          <Select id="sr-rate" label="DAC sample rate" value={factor} options={FACTOR_OPTIONS} onChange={setFactor} />
          <Select id="sr-mode" label="Reconstruction" value={mode} options={MODE_OPTIONS} onChange={setMode} />
          <Slider
            id="sr-tone"
            label="Test tone (figures)"
            value={toneHz}
            min={100}
            max={toneMaxHz}
            step={100}
            format={formatHz}
            onChange={setToneHz}
          />
        </div>
        <dl class="readouts" aria-live="polite">
          <div>
            <dt>DAC rate (at 48 kHz)</dt>
            <dd data-readout="rate">{formatHz(dacRateHz)}, Nyquist {formatHz(dacRateHz / 2)}</dd>
          </div>
          <div>
            <dt>Droop at the tone</dt>
            <dd data-readout="droop">{formatDb(droopDb, 2)}</dd>
          </div>
          <div>
            <dt>First image ({formatHz(firstImageHz)}) re the tone</dt>
            <dd data-readout="image">{imageDb <= -98 ? 'below −98 dB' : formatDb(imageDb)}</dd>
          </div>
        </dl>
      </div>
      <div class="widget-plots">
        <XYPlot
          id="sr-fig-spectrum"
          title="Figure 1. What comes out: the tone and its images"
          summary={`A ${formatHz(toneHz)} tone through a ${formatHz(dacRateHz)} DAC with ${modeLabel}: first image at ${formatHz(firstImageHz)}, ${imageDb <= -98 ? 'below −98 dB' : formatDb(imageDb)} relative to the tone.`}
          series={[{ id: 's', label: 'Output spectrum', points: spectrum, color: 'b' }]}
          xLabel="Frequency (Hz)"
          yLabel="Level re the tone (dB)"
          xScale="linear"
          xDomain={[0, PLOT_RATE_HZ / 2]}
          yDomain={[-140, 0]}
          formatX={formatHz}
          formatY={(y) => formatDb(y)}
        />
        <FrequencyResponsePlot
          id="sr-fig-response"
          title="Figure 2. Response up to the DAC's Nyquist frequency"
          summary={`${modeLabel} at ${formatHz(dacRateHz)}: ${formatDb(reconstructionResponseDb(dacRateHz / 2, oversampling, mode, PLOT_RATE_HZ), 2)} at ${formatHz(dacRateHz / 2)}.`}
          series={[{ id: 'r', label: modeLabel, points: response, color: 'a' }]}
          xDomain={[20, dacRateHz / 2]}
          yLabel="Gain (dB)"
          yDomain={[-6, 1]}
        />
      </div>
      <ListeningPanel
        idPrefix="sr"
        labelA="the page’s rate"
        labelB={`DAC at 1/${oversampling} rate, ${mode === 'nos' ? 'NOS' : 'filtered'}`}
        settingsKey={`${factor}|${mode}`}
        makeChains={makeChains}
        matchLoudness
        downloadStem={`amp-lab-dac-1-${oversampling}-${mode}`}
        levelNote="A is the program at the page’s sample rate; B is the same program through a DAC at a fraction of it. B is loudness-matched to A (BS.1770), so the droop’s loss of level is not mistaken for the difference."
      />
    </div>
  );
}

// Widget for "Clock jitter": a DAC whose clock wanders (random or sinusoidal jitter). The figures come from
// src/dsp/dac/jitter.ts; the sound runs the same sampling-time error on the program in an AudioWorklet.
// A = the program, B = converted with the jittered clock (delayed A keeps them aligned).
import { useMemo, useState } from 'preact/hooks';
import { Select } from '../../controls/Select';
import { Slider } from '../../controls/Slider';
import { FrequencyResponsePlot } from '../../plots/FrequencyResponsePlot';
import { XYPlot } from '../../plots/XYPlot';
import { formatDb, formatFixed, formatHz } from '../../format';
import type { JitterKind } from '../../../dsp/dac/jitter';
import { sinusoidalJitterSidebandDb } from '../../../dsp/dac/jitter';
import { JITTER_DEMO_RATE_HZ, jitterDemo, jitterSnrCurve } from '../../../dsp/dac/jitterDemo';
import { logFrequencies } from '../../../dsp/logFrequencies';
import { ListeningPanel, type ChainPair } from '../../listening/ListeningPanel';
import '../../../styles/widgets.css';

const JITTER_LOG_RANGE = { min: Math.log10(10e-12), max: Math.log10(50e-6) };
const KIND_OPTIONS: readonly { value: JitterKind; label: string }[] = [
  { value: 'random', label: 'Random (white, Gaussian)' },
  { value: 'sinusoidal', label: 'Sinusoidal' },
];
const SNR_FREQUENCIES_HZ = logFrequencies(20, 20000, 60);
const JITTER_SEED = 777;

/** "100 ps", "1 ns", "10 µs". */
export function formatSeconds(seconds: number): string {
  const units: [number, string][] = [[1e-6, 'µs'], [1e-9, 'ns'], [1e-12, 'ps']];
  for (const [scale, unit] of units) {
    if (seconds >= scale) return `${Number((seconds / scale).toPrecision(2))} ${unit}`;
  }
  return `${Number((seconds / 1e-12).toPrecision(2))} ps`;
}

export default function JitterWidget() {
  const [kind, setKind] = useState<JitterKind>('random');
  const [logJitter, setLogJitter] = useState(Math.log10(1e-9));
  const [jitterFrequencyHz, setJitterFrequencyHz] = useState(200);
  const [toneHz, setToneHz] = useState(10000);
  const jitterSecondsRms = Number((10 ** logJitter).toPrecision(2));

  const demo = useMemo(() => jitterDemo({ toneHz, jitterSecondsRms, kind, jitterFrequencyHz }), [toneHz, jitterSecondsRms, kind, jitterFrequencyHz]);
  const snrCurve = useMemo(() => jitterSnrCurve(SNR_FREQUENCIES_HZ, jitterSecondsRms), [jitterSecondsRms]);
  const sidebandDb = sinusoidalJitterSidebandDb(toneHz, Math.SQRT2 * jitterSecondsRms);
  const jitterText = `${formatSeconds(jitterSecondsRms)} rms ${kind === 'random' ? 'random' : `sinusoidal at ${formatHz(jitterFrequencyHz)}`}`;

  const makeChains = async (sampleRateHz: number): Promise<ChainPair> => {
    const { JitterDelay } = await import('../../../dsp/dac/jitterDelay');
    const latencySamples = new JitterDelay(sampleRateHz, 0, 'random', Math.random).latencySamples;
    return {
      a: { sections: [], gainDb: 0, delaySeconds: latencySamples / sampleRateHz },
      b: { sections: [], gainDb: 0, jitter: { jitterSecondsRms, kind, jitterFrequencyHz, seed: JITTER_SEED } },
    };
  };

  return (
    <div class="widget jitter-widget" data-widget="jitter">
      <div class="widget-top">
        <div class="widget-controls">
          <Select id="jit-kind" label="Jitter" value={kind} options={KIND_OPTIONS} onChange={setKind} />
          <Slider
            id="jit-amount"
            label="Jitter (rms)"
            value={logJitter}
            min={JITTER_LOG_RANGE.min}
            max={JITTER_LOG_RANGE.max}
            step={0.05}
            format={() => formatSeconds(jitterSecondsRms)}
            onChange={setLogJitter}
            presets={[
              { label: '100 ps', value: Math.log10(100e-12) },
              { label: '1 ns', value: Math.log10(1e-9) },
              { label: '1 µs (exaggerated)', value: Math.log10(1e-6) },
              { label: '10 µs (exaggerated)', value: Math.log10(10e-6) },
            ]}
          />
          {kind === 'sinusoidal' && (
            <Slider id="jit-frequency" label="Jitter frequency" value={jitterFrequencyHz} min={50} max={5000} step={50} format={formatHz} onChange={setJitterFrequencyHz} />
          )}
          <Slider id="jit-tone" label="Test tone (figures)" value={toneHz} min={1000} max={20000} step={500} format={formatHz} onChange={setToneHz} />
        </div>
        <dl class="readouts" aria-live="polite">
          <div>
            <dt>SNR limit, −20·log10(2π·f·tj)</dt>
            <dd data-readout="snr-theory">{formatFixed(demo.theoreticalSnrDb, 1)} dB</dd>
          </div>
          <div>
            <dt>SNR measured on the {formatHz(toneHz)} tone</dt>
            <dd data-readout="snr-measured">{formatFixed(demo.measuredSnrDb, 1)} dB</dd>
          </div>
          {kind === 'sinusoidal' && (
            <div>
              <dt>Each sideband re the tone (calculated)</dt>
              <dd data-readout="sideband">{formatDb(sidebandDb)}</dd>
            </div>
          )}
        </dl>
      </div>
      <div class="widget-plots">
        <XYPlot
          id="jit-fig-spectrum"
          title="Figure 1. Spectrum of the jittered tone"
          summary={`A ${formatHz(toneHz)} tone converted with ${jitterText}: measured SNR ${formatFixed(demo.measuredSnrDb, 1)} dB.`}
          series={[{ id: 's', label: 'Output spectrum', points: demo.spectrum, color: 'b' }]}
          xLabel="Frequency (Hz)"
          yLabel="Level re the tone (dB)"
          xScale="linear"
          xDomain={[0, JITTER_DEMO_RATE_HZ / 2]}
          yDomain={[-160, 0]}
          formatX={formatHz}
          formatY={(y) => formatDb(y)}
        />
        <FrequencyResponsePlot
          id="jit-fig-snr"
          title="Figure 2. Jitter-limited SNR of a full-scale tone"
          summary={`With ${formatSeconds(jitterSecondsRms)} rms jitter the SNR limit falls from ${formatFixed(snrCurve[0]?.y ?? 0, 0)} dB at 20 Hz to ${formatFixed(snrCurve[snrCurve.length - 1]?.y ?? 0, 0)} dB at 20 kHz, 6 dB per octave.`}
          series={[{ id: 'snr', label: 'SNR limit', points: snrCurve, color: 'a' }]}
          yLabel="SNR (dB)"
          yDomain={[0, 200]}
          formatY={(y) => `${formatFixed(y, 1)} dB`}
        />
      </div>
      <ListeningPanel
        idPrefix="jit"
        labelA="steady clock"
        labelB={`${formatSeconds(jitterSecondsRms)} jitter`}
        settingsKey={`${kind}|${jitterSecondsRms}|${jitterFrequencyHz}`}
        makeChains={makeChains}
        matchLoudness={false}
        downloadStem={`amp-lab-jitter-${kind}-${formatSeconds(jitterSecondsRms).replace(/[ .µ]/g, (c) => (c === 'µ' ? 'u' : c === '.' ? 'p' : ''))}`}
        levelNote="A is the program with a steady clock; B is the same program converted with the jittered clock. They are not loudness-matched: jitter adds noise but does not change the level."
      />
    </div>
  );
}

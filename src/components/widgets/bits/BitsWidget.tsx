// Widget for "Bits, dither and noise": a converter of N bits with optional dither and noise shaping. The
// figures (staircase, error spectrum) and the SNR readouts come from src/dsp/dac; the sound runs the same
// quantizer in an AudioWorklet. A = the original, B = through the N-bit converter.
import { useMemo, useState } from 'preact/hooks';
import { Checkbox } from '../../controls/Checkbox';
import { Select } from '../../controls/Select';
import { Slider } from '../../controls/Slider';
import { FrequencyResponsePlot } from '../../plots/FrequencyResponsePlot';
import { XYPlot } from '../../plots/XYPlot';
import { formatDb, formatFixed } from '../../format';
import type { DitherKind } from '../../../dsp/dac/dither';
import { BIT_DEPTH_RANGE } from '../../../dsp/dac/quantizer';
import { DEMO_TONE_HZ, quantizationDemo } from '../../../dsp/dac/quantizationDemo';
import { ListeningPanel, type ChainPair } from '../../listening/ListeningPanel';
import '../../../styles/widgets.css';

export const BITS_DEFAULT = 8;
export const LEVEL_RANGE_DB = { min: -60, max: 0, step: 1 } as const;
const DITHER_OPTIONS: readonly { value: DitherKind; label: string }[] = [
  { value: 'none', label: 'None (plain rounding)' },
  { value: 'rpdf', label: 'RPDF (±½ LSB, rectangular)' },
  { value: 'tpdf', label: 'TPDF (±1 LSB, triangular)' },
];
const DITHER_SEED = 20261124;

export default function BitsWidget() {
  const [bits, setBits] = useState<number>(BITS_DEFAULT);
  const [dither, setDither] = useState<DitherKind>('none');
  const [shaped, setShaped] = useState(false);
  const [levelDbfs, setLevelDbfs] = useState(0);
  const shaping = shaped ? 'first-order' : 'none';

  const demo = useMemo(() => quantizationDemo({ bits, dither, shaping, levelDbfs }), [bits, dither, shaping, levelDbfs]);
  const waveform = useMemo(
    () => ({
      original: demo.original.map((p) => ({ x: p.x * 1000, y: p.y })),
      staircase: demo.staircase.map((p) => ({ x: p.x * 1000, y: p.y })),
    }),
    [demo],
  );
  const lastMs = waveform.staircase[waveform.staircase.length - 1]?.x ?? 2;
  const ditherLabel = DITHER_OPTIONS.find((o) => o.value === dither)?.label ?? dither;
  const settingsText = `${bits} bits, dither ${dither === 'none' ? 'none' : dither.toUpperCase()}${shaped ? ', noise-shaped' : ''}, tone at ${formatDb(levelDbfs, 0)}FS`;

  const makeChains = async (): Promise<ChainPair> => ({
    a: { sections: [], gainDb: 0 },
    b: { sections: [], gainDb: 0, quantizer: { bits, dither, shaping, inputGainDb: levelDbfs, seed: DITHER_SEED } },
  });

  return (
    <div class="widget bits-widget" data-widget="bits">
      <div class="widget-top">
        <div class="widget-controls">
          <Slider
            id="bits-depth"
            label="Bit depth"
            value={bits}
            min={BIT_DEPTH_RANGE.min}
            max={BIT_DEPTH_RANGE.max}
            step={1}
            format={(n) => `${n} bit${n === 1 ? '' : 's'}`}
            onChange={setBits}
            presets={[4, 8, 12, 16].map((n) => ({ label: `${n} bits`, value: n }))}
          />
          <Select id="bits-dither" label="Dither" value={dither} options={DITHER_OPTIONS} onChange={setDither} />
          <Checkbox id="bits-shaping" label="Noise shaping (first order)" checked={shaped} onChange={setShaped} hint="Pushes the error towards high frequencies; more noise in total, less where hearing is most sensitive." />
          <Slider
            id="bits-level"
            label="Level into the converter"
            value={levelDbfs}
            min={LEVEL_RANGE_DB.min}
            max={LEVEL_RANGE_DB.max}
            step={LEVEL_RANGE_DB.step}
            format={(db) => `${formatDb(db, 0)}FS`}
            onChange={setLevelDbfs}
            presets={[
              { label: 'Full level (0 dBFS)', value: 0 },
              { label: 'Quiet passage (−40 dBFS)', value: -40 },
            ]}
            hint="A quiet passage uses fewer of the converter's steps; the Listen panel turns it back up so you hear what that costs."
          />
        </div>
        <dl class="readouts" aria-live="polite">
          <div>
            <dt>SNR, closed form (6.02N + 1.76 + level − dither)</dt>
            <dd data-readout="snr-theory">{formatFixed(demo.theoreticalSnrDb, 1)} dB</dd>
          </div>
          <div>
            <dt>SNR measured on the {DEMO_TONE_HZ} Hz tone</dt>
            <dd data-readout="snr-measured">{formatFixed(demo.measuredSnrDb, 1)} dB</dd>
          </div>
          <div>
            <dt>Dither</dt>
            <dd>{ditherLabel}</dd>
          </div>
        </dl>
      </div>
      <div class="widget-plots">
        <XYPlot
          id="bits-fig-waveform"
          title="Figure 1. The tone's values rounded to your bit depth, each held to the next sample"
          summary={`Two periods of a ${DEMO_TONE_HZ} Hz tone (${settingsText}): the original and the ${bits}-bit output.`}
          series={[
            { id: 'a', label: 'Original', points: waveform.original, color: 'a' },
            { id: 'b', label: `${bits}-bit output`, points: waveform.staircase, color: 'b' },
          ]}
          xLabel="Time (ms)"
          yLabel="Level (fraction of full scale)"
          xScale="linear"
          xDomain={[0, lastMs]}
          formatX={(ms) => `${formatFixed(ms, 2)} ms`}
          formatY={(y) => formatFixed(y, 4)}
        />
        <FrequencyResponsePlot
          id="bits-fig-error"
          title="Figure 2. Spectrum of the error"
          summary={`Error (output minus original) per third-octave band for ${settingsText}; measured SNR ${formatFixed(demo.measuredSnrDb, 1)} dB.`}
          series={[{ id: 'e', label: 'Error', points: demo.errorBandsDb, color: 'b' }]}
          yLabel="Error per third octave (dBFS)"
          yDomain={[-200, 0]}
        />
      </div>
      <ListeningPanel
        idPrefix="bits"
        labelA="original"
        labelB={`${bits} bits${dither === 'none' ? '' : ` + ${dither.toUpperCase()}`}${shaped ? ' shaped' : ''}`}
        settingsKey={`${bits}|${dither}|${shaping}|${levelDbfs}`}
        makeChains={makeChains}
        matchLoudness={false}
        downloadStem={`amp-lab-${bits}bit-${dither}${shaped ? '-shaped' : ''}-${Math.abs(levelDbfs)}dB`}
        levelNote={`A is the original; B is the same program through the ${bits}-bit converter at ${formatDb(levelDbfs, 0)}FS, turned back up by the same amount. The two are not loudness-matched: the level is the same, only the added noise and distortion differ.`}
      />
    </div>
  );
}

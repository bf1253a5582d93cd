// Widget for "Hearing differences honestly": the same program twice, B louder than A by a chosen amount.
// With "Match loudness" on, B is measured (BS.1770) and matched to A, so the two become the same.
import { useState } from 'preact/hooks';
import { Checkbox } from '../../controls/Checkbox';
import { Slider } from '../../controls/Slider';
import { formatDb } from '../../format';
import { ListeningPanel, type ChainPair } from '../../listening/ListeningPanel';
import '../../../styles/widgets.css';

export const LEVEL_DIFFERENCE_RANGE_DB = { min: 0, max: 6, step: 0.1 } as const;
export const LEVEL_DIFFERENCE_DEFAULT_DB = 1;

export default function LevelDifferenceWidget() {
  const [levelDifferenceDb, setLevelDifferenceDb] = useState<number>(LEVEL_DIFFERENCE_DEFAULT_DB);
  const [matchLoudness, setMatchLoudness] = useState(false);
  const rounded = Math.round(levelDifferenceDb * 10) / 10;
  const voltageRatio = 10 ** (rounded / 20);
  const powerRatio = 10 ** (rounded / 10);

  const makeChains = async (): Promise<ChainPair> => ({
    a: { sections: [], gainDb: 0 },
    b: { sections: [], gainDb: rounded },
  });

  return (
    <div class="widget level-difference-widget" data-widget="level-difference">
      <div class="widget-top">
        <div class="widget-controls">
          <Slider
            id="ld-difference"
            label="Level difference (B louder)"
            value={rounded}
            min={LEVEL_DIFFERENCE_RANGE_DB.min}
            max={LEVEL_DIFFERENCE_RANGE_DB.max}
            step={LEVEL_DIFFERENCE_RANGE_DB.step}
            format={(db) => formatDb(db)}
            onChange={setLevelDifferenceDb}
            presets={[
              { label: '0.2 dB', value: 0.2 },
              { label: '0.5 dB', value: 0.5 },
              { label: '1 dB', value: 1 },
              { label: '3 dB', value: 3 },
            ]}
          />
          <Checkbox
            id="ld-match"
            label="Match loudness"
            checked={matchLoudness}
            onChange={setMatchLoudness}
            hint="Measures A and B with ITU-R BS.1770 integrated loudness and turns B down until they match."
          />
        </div>
        <dl class="readouts" aria-live="polite">
          <div>
            <dt>B compared with A</dt>
            <dd data-readout="level">
              {matchLoudness ? 'matched: the same loudness (the level difference is removed)' : `${formatDb(rounded)} louder`}
            </dd>
          </div>
          {!matchLoudness && (
            <div>
              <dt>As ratios</dt>
              <dd data-readout="ratios">
                {voltageRatio.toFixed(3)} × the voltage, {powerRatio.toFixed(3)} × the power
              </dd>
            </div>
          )}
        </dl>
      </div>
      <ListeningPanel
        idPrefix="ld"
        labelA="reference"
        labelB={matchLoudness ? 'louder, then matched' : `${formatDb(rounded)}`}
        settingsKey={String(rounded)}
        makeChains={makeChains}
        matchLoudness={matchLoudness}
        downloadStem={`amp-lab-level-${String(rounded).replace('.', 'p')}dB${matchLoudness ? '-matched' : ''}`}
        levelNote={
          matchLoudness
            ? 'B is measured and matched to A, so they should sound the same.'
            : 'Here the level difference is the lesson: A and B are not loudness-matched.'
        }
      />
    </div>
  );
}

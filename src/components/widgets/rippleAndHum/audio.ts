// The ripple-and-hum widget's sound. AC and USB: A is the program alone, B adds the hum the model puts at the
// amplifier's output, at its true ratio to the music (or raised by EXAGGERATE_DB when the reader asks, and then
// labelled so). Batteries: A is the op-amp stage on fresh, stiff rails, B on the chosen batteries, whose rails sag
// and run down, so the loudest bass hits clip first. The program's peaks stand for the music's peak voltage.
import type { ChainPair } from '../../../audio/loudnessMatch';
import { MAX_HUM_RMS_FULL_SCALE } from '../../../audio/chainLimits';
import { MUSIC_PEAK_DBFS } from '../../../audio/programLevels';
import { shaperCurve } from '../../../dsp/circuits/shaperCurve';
import type { AmplifierStage } from '../../../dsp/circuits/stage';
import { SUPPLY_STAGE, type PowerSupplySettings, type RailView } from '../../../dsp/circuits/ampSupply';

/** Crest factor assumed for the music, dB (REFERENCES §2: 12–20 dB typical, disputed). */
export const ASSUMED_CREST_FACTOR_DB = 15;
/** How much "Exaggerate hum" raises it, dB. */
export const EXAGGERATE_DB = 30;

/** Volts at the headphone per full-scale sample: the music's peak (rms × crest) at the program's peak level. */
export function voltsPerFullScale(musicVoltsRms: number): number {
  return (musicVoltsRms * 10 ** (ASSUMED_CREST_FACTOR_DB / 20)) / 10 ** (MUSIC_PEAK_DBFS / 20);
}

/** The hum lines as the chain's hum stage wants them: rms per harmonic of the ripple's fundamental, in full scale. */
export function humHarmonicsFullScale(view: RailView, musicVoltsRms: number, exaggerate: boolean): number[] {
  if (!view.hum) return [];
  const scale = (exaggerate ? 10 ** (EXAGGERATE_DB / 20) : 1) / voltsPerFullScale(musicVoltsRms);
  const harmonics = view.hum.lines.map((line) => line.outputVoltsRms * scale);
  const total = Math.sqrt(harmonics.reduce((sum, rms) => sum + rms * rms, 0));
  const fit = total > MAX_HUM_RMS_FULL_SCALE ? MAX_HUM_RMS_FULL_SCALE / total : 1;
  return harmonics.map((rms) => rms * fit);
}

function stageShaper(stage: AmplifierStage, musicVoltsRms: number) {
  const toLoad = SUPPLY_STAGE.gain * (SUPPLY_STAGE.loadOhms / (SUPPLY_STAGE.loadOhms + SUPPLY_STAGE.buildOutOhms));
  const inputVoltsPerFullScale = voltsPerFullScale(musicVoltsRms) / toLoad;
  return { curve: shaperCurve(stage, { inputVoltsPerFullScale, outputVoltsPerFullScale: toLoad * inputVoltsPerFullScale, invert: false }), oversample: '4x' as const };
}

export async function powerSupplyChains(settings: PowerSupplySettings, view: RailView, exaggerate: boolean): Promise<ChainPair> {
  if (view.sagging && view.stiff) {
    return {
      a: { sections: [], gainDb: 0, shaper: stageShaper(view.stiff.stage, settings.musicVoltsRms) },
      b: { sections: [], gainDb: 0, shaper: stageShaper(view.sagging.stage, settings.musicVoltsRms) },
    };
  }
  const harmonics = humHarmonicsFullScale(view, settings.musicVoltsRms, exaggerate);
  return {
    a: { sections: [], gainDb: 0 },
    b: { sections: [], gainDb: 0, ...(harmonics.some((rms) => rms > 0) ? { hum: { fundamentalHz: view.rippleFundamentalHz, harmonicRmsFullScale: harmonics } } : {}) },
  };
}

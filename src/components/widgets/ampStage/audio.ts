// The amplifier-stage widget's sound: A is the program untouched; B is the program through the stage's transfer
// curve (a WaveShaperNode sampled from the solved circuit, 4× oversampled against aliasing), the program's peaks
// standing for the drive's peak input. The panel loudness-matches B to A.
import type { ChainPair } from '../../../audio/loudnessMatch';
import { shaperCurve } from '../../../dsp/circuits/shaperCurve';
import { inputVoltsPerFullScale, stageView, type AmpStageSettings } from './views';

/** B's chain for a stage at a drive: the curve maps ±1 to ±(input volts per full scale), scaled back by the full-swing gain. */
export function ampStageShaper(settings: AmpStageSettings, driveDb: number): { curve: Float32Array; oversample: OverSampleType } {
  const view = stageView(settings);
  const inputPerFullScale = inputVoltsPerFullScale(view, driveDb);
  const curve = shaperCurve(view.stage, {
    inputVoltsPerFullScale: inputPerFullScale,
    outputVoltsPerFullScale: Math.abs(view.fullSwingGain) * inputPerFullScale,
    invert: view.invert,
  });
  return { curve, oversample: '4x' };
}

export async function ampStageChains(settings: AmpStageSettings, driveDb: number, _sampleRateHz: number): Promise<ChainPair> {
  return { a: { sections: [], gainDb: 0 }, b: { sections: [], gainDb: 0, shaper: ampStageShaper(settings, driveDb) } };
}

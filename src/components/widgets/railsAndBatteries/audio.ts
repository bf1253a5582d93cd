// The rails-and-batteries widget's sound: the op-amp stage's transfer curve on two supplies, the program's peaks standing for
// the peak voltage your level and crest factor ask of the headphone. A: ±15 V; B: the supply you chose.
import type { ChainPair } from '../../../audio/loudnessMatch';
import { MUSIC_PEAK_DBFS } from '../../../audio/programLevels';
import { opAmpStage } from '../../../dsp/circuits/opAmpStage';
import { shaperCurve } from '../../../dsp/circuits/shaperCurve';
import { voltsRmsForSpl } from '../../../dsp/matching/sensitivity';
import type { AmpStageSettings } from '../ampStage/views';
import { opAmpParams } from '../ampStage/opamp';

/** Stage input volts per full-scale sample so the program's peaks ask for the music's peak voltage at the headphone. */
function shaperFor(settings: AmpStageSettings, peakLoadVolts: number) {
  const params = opAmpParams(settings);
  const loadFraction = params.loadOhms / (params.loadOhms + params.buildOutOhms);
  const gainToLoad = params.gain * loadFraction;
  const inputVoltsPerFullScale = peakLoadVolts / gainToLoad / 10 ** (MUSIC_PEAK_DBFS / 20);
  const curve = shaperCurve(opAmpStage(params), { inputVoltsPerFullScale, outputVoltsPerFullScale: gainToLoad * inputVoltsPerFullScale, invert: false });
  return { curve, oversample: '4x' as const };
}

export async function supplyChains(
  settings: AmpStageSettings,
  sensitivityDbPerVolt: number,
  levelDbSpl: number,
  crestFactorDb: number,
  _sampleRateHz: number,
): Promise<ChainPair> {
  const peakLoadVolts = voltsRmsForSpl(sensitivityDbPerVolt, levelDbSpl) * 10 ** (crestFactorDb / 20);
  const mains: AmpStageSettings = { ...settings, opAmpSupplyId: 'mains-15' };
  return {
    a: { sections: [], gainDb: 0, shaper: shaperFor(mains, peakLoadVolts) },
    b: { sections: [], gainDb: 0, shaper: shaperFor(settings, peakLoadVolts) },
  };
}

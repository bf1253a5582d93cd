// The volume-pot widget's sound: A is perfect tracking (both channels the same), B the pot's two tracks at the chosen
// rotation, the right channel louder by the model's imbalance. The knob's overall attenuation is left out (your own
// volume control does that job), so only the difference between the channels is heard; B is loudness-matched to A.
import type { ChainPair } from '../../../audio/loudnessMatch';
import type { PotPoint } from '../../../dsp/volume/potTaper';

/** The two chains for a point on the pot's travel: the imbalance as a per-channel gain on B, the left side at 0 dB. */
export function volumePotChains(point: PotPoint): ChainPair {
  return {
    a: { sections: [], gainDb: 0 },
    b: { sections: [], gainDb: 0, channelGainsDb: { leftDb: 0, rightDb: point.imbalanceDb } },
  };
}

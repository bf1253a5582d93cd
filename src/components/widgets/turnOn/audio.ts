// The turn-on widget's sound. Both A and B play the program unchanged and add, every LOOP_SECONDS, the amplifier
// being switched on again: the headphone voltage the model gives (src/dsp/protection/turnOn.ts) from switch-on,
// sampled at the context's rate. A has the relay delay, B connects the headphone at once. Level: the program's
// peaks stand for the music's peak voltage at the headphone; both thumps are scaled by the same factor, and lowered
// together (by thumpCutDb) so that B's thump is never louder than the music's peaks. The ratio between A and B, and
// the waveform, stay the model's.
import type { ChainPair } from '../../../audio/loudnessMatch';
import { MUSIC_PEAK_DBFS } from '../../../audio/programLevels';
import { headphoneVolts, stepAtConnectionVolts, withoutRelay, type TurnOnParams } from '../../../dsp/protection/turnOn';

/** The music at the headphone, V rms (about 80 dB SPL on a 100 dB/V headphone). */
export const MUSIC_VOLTS_RMS = 0.1;
/** Crest factor assumed for the music, dB (REFERENCES §2: 12–20 dB typical). */
export const ASSUMED_CREST_FACTOR_DB = 15;
/** The music's peak voltage at the headphone, V. */
export const MUSIC_PEAK_VOLTS = MUSIC_VOLTS_RMS * 10 ** (ASSUMED_CREST_FACTOR_DB / 20);
/** One switch-on per loop, seconds. */
export const LOOP_SECONDS = 5;
/** Where in each loop the amplifier is switched on, seconds (clear of the render's fade-in). */
export const SWITCH_ON_AT_SECONDS = 0.5;

const MUSIC_PEAK_FULL_SCALE = 10 ** (MUSIC_PEAK_DBFS / 20);

/** Full scale per volt at the headphone, at its true ratio to the music. */
export const TRUE_FULL_SCALE_PER_VOLT = MUSIC_PEAK_FULL_SCALE / MUSIC_PEAK_VOLTS;

/** How far both thumps are lowered so B's peak is no louder than the music's peaks, dB (0 when it already is). */
export function thumpCutDb(params: TurnOnParams): number {
  const bPeakVolts = stepAtConnectionVolts(withoutRelay(params));
  return Math.max(0, 20 * Math.log10(bPeakVolts / MUSIC_PEAK_VOLTS));
}

/** Full scale per volt as played: the true ratio, lowered by thumpCutDb. */
export function playedFullScalePerVolt(params: TurnOnParams): number {
  return TRUE_FULL_SCALE_PER_VOLT * 10 ** (-thumpCutDb(params) / 20);
}

/** One loop of the event: silence, then the headphone voltage from switch-on, in full scale. */
export function thumpLoop(params: TurnOnParams, sampleRateHz: number): Float32Array {
  const length = Math.round(LOOP_SECONDS * sampleRateHz);
  const start = Math.round(SWITCH_ON_AT_SECONDS * sampleRateHz);
  const scale = playedFullScalePerVolt(params);
  const out = new Float32Array(length);
  for (let n = start; n < length; n++) out[n] = scale * headphoneVolts(params, (n - start) / sampleRateHz);
  return out;
}

export function turnOnChains(params: TurnOnParams, sampleRateHz: number): Promise<ChainPair> {
  return Promise.resolve({
    a: { sections: [], gainDb: 0, loopedEvent: { samplesFullScale: thumpLoop(params, sampleRateHz) } },
    b: { sections: [], gainDb: 0, loopedEvent: { samplesFullScale: thumpLoop(withoutRelay(params), sampleRateHz) } },
  });
}

/**
 * Hiss at a headphone amplifier's output with the volume pot before its gain stage or after it: the gain stage's
 * input noise, the pot's own thermal noise at its wiper, and (pot after) the buffer that follows it. Noise densities
 * are integrated flat over the audio band. Leaves out: current noise, 1/f noise, A-weighting and the source's noise.
 */

/** Boltzmann's constant, J/K (exact in the SI). */
export const BOLTZMANN_J_PER_K = 1.380649e-23;
/** Room temperature, K. */
export const ROOM_KELVIN = 300;
/** The band integrated, Hz (20 Hz to 20 kHz). */
export const AUDIO_BANDWIDTH_HZ = 20_000 - 20;

/** Thermal (Johnson–Nyquist) noise of a resistance, V rms in a band: √(4kTRB). */
export function thermalNoiseVoltsRms(ohms: number, bandwidthHz: number = AUDIO_BANDWIDTH_HZ, kelvin: number = ROOM_KELVIN): number {
  return Math.sqrt(4 * BOLTZMANN_J_PER_K * kelvin * Math.max(0, ohms) * bandwidthHz);
}

export interface NoiseChain {
  /** The gain stage's voltage gain (linear). */
  readonly gain: number;
  /** Input voltage noise density of the gain stage, and of a buffer after the pot, V/√Hz. */
  readonly stageNoiseVoltsPerRootHz: number;
  readonly potOhms: number;
  /** Full-scale signal at the input, V rms (a DAC's line output). */
  readonly inputVoltsRms: number;
}

/** An illustrative low-noise op-amp stage: 5 nV/√Hz (an estimate), gain 6, a 10 kΩ pot, a 2 V rms DAC. */
export const DEFAULT_NOISE_CHAIN: NoiseChain = { gain: 6, stageNoiseVoltsPerRootHz: 5e-9, potOhms: 10e3, inputVoltsRms: 2 };

const sumRms = (...volts: number[]) => Math.sqrt(volts.reduce((sum, v) => sum + v * v, 0));

/**
 * Output noise with the pot BEFORE the gain stage, at wiper ratio r: the stage's own noise and the wiper's thermal
 * noise (r(1 − r)·Rp) both multiplied by G: G·√(en²B + 4kT·r(1 − r)Rp·B). Nearly the same at every setting.
 */
export function noisePotBeforeGainVoltsRms(chain: NoiseChain, ratio: number): number {
  const stage = chain.stageNoiseVoltsPerRootHz * Math.sqrt(AUDIO_BANDWIDTH_HZ);
  return chain.gain * sumRms(stage, thermalNoiseVoltsRms(ratio * (1 - ratio) * chain.potOhms));
}

/**
 * Output noise with the pot AFTER the gain stage (and a unity buffer after the pot): the stage's noise times G, turned
 * down by the pot with the music, plus the wiper's thermal noise and the buffer's noise, which are not:
 * √((r·G·en√B)² + 4kT·r(1 − r)Rp·B + en²B).
 */
export function noisePotAfterGainVoltsRms(chain: NoiseChain, ratio: number): number {
  const stage = chain.stageNoiseVoltsPerRootHz * Math.sqrt(AUDIO_BANDWIDTH_HZ);
  return sumRms(ratio * chain.gain * stage, thermalNoiseVoltsRms(ratio * (1 - ratio) * chain.potOhms), stage);
}

/** The music at the output at wiper ratio r, either way round: r·G·Vin. */
export function musicVoltsRms(chain: NoiseChain, ratio: number): number {
  return ratio * chain.gain * chain.inputVoltsRms;
}

export interface NoiseCurvePoint {
  readonly settingDb: number;
  readonly beforeDb: number;
  readonly afterDb: number;
}

/** Output noise in dBV (dB re 1 V rms) against the volume setting (dB), from 0 down to minDb. */
export function noiseCurves(chain: NoiseChain, minDb = -60, steps = 60): NoiseCurvePoint[] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const settingDb = (minDb * i) / steps;
    const r = 10 ** (settingDb / 20);
    return { settingDb, beforeDb: 20 * Math.log10(noisePotBeforeGainVoltsRms(chain, r)), afterDb: 20 * Math.log10(noisePotAfterGainVoltsRms(chain, r)) };
  });
}

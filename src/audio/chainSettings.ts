// One version (A or B) of a widget's signal chain as data: biquad sections in series, then a gain.
// Checks that it can play safely. Leaves out: the audio nodes (chain.ts builds them).
import { type Biquad, isStableBiquad } from '../dsp/biquad';
import { BIT_DEPTH_RANGE, LOW_RATE_FACTORS } from '../dsp/dac/ranges';
import type { JitterSettings, LowRateDacSettings, QuantizerSettings } from './dacProtocol';
import { MAX_HUM_RMS_FULL_SCALE, MAX_NOISE_RMS_FULL_SCALE } from './chainLimits';

export { isStableBiquad };

export interface ChainSettings {
  /** Biquad sections applied in series (a0 = 1). */
  readonly sections: readonly Biquad[];
  /** Gain after the sections, dB (level matching or the level difference being taught). */
  readonly gainDb: number;
  /** A DAC stage before the sections: gain in, N-bit quantization with dither, the same gain back out. */
  readonly quantizer?: QuantizerSettings;
  /** A DAC at a fraction of the context's rate (after the quantizer, before the sections). */
  readonly lowRateDac?: LowRateDacSettings;
  /** A DAC clock with jitter (after the low-rate DAC, before the sections). */
  readonly jitter?: JitterSettings;
  /**
   * A memoryless nonlinearity (an amplifier stage's transfer curve) after the sections: curve values over inputs
   * −1…1, evenly spaced, applied by a WaveShaperNode with the given oversampling.
   */
  readonly shaper?: { readonly curve: Float32Array; readonly oversample: OverSampleType };
  /** Biquad sections in series right after the shaper (a stage's frequency response following its transfer curve). */
  readonly sectionsAfterShaper?: readonly Biquad[];
  /** A hard clip at ±levelFullScale (an amplifier running out of voltage, in the program's units), after the sections. */
  readonly clipper?: { readonly levelFullScale: number };
  /** A plain delay at the start, seconds (to line a chain up with another whose stages add latency). */
  readonly delaySeconds?: number;
  /** White noise added after the clipper (an amplifier's hiss), rms in the program's units (full scale = 1). */
  readonly noise?: { readonly rmsFullScale: number; readonly seed: number };
  /**
   * Hum added after the clipper: harmonics k = 1, 2, … of fundamentalHz, each at its rms in the program's units
   * (index 0 is the fundamental), in sine phase.
   */
  readonly hum?: { readonly fundamentalHz: number; readonly harmonicRmsFullScale: readonly number[] };
  /**
   * Crossfeed at the very start (crossfeedNodes.ts): each ear gets its own channel through `direct` plus the other
   * channel through `cross` (one section each, a0 = 1).
   */
  readonly crossfeed?: { readonly direct: Biquad; readonly cross: Biquad };
  /**
   * A repeating event added after the clipper (an amplifier's turn-on thump): one period of samples at the context's
   * rate, in the program's units, looped from the chain's start; the same in both channels.
   */
  readonly loopedEvent?: { readonly samplesFullScale: Float32Array };
  /**
   * A gain per channel at the very end, dB (a dual-gang volume control whose two tracks differ): the chain's output,
   * up-mixed to stereo, split, each side scaled, merged back.
   */
  readonly channelGainsDb?: { readonly leftDb: number; readonly rightDb: number };
}

export { MAX_HUM_RMS_FULL_SCALE, MAX_NOISE_RMS_FULL_SCALE };

/** Largest clock jitter a chain accepts, seconds rms (the jitter processor's safe range at 44.1–48 kHz). */
export const MAX_JITTER_SECONDS_RMS = 50e-6;

/** Largest per-channel gain a chain accepts either way, dB. */
export const MAX_CHANNEL_GAIN_DB = 40;

/** Longest delay a chain may start with, seconds. */
export const MAX_DELAY_SECONDS = 1;

/** A chain that passes the program unchanged. */
export const BYPASS_CHAIN: ChainSettings = { sections: [], gainDb: 0 };

const sameBiquad = (p: Biquad, q: Biquad): boolean =>
  p.b0 === q.b0 && p.b1 === q.b1 && p.b2 === q.b2 && p.a1 === q.a1 && p.a2 === q.a2;

const sameQuantizer = (p: QuantizerSettings | undefined, q: QuantizerSettings | undefined): boolean =>
  p === q ||
  (p !== undefined &&
    q !== undefined &&
    p.bits === q.bits &&
    p.dither === q.dither &&
    p.shaping === q.shaping &&
    p.inputGainDb === q.inputGainDb &&
    p.seed === q.seed);

const sameShaper = (p: ChainSettings['shaper'], q: ChainSettings['shaper']): boolean =>
  p === q ||
  (p !== undefined &&
    q !== undefined &&
    p.oversample === q.oversample &&
    p.curve.length === q.curve.length &&
    p.curve.every((value, index) => value === q.curve[index]));

const sameHum = (p: ChainSettings['hum'], q: ChainSettings['hum']): boolean =>
  p === q ||
  (p !== undefined &&
    q !== undefined &&
    p.fundamentalHz === q.fundamentalHz &&
    p.harmonicRmsFullScale.length === q.harmonicRmsFullScale.length &&
    p.harmonicRmsFullScale.every((value, index) => value === q.harmonicRmsFullScale[index]));

const sameLoopedEvent = (p: ChainSettings['loopedEvent'], q: ChainSettings['loopedEvent']): boolean =>
  p === q ||
  (p !== undefined &&
    q !== undefined &&
    p.samplesFullScale.length === q.samplesFullScale.length &&
    p.samplesFullScale.every((value, index) => value === q.samplesFullScale[index]));

const sameSections = (p: readonly Biquad[], q: readonly Biquad[]): boolean =>
  p.length === q.length &&
  p.every((section, index) => {
    const other = q[index];
    return other !== undefined && sameBiquad(section, other);
  });

/** Longest looped event a chain accepts, samples (10 s at 96 kHz). */
export const MAX_LOOPED_EVENT_SAMPLES = 960_000;

/** Most points a shaper curve may have. */
export const MAX_SHAPER_POINTS = 65537;

/** True when both describe exactly the same chain (same sections in the same order, same gain). */
export function chainSettingsEqual(a: ChainSettings, b: ChainSettings): boolean {
  if (a === b) return true;
  if (a.gainDb !== b.gainDb || a.sections.length !== b.sections.length) return false;
  if (!sameQuantizer(a.quantizer, b.quantizer)) return false;
  if (a.lowRateDac?.oversampling !== b.lowRateDac?.oversampling || a.lowRateDac?.mode !== b.lowRateDac?.mode) return false;
  if ((a.delaySeconds ?? 0) !== (b.delaySeconds ?? 0)) return false;
  if (a.clipper?.levelFullScale !== b.clipper?.levelFullScale) return false;
  if (!sameShaper(a.shaper, b.shaper)) return false;
  if (!sameHum(a.hum, b.hum)) return false;
  if (!sameLoopedEvent(a.loopedEvent, b.loopedEvent)) return false;
  if (a.channelGainsDb?.leftDb !== b.channelGainsDb?.leftDb || a.channelGainsDb?.rightDb !== b.channelGainsDb?.rightDb) return false;
  if (!sameSections(a.sectionsAfterShaper ?? [], b.sectionsAfterShaper ?? [])) return false;
  if (!sameSections(a.crossfeed ? [a.crossfeed.direct, a.crossfeed.cross] : [], b.crossfeed ? [b.crossfeed.direct, b.crossfeed.cross] : [])) return false;
  if (a.noise?.rmsFullScale !== b.noise?.rmsFullScale || a.noise?.seed !== b.noise?.seed) return false;
  const [ja, jb] = [a.jitter, b.jitter];
  if (ja !== jb && !(ja && jb && ja.jitterSecondsRms === jb.jitterSecondsRms && ja.kind === jb.kind && ja.jitterFrequencyHz === jb.jitterFrequencyHz && ja.seed === jb.seed)) return false;
  return sameSections(a.sections, b.sections);
}


/** Throws a RangeError naming the problem if the chain has non-finite or unstable parts. */
export function checkChainSettings(settings: ChainSettings): void {
  if (!Number.isFinite(settings.gainDb)) throw new RangeError(`chain gain ${settings.gainDb} dB is not finite`);
  const q = settings.quantizer;
  if (q && !(Number.isInteger(q.bits) && q.bits >= BIT_DEPTH_RANGE.min && q.bits <= BIT_DEPTH_RANGE.max)) {
    throw new RangeError(`quantizer bits ${q.bits} is not a whole number in ${BIT_DEPTH_RANGE.min} … ${BIT_DEPTH_RANGE.max}`);
  }
  if (q && !Number.isFinite(q.inputGainDb)) throw new RangeError(`quantizer input gain ${q.inputGainDb} dB is not finite`);
  const delay = settings.delaySeconds ?? 0;
  if (!(delay >= 0 && delay <= MAX_DELAY_SECONDS)) throw new RangeError(`chain delay ${delay} s is outside 0 … ${MAX_DELAY_SECONDS} s`);
  const clip = settings.clipper?.levelFullScale;
  if (clip !== undefined && !(clip > 0 && Number.isFinite(clip))) throw new RangeError(`clip level ${clip} is not a positive number`);
  const shaper = settings.shaper;
  if (shaper && !(shaper.curve.length >= 2 && shaper.curve.length <= MAX_SHAPER_POINTS && shaper.curve.every((v) => Number.isFinite(v) && Math.abs(v) <= 4))) {
    throw new RangeError(`a shaper curve needs 2 … ${MAX_SHAPER_POINTS} finite points within ±4`);
  }
  const noise = settings.noise;
  if (noise && !(noise.rmsFullScale >= 0 && noise.rmsFullScale <= MAX_NOISE_RMS_FULL_SCALE)) {
    throw new RangeError(`noise ${noise.rmsFullScale} rms is outside 0 … ${MAX_NOISE_RMS_FULL_SCALE} of full scale`);
  }
  const hum = settings.hum;
  if (hum) {
    const totalRms = Math.sqrt(hum.harmonicRmsFullScale.reduce((sum, rms) => sum + rms * rms, 0));
    const levelsOk = hum.harmonicRmsFullScale.every((rms) => rms >= 0) && totalRms <= MAX_HUM_RMS_FULL_SCALE;
    if (!(hum.fundamentalHz >= 20 && hum.fundamentalHz <= 1000 && levelsOk)) {
      throw new RangeError(`hum at ${hum.fundamentalHz} Hz with ${totalRms} rms is outside 20 … 1000 Hz or above ${MAX_HUM_RMS_FULL_SCALE} of full scale`);
    }
  }
  const event = settings.loopedEvent?.samplesFullScale;
  if (event && !(event.length >= 1 && event.length <= MAX_LOOPED_EVENT_SAMPLES && event.every((v) => Number.isFinite(v) && Math.abs(v) <= 1))) {
    throw new RangeError(`a looped event needs 1 … ${MAX_LOOPED_EVENT_SAMPLES} finite samples within ±1 of full scale`);
  }
  const balance = settings.channelGainsDb;
  if (balance && !([balance.leftDb, balance.rightDb].every((db) => Number.isFinite(db) && Math.abs(db) <= MAX_CHANNEL_GAIN_DB))) {
    throw new RangeError(`channel gains ${balance.leftDb} dB, ${balance.rightDb} dB are outside ±${MAX_CHANNEL_GAIN_DB} dB`);
  }
  const jitter = settings.jitter;
  if (jitter && !(jitter.jitterSecondsRms >= 0 && jitter.jitterSecondsRms <= MAX_JITTER_SECONDS_RMS && jitter.jitterFrequencyHz > 0)) {
    throw new RangeError(`jitter ${jitter.jitterSecondsRms} s rms at ${jitter.jitterFrequencyHz} Hz is outside the supported range`);
  }
  const dac = settings.lowRateDac;
  if (dac && !LOW_RATE_FACTORS.includes(dac.oversampling)) {
    throw new RangeError(`low-rate DAC factor ${dac.oversampling} is not one of ${LOW_RATE_FACTORS.join(', ')}`);
  }
  const crossfeed = settings.crossfeed ? [settings.crossfeed.direct, settings.crossfeed.cross] : [];
  [...settings.sections, ...(settings.sectionsAfterShaper ?? []), ...crossfeed].forEach((section, index) => {
    const coefficients = [section.b0, section.b1, section.b2, section.a1, section.a2];
    if (!coefficients.every(Number.isFinite)) {
      throw new RangeError(`biquad section ${index} has a non-finite coefficient: ${coefficients.join(', ')}`);
    }
    if (!isStableBiquad(section)) {
      throw new RangeError(`biquad section ${index} is unstable (a1 = ${section.a1}, a2 = ${section.a2})`);
    }
  });
}

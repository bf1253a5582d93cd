/**
 * "Will this source drive these headphones?": the voltage, power and current a listening level needs, the loudest
 * clean level, headroom for music's peaks, the source's noise as SPL at the ear, where the volume control sits,
 * the response change from output impedance, and the NIOSH time at that level (REFERENCES §1–3). Leaves out:
 * the headphone's distortion, frequency-dependent sensitivity, and loudness weighting of music and noise.
 */
import type { Rational } from '../impedance';
import { largestDeviation, minimumImpedance } from '../sourceLoad';
import { FAR_ABOVE_SAFE_LISTENING_DB_SPL, nioshAllowedHours } from './exposure';
import { ratedInputMarginDb } from './headphoneLimits';
import { cleanOutput, type CleanOutput, type OutputModel } from './outputLimits';
import { currentAmpsRms, powerWatts, SINE_PEAK_TO_RMS_DB, splFromVoltsRms, voltsRmsForSpl } from './sensitivity';

export interface HeadphoneLoad {
  /** The load the source sees for level and power (the nominal impedance, as sensitivity specs use). */
  readonly nominalImpedanceOhms: number;
  readonly sensitivityDbPerVolt: number;
  /** The impedance curve, for the response change and the smallest load; null if unknown. */
  readonly impedance: Rational | null;
  /** The headphone's rated maximum input as an rms voltage at its nominal impedance; absent or null where none is known. */
  readonly ratedMaximumInputVoltsRms?: number | null;
}

export interface SourceOutputModel extends OutputModel {
  /** Output noise, rms; null where no figure is published. */
  readonly noiseVoltsRms: number | null;
  readonly noiseWeighting: 'A' | 'unweighted';
  readonly volumeControl: 'analog' | 'digital';
}

export interface ListeningTarget {
  /** The music's average (rms) level at the ear, dB SPL. */
  readonly averageLevelDbSpl: number;
  /** Peak-to-rms ratio of the music, dB (a sine's is 3.01 dB, a square wave's 0 dB). */
  readonly crestFactorDb: number;
}

export interface MatchResult {
  readonly listening: {
    readonly voltsRms: number;
    readonly powerWatts: number;
    readonly currentAmpsRms: number;
    /** Music peaks need this instantaneous voltage: V·10^(crest/20). */
    readonly peakVolts: number;
  };
  readonly clean: CleanOutput & {
    readonly splDb: number;
    readonly powerWatts: number;
    readonly currentAmpsRms: number;
    readonly voltageLimitSplDb: number;
    readonly currentLimitSplDb: number | null;
  };
  /**
   * The loudest clean level the pair can play: the source's clean output, or the headphone's rated maximum input
   * where that is lower. The headphone's rating is a limit on what it should be given, not a clip: it does not
   * change the headroom or the sound, which follow the source's clean output.
   */
  readonly loudest: {
    readonly voltsRms: number;
    readonly splDb: number;
    readonly powerWatts: number;
    readonly limitedBy: 'source' | 'headphone-rating';
    /** The headphone's rated maximum input at the ear; null where none is known. */
    readonly headphoneRating: { readonly voltsRms: number; readonly powerWatts: number; readonly splDb: number } | null;
    /** Above FAR_ABOVE_SAFE_LISTENING_DB_SPL: shown with a plain warning. */
    readonly farAboveSafeListening: boolean;
    /** NIOSH time at the loudest level (hours). */
    readonly allowedHours: number;
  };
  /**
   * The chosen average level against the headphone's rated maximum input: the rating as a power at the nominal
   * impedance and the margin 10·log10(P_rated / P_level) (negative: the level needs more than the rating); null where
   * no rating is known.
   */
  readonly ratedInput: { readonly powerWatts: number; readonly marginDb: number } | null;
  /** The loudest average music level whose peaks stay clean: SPLmax + 3.01 − crest. */
  readonly loudestCleanMusicDbSpl: number;
  /** loudestCleanMusicDbSpl − the chosen average level; negative = peaks clip. */
  readonly headroomDb: number;
  /** The hiss at the ear; null where the source's noise is not published. */
  readonly noise: { readonly voltsRms: number; readonly splDb: number; readonly belowMusicDb: number } | null;
  readonly volume: {
    /** Volume setting (dB below full) that gives the chosen level for a track peaking at 0 dBFS; > 0 = out of reach. */
    readonly settingDb: number;
    /** Peaks clip when the volume is above this setting (dB below full); null when full volume stays clean. */
    readonly clipsAboveDb: number | null;
  };
  readonly load: { readonly minimumOhms: number; readonly minimumAtHz: number | null };
  /** Largest response change 20 Hz–20 kHz relative to 1 kHz from output impedance; null without an impedance curve. */
  readonly response: { readonly deviationDb: number; readonly atHz: number } | null;
  /** Smallest |Z| / Zout; null for Zout = 0. */
  readonly dampingFactor: number | null;
  readonly exposure: { readonly allowedHours: number };
}

function assertFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be finite, got ${value}`);
}

type ImpedanceFeatures = { minimum: { ohms: number; atHz: number }; response: { deviationDb: number; atHz: number } };
const featureCache = new WeakMap<Rational, Map<number, ImpedanceFeatures>>();

/**
 * The impedance curve's minimum and the largest response change on this output impedance: searches over the band
 * that don't depend on the listening level, so they are kept per curve object and output impedance.
 */
function impedanceFeatures(impedance: Rational, outputImpedanceOhms: number): ImpedanceFeatures {
  let perCurve = featureCache.get(impedance);
  if (!perCurve) {
    perCurve = new Map();
    featureCache.set(impedance, perCurve);
  }
  let features = perCurve.get(outputImpedanceOhms);
  if (!features) {
    features = { minimum: minimumImpedance(impedance), response: largestDeviation(impedance, outputImpedanceOhms) };
    perCurve.set(outputImpedanceOhms, features);
  }
  return features;
}

export function evaluateMatch(headphone: HeadphoneLoad, output: SourceOutputModel, target: ListeningTarget): MatchResult {
  assertFinite('sensitivityDbPerVolt', headphone.sensitivityDbPerVolt);
  assertFinite('averageLevelDbSpl', target.averageLevelDbSpl);
  if (!(target.crestFactorDb >= 0 && Number.isFinite(target.crestFactorDb))) {
    throw new RangeError(`crestFactorDb must be ≥ 0 dB (no signal peaks below its rms), got ${target.crestFactorDb}`);
  }
  if (output.noiseVoltsRms !== null && !(output.noiseVoltsRms > 0 && Number.isFinite(output.noiseVoltsRms))) {
    throw new RangeError(`noiseVoltsRms must be finite and > 0, got ${output.noiseVoltsRms}`);
  }
  const loadOhms = headphone.nominalImpedanceOhms;
  const sensitivity = headphone.sensitivityDbPerVolt;
  const clean = cleanOutput(output, loadOhms);

  const listeningVolts = voltsRmsForSpl(sensitivity, target.averageLevelDbSpl);
  const peakVolts = listeningVolts * 10 ** (target.crestFactorDb / 20);
  const cleanSplDb = splFromVoltsRms(sensitivity, clean.voltsRms);
  const loudestCleanMusicDbSpl = cleanSplDb + SINE_PEAK_TO_RMS_DB - target.crestFactorDb;

  const fraction = loadOhms / (loadOhms + output.outputImpedanceOhms);
  const noiseVolts = output.noiseVoltsRms === null ? null : output.noiseVoltsRms * fraction;
  const noiseSplDb = noiseVolts === null ? null : splFromVoltsRms(sensitivity, noiseVolts);

  const fullVolumePeakVolts = Math.SQRT2 * clean.fullVolumeVoltsRms;
  const settingDb = 20 * Math.log10(peakVolts / fullVolumePeakVolts);
  const clipsAboveDb = clean.limitedBy === 'gain' ? null : 20 * Math.log10(clean.voltsRms / clean.fullVolumeVoltsRms);

  const ratedVolts = headphone.ratedMaximumInputVoltsRms ?? null;
  if (ratedVolts !== null && !(ratedVolts > 0 && Number.isFinite(ratedVolts))) {
    throw new RangeError(`ratedMaximumInputVoltsRms must be finite and > 0, got ${ratedVolts}`);
  }
  const headphoneRating =
    ratedVolts === null
      ? null
      : { voltsRms: ratedVolts, powerWatts: powerWatts(ratedVolts, loadOhms), splDb: splFromVoltsRms(sensitivity, ratedVolts) };
  const headphoneLimits = headphoneRating !== null && headphoneRating.voltsRms < clean.voltsRms;
  const loudestVolts = headphoneLimits && headphoneRating ? headphoneRating.voltsRms : clean.voltsRms;
  const loudestSplDb = splFromVoltsRms(sensitivity, loudestVolts);
  const listeningPowerWatts = powerWatts(listeningVolts, loadOhms);
  const ratedInput = headphoneRating === null ? null : { powerWatts: headphoneRating.powerWatts, marginDb: ratedInputMarginDb(listeningPowerWatts, headphoneRating.powerWatts) };

  const curve = headphone.impedance ? impedanceFeatures(headphone.impedance, output.outputImpedanceOhms) : null;
  const minimum = curve ? curve.minimum : null;
  const minimumOhms = minimum ? minimum.ohms : loadOhms;
  const response = curve ? curve.response : null;

  return {
    listening: {
      voltsRms: listeningVolts,
      powerWatts: listeningPowerWatts,
      currentAmpsRms: currentAmpsRms(listeningVolts, loadOhms),
      peakVolts,
    },
    clean: {
      ...clean,
      splDb: cleanSplDb,
      powerWatts: powerWatts(clean.voltsRms, loadOhms),
      currentAmpsRms: currentAmpsRms(clean.voltsRms, loadOhms),
      voltageLimitSplDb: splFromVoltsRms(sensitivity, clean.voltageLimitVoltsRms),
      currentLimitSplDb: clean.currentLimitVoltsRms === null ? null : splFromVoltsRms(sensitivity, clean.currentLimitVoltsRms),
    },
    loudest: {
      voltsRms: loudestVolts,
      splDb: loudestSplDb,
      powerWatts: powerWatts(loudestVolts, loadOhms),
      limitedBy: headphoneLimits ? 'headphone-rating' : 'source',
      headphoneRating,
      farAboveSafeListening: loudestSplDb > FAR_ABOVE_SAFE_LISTENING_DB_SPL,
      allowedHours: nioshAllowedHours(loudestSplDb),
    },
    ratedInput,
    loudestCleanMusicDbSpl,
    headroomDb: loudestCleanMusicDbSpl - target.averageLevelDbSpl,
    noise:
      noiseVolts === null || noiseSplDb === null
        ? null
        : { voltsRms: noiseVolts, splDb: noiseSplDb, belowMusicDb: target.averageLevelDbSpl - noiseSplDb },
    volume: { settingDb, clipsAboveDb },
    load: { minimumOhms, minimumAtHz: minimum ? minimum.atHz : null },
    response,
    dampingFactor: output.outputImpedanceOhms === 0 ? null : minimumOhms / output.outputImpedanceOhms,
    exposure: { allowedHours: nioshAllowedHours(target.averageLevelDbSpl) },
  };
}

// Figures the volume-controls lesson quotes, computed by the lesson's models (src/dsp/volume, src/dsp/dac) so the
// prose, the figures, the questions and the widget can't disagree. Each is a plain number in the unit its name says.
import {
  AUDIO_TAPER_HALF_ROTATION_RATIO,
  DEFAULT_POT_SETTINGS,
  TRACKING_SPEC_ATTENUATION_DB,
  TRACKING_SPEC_ERROR_DB,
  gangOffsetRotation,
  loadedRatio,
  panPosition,
  potCurves,
  potPoint,
  rotationForRatio,
  taperRatio,
  wiperOutputOhms,
} from '../dsp/volume/potTaper';
import { deepChannelMatchLimitDb, ladderSteps, worstChannelMatchDb } from '../dsp/volume/steppedAttenuator';
import { bitsLostToAttenuation, snrAfterDigitalVolumeDb, TPDF_DITHER_PENALTY_DB } from '../dsp/volume/digitalVolumeBits';
import { DEFAULT_NOISE_CHAIN, musicVoltsRms, noiseCurves, noisePotAfterGainVoltsRms, noisePotBeforeGainVoltsRms, thermalNoiseVoltsRms } from '../dsp/volume/volumeNoise';

export const halfRotationPercent = AUDIO_TAPER_HALF_ROTATION_RATIO * 100;
export const halfRotationDb = 20 * Math.log10(AUDIO_TAPER_HALF_ROTATION_RATIO);
export const specAttenuationDb = TRACKING_SPEC_ATTENUATION_DB;
export const specErrorDb = TRACKING_SPEC_ERROR_DB;
/** Where the taper reaches −40 dB and −60 dB, % of the travel. */
export const specRotationPercent = 100 * rotationForRatio(10 ** (TRACKING_SPEC_ATTENUATION_DB / 20));
export const minus60RotationPercent = 100 * rotationForRatio(1e-3);

/** The example pot: 2 dB of gang error at −40 dB (within the common 3 dB grade). */
export const exampleGangErrorDb = DEFAULT_POT_SETTINGS.gangErrorDb;
const exampleOffset = gangOffsetRotation(exampleGangErrorDb);
const atRotation = (rotation: number) => potPoint({ ...DEFAULT_POT_SETTINGS, gangErrorDb: exampleGangErrorDb }, rotation, exampleOffset);
export const imbalanceAtNoonDb = atRotation(0.5).imbalanceDb;
export const imbalanceAt5PercentDb = atRotation(0.05).imbalanceDb;
export const levelAt5PercentDb = atRotation(0.05).leftDb;
export const imbalanceAt2PercentDb = atRotation(0.02).imbalanceDb;
export const levelAt2PercentDb = atRotation(0.02).leftDb;
export const panAt2Percent = panPosition(imbalanceAt2PercentDb);
export const panAtNoon = panPosition(imbalanceAtNoonDb);

/** The figure's curves: both tracks and the imbalance against rotation (%). */
const curves = potCurves({ ...DEFAULT_POT_SETTINGS, gangErrorDb: exampleGangErrorDb });
export const trackPoints = {
  left: curves.map((p) => ({ x: 100 * p.rotationNormalized, y: p.leftDb })),
  right: curves.map((p) => ({ x: 100 * p.rotationNormalized, y: p.rightDb })),
  imbalance: curves.map((p) => ({ x: 100 * p.rotationNormalized, y: p.imbalanceDb })),
};

/** Loading: a 50 kΩ pot at half rotation into a 10 kΩ input, against unloaded. */
export const LOAD_EXAMPLE = { potOhms: 50e3, loadOhms: 10e3 } as const;
export const loadedHalfDb = 20 * Math.log10(loadedRatio(taperRatio(0.5), LOAD_EXAMPLE.potOhms, LOAD_EXAMPLE.loadOhms));
export const loadedSagDb = halfRotationDb - loadedHalfDb;
export const wiperOhmsAtHalf50k = wiperOutputOhms(taperRatio(0.5), LOAD_EXAMPLE.potOhms);
export const maxWiperOhms50k = LOAD_EXAMPLE.potOhms / 4;
export const loadedCurve = Array.from({ length: 101 }, (_, i) => {
  const rotation = Math.max(0.01, i / 100);
  const r = taperRatio(rotation);
  return { x: 100 * rotation, free: 20 * Math.log10(r), loaded: 20 * Math.log10(loadedRatio(r, LOAD_EXAMPLE.potOhms, LOAD_EXAMPLE.loadOhms)) };
});

/** Digital volume: 30 dB down in 16 and 24 bits. */
export const DIGITAL_EXAMPLE_DB = -30;
export const bitsLostExample = bitsLostToAttenuation(DIGITAL_EXAMPLE_DB);
export const snr16Full = snrAfterDigitalVolumeDb(16, 0);
export const snr16Down = snrAfterDigitalVolumeDb(16, DIGITAL_EXAMPLE_DB);
export const snr24Down = snrAfterDigitalVolumeDb(24, DIGITAL_EXAMPLE_DB);
export const ditherPenaltyDb = TPDF_DITHER_PENALTY_DB;
export const bitsLost60 = bitsLostToAttenuation(-60);

/** A 24-step ladder of 2 dB steps, 10 kΩ, 0.1 % and 1 % resistors. */
export const LADDER = { totalOhms: 10e3, stepDb: 2, count: 24 } as const;
const ladder = ladderSteps(LADDER.totalOhms, LADDER.stepDb, LADDER.count);
export const ladderBottomDb = ladder.at(-1)?.attenuationDb ?? Number.NaN;
export const ladderMatch01Db = worstChannelMatchDb(ladder.at(-1) ?? ladder[0]!, 0.001);
export const ladderMatch1Db = worstChannelMatchDb(ladder.at(-1) ?? ladder[0]!, 0.01);
export const ladderLimit01Db = deepChannelMatchLimitDb(0.001);
export const ladderMatchPoints = {
  tenth: ladder.map((s) => ({ x: s.attenuationDb, y: worstChannelMatchDb(s, 0.001) })).reverse(),
  one: ladder.map((s) => ({ x: s.attenuationDb, y: worstChannelMatchDb(s, 0.01) })).reverse(),
};
/** The step's resistors at −20 dB. */
export const ladderStep20 = ladder.find((s) => Math.abs(s.attenuationDb + 20) < 1e-9) ?? ladder[0]!;

/** Hiss with the pot before or after the gain stage. */
export const noiseChain = DEFAULT_NOISE_CHAIN;
export const stageNoiseNanovolts = DEFAULT_NOISE_CHAIN.stageNoiseVoltsPerRootHz * 1e9;
export const potThermalMaxMicrovolts = thermalNoiseVoltsRms(DEFAULT_NOISE_CHAIN.potOhms / 4) * 1e6;
export const noisePoints = noiseCurves(DEFAULT_NOISE_CHAIN);
const NOISE_EXAMPLE_RATIO = 10 ** (-40 / 20);
export const noiseBefore40Microvolts = noisePotBeforeGainVoltsRms(DEFAULT_NOISE_CHAIN, NOISE_EXAMPLE_RATIO) * 1e6;
export const noiseAfter40Microvolts = noisePotAfterGainVoltsRms(DEFAULT_NOISE_CHAIN, NOISE_EXAMPLE_RATIO) * 1e6;
export const noiseBeforeFullMicrovolts = noisePotBeforeGainVoltsRms(DEFAULT_NOISE_CHAIN, 1) * 1e6;
export const music40Millivolts = musicVoltsRms(DEFAULT_NOISE_CHAIN, NOISE_EXAMPLE_RATIO) * 1e3;
export const snrBefore40Db = 20 * Math.log10(musicVoltsRms(DEFAULT_NOISE_CHAIN, NOISE_EXAMPLE_RATIO) / noisePotBeforeGainVoltsRms(DEFAULT_NOISE_CHAIN, NOISE_EXAMPLE_RATIO));
export const snrAfter40Db = 20 * Math.log10(musicVoltsRms(DEFAULT_NOISE_CHAIN, NOISE_EXAMPLE_RATIO) / noisePotAfterGainVoltsRms(DEFAULT_NOISE_CHAIN, NOISE_EXAMPLE_RATIO));

/** A 24-bit path turned down 40 dB digitally. */
export const bitsLost40 = bitsLostToAttenuation(-40);
export const bitsLeft24At40 = 24 - bitsLost40;
export const snr24At40 = snrAfterDigitalVolumeDb(24, -40);
/** The hiss left 60 dB down with the pot after the gain: the buffer's and the pot's own, µV. */
export const noiseAfterFloorMicrovolts = noisePotAfterGainVoltsRms(DEFAULT_NOISE_CHAIN, 1e-3) * 1e6;

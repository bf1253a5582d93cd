// Figures the DAC/amp-combos lesson quotes, computed from the level-chain model (src/dsp/levelChain), the line-level
// definitions (lineLevels.ts) and the quantizer, so the prose, the widget and the questions agree.
import { MUSIC_PEAK_DBFS } from '../audio/programLevels';
import { theoreticalSineSnrDb } from '../dsp/dac/quantizer';
import { AMP_CLIP_VOLTS_PEAK, AMP_GAINS, SOURCES, ampOutputVoltsPerFullScale, headroomDb, type LevelChainSettings } from '../dsp/levelChain';
import { CONSUMER_FULL_SCALE_VOLTS_RMS, dbBetween, smpteFullScaleVoltsRms } from './lineLevels';

export { MUSIC_PEAK_DBFS, AMP_CLIP_VOLTS_PEAK };

const pcm5102a = SOURCES.find((s) => s.id === 'pcm5102a');
if (!pcm5102a) throw new Error('dacAmpCombos: the level-chain model has no PCM5102A source');
/** The PCM5102A's full-scale output, Vrms (TI datasheet, via the level-chain model). */
export const PCM5102A_FULL_SCALE_VOLTS_RMS = pcm5102a.fullScale.voltsRms;
export const PCM5102A_SOURCE_LABEL = pcm5102a.name;

export const HIGH_GAIN = Math.max(...AMP_GAINS);
export const LOW_GAIN = Math.min(...AMP_GAINS.filter((g) => g > 1));
/** The O2 clip point as an rms sine voltage (7.24 Vrms into 300 Ω). */
export const ampClipVoltsRms = AMP_CLIP_VOLTS_PEAK / Math.SQRT2;

/** The PCM5102A against the consumer full-scale convention (≈ +0.4 dB) and against pro full scale, SMPTE (≈ −15.3 dB). */
export const pcmAboveConsumerFullScaleDb = dbBetween(PCM5102A_FULL_SCALE_VOLTS_RMS, CONSUMER_FULL_SCALE_VOLTS_RMS);
export const proFullScaleAbovePcmDb = dbBetween(smpteFullScaleVoltsRms, PCM5102A_FULL_SCALE_VOLTS_RMS);

const chain = (digitalVolumeDb: number, ampGain: number): LevelChainSettings => ({ sourceId: 'pcm5102a', digitalVolumeDb, ampGain });
/** Peak volts the music loop asks for at the amp's output, and the headroom, for the PCM5102A chain. */
export function pcmChainPeakVolts(digitalVolumeDb: number, ampGain: number): number {
  return ampOutputVoltsPerFullScale(chain(digitalVolumeDb, ampGain)) * 10 ** (MUSIC_PEAK_DBFS / 20);
}
export function pcmChainHeadroomDb(digitalVolumeDb: number, ampGain: number): number {
  return headroomDb(chain(digitalVolumeDb, ampGain), MUSIC_PEAK_DBFS);
}

/** The O2's gain switch, high to low, in dB (≈ 8.3 dB). */
export const gainSwitchDb = 20 * Math.log10(HIGH_GAIN / LOW_GAIN);

/** A 16-bit digital volume: SNR after turning down by `cutDb` (1 dB lost per dB down). */
export const sixteenBitSnrDb = theoreticalSineSnrDb(16);
export function sixteenBitSnrAfterCutDb(cutDb: number): number {
  return sixteenBitSnrDb - cutDb;
}

/** Headroom of the PCM5102A into high gain across the digital volume range, for a figure. */
export function headroomAcrossDigitalVolume(ampGain: number): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (let db = -20; db <= 0; db += 0.5) points.push({ x: db, y: pcmChainHeadroomDb(db, ampGain) });
  return points;
}

// Figures the what-a-dac-does lesson quotes, computed from the level-chain and DAC models and the catalogue, so the
// prose follows them. Each is in the unit its name says.
import { MUSIC_PEAK_DBFS } from '../audio/programLevels';
import { nosImageLevelDb, zeroOrderHoldDroopDb } from '../dsp/dac/reconstruction';
import { theoreticalSineSnrDb } from '../dsp/dac/quantizer';
import { AMP_CLIP_VOLTS_PEAK, SOURCES, ampOutputVoltsPerFullScale, headroomDb } from '../dsp/levelChain';
import { currentAmpsRms } from '../dsp/matching/sensitivity';

const pcm5102a = SOURCES.find((s) => s.id === 'pcm5102a');
if (!pcm5102a) throw new Error('lessonValues/whatADacDoes: no PCM5102A source in the level chain');
/** The PCM5102A's full-scale output (TI SLAS859). */
export const PCM5102A_FULL_SCALE_VOLTS_RMS = pcm5102a.fullScale.voltsRms;
/** The smallest load its line driver is specified for (TI SLAS859). */
export const LINE_LOAD_OHMS = 1000;
export const HEADPHONE_OHMS = 32;
export const lineLoadAmps = currentAmpsRms(PCM5102A_FULL_SCALE_VOLTS_RMS, LINE_LOAD_OHMS);
export const headphoneAmps = currentAmpsRms(PCM5102A_FULL_SCALE_VOLTS_RMS, HEADPHONE_OHMS);
export const currentRatio = headphoneAmps / lineLoadAmps;

/** The level-chain widget: the music loop's peak demand and the headroom at each gain, full digital volume. */
export const MUSIC_PEAK = MUSIC_PEAK_DBFS;
export const ampClipVoltsPeak = AMP_CLIP_VOLTS_PEAK;
export const demandVoltsPeak = (ampGain: number): number =>
  ampOutputVoltsPerFullScale({ sourceId: 'pcm5102a', digitalVolumeDb: 0, ampGain }) * 10 ** (MUSIC_PEAK_DBFS / 20);
export const chainHeadroomDb = (ampGain: number): number => headroomDb({ sourceId: 'pcm5102a', digitalVolumeDb: 0, ampGain }, MUSIC_PEAK_DBFS);

/** An ideal 16-bit converter's SNR for a full-scale sine. */
export const sixteenBitSnrDb = theoreticalSineSnrDb(16);

/** A zero-order hold at 44.1 kHz: its droop at 20 kHz and the first image of a 10 kHz tone. */
export const CD_RATE_HZ = 44_100;
export const IMAGE_TONE_HZ = 10_000;
export const holdDroopAt20kDb = zeroOrderHoldDroopDb(20_000, CD_RATE_HZ);
export const firstImageHz = CD_RATE_HZ - IMAGE_TONE_HZ;
export const firstImageDb = nosImageLevelDb(IMAGE_TONE_HZ, firstImageHz, CD_RATE_HZ);
/** The hold's response from 0 to 3·fs, floored at −60 dB where it has nulls (whole multiples of fs). */
export const holdResponse = Array.from({ length: 241 }, (_, i) => {
  const x = (3 * CD_RATE_HZ * i) / 240;
  return { x: x / 1000, y: Math.max(-60, zeroOrderHoldDroopDb(x, CD_RATE_HZ)) };
});

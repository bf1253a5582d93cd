// Figures the sample-rates lesson quotes, computed from the reconstruction models in src/dsp/dac, so the prose, the
// widget and other lessons can't disagree. Each is a plain number in the unit its name says.
import { heldResponseDb } from '../dsp/dac/sampleRateDemo';
import { imageFrequenciesHz, nosImageLevelDb, PCM1796_FILTER, zeroOrderHoldDroopDb } from '../dsp/dac/reconstruction';

export const CD_RATE_HZ = 44_100;
export const HI_RATE_HZ = 96_000;
export const PAGE_RATE_HZ = 48_000;

export const droop = (frequencyHz: number, sampleRateHz: number): number => zeroOrderHoldDroopDb(frequencyHz, sampleRateHz);
export const cdDroop10k = droop(10_000, CD_RATE_HZ);
export const cdDroop20k = droop(20_000, CD_RATE_HZ);
export const nyquistDroop = droop(CD_RATE_HZ / 2, CD_RATE_HZ);
export const hiDroop10k = droop(10_000, HI_RATE_HZ);
export const hiDroop20k = droop(20_000, HI_RATE_HZ);

/** The first image of a tone, fs − f, relative to the tone after a hold. */
export const firstImageDb = (toneHz: number, sampleRateHz: number): number => nosImageLevelDb(toneHz, sampleRateHz - toneHz, sampleRateHz);
export const cd10kImageDb = firstImageDb(10_000, CD_RATE_HZ);
export const cd20kImageDb = firstImageDb(20_000, CD_RATE_HZ);
export const hi20kImageHz = HI_RATE_HZ - 20_000;

/** The predict question: a 2 kHz tone on a 12 kHz NOS DAC (the widget's ¼ of a 48 kHz page). */
export const PREDICT_TONE_HZ = 2000;
export const PREDICT_FACTOR = 4;
export const predictRateHz = PAGE_RATE_HZ / PREDICT_FACTOR;
export const predictImagesHz = imageFrequenciesHz(PREDICT_TONE_HZ, predictRateHz, 2);
/** As the widget plays it (each sample repeated at the page's rate): the image's level relative to the tone. */
export const predictImageWidgetDb = (imageHz: number): number =>
  heldResponseDb(imageHz, PREDICT_FACTOR, PAGE_RATE_HZ) - heldResponseDb(PREDICT_TONE_HZ, PREDICT_FACTOR, PAGE_RATE_HZ);
export const predictImageAnalogDb = firstImageDb(PREDICT_TONE_HZ, predictRateHz);
export const predictToneDroopDb = droop(PREDICT_TONE_HZ, predictRateHz);

/** The PCM1796's sharp filter at 44.1 kHz: flat to 0.454·fs, ≥ 98 dB down from 0.546·fs. */
export const pcm1796 = PCM1796_FILTER;
export const cdPassbandHz = pcm1796.passbandEdgeRatio * CD_RATE_HZ;
export const cdStopbandHz = pcm1796.stopbandEdgeRatio * CD_RATE_HZ;

/** The hold's droop from 20 Hz to 20 kHz at a sample rate: a figure's curve. */
export const droopCurve = (sampleRateHz: number, points = 100): { x: number; y: number }[] =>
  Array.from({ length: points }, (_, i) => {
    const x = 20 * 1000 ** (i / (points - 1));
    return { x, y: droop(x, sampleRateHz) };
  });

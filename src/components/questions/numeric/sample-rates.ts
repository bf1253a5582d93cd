// Numeric question for "Sample rates and reconstruction filters": how far below a tone a NOS DAC's first image
// (fs − f) lies after the zero-order hold, 20·log10((fs − f)/f), from src/dsp/dac/reconstruction.
import { formatNumber } from '../../format';
import { nosImageLevelDb } from '../../../dsp/dac/reconstruction';
import { pick, type NumericGenerator } from './types';

const RATES_HZ = [44_100, 48_000, 96_000] as const;
const TONES_HZ = [1000, 5000, 10_000, 15_000, 20_000] as const;

const khz = (hz: number): string => formatNumber(hz / 1000, 4);

export const firstImage: NumericGenerator = (random) => {
  const rateHz = pick(RATES_HZ, random);
  const toneHz = pick(TONES_HZ, random);
  const imageHz = rateHz - toneHz;
  const answer = -nosImageLevelDb(toneHz, imageHz, rateHz);
  return {
    prompt: `A NOS DAC (a zero-order hold) at ${khz(rateHz)} kHz plays a ${khz(toneHz)} kHz tone. How many dB below the tone is its first image?`,
    answer,
    unit: 'dB',
    tolerance: { absolute: 0.2 },
    digits: 3,
    working: [
      `The first image sits at fs − f = ${khz(rateHz)} − ${khz(toneHz)} = ${khz(imageHz)} kHz.`,
      'The hold\'s response is sinc(f/fs); at an image the sine in sinc has the same size as at the tone, so only the denominators differ: the image is f / (fs − f) of the tone.',
      `20·log10(${khz(imageHz)} / ${khz(toneHz)}) = ${formatNumber(answer, 3)} dB below the tone.`,
    ],
    mistakes: [
      { answer: 20 * Math.log10((rateHz + toneHz) / toneHz), why: 'That is the image at fs + f, the second one. The first image is the lower one, fs − f, and it is the louder.' },
      { answer: -20 * Math.log10(Math.abs(Math.sin((Math.PI * imageHz) / rateHz) / ((Math.PI * imageHz) / rateHz))), why: 'That is the image\'s own droop. Relative to the tone, subtract the droop the tone itself gets: the hold weakens the tone too.' },
    ],
  };
};

// Numeric question for "Bits, dither and noise": the SNR of an ideal N-bit converter for a sine peaking at L dBFS,
// 6.02N + 1.76 + L dB, less 4.77 dB with TPDF dither, from src/dsp/dac.
import { formatNumber, formatSigned } from '../../format';
import { ditherNoisePenaltyDb } from '../../../dsp/dac/dither';
import { theoreticalToneSnrDb } from '../../../dsp/dac/quantizationDemo';
import { theoreticalSineSnrDb } from '../../../dsp/dac/quantizer';
import { pick, type NumericGenerator } from './types';

const BITS = [8, 12, 16, 20, 24] as const;
const LEVEL_DBFS = [0, -10, -20, -30, -40] as const;
const DITHERED = [false, true] as const;

export const quietSnr: NumericGenerator = (random) => {
  const bits = pick(BITS, random);
  const levelDbfs = pick(LEVEL_DBFS, random);
  const dithered = pick(DITHERED, random);
  const fullScale = theoreticalSineSnrDb(bits);
  const penalty = dithered ? ditherNoisePenaltyDb('tpdf') : 0;
  const answer = theoreticalToneSnrDb(bits, levelDbfs, dithered ? 'tpdf' : 'none');
  const mistakes = [
    ...(levelDbfs < 0 ? [{ answer: fullScale - penalty, why: 'That is the SNR of a full-scale sine. The rounding noise stays put when the music gets quieter, so every decibel below full scale costs a decibel of SNR.' }] : []),
    ...(dithered ? [{ answer: answer + penalty, why: 'That leaves out the dither\'s own noise: TPDF adds twice the rounding noise\'s power, Δ²/4 in all, 4.77 dB more.' }] : []),
    { answer: 6.02 * bits + levelDbfs - penalty, why: 'That drops the 1.76 dB: a full-scale sine\'s power (1/2) over the rounding noise (Δ²/12) gives 6.02N + 1.76 dB, not 6.02N.' },
  ];
  return {
    prompt: `An ideal ${bits}-bit converter plays a sine peaking at ${levelDbfs === 0 ? '0' : formatSigned(levelDbfs, 0)} dBFS, ${dithered ? 'with TPDF dither' : 'without dither'}. What is its signal-to-noise ratio, in dB?`,
    answer,
    unit: 'dB',
    tolerance: { absolute: 0.3 },
    digits: 4,
    working: [
      `A full-scale sine over the rounding noise: 6.02 × ${bits} + 1.76 = ${formatNumber(fullScale, 4)} dB.`,
      levelDbfs < 0 ? `The noise stays put while the sine is ${-levelDbfs} dB lower: ${formatNumber(fullScale, 4)} − ${-levelDbfs} = ${formatNumber(fullScale + levelDbfs, 4)} dB.` : 'At full scale nothing more comes off for level.',
      dithered ? `TPDF dither adds 4.77 dB of noise: ${formatNumber(fullScale + levelDbfs, 4)} − 4.77 = ${formatNumber(answer, 4)} dB.` : 'Without dither nothing comes off for dither (the formula assumes the error is spread evenly, which holds while the tone crosses many steps).',
    ],
    mistakes,
  };
};

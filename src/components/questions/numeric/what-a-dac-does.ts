// Numeric questions for "What a DAC does — and why it isn't the amp": how much current a load draws from a DAC
// chip's output (Ohm's law, src/dsp/matching/sensitivity), and an ideal converter's SNR (src/dsp/dac/quantizer).
import { formatNumber } from '../../format';
import { theoreticalSineSnrDb } from '../../../dsp/dac/quantizer';
import { currentAmpsRms } from '../../../dsp/matching/sensitivity';
import { pick, type NumericGenerator } from './types';

const OUTPUT_VOLTS_RMS = [0.5, 1, 1.2, 2, 2.1] as const;
const HEADPHONE_OHMS = [16, 32, 38, 64, 80, 150, 300] as const;

/** I = V/Z into a headphone, compared with the 1 kΩ line input the chip is specified for. */
export const headphoneCurrent: NumericGenerator = (random) => {
  const voltsRms = pick(OUTPUT_VOLTS_RMS, random);
  const ohms = pick(HEADPHONE_OHMS, random);
  const answer = currentAmpsRms(voltsRms, ohms) * 1000;
  const lineMilliamps = currentAmpsRms(voltsRms, 1000) * 1000;
  return {
    prompt: `A DAC chip's line output, specified for loads of 1 kΩ or more, puts ${formatNumber(voltsRms)} Vrms across a ${ohms} Ω headphone instead. How much current must it supply, in mA rms?`,
    answer,
    unit: 'mA',
    tolerance: { relative: 0.03 },
    digits: 3,
    working: [
      `Ohm's law: I = V / Z = ${formatNumber(voltsRms)} V / ${ohms} Ω = ${formatNumber(answer)} mA.`,
      `Into the 1 kΩ line input it is designed for, the same voltage draws ${formatNumber(lineMilliamps)} mA: ${formatNumber(answer / lineMilliamps)} times less.`,
    ],
    mistakes: [
      { answer: lineMilliamps, why: 'That is the current into the 1 kΩ line input. The headphone\'s impedance is much lower, so the same voltage drives far more current.' },
      { answer: (voltsRms * ohms) / 1000, why: 'That multiplies by the impedance. Current is voltage divided by impedance: a lower impedance draws more.' },
    ],
  };
};

const BIT_DEPTHS = [8, 12, 14, 16, 20, 24] as const;

/** SNR = 6.02·N + 1.76 dB for a full-scale sine. */
export const idealSnr: NumericGenerator = (random) => {
  const bits = pick(BIT_DEPTHS, random);
  const answer = theoreticalSineSnrDb(bits);
  return {
    prompt: `What signal-to-noise ratio does an ideal ${bits}-bit converter give for a full-scale sine, in dB?`,
    answer,
    unit: 'dB',
    tolerance: { absolute: 0.3 },
    digits: 4,
    working: [
      'Each bit halves the step, so the rounding noise falls by 20·log10(2) ≈ 6.02 dB per bit.',
      `A full-scale sine's power against the rounding noise's (step²/12) adds 1.76 dB: 6.02 × ${bits} + 1.76 = ${formatNumber(answer, 4)} dB.`,
    ],
    mistakes: [
      { answer: 20 * Math.log10(2) * bits, why: 'That is 6.02 dB per bit without the 1.76 dB that comes from comparing a sine\'s power with the rounding noise\'s.' },
      { answer: 6 * bits, why: 'Six decibels per bit is the rule of thumb; the exact step is 6.02 dB, plus 1.76 dB for the sine.' },
    ],
  };
};

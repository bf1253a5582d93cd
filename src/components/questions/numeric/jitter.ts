// Numeric questions for "Clock jitter": the jitter-limited SNR of a full-scale sine, and the sidebands sinusoidal
// jitter puts beside a tone, from the formulas in src/dsp/dac/jitter.
import { formatNumber, formatSigned } from '../../format';
import { jitterLimitedSnrDb, sinusoidalJitterSidebandDb } from '../../../dsp/dac/jitter';
import { pick, type NumericGenerator } from './types';

const TONE_HZ = [1000, 2000, 5000, 10000, 15000, 20000] as const;
const JITTER_PS = [10, 50, 100, 200, 500, 1000, 2000] as const;

const seconds = (ps: number): number => ps * 1e-12;
const khz = (hz: number): string => `${formatNumber(hz / 1000)} kHz`;

/** −20·log10(2π·f·tj) for a drawn tone and rms jitter. */
export const snrLimit: NumericGenerator = (random) => {
  const toneHz = pick(TONE_HZ, random);
  const jitterPs = pick(JITTER_PS, random);
  const answer = jitterLimitedSnrDb(toneHz, seconds(jitterPs));
  const product = 2 * Math.PI * toneHz * seconds(jitterPs);
  return {
    prompt: `A DAC's clock has ${jitterPs} ps rms of random jitter. It plays a full-scale ${khz(toneHz)} sine. How many dB below the tone does the jitter noise sit (the jitter-limited SNR)?`,
    answer,
    unit: 'dB',
    tolerance: { absolute: 0.5 },
    digits: 3,
    working: [
      'The level error is the sine\'s slope times the timing error; for a full-scale sine that gives SNR = −20·log10(2π·f·tj), with tj the rms jitter.',
      `2π × ${toneHz} Hz × ${jitterPs} × 10^−12 s = ${formatNumber(product, 3)}.`,
      `SNR = −20·log10(${formatNumber(product, 3)}) = ${formatNumber(answer, 3)} dB. The sample rate does not appear.`,
    ],
    mistakes: [
      {
        answer: answer + 20 * Math.log10(2 * Math.PI),
        why: 'That leaves out the 2π. The sine\'s steepest slope is 2π·f times its amplitude per second, not f, so the error is 2π times larger: 16 dB less SNR.',
      },
      {
        answer: answer / 2,
        why: 'That uses 10·log10. The ratio 2π·f·tj is a ratio of amplitudes (volts), so it takes 20·log10.',
      },
    ],
  };
};

const SIDEBAND_TONE_HZ = [1000, 5000, 10000, 20000] as const;
const SIDEBAND_JITTER_NS = [1, 10, 100, 1000] as const;

/** Each sideband of sinusoidal jitter, 20·log10(π·f·tpk) with tpk = √2·trms. */
export const sidebandLevel: NumericGenerator = (random) => {
  const toneHz = pick(SIDEBAND_TONE_HZ, random);
  const jitterNs = pick(SIDEBAND_JITTER_NS, random);
  const peakSeconds = Math.SQRT2 * jitterNs * 1e-9;
  const answer = sinusoidalJitterSidebandDb(toneHz, peakSeconds);
  return {
    prompt: `A clock wobbles sinusoidally with ${jitterNs} ns rms of jitter. It plays a ${khz(toneHz)} tone. How loud is each of the two sidebands beside the tone, in dB relative to the tone?`,
    answer,
    unit: 'dB',
    tolerance: { absolute: 0.5 },
    digits: 3,
    working: [
      'Sinusoidal jitter phase-modulates the tone with index β = 2π·f·tpk; for small β each sideband is β/2 of the tone: 20·log10(π·f·tpk).',
      `A sinusoid's peak is √2 times its rms: tpk = √2 × ${jitterNs} ns = ${formatNumber(peakSeconds * 1e9, 3)} ns.`,
      `20·log10(π × ${toneHz} Hz × ${formatNumber(peakSeconds, 3)} s) = ${formatSigned(answer, 1)} dB each.`,
    ],
    mistakes: [
      {
        answer: sinusoidalJitterSidebandDb(toneHz, jitterNs * 1e-9),
        why: 'That uses the rms value as the peak. For a sinusoidal wobble the peak is √2 times the rms, which puts each sideband 3 dB higher.',
      },
      {
        answer: -jitterLimitedSnrDb(toneHz, jitterNs * 1e-9),
        why: 'That is both sidebands together (the random-jitter formula). Each of the two carries half that power, 3 dB less.',
      },
    ],
  };
};

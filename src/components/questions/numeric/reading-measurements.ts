// Numeric questions for "Reading amplifier measurements", each from a published reading (src/data/sources.json): the
// power at a 1 % THD+N clip point from its voltage and load, and a SINAD figure as THD+N in percent.
import { formatNumber } from '../../format';
import { pick, type NumericGenerator } from './types';

/** Clip points as reviewers publish them: rms volts at 1 % THD+N into a resistive load. */
export const CLIP_READINGS = [
  { device: 'an Objective2 (O2)', voltsRms: 7.24, loadOhms: 300, sourceId: 'sbaf-o2-measurements' },
  { device: 'an Objective2 (O2)', voltsRms: 4.24, loadOhms: 33, sourceId: 'sbaf-o2-measurements' },
  { device: 'a FiiO K13 R2R (single-ended, high gain)', voltsRms: 4.4, loadOhms: 16, sourceId: 'fiio-k13-r2r-parameters' },
] as const;

/** SINAD figures as published: Apple's USB-C adapter (98 dB), the Scarlett 2i2 4th Gen's THD+N of −99 and −108 dB. */
export const SINAD_READINGS = [
  { device: "Apple's USB-C headphone adapter", sinadDb: 98, sourceId: 'frieve-apple-usbc' },
  { device: 'the Focusrite Scarlett 2i2 (4th Gen) headphone output into 33 Ω', sinadDb: 99, sourceId: 'asr-scarlett-4th-gen' },
  { device: 'the Focusrite Scarlett 2i2 (4th Gen) headphone output into 300 Ω', sinadDb: 108, sourceId: 'asr-scarlett-4th-gen' },
] as const;

/** THD+N in percent from SINAD in dB (closed form; kept here so the page loads no models for a new draw). */
const percentFromSinadDb = (sinadDb: number): number => 100 * 10 ** (-sinadDb / 20);
const wattsFromVolts = (voltsRms: number, loadOhms: number): number => (voltsRms * voltsRms) / loadOhms;

const POWER_TOLERANCE = 0.03;
const PERCENT_TOLERANCE = 0.05;

/** Rms volts at 1 % THD+N into a load → mW. */
export const powerAtOnePercent: NumericGenerator = (random) => {
  const reading = pick(CLIP_READINGS, random);
  const answer = wattsFromVolts(reading.voltsRms, reading.loadOhms) * 1000;
  return {
    prompt: `A published measurement of ${reading.device} reaches 1 % THD+N at ${formatNumber(reading.voltsRms)} V rms into a ${reading.loadOhms} Ω resistor. How much power is that, in milliwatts?`,
    answer,
    unit: 'mW',
    tolerance: { relative: POWER_TOLERANCE },
    digits: 3,
    working: [
      `Power into a resistor is P = V²/R, with V the rms voltage.`,
      `P = ${formatNumber(reading.voltsRms)}² / ${reading.loadOhms} = ${formatNumber(reading.voltsRms ** 2, 4)} / ${reading.loadOhms} W = ${formatNumber(answer)} mW.`,
      'That is the most this amplifier delivers cleanly into that load; the power rating you read in reviews is this figure.',
    ],
    mistakes: [
      { answer: (reading.voltsRms / reading.loadOhms) * 1000, why: 'That is V/R, the current in milliamps, not the power. Power is V²/R: square the voltage first.' },
      { answer: ((2 * reading.voltsRms ** 2) / reading.loadOhms) * 1000, why: 'That treats the rms voltage as a peak voltage and converts again. The reading is already rms, so P = V²/R directly.' },
    ].filter((m) => Math.abs(m.answer - answer) > POWER_TOLERANCE * answer),
  };
};

/** SINAD in dB → THD+N in %. */
export const sinadToPercent: NumericGenerator = (random) => {
  const reading = pick(SINAD_READINGS, random);
  const answer = percentFromSinadDb(reading.sinadDb);
  return {
    prompt: `A review gives ${reading.device} a SINAD of ${reading.sinadDb} dB. What is that as THD+N in percent?`,
    answer,
    unit: '%',
    tolerance: { relative: PERCENT_TOLERANCE },
    digits: 3,
    working: [
      'SINAD is THD+N upside down: the test tone over everything else, as a ratio of voltages in dB. So THD+N = 10^(−SINAD/20).',
      `10^(−${reading.sinadDb}/20) = ${formatNumber(answer / 100, 3)}, which is ${formatNumber(answer, 3)} %.`,
      'Each 20 dB of SINAD is a factor of 10: 40 dB is 1 %, 60 dB is 0.1 %, 100 dB is 0.001 %.',
    ],
    mistakes: [
      { answer: 100 * 10 ** (-reading.sinadDb / 10), why: 'That divides by 10, the rule for power ratios. SINAD compares voltages, so divide by 20.' },
      { answer: 10 ** (-reading.sinadDb / 20), why: 'That is the ratio itself. Multiply by 100 for percent.' },
    ].filter((m) => Math.abs(m.answer - answer) > PERCENT_TOLERANCE * answer),
  };
};

// Numeric questions for "Portable and desktop amplifiers": the loudest clean level a supply allows into a headphone,
// SPL = S + 20·log10((Vrail − Vdrop)/√2), and the current a cell gives when a converter steps it up to higher rails
// (power is conserved), from src/dsp/matching/sensitivity and src/lessonValues/portableVsDesktop.
import { formatNumber } from '../../format';
import { splFromVoltsRms } from '../../../dsp/matching/sensitivity';
import { boostedCellAmps } from '../../../lessonValues/portableVsDesktop';
import { pick, type NumericGenerator } from './types';

const RAIL_VOLTS = [1.85, 2.5, 4.5, 9, 12, 15] as const;
const DROPOUT_VOLTS = [0, 0.2, 0.5, 1.7] as const;
const SENSITIVITY_DB_PER_VOLT = [96, 103, 110, 118] as const;

/** The loudest clean sine level from ±Vrail with a dropout into a headphone of sensitivity S. */
export const loudestClean: NumericGenerator = (random) => {
  const railVolts = pick(RAIL_VOLTS, random);
  const dropoutVolts = pick(DROPOUT_VOLTS.filter((d) => d < railVolts - 0.5), random);
  const sensitivity = pick(SENSITIVITY_DB_PER_VOLT, random);
  const peakVolts = railVolts - dropoutVolts;
  const rmsVolts = peakVolts / Math.SQRT2;
  const answer = splFromVoltsRms(sensitivity, rmsVolts);
  return {
    prompt: `An amplifier runs on ±${formatNumber(railVolts)} V rails and its output ${dropoutVolts === 0 ? 'reaches each rail (0 V dropout)' : `stops ${formatNumber(dropoutVolts)} V short of each rail`}. It drives a headphone of ${sensitivity} dB SPL per volt. What is the loudest clean sine level, in dB SPL?`,
    answer,
    unit: 'dB SPL',
    tolerance: { absolute: 0.3 },
    digits: 4,
    working: [
      `The largest clean peak is the rail less the dropout: ${formatNumber(railVolts)} − ${formatNumber(dropoutVolts)} = ${formatNumber(peakVolts)} V.`,
      `A sine's rms value is its peak divided by √2: ${formatNumber(peakVolts)} / 1.414 = ${formatNumber(rmsVolts)} V rms.`,
      `SPL = S + 20·log10(V / 1 V) = ${sensitivity} + 20·log10(${formatNumber(rmsVolts)}) = ${formatNumber(answer, 4)} dB SPL.`,
    ],
    mistakes: [
      { answer: splFromVoltsRms(sensitivity, peakVolts), why: 'That uses the peak voltage as if it were rms. Sensitivity in dB/V is for volts rms, and a sine\'s rms is its peak / √2, 3 dB less.' },
      ...(dropoutVolts > 0
        ? [{ answer: splFromVoltsRms(sensitivity, railVolts / Math.SQRT2), why: 'That leaves out the dropout: the output stops short of each rail, so the peak is the rail less the dropout.' }]
        : []),
      { answer: sensitivity + 10 * Math.log10(rmsVolts), why: 'Voltage goes into decibels as 20·log10, not 10·log10 (10·log10 is for power).' },
    ],
  };
};

const CELL_VOLTS = [3.6, 3.7] as const;
const BOOST_RAIL_VOLTS = [5, 9, 12] as const;
const RAIL_MILLIAMPS = [10, 20, 31, 40] as const;
const EFFICIENCY = [0.8, 0.85, 0.9] as const;

/** The current one cell supplies when a converter steps it up to ±Vrail for an amplifier drawing I from each rail. */
export const boostedCell: NumericGenerator = (random) => {
  const cellVolts = pick(CELL_VOLTS, random);
  const railVolts = pick(BOOST_RAIL_VOLTS, random);
  const railMilliamps = pick(RAIL_MILLIAMPS, random);
  const efficiency = pick(EFFICIENCY, random);
  const railWatts = 2 * railVolts * (railMilliamps / 1000);
  const answer = 1000 * boostedCellAmps(railVolts, railMilliamps / 1000, cellVolts, efficiency);
  return {
    prompt: `A converter steps one ${formatNumber(cellVolts)} V cell up to ±${railVolts} V rails, ${formatNumber(efficiency * 100)} % efficient. The amplifier draws ${railMilliamps} mA from the + rail to the − rail. How much current does the cell supply, in mA?`,
    answer,
    unit: 'mA',
    tolerance: { relative: 0.03 },
    digits: 3,
    working: [
      `The rails span ${2 * railVolts} V, so they deliver ${2 * railVolts} V × ${railMilliamps} mA = ${formatNumber(railWatts)} W.`,
      `Power is conserved, less the converter's losses: the cell gives ${formatNumber(railWatts)} W / ${formatNumber(efficiency)} = ${formatNumber(railWatts / efficiency)} W.`,
      `At ${formatNumber(cellVolts)} V that is ${formatNumber(railWatts / efficiency)} W / ${formatNumber(cellVolts)} V = ${formatNumber(answer)} mA.`,
    ],
    mistakes: [
      { answer: railMilliamps, why: 'Current is not what a converter passes on: power is. Stepping the voltage up means the cell supplies several times the rails\' current.' },
      { answer: answer * efficiency, why: 'That is the lossless bound. A real converter wastes some power, so the cell supplies more: divide by the efficiency.' },
      { answer: answer / 2, why: 'The rail current flows from the + rail to the − rail, across twice the rail voltage: the power is 2·Vrail·I.' },
    ],
  };
};

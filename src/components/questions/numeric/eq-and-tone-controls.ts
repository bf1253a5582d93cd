// Numeric questions for "Tone controls, EQ and gain": the preamp cut an EQ needs so a track's peaks can't clip (the
// EQ's largest boost from the cookbook filters in src/dsp/eq), and a gain switch in dB.
import { formatNumber, formatSigned } from '../../format';
import type { EqBand } from '../../../dsp/eq/presets';
import { largestBoostDb } from '../../../lessonValues/eqAndToneControls';
import { pick, type NumericGenerator } from './types';

const PEAK_GAIN_DB = [3, 4, 5, 6] as const;
const SHELF_GAIN_DB = [2, 3, 4] as const;
const CUT_GAIN_DB = [-2, -3, -4] as const;
const TRACK_PEAK_DBFS = [0, -0.5, -1, -2] as const;

/** The least preamp cut that keeps a steady tone at the EQ's largest boost inside full scale. */
export const eqPreamp: NumericGenerator = (random) => {
  const peakDb = pick(PEAK_GAIN_DB, random);
  const shelfDb = pick(SHELF_GAIN_DB, random);
  const cutDb = pick(CUT_GAIN_DB, random);
  const trackPeakDbfs = pick(TRACK_PEAK_DBFS, random);
  const bands: EqBand[] = [
    { kind: 'peaking', frequencyHz: 60, gainDb: peakDb, q: 1.4 },
    { kind: 'peaking', frequencyHz: 800, gainDb: cutDb, q: 1.4 },
    { kind: 'high-shelf', frequencyHz: 10_000, gainDb: shelfDb, q: Math.SQRT1_2 },
  ];
  const boostDb = largestBoostDb(bands);
  const answer = Math.min(0, -(boostDb + trackPeakDbfs));
  return {
    prompt: `Your EQ has three bands: a peak of +${peakDb} dB at 60 Hz, a cut of ${formatSigned(cutDb, 0)} dB at 800 Hz and a high shelf of +${shelfDb} dB at 10 kHz. Your loudest track peaks at ${formatNumber(trackPeakDbfs)} dBFS. What preamp gain (in dB, negative) is the least cut that keeps a steady tone at the largest boost from clipping?`,
    answer,
    unit: 'dB',
    tolerance: { absolute: 0.3 },
    digits: 2,
    working: [
      `The bands sit far apart, so they don't add: the largest boost is the largest single band's, about +${formatNumber(boostDb, 2)} dB (the shelf reaches its full gain only at the top of the band).`,
      `The track already peaks at ${formatNumber(trackPeakDbfs)} dBFS, so it has ${formatNumber(-trackPeakDbfs)} dB to spare before full scale.`,
      `Preamp = −(${formatNumber(boostDb, 2)} dB − ${formatNumber(-trackPeakDbfs)} dB) = ${formatSigned(answer, 1)} dB. Then turn the amplifier up to make up the level.`,
    ],
    mistakes: [
      { answer: Math.min(0, -(peakDb + shelfDb + trackPeakDbfs)), why: 'That adds the boosts of bands at different frequencies. They raise different parts of the spectrum; only where they overlap do they add, so the largest single boost is what counts.' },
      ...(trackPeakDbfs < 0 ? [{ answer: -boostDb, why: 'That is safe, but more cut than needed: the track already peaks below full scale, and that margin counts towards the boost.' }] : []),
      { answer: -answer, why: 'The preamp turns the level down before the boost: a negative gain, not a positive one.' },
    ],
  };
};

const SWITCH_GAINS = [
  [1, 2.5],
  [2.5, 6.5],
  [1, 4],
  [2, 10],
  [3, 8],
] as const;

/** How many dB a gain switch changes the level by: 20·log10(high / low). */
export const gainSwitch: NumericGenerator = (random) => {
  const [low, high] = pick(SWITCH_GAINS, random);
  const answer = 20 * Math.log10(high / low);
  return {
    prompt: `An amplifier's gain switch goes from ${formatNumber(high)}× to ${formatNumber(low)}×. At the same knob position, by how many dB does the music get quieter?`,
    answer,
    unit: 'dB',
    tolerance: { absolute: 0.2 },
    digits: 3,
    working: [
      'Gain is a ratio of voltages, so a change of gain in dB is 20·log10 of the ratio of the two gains.',
      `20·log10(${formatNumber(high)} / ${formatNumber(low)}) = ${formatNumber(answer, 3)} dB, at every frequency: level, not tone.`,
    ],
    mistakes: [
      { answer: 10 * Math.log10(high / low), why: 'That uses 10·log10, the rule for power ratios. Gain here is a voltage ratio, which takes 20·log10.' },
      { answer: 20 * Math.log10(high - low), why: 'That takes the difference of the gains. Decibels compare ratios: divide one gain by the other.' },
    ],
  };
};

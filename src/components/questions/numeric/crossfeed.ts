// Numeric questions for "Crossfeed": how far the cross path's first-order low-pass has rolled off at a frequency
// (the RC prototype of bs2b, src/dsp/crossfeed/bs2b.ts), and how late a loudspeaker's sound reaches the far ear
// (Woodworth's spherical head).
import { formatNumber } from '../../format';
import { woodworthItdSeconds } from '../../../dsp/crossfeed/bs2b';
import { crossRolloffDb } from '../../../lessonValues/crossfeed';
import { pick, type NumericGenerator } from './types';

const CUTS_HZ = [500, 650, 700, 800, 1000] as const;
const FEEDS_DB = [4.5, 6, 9.5] as const;
const FREQUENCIES_HZ = [1000, 2000, 3000, 5000] as const;

/** The far ear's level at f relative to its own bass level: −10·log10(1 + (f/fc)²). */
export const crossRolloff: NumericGenerator = (random) => {
  const cutHz = pick(CUTS_HZ, random);
  const feedDb = pick(FEEDS_DB, random);
  const frequencyHz = pick(FREQUENCIES_HZ, random);
  const answer = crossRolloffDb({ cutHz, feedDb }, frequencyHz);
  const ratio = frequencyHz / cutHz;
  return {
    prompt: `A crossfeed sends each channel to the other ear through a first-order RC low-pass with its corner at ${formatNumber(cutHz)} Hz, ${formatNumber(feedDb)} dB below the near ear in the bass. At ${formatNumber(frequencyHz)} Hz, how many dB below its own bass level is the far ear's signal? (Answer negative.)`,
    answer,
    unit: 'dB',
    tolerance: { absolute: 0.2 },
    digits: 3,
    working: [
      'A first-order low-pass has |H| = 1/√(1 + (f/fc)²) relative to its bass level.',
      `f/fc = ${formatNumber(frequencyHz)}/${formatNumber(cutHz)} = ${formatNumber(ratio, 3)}, so the level is −10·log10(1 + ${formatNumber(ratio, 3)}²) = ${formatNumber(answer, 3)} dB.`,
      `The ${formatNumber(feedDb)} dB feed sets where the cross path starts, not how fast it falls.`,
    ],
    mistakes: [
      { answer: answer - feedDb, why: 'That also counts the feed. The question asks relative to the far ear\'s own bass level, which already sits the feed below the near ear.' },
      { answer: -20 * Math.log10(ratio), why: 'That is the straight-line asymptote, −20 dB a decade from the corner. Near the corner the true curve lies above it: use 1 + (f/fc)².' },
    ],
  };
};

const RADII_CM = [8, 8.5, 8.75, 9] as const;
const AZIMUTHS_DEGREES = [20, 30, 45, 60] as const;

/** Woodworth's ITD in ms: (a/c)(θ + sin θ), c = 343 m/s. */
export const speakerItd: NumericGenerator = (random) => {
  const radiusCm = pick(RADII_CM, random);
  const azimuthDegrees = pick(AZIMUTHS_DEGREES, random);
  const theta = (azimuthDegrees * Math.PI) / 180;
  const answer = woodworthItdSeconds(radiusCm / 100, theta) * 1e3;
  return {
    prompt: `A loudspeaker sits ${formatNumber(azimuthDegrees)}° to your left. Treat your head as a sphere of radius ${formatNumber(radiusCm)} cm and sound's speed as 343 m/s. How much later, in milliseconds, does its sound reach your right ear than your left (Woodworth's formula)?`,
    answer,
    unit: 'ms',
    tolerance: { relative: 0.03 },
    digits: 3,
    working: [
      'Woodworth: ITD = (a/c)(θ + sin θ), with θ in radians: the straight extra path plus the arc around the head.',
      `θ = ${formatNumber(azimuthDegrees)}° = ${formatNumber(theta, 3)} rad, sin θ = ${formatNumber(Math.sin(theta), 3)}.`,
      `ITD = (${formatNumber(radiusCm / 100)} m / 343 m/s)·(${formatNumber(theta, 3)} + ${formatNumber(Math.sin(theta), 3)}) = ${formatNumber(answer, 3)} ms.`,
    ],
    mistakes: [
      { answer: ((radiusCm / 100) / 343) * (azimuthDegrees + Math.sin(theta)) * 1e3, why: 'That puts θ in degrees. The arc length a·θ needs θ in radians.' },
      { answer: ((2 * radiusCm) / 100 / 343) * Math.sin(theta) * 1e3, why: 'That is the straight path between two points a head-width apart; sound must bend around the head to the far ear, which adds the arc.' },
    ],
  };
};

// Numeric questions for "Volume controls": the worst-case channel match of a stepped attenuator's divider from its
// resistors' tolerance (src/dsp/volume/steppedAttenuator.ts), and the bits a digital volume leaves unused
// (src/dsp/volume/digitalVolumeBits.ts).
import { formatNumber } from '../../format';
import { bitsLostToAttenuation, DB_PER_BIT } from '../../../dsp/volume/digitalVolumeBits';
import { deepChannelMatchLimitDb } from '../../../dsp/volume/steppedAttenuator';
import { pick, type NumericGenerator } from './types';

const ATTENUATIONS_DB = [12, 18, 24, 30, 36, 42, 48] as const;
const WORD_BITS = [16, 24] as const;

/** Bits of the word left unused by a digital attenuation: A / 6.02. */
export const bitsLost: NumericGenerator = (random) => {
  const attenuationDb = pick(ATTENUATIONS_DB, random);
  const bits = pick(WORD_BITS, random);
  const answer = bitsLostToAttenuation(attenuationDb);
  return {
    prompt: `A player turns the volume down by ${attenuationDb} dB in software, in a ${bits}-bit word. How many bits of the word's resolution does the music no longer use?`,
    answer,
    unit: 'bits',
    tolerance: { absolute: 0.1 },
    digits: 3,
    working: [
      `Each bit doubles the range of a word, 20·log10(2) = ${formatNumber(DB_PER_BIT, 3)} dB.`,
      `${attenuationDb} dB / ${formatNumber(DB_PER_BIT, 3)} dB per bit = ${formatNumber(answer, 3)} bits, whatever the word's length.`,
      `So a ${bits}-bit word carries the music in about ${formatNumber(bits - answer, 3)} bits.`,
    ],
    mistakes: [
      { answer: attenuationDb / 3.01, why: 'That divides by 3.01 dB, the step for doubling a power. A bit doubles the amplitude: 6.02 dB.' },
      { answer: bits - answer, why: 'That is the number of bits still in use; the question asks how many the music no longer uses.' },
    ],
  };
};

const TOLERANCES_PERCENT = [0.1, 0.5, 1, 2] as const;

/** Deep down a ladder (Rs ≫ Rsh), worst-case channel match from ±t resistors: 40·log10((1 + t)/(1 − t)). */
export const ladderMatch: NumericGenerator = (random) => {
  const percent = pick(TOLERANCES_PERCENT, random);
  const t = percent / 100;
  const answer = deepChannelMatchLimitDb(t);
  return {
    prompt: `A stepped attenuator is built from ±${percent} % resistors. At a deep step, where the series resistor is much larger than the shunt, what is the worst-case difference between the two channels, in dB?`,
    answer,
    unit: 'dB',
    tolerance: { relative: 0.05 },
    digits: 3,
    working: [
      'Deep down the ratio is about Rsh/Rs. One channel can have Rsh high and Rs low, the other the reverse.',
      `Worst case: (1 + t)/(1 − t) for one channel against (1 − t)/(1 + t) for the other, a ratio of ((1 + t)/(1 − t))².`,
      `20·log10((${formatNumber(1 + t, 4)}/${formatNumber(1 - t, 4)})²) = ${formatNumber(answer, 3)} dB, about 34.7 dB × t.`,
    ],
    mistakes: [
      { answer: 20 * Math.log10((1 + t) / (1 - t)), why: 'That lets only one resistor of the divider vary. Both the series and the shunt resistor can be off, in opposite directions, so the error doubles in dB.' },
      { answer: 20 * Math.log10(1 + t), why: 'That is one resistor off in one channel against a perfect other channel. The worst case has both channels off, in opposite directions.' },
    ],
  };
};

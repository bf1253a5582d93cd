// Numeric questions for "DAC/amp combos and audio interfaces": a line level in volts from its dB definition, and the
// headroom of a source into an amplifier from the level-chain model (src/dsp/levelChain).
import { formatNumber, formatSigned } from '../../format';
import { AMP_CLIP_VOLTS_PEAK, AMP_GAINS, SOURCES, headroomDb } from '../../../dsp/levelChain';
import { DBU_REFERENCE_VOLTS_RMS, DBV_REFERENCE_VOLTS_RMS, voltsRmsFromDbu, voltsRmsFromDbv } from '../../../lessonValues/lineLevels';
import { pick, type NumericGenerator } from './types';

const LEVELS = [
  { db: -10, unit: 'dBV' },
  { db: 4, unit: 'dBu' },
  { db: 6, unit: 'dBV' },
  { db: 18, unit: 'dBu' },
  { db: 24, unit: 'dBu' },
  { db: -6, unit: 'dBV' },
] as const;

/** A level in dBV or dBu as an rms voltage. */
export const lineLevelVolts: NumericGenerator = (random) => {
  const level = pick(LEVELS, random);
  const dbu = level.unit === 'dBu';
  const answer = dbu ? voltsRmsFromDbu(level.db) : voltsRmsFromDbv(level.db);
  const reference = dbu ? DBU_REFERENCE_VOLTS_RMS : DBV_REFERENCE_VOLTS_RMS;
  const other = dbu ? voltsRmsFromDbv(level.db) : voltsRmsFromDbu(level.db);
  const level$ = `${formatSigned(level.db, 0)} ${level.unit}`;
  return {
    prompt: `How many volts rms is ${level$}?`,
    answer,
    unit: 'V',
    tolerance: { relative: 0.02 },
    digits: 3,
    working: [
      dbu ? '0 dBu is 0.775 Vrms (1 mW into 600 Ω); 0 dBV is 1 Vrms.' : '0 dBV is 1 Vrms; 0 dBu would be 0.775 Vrms.',
      `V = ${formatNumber(reference, 4)} V × 10^(${formatSigned(level.db, 0)}/20) = ${formatNumber(answer, 3)} Vrms.`,
    ],
    mistakes: [
      {
        answer: other,
        why: dbu
          ? 'That uses 1 V as the reference. dBu counts from 0.775 V, so the same number of dB is 2.2 dB less voltage.'
          : 'That uses 0.775 V as the reference. dBV counts from 1 V, so the same number of dB is 2.2 dB more voltage.',
      },
      { answer: reference * 10 ** (level.db / 10), why: 'That divides by 10 instead of 20. Levels in dB of a voltage use 20·log10, so you undo them with 10^(dB/20).' },
    ],
  };
};

const DIGITAL_VOLUME_DB = [0, -3, -6, -10] as const;
const PROGRAM_PEAK_DBFS = [-1, -3, -6] as const;

/** Headroom of a drawn source, digital volume and gain into the O2-class clip point. */
export const chainHeadroom: NumericGenerator = (random) => {
  const source = pick(SOURCES, random);
  const digitalVolumeDb = pick(DIGITAL_VOLUME_DB, random);
  const ampGain = pick(AMP_GAINS.filter((g) => g > 1), random);
  const peakDbfs = pick(PROGRAM_PEAK_DBFS, random);
  const answer = headroomDb({ sourceId: source.id, digitalVolumeDb, ampGain }, peakDbfs);
  const sourcePeak = source.fullScale.voltsRms * Math.SQRT2;
  const demand = sourcePeak * 10 ** ((peakDbfs + digitalVolumeDb) / 20) * ampGain;
  return {
    prompt: `A source gives ${formatNumber(source.fullScale.voltsRms, 3)} Vrms at full scale. Its digital volume is at ${formatSigned(digitalVolumeDb, 0)} dB, the music peaks at ${formatNumber(peakDbfs)} dBFS, and it feeds an amplifier at ${formatNumber(ampGain)}× gain that clips at ${formatNumber(AMP_CLIP_VOLTS_PEAK, 3)} V peak. How many dB of headroom are left on the peaks (negative if they clip)?`,
    answer,
    unit: 'dB',
    tolerance: { absolute: 0.2 },
    digits: 2,
    working: [
      `Full scale as a peak: ${formatNumber(source.fullScale.voltsRms, 3)} V × √2 = ${formatNumber(sourcePeak, 3)} V.`,
      `The music's peaks ask for ${formatNumber(sourcePeak, 3)} V × 10^(${formatNumber(peakDbfs)}/20) × 10^(${formatSigned(digitalVolumeDb, 0)}/20) × ${formatNumber(ampGain)} = ${formatNumber(demand, 3)} V peak.`,
      `Headroom = 20·log10(${formatNumber(AMP_CLIP_VOLTS_PEAK, 3)} V / ${formatNumber(demand, 3)} V) = ${formatSigned(answer, 1)} dB.`,
    ],
    mistakes: [
      {
        answer: answer + 20 * Math.log10(Math.SQRT2),
        why: 'That compares the rms voltage with a peak limit. A sine\'s peak is √2 times its rms, 3 dB more, so convert before comparing.',
      },
      { answer: -answer, why: 'The sign is flipped: headroom is the limit over the demand, positive when the peaks fit.' },
    ],
  };
};

// Numeric questions for "Sensitivity, voltage and power": the voltage a level needs from a dB/mW sensitivity, the
// headroom music with a crest factor has on a source (src/dsp/matching/sensitivity), and how a bass boost stands
// against a headphone's rated maximum input (src/dsp/matching/headphoneLimits).
import { formatNumber, formatSigned } from '../../format';
import { boostedPowerWatts, ratedInputMarginDb } from '../../../dsp/matching/headphoneLimits';
import { dbPerVoltFromDbPerMilliwatt, powerWatts, SINE_PEAK_TO_RMS_DB, splFromVoltsRms, voltsRmsForSpl } from '../../../dsp/matching/sensitivity';
import { pick, type NumericGenerator } from './types';

const SENSITIVITIES_DB_PER_MW = [90, 94, 97, 100, 105, 110] as const;
const IMPEDANCES_OHMS = [16, 32, 50, 80, 150, 300, 600] as const;
const LEVELS_DB_SPL = [100, 105, 110, 115] as const;

/** V = 10^((SPL − S_dB/V)/20) with S_dB/V = S_dB/mW + 10·log10(1000/Z). */
export const voltsForSpl: NumericGenerator = (random) => {
  const dbPerMw = pick(SENSITIVITIES_DB_PER_MW, random);
  const ohms = pick(IMPEDANCES_OHMS, random);
  const splDb = pick(LEVELS_DB_SPL, random);
  const dbPerVolt = dbPerVoltFromDbPerMilliwatt(dbPerMw, ohms);
  const answer = voltsRmsForSpl(dbPerVolt, splDb);
  return {
    prompt: `A headphone is rated ${dbPerMw} dB/mW at ${ohms} Ω. What rms voltage does it need for ${splDb} dB SPL, in volts?`,
    answer,
    unit: 'V',
    tolerance: { relative: 0.03 },
    digits: 3,
    working: [
      `Convert to dB/V: ${dbPerMw} + 10·log10(1000/${ohms}) = ${formatNumber(dbPerVolt, 4)} dB/V.`,
      `The level is ${formatSigned(splDb - dbPerVolt, 1)} dB from the 1 V level, so V = 10^((${splDb} − ${formatNumber(dbPerVolt, 4)})/20) = ${formatNumber(answer)} V.`,
    ],
    mistakes: [
      {
        answer: voltsRmsForSpl(dbPerMw, splDb),
        why: 'That treats the dB/mW figure as dB/V. The two agree only at 1000 Ω; convert with 10·log10(1000/Z) first.',
      },
      {
        answer: Math.sqrt(10 ** ((splDb - dbPerMw) / 10) / 1000),
        why: 'That is the voltage for the power into 1 Ω. Power into the headphone is V²/Z, so V = √(P·Z) with Z the headphone\'s impedance.',
      },
    ],
  };
};

const SENSITIVITIES_DB_PER_V = [95, 100, 103, 110, 115] as const;
const SOURCE_VOLTS_RMS = [0.5, 1, 2, 4, 7] as const;
const CREST_FACTORS_DB = [8, 12, 15, 20] as const;
const AVERAGE_LEVELS_DB_SPL = [75, 80, 85, 90] as const;

/** Headroom = S + 20·log10(V) + 3.01 − crest − average level. */
export const musicHeadroom: NumericGenerator = (random) => {
  const dbPerVolt = pick(SENSITIVITIES_DB_PER_V, random);
  const voltsRms = pick(SOURCE_VOLTS_RMS, random);
  const crestDb = pick(CREST_FACTORS_DB, random);
  const levelDb = pick(AVERAGE_LEVELS_DB_SPL, random);
  const maxSplDb = splFromVoltsRms(dbPerVolt, voltsRms);
  const answer = maxSplDb + SINE_PEAK_TO_RMS_DB - crestDb - levelDb;
  return {
    prompt: `A source gives at most ${formatNumber(voltsRms)} Vrms of clean sine into a headphone of ${dbPerVolt} dB/V. You listen to music with a ${crestDb} dB crest factor at an average of ${levelDb} dB SPL. How many dB of headroom are left for its peaks (negative if they clip)?`,
    answer,
    unit: 'dB',
    tolerance: { absolute: 0.3 },
    digits: 3,
    working: [
      `Loudest clean sine: ${dbPerVolt} + 20·log10(${formatNumber(voltsRms)}) = ${formatNumber(maxSplDb, 4)} dB SPL.`,
      `A sine's peak is 3.01 dB above its rms, music's peaks ${crestDb} dB: the loudest clean music averages ${formatNumber(maxSplDb, 4)} + 3.01 − ${crestDb} = ${formatNumber(maxSplDb + SINE_PEAK_TO_RMS_DB - crestDb, 4)} dB SPL.`,
      `Headroom: that minus ${levelDb} dB = ${formatSigned(answer, 1)} dB.`,
    ],
    mistakes: [
      {
        answer: maxSplDb - crestDb - levelDb,
        why: 'That leaves out the sine\'s own 3.01 dB crest factor. The source\'s limit is quoted as a sine\'s rms voltage, whose peaks already sit 3 dB higher.',
      },
      {
        answer: maxSplDb - levelDb,
        why: 'That is the room for a sine. Music\'s peaks stand its crest factor above its average, so subtract that (and add back the sine\'s 3 dB).',
      },
    ],
  };
};

const RATED_SENSITIVITIES_DB_PER_V = [96, 98, 102, 105] as const;
const RATED_IMPEDANCES_OHMS = [80, 250, 300, 600] as const;
const RATED_MILLIWATTS = [50, 100, 200, 500] as const;
const BASS_LEVELS_DB_SPL = [100, 104, 108] as const;
const BOOSTS_DB = [6, 10, 12] as const;

/** Margin = 10·log10(P_rated / (P_note · 10^(boost/10))), P_note = V²/Z, V = 10^((L − S)/20). */
export const bassBoostRatedMargin: NumericGenerator = (random) => {
  const dbPerVolt = pick(RATED_SENSITIVITIES_DB_PER_V, random);
  const ohms = pick(RATED_IMPEDANCES_OHMS, random);
  const ratedMilliwatts = pick(RATED_MILLIWATTS, random);
  const levelDb = pick(BASS_LEVELS_DB_SPL, random);
  const boostDb = pick(BOOSTS_DB, random);
  const volts = voltsRmsForSpl(dbPerVolt, levelDb);
  const noteWatts = powerWatts(volts, ohms);
  const boostedWatts = boostedPowerWatts(noteWatts, boostDb);
  const answer = ratedInputMarginDb(boostedWatts, ratedMilliwatts / 1000);
  return {
    prompt: `A headphone is rated ${dbPerVolt} dB/V at ${ohms} Ω with a rated maximum input of ${ratedMilliwatts} mW. A bass note plays at ${levelDb} dB SPL, and you add a ${boostDb} dB bass boost at its frequency. How many dB below the rating is the boosted note (negative if it exceeds the rating)?`,
    answer,
    unit: 'dB',
    tolerance: { absolute: 0.3 },
    digits: 3,
    working: [
      `Before the boost: V = 10^((${levelDb} − ${dbPerVolt})/20) = ${formatNumber(volts)} V, so P = V²/Z = ${formatNumber(noteWatts * 1000)} mW.`,
      `A ${boostDb} dB boost multiplies the power by 10^(${boostDb}/10) = ${formatNumber(10 ** (boostDb / 10))}: ${formatNumber(boostedWatts * 1000)} mW.`,
      `Margin: 10·log10(${ratedMilliwatts} / ${formatNumber(boostedWatts * 1000)}) = ${formatSigned(answer, 1)} dB.`,
    ],
    mistakes: [
      {
        answer: ratedInputMarginDb(noteWatts, ratedMilliwatts / 1000),
        why: 'That is the margin before the boost. The boost raises the drive at that frequency, so the power there rises by the boost in dB.',
      },
      {
        answer: ratedInputMarginDb(noteWatts, ratedMilliwatts / 1000) - boostDb / 2,
        why: 'That treats the boost as half as many dB of power. A boost in dB is the same number of dB in power: 10 dB is ten times the power, and √10 times the voltage and excursion.',
      },
    ],
  };
};

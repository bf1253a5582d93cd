// Line levels as the lessons quote them, from the definitions in src/dsp/lineLevels.ts: the nominal operating levels (−10 dBV consumer, +4 dBu pro),
// which have headroom above them, and the full-scale levels a digital source reaches at 0 dBFS. Compare nominal with
// nominal and full scale with full scale. Leaves out a single product's level (a DAC chip's comes from its datasheet).

import { DBU_REFERENCE_VOLTS_RMS, DBV_REFERENCE_VOLTS_RMS, levelDifferenceDb, voltsRmsFromDbu, voltsRmsFromDbv } from '../dsp/lineLevels';

export { DBU_REFERENCE_VOLTS_RMS, DBV_REFERENCE_VOLTS_RMS, voltsRmsFromDbu, voltsRmsFromDbv };
export function dbvFromVoltsRms(voltsRms: number): number {
  return levelDifferenceDb(voltsRms, DBV_REFERENCE_VOLTS_RMS);
}
export function dbuFromVoltsRms(voltsRms: number): number {
  return levelDifferenceDb(voltsRms, DBU_REFERENCE_VOLTS_RMS);
}

/** Consumer nominal operating level, −10 dBV ≈ 0.316 Vrms (RDL): a typical level, not a maximum. */
export const CONSUMER_NOMINAL_DBV = -10;
export const consumerNominalVoltsRms = voltsRmsFromDbv(CONSUMER_NOMINAL_DBV);
/** Professional nominal operating level, +4 dBu ≈ 1.228 Vrms (RDL): a typical level, not a maximum. */
export const PRO_NOMINAL_DBU = 4;
export const proNominalVoltsRms = voltsRmsFromDbu(PRO_NOMINAL_DBU);
/** Pro nominal above consumer nominal: ≈ 11.8 dB, not 14 dB, because the references differ. */
export const proAboveConsumerNominalDb = 20 * Math.log10(proNominalVoltsRms / consumerNominalVoltsRms);

/**
 * Consumer full scale: CD players and consumer DACs give about 2 Vrms at 0 dBFS (Sound & Vision, "Behind the
 * numbers": a typical output level of 2.0 V). A convention, not a standard every product meets.
 */
export const CONSUMER_FULL_SCALE_VOLTS_RMS = 2;
export const consumerFullScaleDbv = dbvFromVoltsRms(CONSUMER_FULL_SCALE_VOLTS_RMS);
/** Headroom of consumer full scale over the consumer nominal level: ≈ 16 dB. */
export const consumerHeadroomDb = consumerFullScaleDbv - CONSUMER_NOMINAL_DBV;

/** SMPTE RP155 aligns +4 dBu with −20 dBFS, so 0 dBFS is +24 dBu (Sound On Sound, Robjohns 2007). */
export const SMPTE_RP155_HEADROOM_DB = 20;
export const smpteFullScaleDbu = PRO_NOMINAL_DBU + SMPTE_RP155_HEADROOM_DB;
export const smpteFullScaleVoltsRms = voltsRmsFromDbu(smpteFullScaleDbu);
/** EBU R68 aligns 0 dBu with −18 dBFS, so 0 dBFS is +18 dBu (Sound On Sound, Robjohns 2007). */
export const EBU_R68_ALIGNMENT_DBU = 0;
export const EBU_R68_HEADROOM_DB = 18;
export const ebuFullScaleDbu = EBU_R68_ALIGNMENT_DBU + EBU_R68_HEADROOM_DB;
export const ebuFullScaleVoltsRms = voltsRmsFromDbu(ebuFullScaleDbu);

/** Level difference in dB between two rms voltages: 20·log10(a / b) (the line-level model's). */
export const dbBetween = levelDifferenceDb;

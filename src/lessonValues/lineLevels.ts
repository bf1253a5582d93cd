// Line levels as the lessons quote them, from the definitions in src/dsp/lineLevels.ts: the nominal operating levels (−10 dBV consumer, +4 dBu pro),
// which have headroom above them, and the full-scale levels a digital source reaches at 0 dBFS. Compare nominal with
// nominal and full scale with full scale. Leaves out a single product's level (a DAC chip's comes from its datasheet).

import {
  CONSUMER_NOMINAL,
  DBU_REFERENCE_VOLTS_RMS,
  DBV_REFERENCE_VOLTS_RMS,
  EBU_ALIGNMENT_NOMINAL,
  EBU_R68_FULL_SCALE,
  EBU_R68_HEADROOM_DB,
  levelDifferenceDb,
  PRO_NOMINAL,
  SMPTE_RP155_FULL_SCALE,
  SMPTE_RP155_HEADROOM_DB,
  voltsRmsFromDbu,
  voltsRmsFromDbv,
} from '../dsp/lineLevels';

export { DBU_REFERENCE_VOLTS_RMS, DBV_REFERENCE_VOLTS_RMS, voltsRmsFromDbu, voltsRmsFromDbv };
export function dbvFromVoltsRms(voltsRms: number): number {
  return levelDifferenceDb(voltsRms, DBV_REFERENCE_VOLTS_RMS);
}
export function dbuFromVoltsRms(voltsRms: number): number {
  return levelDifferenceDb(voltsRms, DBU_REFERENCE_VOLTS_RMS);
}

/** Consumer nominal operating level, −10 dBV ≈ 0.316 Vrms (RDL): a typical level, not a maximum. */
export const CONSUMER_NOMINAL_DBV = -10;
export const consumerNominalVoltsRms = CONSUMER_NOMINAL.voltsRms;
/** Professional nominal operating level, +4 dBu ≈ 1.228 Vrms (RDL): a typical level, not a maximum. */
export const PRO_NOMINAL_DBU = 4;
export const proNominalVoltsRms = PRO_NOMINAL.voltsRms;
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

/** SMPTE RP155 aligns +4 dBu with −20 dBFS, so 0 dBFS is +24 dBu; EBU R68 aligns 0 dBu with −18 dBFS, so 0 dBFS is
 * +18 dBu (the line-level model's full-scale levels, cited there). */
export { EBU_R68_HEADROOM_DB, SMPTE_RP155_HEADROOM_DB };
export const smpteFullScaleVoltsRms = SMPTE_RP155_FULL_SCALE.voltsRms;
export const smpteFullScaleDbu = dbuFromVoltsRms(smpteFullScaleVoltsRms);
export const EBU_R68_ALIGNMENT_DBU = dbuFromVoltsRms(EBU_ALIGNMENT_NOMINAL.voltsRms);
export const ebuFullScaleVoltsRms = EBU_R68_FULL_SCALE.voltsRms;
export const ebuFullScaleDbu = dbuFromVoltsRms(ebuFullScaleVoltsRms);

/** Level difference in dB between two rms voltages: 20·log10(a / b) (the line-level model's). */
export const dbBetween = levelDifferenceDb;

/**
 * Line levels in volts, from the decibel definitions: dBV re 1 V, dBu re √(1 mW · 600 Ω) ≈ 0.7746 V. Which level is
 * a NOMINAL operating level (signals sit there, with headroom above) and which is a FULL-SCALE level (the largest
 * sine the device puts out: 0 dBFS). Leaves out: balanced versus unbalanced wiring, and output impedance.
 */

/** 0 dBV: 1 V rms. */
export const DBV_REFERENCE_VOLTS_RMS = 1;

/** 0 dBu: the voltage that puts 1 mW into 600 Ω, √(0.001 W · 600 Ω) = 0.7746 V rms. */
export const DBU_REFERENCE_VOLTS_RMS = Math.sqrt(0.001 * 600);

/** V = 1 V · 10^(dBV/20). */
export function voltsRmsFromDbv(levelDbv: number): number {
  return DBV_REFERENCE_VOLTS_RMS * 10 ** (levelDbv / 20);
}

/** V = 0.7746 V · 10^(dBu/20). */
export function voltsRmsFromDbu(levelDbu: number): number {
  return DBU_REFERENCE_VOLTS_RMS * 10 ** (levelDbu / 20);
}

/** 20·log10(a/b): how many dB level a sits above level b. */
export function levelDifferenceDb(aVoltsRms: number, bVoltsRms: number): number {
  return 20 * Math.log10(aVoltsRms / bVoltsRms);
}

/**
 * A nominal level is where signals are meant to sit, with headroom above it; a full-scale level is the most the
 * device puts out (its 0 dBFS, or its clip point).
 */
export type LineLevelKind = 'nominal' | 'full-scale';

export interface LineLevel {
  readonly id: string;
  readonly label: string;
  readonly kind: LineLevelKind;
  readonly voltsRms: number;
  /** Ids in src/data/sources.json. */
  readonly sourceIds: readonly string[];
}

/** Consumer operating level, −10 dBV = 0.316 V rms: nominal (RDL, "dB Defined"). No full scale goes with it. */
export const CONSUMER_NOMINAL: LineLevel = {
  id: 'consumer-nominal',
  label: 'Consumer line level, −10 dBV',
  kind: 'nominal',
  voltsRms: voltsRmsFromDbv(-10),
  sourceIds: ['rdl-db-defined'],
};

/** Professional operating level, +4 dBu = 1.228 V rms: nominal (RDL, "dB Defined"). */
export const PRO_NOMINAL: LineLevel = {
  id: 'pro-nominal',
  label: 'Pro line level, +4 dBu',
  kind: 'nominal',
  voltsRms: voltsRmsFromDbu(4),
  sourceIds: ['rdl-db-defined'],
};

/** Broadcast alignment level in Europe, 0 dBu = 0.775 V rms, coded at −18 dBFS (EBU R68): nominal. */
export const EBU_ALIGNMENT_NOMINAL: LineLevel = {
  id: 'ebu-alignment',
  label: 'EBU alignment level, 0 dBu',
  kind: 'nominal',
  voltsRms: voltsRmsFromDbu(0),
  sourceIds: ['aja-fs1-audio-levels'],
};

/** Headroom from nominal to full scale in the two converter alignments of AJA's FS1 manual, dB. */
export const SMPTE_RP155_HEADROOM_DB = 20;
export const EBU_R68_HEADROOM_DB = 18;

/** A converter aligned to SMPTE RP 155: +4 dBu at −20 dBFS, so full scale is +24 dBu = 12.28 V rms. */
export const SMPTE_RP155_FULL_SCALE: LineLevel = {
  id: 'smpte-full-scale',
  label: 'Pro converter full scale (SMPTE RP 155), +24 dBu',
  kind: 'full-scale',
  voltsRms: voltsRmsFromDbu(4 + SMPTE_RP155_HEADROOM_DB),
  sourceIds: ['aja-fs1-audio-levels'],
};

/** A converter aligned to EBU R68: 0 dBu at −18 dBFS, so full scale is +18 dBu = 6.15 V rms. */
export const EBU_R68_FULL_SCALE: LineLevel = {
  id: 'ebu-full-scale',
  label: 'Pro converter full scale (EBU R68), +18 dBu',
  kind: 'full-scale',
  voltsRms: voltsRmsFromDbu(0 + EBU_R68_HEADROOM_DB),
  sourceIds: ['aja-fs1-audio-levels'],
};

/** TI's PCM5102A DAC chip: 2.1 V rms at full scale (SLAS859). A DAC chip states no nominal level. */
export const PCM5102A_FULL_SCALE: LineLevel = {
  id: 'pcm5102a-full-scale',
  label: 'DAC chip full scale (PCM5102A), 2.1 V rms',
  kind: 'full-scale',
  voltsRms: 2.1,
  sourceIds: ['ti-pcm5102a'],
};

/** Every level defined here, nominal ones first. */
export const LINE_LEVELS: readonly LineLevel[] = [
  CONSUMER_NOMINAL,
  PRO_NOMINAL,
  EBU_ALIGNMENT_NOMINAL,
  PCM5102A_FULL_SCALE,
  EBU_R68_FULL_SCALE,
  SMPTE_RP155_FULL_SCALE,
];

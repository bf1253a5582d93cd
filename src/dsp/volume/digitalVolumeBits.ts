/**
 * Digital volume by the numbers: attenuating an N-bit word by A dB leaves the signal A/6.02 bits further from full
 * scale, so that many of the word's bits carry nothing, and the signal-to-noise ratio of a full-scale sine falls
 * from 6.02·N + 1.76 dB by A dB (the noise of re-quantizing stays at one step; src/dsp/dac/digitalVolume.ts renders
 * it). Leaves out: the DAC's analog noise floor, which often sits above a 24-bit word's own.
 */

/** 20·log10(2): the dB per bit. */
export const DB_PER_BIT = 20 * Math.log10(2);

/** Bits of the word's resolution left unused by attenuating A dB: A / 6.02. */
export function bitsLostToAttenuation(attenuationDb: number): number {
  return Math.abs(attenuationDb) / DB_PER_BIT;
}

/** The SNR of a full-scale sine after A dB of digital attenuation in an N-bit word, undithered: 6.02·N + 1.76 − A. */
export function snrAfterDigitalVolumeDb(bits: number, attenuationDb: number): number {
  return DB_PER_BIT * bits + 10 * Math.log10(1.5) - Math.abs(attenuationDb);
}

/**
 * TPDF dither (two LSBs peak to peak) adds noise of Δ²/4 to the rounding's Δ²/12: the noise power triples, −4.77 dB of
 * SNR, and in return the error no longer follows the signal (no distortion, only a steady hiss).
 */
export const TPDF_DITHER_PENALTY_DB = 10 * Math.log10(3);

/** The effective bits left for a full-scale sine's SNR: (SNR − 1.76)/6.02. */
export function effectiveBits(snrDb: number): number {
  return (snrDb - 10 * Math.log10(1.5)) / DB_PER_BIT;
}

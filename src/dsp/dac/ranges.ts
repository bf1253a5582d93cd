/**
 * The settings the DAC models accept, apart from the models themselves, so code that only checks settings (the
 * audio chain) doesn't load the models. Leaves out: everything else about the DACs.
 */

/** Bit depths the quantizer models. */
export const BIT_DEPTH_RANGE = { min: 1, max: 24 } as const;

/** Ratios R / (DAC rate) the lessons offer: at 48 kHz these are 24, 16, 12, 8 and 6 kHz DACs. */
export const LOW_RATE_FACTORS: readonly number[] = [2, 3, 4, 6, 8];

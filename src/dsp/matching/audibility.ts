/**
 * Thresholds the matcher's verdict uses to judge hiss and a low analog volume setting. Leaves out: the spectrum of
 * the hiss (judged by its overall level), masking by the music, the ear canal's own noise, and differences between
 * listeners.
 */

/**
 * Hiss below this is under the threshold of hearing: the free-field threshold is about 3 dB SPL at 1 kHz and
 * −3 to −4 dB at 2–4 kHz (ISO 389-7 as relayed in `auditory-list-normal-hearing`), so 0 dB SPL.
 */
export const HISS_INAUDIBLE_BELOW_DB_SPL = 0;

/**
 * Hiss at or above this is as loud as a recording studio's whole background noise (below 30 dBA, NC-20;
 * `citysoundproofing-nc`): plainly audible in quiet passages. Between the two it is faint.
 */
export const HISS_PLAIN_FROM_DB_SPL = 30;

/**
 * Below this analog setting (dB re full) potentiometer channels are not guaranteed to track: "a common spec is 3 dB
 * down to −40 dB" (`tkd-volume-tracking`).
 */
export const POT_IMBALANCE_BELOW_DB = -40;

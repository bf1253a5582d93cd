// Peak levels the built-in programs are normalised to, dBFS: a pure module, so widgets can read them without
// loading any audio code.

/** The synthesized music loop peaks here. */
export const MUSIC_PEAK_DBFS = -3;

/**
 * The recorded piano peaks where the music loop does: widgets that turn full scale into volts at the amp (the hum, the
 * stage drive) take a program's peak as MUSIC_PEAK_DBFS, and hold for the piano unchanged.
 */
export const PIANO_PEAK_DBFS = MUSIC_PEAK_DBFS;

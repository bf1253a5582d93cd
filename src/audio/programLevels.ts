// Peak levels the built-in programs are normalised to, dBFS: a pure module, so widgets can read them without
// loading any audio code.

/** The synthesized music loop peaks here. */
export const MUSIC_PEAK_DBFS = -3;

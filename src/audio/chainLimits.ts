// The loudest hum and hiss a chain accepts, apart from the chain checks (chainSettings.ts) so that widgets can size
// their sound with them without loading the checks before Play.

/** Loudest hum a chain accepts, total rms relative to full scale (−20 dBFS; the limiter still follows). */
export const MAX_HUM_RMS_FULL_SCALE = 0.1;

/** Loudest hiss a chain accepts, rms relative to full scale (−20 dBFS; the limiter still follows). */
export const MAX_NOISE_RMS_FULL_SCALE = 0.1;

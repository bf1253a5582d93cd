/**
 * The exponential (logarithmic) sine sweep of Farina (AES 108th Convention, 2000, preprint 5093): a tone whose
 * frequency rises by the same ratio in equal times, so every octave gets the same time and the same energy.
 * Leaves out: the inverse filter and deconvolution that turn a recorded sweep into an impulse response.
 */

/** A sweep from startHz to endHz in durationSeconds. */
export interface LogSweepParams {
  readonly startHz: number;
  readonly endHz: number;
  readonly durationSeconds: number;
}

/** Farina's rate constant L = T / ln(f₂/f₁), seconds: the time for the frequency to grow by a factor e. */
export function logSweepRateSeconds({ startHz, endHz, durationSeconds }: LogSweepParams): number {
  if (!(startHz > 0) || !(endHz > startHz) || !(durationSeconds > 0)) {
    throw new RangeError(`logSweep: need 0 < start (${startHz} Hz) < end (${endHz} Hz) and a positive duration (${durationSeconds} s)`);
  }
  return durationSeconds / Math.log(endHz / startHz);
}

/** Instantaneous frequency f(t) = f₁·e^(t/L) = f₁·(f₂/f₁)^(t/T), Hz. */
export function logSweepFrequencyHz(params: LogSweepParams, timeSeconds: number): number {
  return params.startHz * Math.exp(timeSeconds / logSweepRateSeconds(params));
}

/** Phase φ(t) = 2π·f₁·L·(e^(t/L) − 1), radians: the integral of 2π·f(t) from 0, so φ(0) = 0 and φ′(t) = 2π·f(t). */
export function logSweepPhaseRadians(params: LogSweepParams, timeSeconds: number): number {
  const rateSeconds = logSweepRateSeconds(params);
  return 2 * Math.PI * params.startHz * rateSeconds * Math.expm1(timeSeconds / rateSeconds);
}

/**
 * amplitude·sin(φ(n/fs)) for n = 0 … ⌊T·fs⌋ − 1, with raised-cosine fades of fadeSeconds at both ends (Farina fades
 * the ends so the sweep does not start or stop with a click).
 */
export function logSweep(params: LogSweepParams, sampleRateHz: number, amplitude: number, fadeSeconds: number): Float32Array {
  const length = Math.floor(params.durationSeconds * sampleRateHz);
  const fade = Math.min(Math.floor(length / 2), Math.max(0, Math.round(fadeSeconds * sampleRateHz)));
  const output = new Float32Array(length);
  for (let n = 0; n < length; n++) {
    const fromEdge = Math.min(n, length - 1 - n);
    const envelope = fromEdge < fade ? 0.5 - 0.5 * Math.cos((Math.PI * (fromEdge + 0.5)) / fade) : 1;
    output[n] = amplitude * envelope * Math.sin(logSweepPhaseRadians(params, n / sampleRateHz));
  }
  return output;
}

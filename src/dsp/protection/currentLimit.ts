// An output stage with a current limit: it follows the signal until the load asks for more current than the limit,
// and then holds the current at the limit, so the voltage across a load R is clipped at ±I_lim·R (and at the rails'
// swing). Into a short it delivers I_lim at zero volts: the limit is what keeps the output transistors alive, and
// the power they must then burn is (rail − 0)·I_lim. Leaves out: foldback (a limit that falls as the output voltage
// does), thermal shutdown, and the limit's temperature drift.

export interface CurrentLimitedOutput {
  /** The output current limit, A (peak). */
  readonly currentLimitAmps: number;
  /** The largest voltage swing the rails allow, V (peak). */
  readonly swingLimitVolts: number;
}

/** The largest peak voltage across a resistive load before either limit, V. */
export function cleanPeakVolts(output: CurrentLimitedOutput, loadOhms: number): number {
  return Math.min(output.swingLimitVolts, output.currentLimitAmps * loadOhms);
}

/** Which limit sets the clean peak into this load. */
export function limitingFactor(output: CurrentLimitedOutput, loadOhms: number): 'current' | 'voltage' {
  return output.currentLimitAmps * loadOhms < output.swingLimitVolts ? 'current' : 'voltage';
}

/** The load below which the current limit, not the rails, sets the clean swing, Ω. */
export function crossoverOhms(output: CurrentLimitedOutput): number {
  return output.swingLimitVolts / output.currentLimitAmps;
}

/** The voltage across the load when the amplifier is asked for demandVolts (one sample), V. */
export function limitedVolts(output: CurrentLimitedOutput, loadOhms: number, demandVolts: number): number {
  const limit = cleanPeakVolts(output, loadOhms);
  return Math.max(-limit, Math.min(limit, demandVolts));
}

/** The current into a short circuit, A: the limit itself. */
export const shortCircuitAmps = (output: CurrentLimitedOutput): number => output.currentLimitAmps;

/** Power the output device burns into a short, W: the whole rail across it at the limit current. */
export const shortCircuitDissipationWatts = (output: CurrentLimitedOutput, railVolts: number): number => railVolts * output.currentLimitAmps;

/** The largest clean sine power into a load, W: (peak²)/(2R). */
export function cleanSinePowerWatts(output: CurrentLimitedOutput, loadOhms: number): number {
  const peak = cleanPeakVolts(output, loadOhms);
  return (peak * peak) / (2 * loadOhms);
}

/** A sine of demandPeakVolts at frequencyHz through the limit into loadOhms, sampled at sampleRateHz. */
export function limitedSine(output: CurrentLimitedOutput, loadOhms: number, demandPeakVolts: number, frequencyHz: number, sampleRateHz: number, durationSeconds: number): { demand: Float64Array; load: Float64Array } {
  const length = Math.max(1, Math.round(sampleRateHz * durationSeconds));
  const demand = new Float64Array(length);
  const load = new Float64Array(length);
  for (let n = 0; n < length; n++) {
    const v = demandPeakVolts * Math.sin((2 * Math.PI * frequencyHz * n) / sampleRateHz);
    demand[n] = v;
    load[n] = limitedVolts(output, loadOhms, v);
  }
  return { demand, load };
}

/** The NE5532's typical output short-circuit current, A (38 mA; typical, not guaranteed). */
export const NE5532_SHORT_CIRCUIT_AMPS = 0.038;
/** An NE5532 on ±15 V rails swings about ±13 V into light loads (an estimate from its datasheet's typical swing). */
export const NE5532_SWING_VOLTS = 13;
export const NE5532_OUTPUT: CurrentLimitedOutput = { currentLimitAmps: NE5532_SHORT_CIRCUIT_AMPS, swingLimitVolts: NE5532_SWING_VOLTS };

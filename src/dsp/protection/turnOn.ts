// The turn-on thump of an amplifier with an output coupling capacitor, and the relay that stops it. At switch-on the
// amplifier's output jumps to its bias (half of a single supply); the capacitor C between it and the jack then
// charges, and its charging current flows through whatever is connected. A bleed resistor R_b from the jack to
// ground lets it charge while the relay keeps the headphone R_hp disconnected; the relay closes at t_d.
//   No relay:   v_hp(t) = V·e^(−t/τ),  τ = C·(R_hp ∥ R_b)
//   Relay:      v_hp(t) = 0 before t_d;  V·e^(−t_d/τ_b)·e^(−(t − t_d)/τ) after,  τ_b = R_b·C
// Without a bleed resistor (R_b = ∞) the capacitor can't charge while the relay is open, so the delay does nothing.
// Leaves out: the rails' own rise time (taken as a step), the relay's contact bounce, and the headphone's
// inductance and motional impedance (a resistor at DC and in the bass, where the thump's energy lies).

export interface TurnOnParams {
  /** The amplifier's output once its rails are up (its bias, half a single supply), V. */
  readonly biasVolts: number;
  /** The output coupling capacitor, F. */
  readonly capacitanceFarads: number;
  /** The headphone, taken as its DC resistance, Ω. */
  readonly headphoneOhms: number;
  /** The bleed resistor from the jack side of the capacitor to ground, Ω; Infinity for none. */
  readonly bleedOhms: number;
  /** When the relay connects the headphone after switch-on, s; 0 for no relay. */
  readonly relayDelaySeconds: number;
}

/** A single-supply portable amplifier: 9 V battery, bias at 4.5 V, 220 µF into 32 Ω, 1 kΩ bleed, 1 s relay. */
export const TURN_ON_DEFAULTS: TurnOnParams = {
  biasVolts: 4.5,
  capacitanceFarads: 220e-6,
  headphoneOhms: 32,
  bleedOhms: 1000,
  relayDelaySeconds: 1,
};

/** The headphone and the bleed resistor in parallel, Ω. */
export function connectedOhms(params: TurnOnParams): number {
  return Number.isFinite(params.bleedOhms) ? (params.headphoneOhms * params.bleedOhms) / (params.headphoneOhms + params.bleedOhms) : params.headphoneOhms;
}

/** τ once the headphone is connected, s: C·(R_hp ∥ R_b). */
export function connectedTimeConstantSeconds(params: TurnOnParams): number {
  return params.capacitanceFarads * connectedOhms(params);
}

/** τ_b while the relay is open, s: R_b·C (Infinity without a bleed resistor). */
export function bleedTimeConstantSeconds(params: TurnOnParams): number {
  return params.bleedOhms * params.capacitanceFarads;
}

/** What is left of the step when the relay closes, V: V·e^(−t_d/τ_b) (all of it at t_d = 0 or without a bleed). */
export function stepAtConnectionVolts(params: TurnOnParams): number {
  if (params.relayDelaySeconds <= 0) return params.biasVolts;
  const tauB = bleedTimeConstantSeconds(params);
  return Number.isFinite(tauB) ? params.biasVolts * Math.exp(-params.relayDelaySeconds / tauB) : params.biasVolts;
}

/** Voltage across the headphone at time t after switch-on, V. */
export function headphoneVolts(params: TurnOnParams, timeSeconds: number): number {
  if (timeSeconds < params.relayDelaySeconds) return 0;
  return stepAtConnectionVolts(params) * Math.exp(-(timeSeconds - params.relayDelaySeconds) / connectedTimeConstantSeconds(params));
}

export interface TurnOnSummary {
  /** The peak voltage across the headphone, V (the step when it is connected). */
  readonly peakVolts: number;
  /** The peak current through it, A. */
  readonly peakAmps: number;
  /** Energy the thump delivers to the headphone, J: V²·τ/(2·R_hp). */
  readonly energyJoules: number;
  /** When the peak comes, s after switch-on. */
  readonly peakAtSeconds: number;
}

export function turnOnSummary(params: TurnOnParams): TurnOnSummary {
  const peakVolts = stepAtConnectionVolts(params);
  return {
    peakVolts,
    peakAmps: peakVolts / params.headphoneOhms,
    energyJoules: (peakVolts * peakVolts * connectedTimeConstantSeconds(params)) / (2 * params.headphoneOhms),
    peakAtSeconds: Math.max(0, params.relayDelaySeconds),
  };
}

/** The same amplifier with the relay left out (headphone connected at switch-on). */
export const withoutRelay = (params: TurnOnParams): TurnOnParams => ({ ...params, relayDelaySeconds: 0 });

/** How much the relay lowers the thump's peak, dB (positive: lower). */
export function relayReductionDb(params: TurnOnParams): number {
  return 20 * Math.log10(stepAtConnectionVolts(withoutRelay(params)) / stepAtConnectionVolts(params));
}

/** The relay delay that leaves at most residualVolts of the step, s: τ_b·ln(V/residual); Infinity without a bleed. */
export function relayDelayFor(params: TurnOnParams, residualVolts: number): number {
  if (!(residualVolts > 0)) throw new RangeError('residualVolts must be positive');
  if (residualVolts >= params.biasVolts) return 0;
  return bleedTimeConstantSeconds(params) * Math.log(params.biasVolts / residualVolts);
}

/** The headphone voltage sampled every 1/sampleRateHz from switch-on for durationSeconds. */
export function headphoneWaveform(params: TurnOnParams, sampleRateHz: number, durationSeconds: number): Float64Array {
  const length = Math.max(1, Math.round(sampleRateHz * durationSeconds));
  const out = new Float64Array(length);
  for (let n = 0; n < length; n++) out[n] = headphoneVolts(params, n / sampleRateHz);
  return out;
}

/**
 * The one interface every amplifier stage model shares: a static transfer curve from solving the circuit, and a
 * per-sample processor for audio. Leaves out: the circuits themselves (one file each in this folder).
 */

export interface AmplifierStage {
  /**
   * The output voltage for a steady input voltage, from solving the circuit's equations (volts in, volts out, the
   * quiescent output included: a common-cathode stage's plate sits at its bias point with no input).
   */
  transferVolts(inputVolts: number): number;
  /** The output at the bias point, transferVolts(0). */
  readonly quiescentOutputVolts: number;
  /** Sets the sample rate for stages with memory (slew rate) and clears their state. */
  prepare(sampleRateHz: number): void;
  /** Clears any state (a slew-limited output back to the quiescent point). */
  reset(): void;
  /** One sample: the input voltage now → the output voltage now (quiescent output included). */
  processSample(inputVolts: number): number;
}

/** The input range a widget drives a stage over, and the output range to draw. */
export interface StageRanges {
  readonly maxInputVoltsPeak: number;
  readonly outputVoltsRange: readonly [number, number];
}

// What one run of the circuit lab's analyses gives, in SI units. The lab's page fills it from ngspice's results; the
// lab's listening panel builds its approximation of the circuit (a waveshaper from the DC transfer curve followed by a
// filter fitted to the AC response) from it, and compares that approximation's harmonics with the full transient's.

/** The DC sweep: the stage's output for each input voltage, both relative to the operating point. */
export interface CircuitTransfer {
  /** Input signal voltages, ascending, symmetric about 0 V (the stage's bias point). */
  readonly input_V: readonly number[];
  /** Output voltage at each input, with the output at 0 V input (the quiescent output) subtracted. */
  readonly output_V: readonly number[];
}

/** The AC sweep: the small-signal gain from input to output, as a complex number at each frequency. */
export interface CircuitAcResponse {
  /** Ascending frequencies. */
  readonly frequency_Hz: readonly number[];
  readonly gainRe: readonly number[];
  readonly gainIm: readonly number[];
}

/** SPICE's full transient of a sine through the circuit, reduced to its harmonics. */
export interface CircuitTransientHarmonics {
  readonly frequency_Hz: number;
  /** The sine's amplitude at the input, volts peak. */
  readonly inputPeak_V: number;
  /** Harmonics 2, 3, … of the output, each in dB relative to the fundamental. */
  readonly harmonics_dB: readonly number[];
}

/**
 * What in a circuit makes its present depend on its recent past, which a static curve plus a filter can't hold. The
 * lab sets what its netlist has; absent means none.
 */
export interface CircuitMemory {
  /** A coupling capacitor that a nonlinearity (a conducting grid, a diode) charges on loud passages, shifting the bias afterwards. */
  readonly couplingBiasShift?: boolean;
  /** A cathode or emitter bypass capacitor: the bias follows the average current over the capacitor's time constant. */
  readonly bypassedBias?: boolean;
  /** A supply with series resistance or a reservoir capacitor, whose voltage sags with the current drawn. */
  readonly supplySag?: boolean;
}

/** One simulated circuit, as the listening panel needs it. */
export interface CircuitSimulation {
  /** What the reader sees it called, e.g. "Original 12AX7 stage" or "Your circuit". */
  readonly label: string;
  readonly transfer: CircuitTransfer;
  readonly ac: CircuitAcResponse;
  readonly transient: CircuitTransientHarmonics | null;
  /** Parts with memory (optional: absent, the listening panel says the circuit has none). */
  readonly memory?: CircuitMemory;
}

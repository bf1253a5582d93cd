/**
 * A small DAC/amp's output (a USB-C dongle, or the amp inside a Bluetooth headphone) into a resistive load: an
 * open-circuit voltage behind an output impedance, and the loudest sine it can play on a headphone of known
 * sensitivity. Leaves out current limits and reactive loads (src/dsp/matching/outputLimits.ts has them).
 */

/** Voltage across the load: Voc · Z / (Z + Zout), volts rms. */
export function loadVoltsRms(openCircuitVoltsRms: number, outputImpedanceOhms: number, loadOhms: number): number {
  if (!(Number.isFinite(openCircuitVoltsRms) && openCircuitVoltsRms >= 0)) throw new RangeError(`openCircuitVoltsRms must be ≥ 0, got ${openCircuitVoltsRms}`);
  if (!(Number.isFinite(outputImpedanceOhms) && outputImpedanceOhms >= 0)) throw new RangeError(`outputImpedanceOhms must be ≥ 0, got ${outputImpedanceOhms}`);
  if (!(Number.isFinite(loadOhms) && loadOhms > 0)) throw new RangeError(`loadOhms must be > 0, got ${loadOhms}`);
  return (openCircuitVoltsRms * loadOhms) / (loadOhms + outputImpedanceOhms);
}

/** Power into the load: V² / Z with V = Voc · Z / (Z + Zout), i.e. Voc² · Z / (Z + Zout)², watts. */
export function loadPowerWatts(openCircuitVoltsRms: number, outputImpedanceOhms: number, loadOhms: number): number {
  const volts = loadVoltsRms(openCircuitVoltsRms, outputImpedanceOhms, loadOhms);
  return (volts * volts) / loadOhms;
}

/** Loudest sine SPL: sensitivity (dB SPL at 1 Vrms) + 20·log10(V across the load), dB SPL. */
export function maxSineSplDb(sensitivityDbPerVolt: number, openCircuitVoltsRms: number, outputImpedanceOhms: number, loadOhms: number): number {
  return sensitivityDbPerVolt + 20 * Math.log10(loadVoltsRms(openCircuitVoltsRms, outputImpedanceOhms, loadOhms));
}

/** Loudest average level of music whose peaks sit crestFactorDb above its rms: the sine maximum minus the crest factor. */
export function maxMusicSplDb(sensitivityDbPerVolt: number, openCircuitVoltsRms: number, outputImpedanceOhms: number, loadOhms: number, crestFactorDb: number): number {
  return maxSineSplDb(sensitivityDbPerVolt, openCircuitVoltsRms, outputImpedanceOhms, loadOhms) - crestFactorDb;
}

/**
 * Headphone sensitivity: the SPL a headphone makes from 1 mW or from 1 Vrms, the conversion between the two, and
 * the voltage, power and current a given SPL needs (REFERENCES §2). Leaves out: frequency dependence (the figures
 * are at 1 kHz), the headphone's impedance curve (the nominal impedance stands for the load) and distortion.
 */

export type SensitivityUnit = 'dB/mW' | 'dB/V';

/** A sine's peak is √2 times its rms value: +3.01 dB. */
export const SINE_PEAK_TO_RMS_DB = 20 * Math.log10(Math.SQRT2);

function assertLoad(loadOhms: number): void {
  if (!(Number.isFinite(loadOhms) && loadOhms > 0)) throw new RangeError(`loadOhms must be finite and > 0, got ${loadOhms}`);
}

/** dB/V = dB/mW + 10·log10(1000 / Z): 1 Vrms into Z ohms is 1000/Z mW. */
export function dbPerVoltFromDbPerMilliwatt(sensitivityDbPerMilliwatt: number, loadOhms: number): number {
  assertLoad(loadOhms);
  return sensitivityDbPerMilliwatt + 10 * Math.log10(1000 / loadOhms);
}

/** dB/mW = dB/V − 10·log10(1000 / Z). */
export function dbPerMilliwattFromDbPerVolt(sensitivityDbPerVolt: number, loadOhms: number): number {
  assertLoad(loadOhms);
  return sensitivityDbPerVolt - 10 * Math.log10(1000 / loadOhms);
}

/** A sensitivity in either unit as dB SPL per 1 Vrms, for a headphone of the given (nominal) impedance. */
export function sensitivityDbPerVolt(value: number, unit: SensitivityUnit, loadOhms: number): number {
  return unit === 'dB/V' ? value : dbPerVoltFromDbPerMilliwatt(value, loadOhms);
}

/** SPL = S(dB/V) + 20·log10(V / 1 V); −∞ for 0 V. */
export function splFromVoltsRms(sensitivityDbPerVolt: number, voltsRms: number): number {
  if (!(voltsRms >= 0)) throw new RangeError(`voltsRms must be ≥ 0, got ${voltsRms}`);
  return sensitivityDbPerVolt + 20 * Math.log10(voltsRms);
}

/** V = 10^((SPL − S(dB/V)) / 20): the rms voltage that makes splDb. */
export function voltsRmsForSpl(sensitivityDbPerVolt: number, splDb: number): number {
  return 10 ** ((splDb - sensitivityDbPerVolt) / 20);
}

/** P = V² / Z. */
export function powerWatts(voltsRms: number, loadOhms: number): number {
  assertLoad(loadOhms);
  return (voltsRms * voltsRms) / loadOhms;
}

/** I = V / Z. */
export function currentAmpsRms(voltsRms: number, loadOhms: number): number {
  assertLoad(loadOhms);
  return voltsRms / loadOhms;
}

/** V = √(P·Z). */
export function voltsRmsFromPower(watts: number, loadOhms: number): number {
  assertLoad(loadOhms);
  if (!(watts >= 0)) throw new RangeError(`watts must be ≥ 0, got ${watts}`);
  return Math.sqrt(watts * loadOhms);
}

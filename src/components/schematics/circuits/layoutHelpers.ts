// Small helpers the circuit layouts share: grid points, wires, and the way probes write volts and milliamps.
import { formatNumber, formatVolts, snapToZero } from '../../format';
import type { GridPoint, Wire } from '../types';

export const p = (x: number, y: number): GridPoint => ({ x, y });
export const wire = (...points: GridPoint[]): Wire => ({ points });
/** Keeps a number and its unit on one line in running text. */
export const nb = (value: string): string => value.replace(/ /g, '\u00a0');

/** Volts as a probe reads them: three significant digits from 10 V ("161 V", "13.5 V"), two decimals below ("2.97 V"). */
export function probeVolts(value: number): string {
  return Math.abs(value) >= 10 ? `${formatNumber(value, 3)} V` : formatVolts(value);
}

/** Currents below this (1 nA) are a solver's rounding, shown as 0. */
const CURRENT_RESOLUTION_AMPS = 1e-9;

/** Milliamps to two significant digits: "84 mA", "1.9 mA", "0.21 mA"; "0 mA" below 1 nA. */
export function milliamps(amps: number): string {
  return `${formatNumber(snapToZero(amps, CURRENT_RESOLUTION_AMPS) * 1000, 2)} mA`;
}

// Small helpers the circuit layouts share: grid points, wires, and the way probes write volts and milliamps.
import { formatNumber, formatVolts } from '../../format';
import type { GridPoint, Wire } from '../types';

export const p = (x: number, y: number): GridPoint => ({ x, y });
export const wire = (...points: GridPoint[]): Wire => ({ points });
/** Keeps a number and its unit on one line in running text. */
export const nb = (value: string): string => value.replace(/ /g, '\u00a0');

/** Volts as a probe reads them: three significant digits from 10 V ("161 V", "13.5 V"), two decimals below ("2.97 V"). */
export function probeVolts(value: number): string {
  return Math.abs(value) >= 10 ? `${formatNumber(value, 3)} V` : formatVolts(value);
}

/** Milliamps to two significant digits: "84 mA", "1.9 mA", "0.21 mA". */
export function milliamps(amps: number): string {
  return `${formatNumber(amps * 1000, 2)} mA`;
}

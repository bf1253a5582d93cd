/**
 * A class D amplifier's output filter: a series inductor L and a shunt capacitor C (second-order LC low-pass) into
 * the load, which may be a resistor or a headphone's impedance model. H(s) is the voltage at the load over the
 * switching stage's voltage. Leaves out: the inductor's resistance and saturation, the capacitor's ESR, the switching
 * stage's own resistance, and the bridge (BTL) arrangement: this is the single-ended equivalent (TI SLAA701).
 */
import { type Complex, abs, add, complex, div, mul } from '../complex';
import { type Rational, evaluateAtHz } from '../impedance';
import { polyAdd, polyMul } from '../polynomial';

export interface LcFilter {
  readonly inductanceHenries: number;
  readonly capacitanceFarads: number;
}

export const INDUCTANCE_RANGE_HENRIES = { min: 4.7e-6, max: 220e-6 } as const;
export const CAPACITANCE_RANGE_FARADS = { min: 47e-9, max: 2.2e-6 } as const;
/** Real output filters put their corner well above the audio band; the widget keeps it at or above this. */
export const MIN_CORNER_HZ = 30_000;

/** The largest C that keeps the corner at or above MIN_CORNER_HZ with this L: C = 1/((2π·f)²·L), within the range. */
export function maxCapacitanceFarads(inductanceHenries: number): number {
  return Math.min(CAPACITANCE_RANGE_FARADS.max, 1 / ((2 * Math.PI * MIN_CORNER_HZ) ** 2 * inductanceHenries));
}

function assertFilter(filter: LcFilter): void {
  const { inductanceHenries, capacitanceFarads } = filter;
  if (!(Number.isFinite(inductanceHenries) && inductanceHenries > 0) || !(Number.isFinite(capacitanceFarads) && capacitanceFarads > 0)) {
    throw new RangeError(`LcFilter: L and C must be finite and > 0, got ${inductanceHenries} H, ${capacitanceFarads} F`);
  }
}

/** The corner (natural) frequency f₀ = 1/(2π·√(LC)), the same whatever the load. */
export function cornerHz(filter: LcFilter): number {
  assertFilter(filter);
  return 1 / (2 * Math.PI * Math.sqrt(filter.inductanceHenries * filter.capacitanceFarads));
}

/** The quality factor into a resistor R: Q = R·√(C/L) (SLAA701's single-ended filter). Larger R, higher peak. */
export function qualityFactorIntoResistor(filter: LcFilter, loadOhms: number): number {
  assertFilter(filter);
  return loadOhms * Math.sqrt(filter.capacitanceFarads / filter.inductanceHenries);
}

/**
 * The Butterworth (Q = 1/√2, maximally flat) design for a resistive load R and a corner f₀ (SLAA701):
 * L = √2·R/ω₀, C = 1/(√2·R·ω₀), ω₀ = 2π·f₀. Flat into R only: into any other load the same parts peak or droop.
 */
export function butterworthLcForLoad(loadOhms: number, cornerFrequencyHz: number): LcFilter {
  if (!(loadOhms > 0) || !(cornerFrequencyHz > 0) || !Number.isFinite(loadOhms) || !Number.isFinite(cornerFrequencyHz)) {
    throw new RangeError('butterworthLcForLoad: load and corner must be finite and > 0');
  }
  const angularHz = 2 * Math.PI * cornerFrequencyHz;
  return { inductanceHenries: (Math.SQRT2 * loadOhms) / angularHz, capacitanceFarads: 1 / (Math.SQRT2 * loadOhms * angularHz) };
}

/**
 * H(s) = Zp/(sL + Zp) with Zp = Zload ∥ 1/(sC). For Zload = N/D: Zp = N/(D + sC·N), so
 * H(s) = N / (N + sL·(D + sC·N)). Into a resistor R this is 1/(LC·s² + (L/R)·s + 1).
 */
export function lcFilterResponse(load: Rational, filter: LcFilter): Rational {
  assertFilter(filter);
  const shunt = polyAdd(load.den, polyMul([0, filter.capacitanceFarads], load.num));
  return { num: load.num, den: polyAdd(load.num, polyMul([0, filter.inductanceHenries], shunt)) };
}

/** H(j2πf) evaluated from Zload(j2πf) directly (no polynomial expansion): what the plot and readouts use. */
export function lcFilterResponseAtHz(load: Rational, filter: LcFilter, frequencyHz: number): Complex {
  const loadImpedance = evaluateAtHz(load, frequencyHz);
  return lcFilterResponseWithLoadImpedance(loadImpedance, filter, frequencyHz);
}

/** H(j2πf) for a load impedance already evaluated at f. */
export function lcFilterResponseWithLoadImpedance(loadImpedance: Complex, filter: LcFilter, frequencyHz: number): Complex {
  const angularHz = 2 * Math.PI * frequencyHz;
  const shunt = div(loadImpedance, add(complex(1), mul(complex(0, angularHz * filter.capacitanceFarads), loadImpedance)));
  return div(shunt, add(complex(0, angularHz * filter.inductanceHenries), shunt));
}

/** 20·log10|H(j2πf)|. */
export function lcFilterResponseDbAtHz(load: Rational, filter: LcFilter, frequencyHz: number): number {
  return 20 * Math.log10(abs(lcFilterResponseAtHz(load, filter, frequencyHz)));
}

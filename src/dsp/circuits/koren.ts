/**
 * Koren's triode model: the static plate current as a function of the plate and grid voltages (both to the
 * cathode), with his published parameter sets for the 12AX7 and 12AU7. Leaves out: grid current (the grid is taken
 * to draw nothing even when positive), the interelectrode capacitances, heater and cathode warm-up, ageing and
 * the spread between samples of one type.
 */

/**
 * A parameter set for Koren's equation, under his own names (Norman Koren, "Improved VT models for SPICE
 * simulations", Glass Audio 8(5), 1996; source id `koren-1996`):
 * - `mu`: amplification factor µ (dimensionless);
 * - `ex`: the exponent on E1 (dimensionless);
 * - `kg1`: the current scale, in V^ex per ampere (Ip = 2·E1^ex/kg1);
 * - `kp`: the sharpness of the knee near cut-off (dimensionless);
 * - `kvb`: in V², smooths the grid's effect at low plate voltage.
 */
export interface KorenTriode {
  readonly name: string;
  readonly mu: number;
  readonly ex: number;
  readonly kg1: number;
  readonly kp: number;
  readonly kvb: number;
  /** The entry in src/data/sources.json the set comes from. */
  readonly sourceId: string;
}

/** Koren's 12AX7 set (µ 100, ex 1.4, kg1 1060, kp 600, kvb 300; REFERENCES §4). */
export const KOREN_12AX7: KorenTriode = {
  name: '12AX7',
  mu: 100,
  ex: 1.4,
  kg1: 1060,
  kp: 600,
  kvb: 300,
  sourceId: 'koren-1996',
};

/** Koren's 12AU7 set (µ 21.5, ex 1.3, kg1 1180, kp 84, kvb 300; REFERENCES §4). */
export const KOREN_12AU7: KorenTriode = {
  name: '12AU7',
  mu: 21.5,
  ex: 1.3,
  kg1: 1180,
  kp: 84,
  kvb: 300,
  sourceId: 'koren-1996',
};

export const KOREN_TRIODES = { '12AX7': KOREN_12AX7, '12AU7': KOREN_12AU7 } as const;
export type KorenTriodeName = keyof typeof KOREN_TRIODES;

/** The plate current and its two partial derivatives at one operating point. */
export interface KorenOperatingPoint {
  readonly plateCurrentAmps: number;
  /** ∂Ip/∂Vpk = 1/rp, in siemens. */
  readonly plateConductanceSiemens: number;
  /** ∂Ip/∂Vgk = gm, in siemens. */
  readonly transconductanceSiemens: number;
}

/** ln(1 + eˣ) without overflow for large x or loss of precision for very negative x. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** 1/(1 + e⁻ˣ), the derivative of softplus, without overflow. */
function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const ex = Math.exp(x);
  return ex / (1 + ex);
}

/**
 * Koren's plate current and its partial derivatives (REFERENCES §4):
 *
 *   E1 = (Vpk/kp)·ln(1 + exp(kp·(1/µ + Vgk/√(kvb + Vpk²)))),   Ip = (E1^ex/kg1)·(1 + sgn E1).
 *
 * Which form: REFERENCES §4 marks the current's form [disputed] — one copy of Koren's library halves it,
 * (E1^ex + sgn·|E1|^ex)/(2·kg1). We use Koren's published equation as written above, i.e. Ip = 2·E1^ex/kg1 for
 * E1 > 0 and 0 otherwise, which is also the form of the PSpice file described as his. It is the form the sets were
 * fitted to as far as we can check: with it the 12AU7 set gives 10.4 mA at Vpk 250 V, Vgk −8.5 V, where the 12AU7's
 * data sheets list about 10.5 mA (a recalled figure, [verify]); the halved form would give 5.2 mA.
 *
 * Numerically safe: the logarithm is a stable softplus (no overflow in exp for large kp·x), and Vpk ≤ 0 gives
 * E1 ≤ 0 and so exactly zero current, as the sgn term does in the formula.
 *
 * Derivatives, with s = √(kvb + Vpk²), u = kp·(1/µ + Vgk/s), σ = 1/(1 + e⁻ᵘ):
 *   ∂E1/∂Vgk = Vpk·σ/s,  ∂E1/∂Vpk = ln(1 + eᵘ)/kp − Vpk²·Vgk·σ/s³,  dIp/dE1 = 2·ex·E1^(ex−1)/kg1.
 */
export function korenOperatingPoint(tube: KorenTriode, plateVolts: number, gridVolts: number): KorenOperatingPoint {
  if (!(plateVolts > 0)) {
    return { plateCurrentAmps: 0, plateConductanceSiemens: 0, transconductanceSiemens: 0 };
  }
  const s = Math.sqrt(tube.kvb + plateVolts * plateVolts);
  const u = tube.kp * (1 / tube.mu + gridVolts / s);
  const softplusU = softplus(u);
  const e1 = (plateVolts / tube.kp) * softplusU;
  if (!(e1 > 0)) {
    return { plateCurrentAmps: 0, plateConductanceSiemens: 0, transconductanceSiemens: 0 };
  }
  const sigma = logistic(u);
  const plateCurrentAmps = (2 * e1 ** tube.ex) / tube.kg1;
  const dIdE1 = (2 * tube.ex * e1 ** (tube.ex - 1)) / tube.kg1;
  const dE1dVg = (plateVolts * sigma) / s;
  const dE1dVp = softplusU / tube.kp - (plateVolts * plateVolts * gridVolts * sigma) / (s * s * s);
  return {
    plateCurrentAmps,
    plateConductanceSiemens: dIdE1 * dE1dVp,
    transconductanceSiemens: dIdE1 * dE1dVg,
  };
}

/** Koren's plate current in amperes for plate and grid voltages to the cathode (see korenOperatingPoint). */
export function korenPlateCurrentAmps(tube: KorenTriode, plateVolts: number, gridVolts: number): number {
  return korenOperatingPoint(tube, plateVolts, gridVolts).plateCurrentAmps;
}

/** ln(eʸ − 1), the inverse of softplus for y > 0, without overflow or cancellation. */
function inverseSoftplus(y: number): number {
  return y > 1 ? y + Math.log1p(-Math.exp(-y)) : Math.log(Math.expm1(y));
}

/**
 * The grid voltage (to the cathode) at which Koren's current is currentAmps at plateVolts: the equation inverted in
 * closed form, E1 = (kg1·Ip/2)^(1/ex), u = ln(exp(kp·E1/Vpk) − 1), Vgk = (u/kp − 1/µ)·√(kvb + Vpk²).
 * NaN unless plateVolts > 0 and currentAmps > 0 (no grid voltage gives zero current, or any current at Vpk ≤ 0).
 */
export function korenGridVoltsForCurrent(tube: KorenTriode, plateVolts: number, currentAmps: number): number {
  if (!(plateVolts > 0 && currentAmps > 0)) return Number.NaN;
  const e1 = ((tube.kg1 * currentAmps) / 2) ** (1 / tube.ex);
  const u = inverseSoftplus((tube.kp * e1) / plateVolts);
  return (u / tube.kp - 1 / tube.mu) * Math.sqrt(tube.kvb + plateVolts * plateVolts);
}

/** A function's value and derivative at one point, for bracketedNewton. */
export interface ValueAndSlope {
  readonly value: number;
  readonly slope: number;
}

/**
 * The root of a continuous function that changes sign between lo and hi: Newton's method kept inside a shrinking
 * bracket, falling back to bisection whenever a Newton step would leave it. It always converges; Newton makes it
 * fast near the root. The triode circuits share it (each solves one monotonic equation per input voltage). Stops
 * when |f| ≤ toleranceValue (default 0: to full precision), when a step no longer moves x by more than a few units
 * in its last place, or when the bracket is that narrow. An initialGuess inside the bracket (e.g. the bias point)
 * saves steps; outside it, or NaN, the search starts at the bracket's middle.
 */
export function bracketedNewton(
  f: (x: number) => ValueAndSlope,
  lo: number,
  hi: number,
  toleranceValue = 0,
  initialGuess = Number.NaN,
  maxIterations = 200,
): number {
  let a = Math.min(lo, hi);
  let b = Math.max(lo, hi);
  const fa = f(a).value;
  const fb = f(b).value;
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (!(fa * fb < 0)) {
    throw new RangeError(`bracketedNewton: f must change sign on [${a}, ${b}] (f = ${fa}, ${fb})`);
  }
  const increasing = fb > 0;
  const closeEnough = (u: number, v: number) =>
    Math.abs(u - v) <= 4 * Number.EPSILON * Math.max(Math.abs(u), Math.abs(v));
  let x = initialGuess > a && initialGuess < b ? initialGuess : 0.5 * (a + b);
  for (let i = 0; i < maxIterations; i++) {
    const { value, slope } = f(x);
    if (value === 0 || Math.abs(value) <= toleranceValue) return x;
    if (value > 0 === increasing) b = x;
    else a = x;
    const newton = x - value / slope;
    if (closeEnough(newton, x)) return newton;
    const next = Number.isFinite(newton) && newton > a && newton < b ? newton : 0.5 * (a + b);
    if (closeEnough(next, x) || closeEnough(a, b)) return next;
    x = next;
  }
  return x;
}

/**
 * A complementary emitter-follower output stage (NPN above, PNP below) driving a headphone: Ebers–Moll transistors,
 * emitter resistors, class B or class AB bias, solved by KCL at the output for every input voltage, so crossover
 * distortion comes out of the device equations. Leaves out: base current (β → ∞, so the driver's source resistance
 * doesn't matter and the driver is an ideal voltage source), the Early effect, junction capacitance and every other
 * frequency dependence, temperature drift of the bias (thermal runaway), and the driver stage's own clipping.
 */
import type { AmplifierStage, StageRanges } from './stage';

/** Boltzmann constant k (SI 2019, exact), J/K. */
export const BOLTZMANN_JOULES_PER_KELVIN = 1.380649e-23;
/** Elementary charge q (SI 2019, exact), C. */
export const ELEMENTARY_CHARGE_COULOMBS = 1.602176634e-19;
/** The junction temperature the model runs at. */
export const JUNCTION_TEMPERATURE_KELVIN = 300;
/** Thermal voltage Vt = kT/q at 300 K ≈ 25.85 mV. */
export const THERMAL_VOLTAGE_VOLTS = (BOLTZMANN_JOULES_PER_KELVIN * JUNCTION_TEMPERATURE_KELVIN) / ELEMENTARY_CHARGE_COULOMBS;

/** Class B: no bias, both bases at the input. Class AB: a bias voltage sets a chosen quiescent current. */
export type PushPullClass = 'B' | 'AB';

export interface PushPullParams {
  readonly outputClass: PushPullClass;
  /** The quiescent collector current class AB is biased to (ignored in class B). */
  readonly biasCurrentAmps: number;
  /** Re, one in each emitter, between the emitter and the output node. */
  readonly emitterResistorOhms: number;
  /** RL, the headphone, from the output to ground. */
  readonly loadOhms: number;
  /** Vcc: the collectors sit at +Vcc and −Vcc. */
  readonly railVolts: number;
  /** Vce,sat: the emitter can't come closer to its collector's rail than this. */
  readonly saturationVolts: number;
  /** Is, the Ebers–Moll saturation current of each transistor. */
  readonly saturationCurrentAmps: number;
}

/**
 * Defaults: a ±12 V stage (the O2's rails, REFERENCES §3) into 32 Ω through 1 Ω emitter resistors, class AB at
 * 20 mA. Is = 10 fA is a round small-signal value: vendor SPICE models of the 2N3904/2N3906 class put it between
 * about 0.5 fA and 10 fA (Fairchild's 2N3904 model IS = 6.734 fA; LTspice's 2N3904 IS = 1E-14; a 2N3906 model
 * IS = 455.9 aA), and a real headphone output transistor is bigger (larger Is). Vce,sat = 0.2 V is a typical
 * small-signal saturation voltage [verify against a datasheet before a lesson states it].
 */
export const PUSH_PULL_DEFAULTS: PushPullParams = {
  outputClass: 'AB',
  biasCurrentAmps: 0.02,
  emitterResistorOhms: 1,
  loadOhms: 32,
  railVolts: 12,
  saturationVolts: 0.2,
  saturationCurrentAmps: 1e-14,
};

export const PUSH_PULL_BIAS_CURRENT_RANGE_AMPS = { min: 0, max: 0.05 } as const;
export const PUSH_PULL_EMITTER_RESISTOR_RANGE_OHMS = { min: 0.47, max: 4.7 } as const;
export const PUSH_PULL_LOAD_RANGE_OHMS = { min: 16, max: 600 } as const;
export const PUSH_PULL_RAIL_RANGE_VOLTS = { min: 1.5, max: 24 } as const;
export const PUSH_PULL_SATURATION_VOLTAGE_RANGE_VOLTS = { min: 0.05, max: 1 } as const;
export const PUSH_PULL_SATURATION_CURRENT_RANGE_AMPS = { min: 1e-16, max: 1e-12 } as const;

/** Newton steps before falling back to pure bisection; bisection steps after that (each halves the bracket). */
const NEWTON_STEPS = 60;
const BISECTION_STEPS = 200;
/** The Lambert-W solve stops after a Halley step smaller than this; see solveLogCurrent. */
const SOLVE_STOP_STEP = 1e-6;
/** Output voltage tolerance of the KCL solve. */
const OUTPUT_TOLERANCE_VOLTS = 1e-13;

function assertParams(params: PushPullParams): void {
  const positive: [string, number][] = [
    ['emitterResistorOhms', params.emitterResistorOhms],
    ['loadOhms', params.loadOhms],
    ['railVolts', params.railVolts],
    ['saturationCurrentAmps', params.saturationCurrentAmps],
  ];
  for (const [name, value] of positive) {
    if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be finite and > 0, got ${value}`);
  }
  const nonNegative: [string, number][] = [
    ['biasCurrentAmps', params.biasCurrentAmps],
    ['saturationVolts', params.saturationVolts],
  ];
  for (const [name, value] of nonNegative) {
    if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${name} must be finite and ≥ 0, got ${value}`);
  }
  if (!(params.saturationVolts < params.railVolts)) {
    throw new RangeError(`saturationVolts (${params.saturationVolts}) must be below railVolts (${params.railVolts})`);
  }
}

/**
 * The total bias voltage Vbias (split ±Vbias/2 between the input and each base) that makes the quiescent current
 * Iq: at zero input the output sits at 0 V by symmetry, so each half carries Iq with Vbe + Iq·Re = Vbias/2 and the
 * diode equation Iq = Is·(exp(Vbe/Vt) − 1) inverts to
 *   Vbias = 2·(Vt·ln(1 + Iq/Is) + Iq·Re).
 */
export function biasVoltageForCurrent(
  biasCurrentAmps: number,
  emitterResistorOhms: number,
  saturationCurrentAmps: number = PUSH_PULL_DEFAULTS.saturationCurrentAmps,
): number {
  return 2 * (THERMAL_VOLTAGE_VOLTS * Math.log1p(biasCurrentAmps / saturationCurrentAmps) + biasCurrentAmps * emitterResistorOhms);
}

/** The bias voltage the params ask for: 0 in class B, biasVoltageForCurrent in class AB. */
export function biasVoltage(params: PushPullParams): number {
  if (params.outputClass === 'B') return 0;
  return biasVoltageForCurrent(params.biasCurrentAmps, params.emitterResistorOhms, params.saturationCurrentAmps);
}

/** What the branch solve needs of the params, worked out once per solve rather than once per branch. */
interface SolverConstants {
  readonly params: PushPullParams;
  /** a = Re/Vt and ln a. */
  readonly a: number;
  readonly logA: number;
  /** c − u/Vt = ln Is + Is·Re/Vt. */
  readonly cOffset: number;
  readonly halfBiasVolts: number;
}

/** Each params object's constants, checked and worked out on its first solve (params are read-only). */
const SOLVER_CONSTANTS = new WeakMap<PushPullParams, SolverConstants>();

function solverConstants(params: PushPullParams): SolverConstants {
  const known = SOLVER_CONSTANTS.get(params);
  if (known !== undefined) return known;
  assertParams(params);
  const a = params.emitterResistorOhms / THERMAL_VOLTAGE_VOLTS;
  const constants: SolverConstants = {
    params,
    a,
    logA: Math.log(a),
    cOffset: Math.log(params.saturationCurrentAmps) + (params.saturationCurrentAmps * params.emitterResistorOhms) / THERMAL_VOLTAGE_VOLTS,
    halfBiasVolts: biasVoltage(params) / 2,
  };
  SOLVER_CONSTANTS.set(params, constants);
  return constants;
}

/**
 * The emitter current I of one transistor with its emitter resistor, when the voltage from its base to the far end
 * of the resistor is u (u = Vbase − Vout for the NPN, Vout − Vbase for the PNP): I = Is·(exp((u − I·Re)/Vt) − 1).
 * With y = ln(I + Is) this is h(y) = y + a·e^y − c = 0, a = Re/Vt, c = ln Is + (u + Is·Re)/Vt, whose root is
 * y = c − W(a·e^c) (W: Lambert's function). Newton on h starts from the uniform approximation
 * W(x) ≈ L·(1 − ln(1 + L)/(2 + L)), L = ln(1 + x) (after S. Winitzki, 2003); h rises and is convex, so Newton
 * converges from any start and the guess only sets how many steps it takes (a few). The log form never overflows.
 * Returns y.
 */
function solveLogCurrent(driveVolts: number, k: SolverConstants): number {
  const a = k.a;
  const c = k.cOffset + driveVolts / THERMAL_VOLTAGE_VOLTS;
  const logX = k.logA + c;
  const l = logX > 40 ? logX : Math.log1p(Math.exp(logX));
  let y = c - l * (1 - Math.log1p(l) / (2 + l));
  for (let i = 0; i < 100; i++) {
    const aey = a * Math.exp(y);
    const value = y + aey - c;
    const slope = 1 + aey;
    // Halley's step (h″ = h‴ = a·eʸ < h′): cubic convergence, the error after a step of size δ below δ³. A step
    // under 1e-6 leaves less than 1e-18, below the last place of y (|y| > 1 here: y = ln(I + Is) with I under an
    // ampere), so the loop stops without a further confirming step.
    const newton = value / slope;
    const step = newton / (1 - (newton * aey) / (2 * slope));
    y -= step;
    if (Math.abs(step) <= SOLVE_STOP_STEP) break;
  }
  return y;
}

/** One transistor's current at an output voltage, with the saturation limit, and d(current)/d(drive). */
interface BranchState {
  readonly currentAmps: number;
  /** d(current)/d(drive), the branch conductance: 1/(Re + Vt/(I + Is)), or 1/Re when saturated. */
  readonly conductanceSiemens: number;
  readonly saturated: boolean;
}

/**
 * Saturation, simply: the emitter can't pass its collector's rail minus Vce,sat. For the NPN the emitter sits at
 * Vout + I·Re, so I ≤ (Vcc − Vce,sat − Vout)/Re; the transistor carries the smaller of that and its Ebers–Moll
 * current (in saturation the external circuit sets Ic and Vce stays at Vce,sat). The PNP mirrors it.
 */
function branch(driveVolts: number, headroomVolts: number, k: SolverConstants): BranchState {
  const params = k.params;
  const logAmps = solveLogCurrent(driveVolts, k);
  const amps = Math.exp(logAmps);
  const ebersMoll = amps - params.saturationCurrentAmps;
  const saturationLimit = headroomVolts / params.emitterResistorOhms;
  if (saturationLimit < ebersMoll) {
    return { currentAmps: saturationLimit, conductanceSiemens: 1 / params.emitterResistorOhms, saturated: true };
  }
  const conductanceSiemens = 1 / (params.emitterResistorOhms + THERMAL_VOLTAGE_VOLTS / amps);
  return { currentAmps: ebersMoll, conductanceSiemens, saturated: false };
}

export interface PushPullOperatingPoint {
  readonly outputVolts: number;
  /** NPN emitter (= collector, β → ∞) current, flowing from +Vcc into the output node; ≥ −Is. */
  readonly npnCurrentAmps: number;
  /** PNP emitter (= collector) current, flowing from the output node to −Vcc; ≥ −Is. */
  readonly pnpCurrentAmps: number;
  readonly npnSaturated: boolean;
  readonly pnpSaturated: boolean;
}

/**
 * Solves KCL at the output for one input voltage: f(Vout) = I_npn(Vout) − I_pnp(Vout) − Vout/RL = 0, where
 * the NPN's base sits at Vin + Vbias/2 and the PNP's at Vin − Vbias/2. f falls strictly with Vout and changes sign
 * between ±(Vcc − Vce,sat), so Newton steps kept inside a shrinking bracket (bisection when a step leaves it)
 * always converge.
 */
export function pushPullOperatingPoint(params: PushPullParams, inputVolts: number): PushPullOperatingPoint {
  return solveOperatingPoint(solverConstants(params), inputVolts, inputVolts);
}

/** An operating point with the stage's small-signal gain there. */
export interface PushPullSolvedPoint extends PushPullOperatingPoint {
  /**
   * dVout/dVin at this input, from the solved branches (implicit differentiation of the KCL equation):
   * (g_npn + g_pnp)/(g_npn + g_pnp + 1/RL), a saturated branch counting 1/Re below the line and nothing above it
   * (its current follows the output, not the input).
   */
  readonly gainVoltsPerVolt: number;
}

/**
 * pushPullOperatingPoint with the Newton iteration started at startVolts, e.g. the previous point of a sweep, where it
 * needs fewer steps. The root is the same to within the solver's 1e-13 V tolerance, whatever the start.
 */
export function pushPullOperatingPointFrom(params: PushPullParams, inputVolts: number, startVolts: number): PushPullSolvedPoint {
  return solveOperatingPoint(solverConstants(params), inputVolts, startVolts);
}

/** The KCL solve, its Newton iteration starting from startVolts (clamped into the bracket). */
function solveOperatingPoint(k: SolverConstants, inputVolts: number, startVolts: number): PushPullSolvedPoint {
  if (!Number.isFinite(inputVolts)) throw new RangeError(`inputVolts must be finite, got ${inputVolts}`);
  const params = k.params;
  const halfBiasVolts = k.halfBiasVolts;
  const npnBaseVolts = inputVolts + halfBiasVolts;
  const pnpBaseVolts = inputVolts - halfBiasVolts;
  const limitVolts = params.railVolts - params.saturationVolts;

  const evaluate = (outputVolts: number) => {
    const npn = branch(npnBaseVolts - outputVolts, limitVolts - outputVolts, k);
    const pnp = branch(outputVolts - pnpBaseVolts, limitVolts + outputVolts, k);
    const residualAmps = npn.currentAmps - pnp.currentAmps - outputVolts / params.loadOhms;
    const slope = -npn.conductanceSiemens - pnp.conductanceSiemens - 1 / params.loadOhms;
    return { npn, pnp, residualAmps, slope };
  };

  let low = -limitVolts;
  let high = limitVolts;
  let outputVolts = Math.min(high, Math.max(low, startVolts));
  let state = evaluate(outputVolts);
  for (let i = 0; i < NEWTON_STEPS + BISECTION_STEPS; i++) {
    if (state.residualAmps === 0) break;
    if (state.residualAmps > 0) low = outputVolts;
    else high = outputVolts;
    const newtonStep = state.residualAmps / state.slope;
    if (Math.abs(newtonStep) <= OUTPUT_TOLERANCE_VOLTS) {
      outputVolts -= newtonStep;
      state = evaluate(outputVolts);
      break;
    }
    let next = outputVolts - newtonStep;
    if (i >= NEWTON_STEPS || !(next > low && next < high)) next = (low + high) / 2;
    outputVolts = next;
    state = evaluate(outputVolts);
    if (high - low <= OUTPUT_TOLERANCE_VOLTS) break;
  }
  const driveConductanceSiemens =
    (state.npn.saturated ? 0 : state.npn.conductanceSiemens) + (state.pnp.saturated ? 0 : state.pnp.conductanceSiemens);
  return {
    outputVolts,
    gainVoltsPerVolt: -driveConductanceSiemens / state.slope,
    npnCurrentAmps: state.npn.currentAmps,
    pnpCurrentAmps: state.pnp.currentAmps,
    npnSaturated: state.npn.saturated,
    pnpSaturated: state.pnp.saturated,
  };
}

/** The quiescent collector current of each transistor: the NPN's current with zero input. */
export function quiescentCurrentAmps(params: PushPullParams): number {
  return pushPullOperatingPoint(params, 0).npnCurrentAmps;
}

/**
 * The input range a widget drives the stage over: ±Vcc, since the driver that feeds the bases runs from the same
 * rails; the output can't pass ±(Vcc − Vce,sat). In class B at ±Vcc in, the output stops about a Vbe short of
 * the saturation limit; class AB's bias lifts the bases by Vbias/2 and reaches it.
 */
export function pushPullStageRanges(params: PushPullParams): StageRanges {
  const limitVolts = params.railVolts - params.saturationVolts;
  return { maxInputVoltsPeak: params.railVolts, outputVoltsRange: [-limitVolts, limitVolts] };
}

/**
 * The stage as an AmplifierStage. It is memoryless: processSample returns transferVolts(input); it only starts its
 * Newton iteration from the previous output (audio moves little between samples, so it converges in fewer steps),
 * which changes the result by no more than the solver's 1e-13 V tolerance. prepare and reset forget that start.
 */
export function pushPullStage(params: PushPullParams = PUSH_PULL_DEFAULTS): AmplifierStage {
  const constants = solverConstants(params);
  const transferVolts = (inputVolts: number): number => solveOperatingPoint(constants, inputVolts, inputVolts).outputVolts;
  const quiescentOutputVolts = transferVolts(0);
  let previousOutputVolts = quiescentOutputVolts;
  return {
    transferVolts,
    quiescentOutputVolts,
    prepare: () => {
      previousOutputVolts = quiescentOutputVolts;
    },
    reset: () => {
      previousOutputVolts = quiescentOutputVolts;
    },
    processSample: (inputVolts: number): number => {
      previousOutputVolts = solveOperatingPoint(constants, inputVolts, previousOutputVolts).outputVolts;
      return previousOutputVolts;
    },
  };
}

/**
 * Efficiency and device dissipation of output stages versus sine output level: closed forms for ideal class A
 * (single-ended with a resistive load; push-pull or transformer-coupled) and class B, and a cycle average of the
 * Ebers–Moll push-pull model for class AB (or B) with its real Vbe, Re and bias. Leaves out: the driver stages' and
 * bias network's power, supply regulation losses, reactive loads (the headphone is a resistor here), and music's
 * crest factor (these are steady sines).
 */
import { pushPullOperatingPoint, pushPullOperatingPointFrom, type PushPullParams } from './pushPullStage';

/** The ideal stages with closed forms. */
export type IdealOutputClass = 'A-single-ended' | 'A-push-pull' | 'B';

export interface PowerBudget {
  /** Average power drawn from the supplies. */
  readonly supplyWatts: number;
  /** Average signal (AC) power in the load, Vpk²/(2·RL) for a sine. */
  readonly loadWatts: number;
  /** Average power dissipated in the output devices (class A single-ended: the DC the load burns is not in it). */
  readonly deviceWatts: number;
  /** loadWatts / supplyWatts, 0 when nothing is drawn. */
  readonly efficiency: number;
}

function assertPositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be finite and > 0, got ${value}`);
}

/**
 * The largest undistorted sine peak each ideal stage delivers from its supply voltage V:
 * class A single-ended: a single supply V with the load as the collector resistor, biased at V/2 → V/2;
 * class A push-pull (±V, each device biased at V/(2·RL)) or transformer-coupled (collector swings 0…2V) → V;
 * class B on ±V → V.
 */
export function maxOutputVoltsPeak(outputClass: IdealOutputClass, supplyVolts: number): number {
  return outputClass === 'A-single-ended' ? supplyVolts / 2 : supplyVolts;
}

/**
 * Closed forms for a sine of peak Vpk into RL (Vpk is clamped to [0, maxOutputVoltsPeak]); P_L = Vpk²/(2·RL).
 * - Class A single-ended, resistive load: supply V, quiescent current V/(2·RL) through the load:
 *   P_S = V²/(2·RL); the load also burns the DC, Iq²·RL = V²/(4·RL); P_D = V²/(4·RL) − P_L;
 *   η = P_L/P_S = (Vpk/V)², at most 25 % at Vpk = V/2.
 * - Class A push-pull / transformer-coupled: P_S = V²/RL (constant), P_D = P_S − P_L, η = ½·(Vpk/V)², at most 50 %.
 * - Class B on ±V: each half conducts half a cycle, average current Vpk/(π·RL) from each rail:
 *   P_S = 2·V·Vpk/(π·RL), P_D = 2·V·Vpk/(π·RL) − Vpk²/(2·RL), η = (π/4)·(Vpk/V), at most π/4 ≈ 78.5 %;
 *   P_D peaks at Vpk = 2V/π with 2V²/(π²·RL).
 * (Any textbook treatment of power amplifier classes, e.g. Sedra & Smith, "Microelectronic Circuits", output
 * stages chapter; the maxima are those in REFERENCES §4.)
 */
export function idealPowerBudget(
  outputClass: IdealOutputClass,
  supplyVolts: number,
  loadOhms: number,
  outputVoltsPeak: number,
): PowerBudget {
  assertPositive('supplyVolts', supplyVolts);
  assertPositive('loadOhms', loadOhms);
  if (!Number.isFinite(outputVoltsPeak)) throw new RangeError(`outputVoltsPeak must be finite, got ${outputVoltsPeak}`);
  const vpk = Math.min(Math.max(outputVoltsPeak, 0), maxOutputVoltsPeak(outputClass, supplyVolts));
  const loadWatts = (vpk * vpk) / (2 * loadOhms);
  let supplyWatts: number;
  let deviceWatts: number;
  switch (outputClass) {
    case 'A-single-ended':
      supplyWatts = (supplyVolts * supplyVolts) / (2 * loadOhms);
      deviceWatts = (supplyVolts * supplyVolts) / (4 * loadOhms) - loadWatts;
      break;
    case 'A-push-pull':
      supplyWatts = (supplyVolts * supplyVolts) / loadOhms;
      deviceWatts = supplyWatts - loadWatts;
      break;
    case 'B':
      supplyWatts = (2 * supplyVolts * vpk) / (Math.PI * loadOhms);
      deviceWatts = supplyWatts - loadWatts;
      break;
  }
  return { supplyWatts, loadWatts, deviceWatts, efficiency: supplyWatts > 0 ? loadWatts / supplyWatts : 0 };
}

/** The class-B output level of largest device dissipation, Vpk = 2V/π (d P_D / d Vpk = 0). */
export function classBWorstDissipationVoltsPeak(supplyVolts: number): number {
  return (2 * supplyVolts) / Math.PI;
}

/** Points per cycle of the push-pull average; the integrand is periodic, so the rectangle rule converges fast. */
export const PUSH_PULL_CYCLE_POINTS = 256;

export interface PushPullPowerBudget extends PowerBudget {
  /** Average power in the two emitter resistors (counted in neither load nor device power). */
  readonly emitterResistorWatts: number;
  /** The input sine's peak that gave this output peak. */
  readonly inputVoltsPeak: number;
}

/**
 * The push-pull model's power budget for a sine input whose output peaks at outputVoltsPeak (found by bisection on
 * the monotonic transfer curve; clamped to what the stage can reach; 0 V gives zero input). Over one cycle of N points:
 * P_S = Vcc·⟨I_npn + I_pnp⟩ (β → ∞: each collector current comes from its rail), P_L = ⟨Vout²⟩/RL (all of the
 * load power, harmonics included), P_Re = Re·⟨I_npn² + I_pnp²⟩, P_D = P_S − P_L − P_Re.
 */
export function pushPullPowerBudget(
  params: PushPullParams,
  outputVoltsPeak: number,
  cyclePoints: number = PUSH_PULL_CYCLE_POINTS,
): PushPullPowerBudget {
  if (!Number.isFinite(outputVoltsPeak)) throw new RangeError(`outputVoltsPeak must be finite, got ${outputVoltsPeak}`);
  const points = Math.max(4, Math.floor(cyclePoints));
  const inputVoltsPeak = inputForOutputPeak(params, Math.max(0, outputVoltsPeak));
  let supplyAmps = 0;
  let loadWatts = 0;
  let emitterResistorWatts = 0;
  // Each solve starts from the previous point's output: neighbouring samples lie close together on the curve.
  let previousOutputVolts = 0;
  for (const [n, count] of cycleSamples(points)) {
    const point = pushPullOperatingPointFrom(params, inputVoltsPeak * Math.sin((2 * Math.PI * n) / points), previousOutputVolts);
    previousOutputVolts = point.outputVolts;
    supplyAmps += count * (point.npnCurrentAmps + point.pnpCurrentAmps);
    loadWatts += (count * point.outputVolts * point.outputVolts) / params.loadOhms;
    emitterResistorWatts +=
      count * params.emitterResistorOhms * (point.npnCurrentAmps * point.npnCurrentAmps + point.pnpCurrentAmps * point.pnpCurrentAmps);
  }
  const supplyWatts = (params.railVolts * supplyAmps) / points;
  loadWatts /= points;
  emitterResistorWatts /= points;
  return {
    supplyWatts,
    loadWatts,
    emitterResistorWatts,
    deviceWatts: supplyWatts - loadWatts - emitterResistorWatts,
    efficiency: supplyWatts > 0 ? loadWatts / supplyWatts : 0,
    inputVoltsPeak,
  };
}

/**
 * The samples n of an N-point cycle whose sums make the averages, each with how many of the N it stands for. The stage
 * is odd-symmetric (the PNP half mirrors the NPN half: input −v gives output −Vout with the two currents swapped), so
 * I_npn + I_pnp, Vout² and I_npn² + I_pnp² are even in the input, and |sin| repeats each quarter cycle: when 4 divides N,
 * n = 0 and N/4 stand for 2 samples each and 0 < n < N/4 for 4 (a quarter of the solves, the same sums).
 */
function cycleSamples(points: number): [number, number][] {
  if (points % 4 !== 0) return Array.from({ length: points }, (_, n): [number, number] => [n, 1]);
  const quarter = points / 4;
  return Array.from({ length: quarter + 1 }, (_, n): [number, number] => [n, n === 0 || n === quarter ? 2 : 4]);
}

/** How close the output peak of the input found comes to the one asked for. */
const OUTPUT_PEAK_TOLERANCE_VOLTS = 1e-12;

/**
 * The input peak whose output peak is targetVolts: transferVolts rises monotonically, so a root bracketed on
 * [0, Vin,max], where Vin,max is found by doubling from Vcc until the output stops rising (the saturation limit), is
 * found by Newton's method on the output with the solver's own gain dVout/dVin, kept inside the shrinking bracket
 * (a step outside it, or a flat stretch with no gain, bisects instead). A target at or above the reachable output
 * gives the input at which the output first reaches its limit, by bisection (past it the output is flat, so any
 * input there would do for Newton).
 */
function inputForOutputPeak(params: PushPullParams, targetVolts: number): number {
  const output = (inputVolts: number): number => pushPullOperatingPoint(params, inputVolts).outputVolts;
  let high = params.railVolts;
  for (let i = 0; i < 8 && output(high) < targetVolts; i++) high *= 2;
  const reachable = output(high);
  const goal = Math.min(targetVolts, reachable);
  if (goal <= 0) return 0;
  let low = 0;
  if (goal === reachable) {
    for (let i = 0; i < 80; i++) {
      const mid = (low + high) / 2;
      if (output(mid) < goal) low = mid;
      else high = mid;
    }
    return high;
  }
  let input = Math.min(goal, (low + high) / 2);
  let startVolts = goal;
  for (let i = 0; i < 200 && high - low > Number.EPSILON * high; i++) {
    const point = pushPullOperatingPointFrom(params, input, startVolts);
    const residual = point.outputVolts - goal;
    if (Math.abs(residual) <= OUTPUT_PEAK_TOLERANCE_VOLTS) return input;
    if (residual < 0) low = input;
    else high = input;
    startVolts = point.outputVolts;
    const newton = input - residual / point.gainVoltsPerVolt;
    input = point.gainVoltsPerVolt > 0 && newton > low && newton < high ? newton : (low + high) / 2;
  }
  return high;
}

/**
 * The unregulated mains supply of src/dsp/circuits/rectifierSupply.ts as an ngspice deck: the transformer secondary
 * as a sine EMF behind its winding resistance, a half-wave diode or a four-diode bridge, the reservoir capacitor and
 * the amplifier as a constant-current load; a transient long enough to settle, then the periods a check reads. Node
 * `rail` is the reservoir. The diodes follow Shockley's law (ngspice's diode model), not the model's fixed drop: the
 * saturation current is chosen so a diode drops the model's forward voltage plus its series resistance at 1 A, so
 * the two agree where rectifier diodes conduct and differ (by ~60 mV a decade) away from it.
 * Leaves out what the model leaves out: leakage inductance, mains distortion, the capacitor's ESR, reverse recovery.
 */
import { diodesInPath, type RectifierSupplyParams } from '../../dsp/circuits/rectifierSupply';
import { spiceComments, spiceDeck, spiceNumber } from '../deck';

/** The vector that is the rail: the reservoir capacitor's voltage. */
export const RECTIFIER_RAIL_VECTOR = 'v(rail)';
/** kT/q at ngspice's default 27 °C. */
export const THERMAL_VOLTS_27C = 0.025865;
/** The current at which the Shockley diode drops the model's forward voltage (plus its series resistance). */
export const DIODE_MATCH_AMPS = 1;
/** Below this forward drop a Shockley diode fitted at 1 A would need an unphysical saturation current. */
const MIN_FORWARD_VOLTS = 0.3;

/** How long a deck runs: `settlePeriods` mains periods to reach the steady state, then `readPeriods` to read. */
export interface RectifierTransientSpec {
  readonly settlePeriods: number;
  readonly readPeriods: number;
  /** Largest step, per mains period (the charging pulses are short: a few per cent of the period). */
  readonly stepsPerPeriod: number;
}

/** Saturation current so that IS·(exp(Vd/Vt) − 1) = DIODE_MATCH_AMPS at Vd = the model's forward drop. */
export function diodeSaturationAmps(forwardVolts: number): number {
  if (!(forwardVolts >= MIN_FORWARD_VOLTS)) throw new Error(`a silicon diode drops at least ${MIN_FORWARD_VOLTS} V at 1 A, not ${forwardVolts} V`);
  return DIODE_MATCH_AMPS / Math.expm1(forwardVolts / THERMAL_VOLTS_27C);
}

/**
 * The capacitor's starting charge: the secondary's peak less the diodes' drops, where an unloaded reservoir would
 * sit (closed form, not the model's answer); the load then pulls it down to the steady state while it settles.
 */
export function startingRailVolts(p: RectifierSupplyParams): number {
  return Math.SQRT2 * p.secondaryVoltsRms - diodesInPath(p.rectifier) * p.diodeForwardVolts;
}

export function rectifierSupplyNetlist(p: RectifierSupplyParams, run: RectifierTransientSpec): string {
  const periodSeconds = 1 / p.mainsHz;
  const stepSeconds = periodSeconds / run.stepsPerPeriod;
  const stopSeconds = (run.settlePeriods + run.readPeriods) * periodSeconds;
  const bridge = p.rectifier === 'full-wave-bridge';
  const diodes = bridge
    ? ['D1 sa rail drect', 'D2 sb rail drect', 'D3 0 sa drect', 'D4 0 sb drect', '* the floating secondary gets a DC path to ground', 'Rfloat sb 0 1G']
    : ['D1 sa rail drect'];
  return spiceDeck(
    `Rectifier supply: ${spiceNumber(p.secondaryVoltsRms)} Vrms, ${bridge ? 'bridge' : 'half-wave'}, ${spiceNumber(p.capacitanceFarads * 1e6)} uF, ${spiceNumber(p.loadAmps * 1e3)} mA (Amp Lab)`,
    [
      `Secondary: ${spiceNumber(p.secondaryVoltsRms)} V rms at ${spiceNumber(p.mainsHz)} Hz behind ${spiceNumber(p.windingOhms)} ohm of winding.`,
      `Diodes: Shockley, IS chosen to drop ${spiceNumber(p.diodeForwardVolts)} V + ${spiceNumber(p.diodeOhms)} ohm x I at 1 A, as the model's diode does.`,
      `Reservoir ${spiceNumber(p.capacitanceFarads)} F starting at the secondary's peak less the diodes' drops; the amplifier draws a steady ${spiceNumber(p.loadAmps)} A.`,
      `Transient: ${run.settlePeriods} mains periods to settle, then ${run.readPeriods} read. Desktop ngspice: "run", then "plot v(rail)".`,
    ].join('\n'),
    [
      `.model drect D(IS=${spiceNumber(diodeSaturationAmps(p.diodeForwardVolts))} N=1 RS=${spiceNumber(p.diodeOhms)} CJO=20p)`,
      `Vsec s1 ${bridge ? 'sb' : '0'} DC 0 SIN(0 ${spiceNumber(Math.SQRT2 * p.secondaryVoltsRms)} ${spiceNumber(p.mainsHz)})`,
      p.windingOhms > 0 ? `Rw s1 sa ${spiceNumber(p.windingOhms)}` : 'Vw s1 sa DC 0',
      ...diodes,
      `C1 rail 0 ${spiceNumber(p.capacitanceFarads)} IC=${spiceNumber(startingRailVolts(p))}`,
      `Iload rail 0 DC ${spiceNumber(p.loadAmps)}`,
      '.options reltol=1e-5',
      ...spiceComments('uic: start from the capacitor\'s IC (and 0 V elsewhere) rather than a DC operating point.'),
      `.tran ${spiceNumber(stepSeconds)} ${spiceNumber(stopSeconds)} 0 ${spiceNumber(stepSeconds)} uic`,
    ],
  );
}

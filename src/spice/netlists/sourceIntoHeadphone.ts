/**
 * A source with output impedance Zout driving a headphone's electrical model (src/dsp/headphones.ts) as an ngspice
 * deck: a 1 V AC source, Zout (a resistor, or a short at 0 Ω), a 0 V source that senses the headphone's current, and
 * the headphone's RLC network — a driver's Re + Le + (Res ∥ Les ∥ Ces), or the balanced-armature IEM's three drivers
 * with the series capacitors of its crossover. An `.ac` sweep then gives the response at the driver, v(hp), and the
 * impedance the source sees, v(hp)/i(vsense). Leaves out what the model leaves out (acoustics, cable, non-linearity).
 */
import { type DynamicDriverParams, type HeadphoneModel, MULTI_BA_CROSSOVER, motionalElements } from '../../dsp/headphones';
import { spiceDeck, spiceNumber } from '../deck';

/** The node at the headphone's terminals, and the 0 V source whose current is the headphone's. */
export const HEADPHONE_NODE_VECTOR = 'v(hp)';
export const HEADPHONE_CURRENT_VECTOR = 'i(vsense)';

/** A logarithmic AC sweep: `pointsPerDecade` points a decade from fromHz to toHz. */
export interface AcSweepSpec {
  readonly pointsPerDecade: number;
  readonly fromHz: number;
  readonly toHz: number;
}

export function acSweepLine({ pointsPerDecade, fromHz, toHz }: AcSweepSpec): string {
  if (!Number.isInteger(pointsPerDecade) || pointsPerDecade < 1 || !(fromHz > 0) || !(toHz > fromHz)) {
    throw new Error('an AC sweep needs a whole number of points a decade and 0 < fromHz < toHz');
  }
  return `.ac dec ${pointsPerDecade} ${spiceNumber(fromHz)} ${spiceNumber(toHz)}`;
}

/** One driver between nodes `from` and `to`, its parts named with `name` (R<name>e, L<name>e, R/L/C<name>s). */
function driverLines(name: string, driver: DynamicDriverParams, from: string, to: string): string[] {
  const { capacitanceFarads, inductanceHenries } = motionalElements(driver);
  const coil = `${name}c`;
  const motional = `${name}m`;
  return [
    `R${name}e ${from} ${coil} ${spiceNumber(driver.dcResistanceOhms)}`,
    driver.voiceCoilInductanceHenries > 0
      ? `L${name}e ${coil} ${motional} ${spiceNumber(driver.voiceCoilInductanceHenries)}`
      : `V${name}e ${coil} ${motional} DC 0`,
    `R${name}s ${motional} ${to} ${spiceNumber(driver.motionalResistanceOhms)}`,
    `L${name}s ${motional} ${to} ${spiceNumber(inductanceHenries)}`,
    `C${name}s ${motional} ${to} ${spiceNumber(capacitanceFarads)}`,
  ];
}

/** The headphone's network from node `hpd` to ground. */
function headphoneLines(model: HeadphoneModel): string[] {
  if (model.driver !== null) return driverLines('d', model.driver, 'hpd', '0');
  if (model.kind !== 'multi-ba') throw new Error(`the headphone "${model.id}" has no network to simulate`);
  const c = MULTI_BA_CROSSOVER;
  return [
    '* woofer alone; mid and tweeter each behind its crossover capacitor',
    ...driverLines('w', c.woofer, 'hpd', '0'),
    `Cmid hpd mid ${spiceNumber(c.midSeriesCapacitanceFarads)}`,
    ...driverLines('mi', c.mid, 'mid', '0'),
    `Ctw hpd tw ${spiceNumber(c.tweeterSeriesCapacitanceFarads)}`,
    ...driverLines('t', c.tweeter, 'tw', '0'),
  ];
}

export function sourceIntoHeadphoneNetlist(model: HeadphoneModel, outputImpedanceOhms: number, sweep: AcSweepSpec): string {
  if (!(outputImpedanceOhms >= 0)) throw new Error(`an output impedance is ≥ 0 ohm, not ${outputImpedanceOhms}`);
  return spiceDeck(
    `Source into headphone: ${spiceNumber(outputImpedanceOhms)} ohm into ${model.id} (Amp Lab, generated from the model's parameters)`,
    [
      `A 1 V AC source behind ${spiceNumber(outputImpedanceOhms)} ohm drives the headphone model "${model.id}" (illustrative values).`,
      'v(hp) is the response at the driver (re the 1 V source); v(hp)/i(vsense) the impedance the source sees.',
      `AC sweep, ${sweep.pointsPerDecade} points a decade from ${spiceNumber(sweep.fromHz)} Hz to ${spiceNumber(sweep.toHz)} Hz.`,
      'Desktop ngspice: "run", then "plot db(v(hp))" and "plot mag(v(hp)/i(vsense))".',
    ].join('\n'),
    [
      'Vsrc s 0 DC 0 AC 1',
      outputImpedanceOhms > 0 ? `Rout s hp ${spiceNumber(outputImpedanceOhms)}` : 'Vout s hp DC 0',
      'Vsense hp hpd DC 0',
      ...headphoneLines(model),
      acSweepLine(sweep),
    ],
  );
}

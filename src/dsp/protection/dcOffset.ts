// DC at an amplifier's output and what it does to a headphone driver: the steady current and power in the voice
// coil (Ohm's law on its DC resistance), and how far it holds the diaphragm off centre, expressed as the bass note
// whose peaks push it as far. The cure, a series coupling capacitor, and the bass corner it sets with the headphone.
// Leaves out: heating over time (a coil's thermal time constant), and the driver's own suspension non-linearity.

/** Steady current through the voice coil, A. */
export function dcCurrentAmps(offsetVolts: number, dcResistanceOhms: number): number {
  assertPositive('dcResistanceOhms', dcResistanceOhms);
  return offsetVolts / dcResistanceOhms;
}

/** Steady power the coil turns into heat, W: V²/R. */
export function dcPowerWatts(offsetVolts: number, dcResistanceOhms: number): number {
  assertPositive('dcResistanceOhms', dcResistanceOhms);
  return (offsetVolts * offsetVolts) / dcResistanceOhms;
}

/** A power against 1 mW, dB (a headphone's sensitivity is often quoted per mW). */
export function powerDbReMilliwatt(watts: number): number {
  return 10 * Math.log10(watts / 1e-3);
}

/**
 * An estimate of the static push, as a bass note. Below its resonance a driver's diaphragm is held by its
 * suspension's stiffness, so its excursion follows the force, B·l·i, whatever the frequency; a DC offset therefore
 * holds the diaphragm where a low bass sine of the same peak voltage pushes it at each peak. Returned: that sine's
 * level, dB SPL, at the headphone's sensitivity (dB SPL for 1 V rms). A sealed fit is assumed (the SPL of the bass
 * note); it says how far the diaphragm sits off centre, not that the offset is heard.
 */
export function equivalentBassSplDb(offsetVolts: number, sensitivityDbPerVolt: number): number {
  const sineRmsVolts = Math.abs(offsetVolts) / Math.SQRT2;
  return sensitivityDbPerVolt + 20 * Math.log10(sineRmsVolts);
}

/** The bass corner of a series coupling capacitor into a resistive headphone, Hz: 1/(2πRC). */
export function couplingCornerHz(capacitanceFarads: number, loadOhms: number): number {
  assertPositive('capacitanceFarads', capacitanceFarads);
  assertPositive('loadOhms', loadOhms);
  return 1 / (2 * Math.PI * loadOhms * capacitanceFarads);
}

/** The smallest coupling capacitor that keeps the bass corner at or below cornerHz into loadOhms, F. */
export function couplingCapacitanceFor(cornerHz: number, loadOhms: number): number {
  assertPositive('cornerHz', cornerHz);
  assertPositive('loadOhms', loadOhms);
  return 1 / (2 * Math.PI * loadOhms * cornerHz);
}

function assertPositive(name: string, value: number): void {
  if (!(value > 0 && Number.isFinite(value))) throw new RangeError(`${name} must be a positive number, got ${value}`);
}

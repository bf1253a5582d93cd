// Figures the balanced-outputs lesson quotes: the FiiO KA3's two outputs from the catalogue through the matcher's
// output model, and the crosstalk of a shared ground wire. Leaves out the KA3's noise (not published in the source read).
import { SOURCES } from '../data/catalogue/sources';
import { HEADPHONES } from '../data/catalogue/headphones';
import { headphoneLoad, sourceOutputModel } from '../dsp/matching/catalogueModels';
import { evaluateMatch } from '../dsp/matching/match';
import { cleanOutput } from '../dsp/matching/outputLimits';
import { powerWatts } from '../dsp/matching/sensitivity';

/** Crosstalk through a shared ground wire of resistance Rg into a load Z: 20·log10(Rg / Z), in dB. */
export function groundCrosstalkDb(groundOhms: number, loadOhms: number): number {
  return 20 * Math.log10(groundOhms / loadOhms);
}

/** Twice the voltage, in dB (≈ 6.0 dB), and independent noise of two halves, √2 (≈ 3.0 dB). */
export const bridgeVoltageGainDb = 20 * Math.log10(2);
export const bridgeNoiseRiseDb = 20 * Math.log10(Math.SQRT2);

const ka3 = SOURCES.find((s) => s.id === 'fiio-ka3');
if (!ka3) throw new Error('balancedOutputs: no FiiO KA3 in the catalogue');

/** Most clean power, W, from the KA3's output ('se' or 'bal') into a resistive load, read from its published ratings. */
export function ka3CleanPowerWatts(outputId: 'se' | 'bal', loadOhms: number): number {
  if (!ka3) return Number.NaN;
  const model = sourceOutputModel(ka3, outputId, 'fixed');
  return powerWatts(cleanOutput(model, loadOhms).voltsRms, loadOhms);
}

/** Clean power in mW against load, 16–600 Ω, for a figure. */
export function ka3PowerCurve(outputId: 'se' | 'bal'): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i <= 80; i++) {
    const loadOhms = 16 * (600 / 16) ** (i / 80);
    points.push({ x: loadOhms, y: ka3CleanPowerWatts(outputId, loadOhms) * 1000 });
  }
  return points;
}

/** Headroom for the music's peaks (the matcher's readout) for a catalogue headphone on one of the KA3's outputs. */
export function ka3HeadroomDb(outputId: 'se' | 'bal', headphoneId: string, averageLevelDbSpl: number, crestFactorDb: number): number {
  const headphone = HEADPHONES.find((h) => h.id === headphoneId);
  if (!ka3 || !headphone) return Number.NaN;
  return evaluateMatch(headphoneLoad(headphone), sourceOutputModel(ka3, outputId, 'fixed'), { averageLevelDbSpl, crestFactorDb }).headroomDb;
}

/** One of the KA3's published ratings with its voltage √(P·R) and current V/R, for the lesson's table. */
export function ka3Rating(outputId: 'se' | 'bal', loadOhms: number): { watts: number; voltsRms: number; milliamps: number } {
  const rating = ka3?.outputs.find((o) => o.id === outputId)?.ratings.find((r) => r.value.loadOhms === loadOhms)?.value;
  const watts = rating?.watts ?? Number.NaN;
  const voltsRms = Math.sqrt(watts * loadOhms);
  return { watts, voltsRms, milliamps: (voltsRms / loadOhms) * 1000 };
}

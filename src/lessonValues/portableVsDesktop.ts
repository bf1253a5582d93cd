// Figures the portable-vs-desktop lesson quotes, computed from the op-amp stage model, its supply presets and the
// catalogue, so the lesson's table, the supply widget and other lessons (power-supplies) can't disagree. Each is a
// plain number in the unit its name says. Battery life follows "power is conserved": a cell stepped up to higher
// rails gives the rails' power divided by its own voltage and the converter's efficiency.
import { BATTERIES, QUIESCENT_CURRENT_AMPS } from '../data/batteries';
import { batteryDrainAmps, railAverageAmps } from '../dsp/circuits/batteryLife';
import { HEADPHONES } from '../data/catalogue/headphones';
import { headphoneLoad } from '../dsp/matching/catalogueModels';
import { splFromVoltsRms, voltsRmsForSpl } from '../dsp/matching/sensitivity';
import {
  largestCleanSwingVoltsPeak,
  OP_AMP_STAGE_DEFAULTS,
  opAmpStageOnSupply,
  OP_AMP_SUPPLY_PRESETS,
  OP_AMP_TYPICAL_DROPOUT_VOLTS,
  type OpAmpOutputKind,
  type OpAmpStageParams,
} from '../dsp/circuits/opAmpStage';

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`portableVsDesktop: no ${what}`);
  return value;
}

/** Sensitivity (dB SPL per volt) and nominal impedance of a catalogue headphone. */
export function headphoneFigures(headphoneId: string): { sensitivityDbPerVolt: number; loadOhms: number } {
  const load = headphoneLoad(found(HEADPHONES.find((h) => h.id === headphoneId), `headphone ${headphoneId}`));
  return { sensitivityDbPerVolt: load.sensitivityDbPerVolt, loadOhms: load.nominalImpedanceOhms };
}

export const HD650_ID = 'sennheiser-hd650';
export const K371_ID = 'akg-k371';
export const hd650 = headphoneFigures(HD650_ID);
export const k371 = headphoneFigures(K371_ID);

/** The supplies the lesson's table compares, by the widget's preset ids. */
export const TABLE_SUPPLY_IDS = ['li-ion', 'usb', 'two-9v', 'mains-15'] as const;
export type TableSupplyId = (typeof TABLE_SUPPLY_IDS)[number];

export function supplyPreset(supplyId: string): (typeof OP_AMP_SUPPLY_PRESETS)[number] {
  return found(OP_AMP_SUPPLY_PRESETS.find((p) => p.id === supplyId), `supply ${supplyId}`);
}

/** The op-amp stage on a supply preset with an output kind into a load, as the supply widget builds it. */
export function stageOn(supplyId: string, outputKind: OpAmpOutputKind, loadOhms: number): OpAmpStageParams {
  return opAmpStageOnSupply(supplyPreset(supplyId).id, outputKind, OP_AMP_STAGE_DEFAULTS.gain, loadOhms);
}

/** The largest clean sine peak across the headphone: the model's figure (dropout, knee, current limit, build-out). */
export function cleanSwingVoltsPeak(supplyId: string, outputKind: OpAmpOutputKind, headphoneId: string): number {
  return largestCleanSwingVoltsPeak(stageOn(supplyId, outputKind, headphoneFigures(headphoneId).loadOhms));
}

/** The loudest clean level in a headphone on a supply, dB SPL (a sine). */
export function loudestCleanSpl(supplyId: string, outputKind: OpAmpOutputKind, headphoneId: string): number {
  return splFromVoltsRms(headphoneFigures(headphoneId).sensitivityDbPerVolt, cleanSwingVoltsPeak(supplyId, outputKind, headphoneId) / Math.SQRT2);
}

/** An ideal output (no dropout at all): the peak is the rail itself. The bound the predict question asks about. */
export function idealLoudestSpl(railVolts: number, headphoneId: string): number {
  return splFromVoltsRms(headphoneFigures(headphoneId).sensitivityDbPerVolt, railVolts / Math.SQRT2);
}

/** How far short of each rail the O2's output stage stops at the clean limit (dropout plus the model's knee). */
export const o2ShortOfRailVolts = OP_AMP_TYPICAL_DROPOUT_VOLTS.classic + OP_AMP_STAGE_DEFAULTS.kneeVolts;

export const liIonRailVolts = supplyPreset('li-ion').railVolts;
export const usbRailVolts = supplyPreset('usb').railVolts;
export const twoNineVoltRailVolts = supplyPreset('two-9v').railVolts;
export const mains15RailVolts = supplyPreset('mains-15').railVolts;

/** The predict question: the HD 650 on one Li-ion cell through a splitter, ideal output. */
export const hd650OnLiIonIdealVoltsRms = liIonRailVolts / Math.SQRT2;
export const hd650OnLiIonIdealSpl = idealLoudestSpl(liIonRailVolts, HD650_ID);
/** What the widget shows for it with its rail-to-rail output. */
export const hd650OnLiIonRailToRailSpl = loudestCleanSpl('li-ion', 'rail-to-rail', HD650_ID);
export const LOUD_PEAK_DB_SPL = 110;
export const hd650VoltsFor110 = voltsRmsForSpl(hd650.sensitivityDbPerVolt, LOUD_PEAK_DB_SPL);
export const k371VoltsFor110 = voltsRmsForSpl(k371.sensitivityDbPerVolt, LOUD_PEAK_DB_SPL);

/** NiMH 9 V batteries in the O2: about 9.5 V full, switched off near 7 V (nwavguy-o2-details). */
export const NIMH_FULL_VOLTS = 9.5;
export const NIMH_EMPTY_VOLTS = 7;
export const LI_ION_FULL_VOLTS = 4.2;
export const LI_ION_EMPTY_VOLTS = 2.75;

/** The loudest clean level in the HD 650 from ±railVolts with the O2's output stage (dropout + knee). */
export function hd650O2SplOnRails(railVolts: number): number {
  return splFromVoltsRms(hd650.sensitivityDbPerVolt, Math.max(0, railVolts - o2ShortOfRailVolts) / Math.SQRT2);
}
export const nimhFadeDb = 20 * Math.log10(NIMH_EMPTY_VOLTS / NIMH_FULL_VOLTS);
export const nimhFadeWithO2Db = hd650O2SplOnRails(NIMH_EMPTY_VOLTS) - hd650O2SplOnRails(NIMH_FULL_VOLTS);
export const liIonFadeDb = 20 * Math.log10(LI_ION_EMPTY_VOLTS / LI_ION_FULL_VOLTS);

/** Each rail of a class AB/B stage supplies one half-wave of a sine: on average Ipk/π (the supply model's). */
export { railAverageAmps };

const battery = (id: string) => found(BATTERIES.find((b) => b.id === id), `battery ${id}`);
const idle = (id: string) => found(QUIESCENT_CURRENT_AMPS.find((q) => q.id === id), `idle current ${id}`);

export const nimh9v = battery('nimh-9v');
export const liIonCell = battery('li-ion-18650');
export const o2IdleAmps = idle('objective2').amps;
export const o2LowPowerIdleAmps = idle('objective2-low-power').amps;

/** The worked battery-life example: the O2 on two NiMH batteries, the HD 650 at a steady 100 dB SPL. */
export const EXAMPLE_LEVEL_DB_SPL = 100;
export const exampleLoadVoltsRms = voltsRmsForSpl(hd650.sensitivityDbPerVolt, EXAMPLE_LEVEL_DB_SPL);
export const exampleLoadAmpsPeak = (Math.SQRT2 * exampleLoadVoltsRms) / hd650.loadOhms;
export const exampleMusicRailAmps = railAverageAmps(exampleLoadVoltsRms / hd650.loadOhms);
export const exampleLifeHours = nimh9v.capacityAmpHours / (o2IdleAmps + exampleMusicRailAmps);
export const exampleMusicShare = exampleMusicRailAmps / (o2IdleAmps + exampleMusicRailAmps);

/**
 * A single cell stepped up to ±railVolts by a converter of efficiency η, each rail carrying railAmps: the supply
 * model's boosted-cell drain, 2·Vrail·I/(η·Vcell).
 */
export function boostedCellAmps(railVolts: number, railAmps: number, cellVolts: number, efficiencyNormalized: number): number {
  return batteryDrainAmps({
    arrangement: 'boosted-cell',
    railVolts,
    batteryVolts: cellVolts,
    idleAmps: railAmps,
    loadAmpsRms: 0,
    converterEfficiencyNormalized: efficiencyNormalized,
  });
}
/** An illustrative converter efficiency; small boost converters state roughly 80–90 % (not one product's figure). */
export const EXAMPLE_CONVERTER_EFFICIENCY = 0.85;
export const boostRailWatts = 2 * twoNineVoltRailVolts * o2IdleAmps;
export const boostCellAmpsIdeal = boostedCellAmps(twoNineVoltRailVolts, o2IdleAmps, liIonCell.nominalVolts, 1);
export const boostCellAmps = boostedCellAmps(twoNineVoltRailVolts, o2IdleAmps, liIonCell.nominalVolts, EXAMPLE_CONVERTER_EFFICIENCY);
export const boostLifeHoursIdeal = liIonCell.capacityAmpHours / boostCellAmpsIdeal;
export const boostLifeHours = liIonCell.capacityAmpHours / boostCellAmps;

/** The loudest clean level against the rail voltage (±railVolts) for a headphone and output kind: a figure's curve. */
export function loudestSplAgainstRails(headphoneId: string, outputKind: OpAmpOutputKind, points = 60): { x: number; y: number }[] {
  const { loadOhms, sensitivityDbPerVolt } = headphoneFigures(headphoneId);
  return Array.from({ length: points }, (_, i) => {
    const railVolts = 1.5 + ((15 - 1.5) * i) / (points - 1);
    const params = { ...OP_AMP_STAGE_DEFAULTS, railVolts, dropoutVolts: OP_AMP_TYPICAL_DROPOUT_VOLTS[outputKind], loadOhms };
    return { x: railVolts, y: splFromVoltsRms(sensitivityDbPerVolt, largestCleanSwingVoltsPeak(params) / Math.SQRT2) };
  });
}

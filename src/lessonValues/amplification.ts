// Figures the amplification lesson quotes, computed from the op-amp stage model, the sensitivity formulas and the
// catalogue's cited O2 ratings, so the prose follows the model and the sources. Each is in the unit its name says.
import { predictedThd } from '../dsp/analysis/harmonics';
import {
  OP_AMP_STAGE_DEFAULTS,
  OP_AMP_SUPPLY_PRESETS,
  OP_AMP_TYPICAL_DROPOUT_VOLTS,
  opAmpLoadFraction,
  opAmpPinLimit,
  opAmpStage,
  opAmpStageOnSupply,
  type OpAmpLimitedBy,
  type OpAmpStageParams,
} from '../dsp/circuits/opAmpStage';
import { currentAmpsRms, powerWatts, sensitivityDbPerVolt, voltsRmsForSpl } from '../dsp/matching/sensitivity';
import { HEADPHONES } from '../data/catalogue/headphones';
import { SOURCES } from '../data/catalogue/sources';
import type { CatalogueHeadphone, CatalogueSource, Cited, OutputRating } from '../data/catalogue/types';

function sourceById(id: string): CatalogueSource {
  const source = SOURCES.find((s) => s.id === id);
  if (!source) throw new Error(`lessonValues/amplification: no source "${id}" in the catalogue`);
  return source;
}

function headphoneById(id: string): CatalogueHeadphone {
  const headphone = HEADPHONES.find((h) => h.id === id);
  if (!headphone) throw new Error(`lessonValues/amplification: no headphone "${id}" in the catalogue`);
  return headphone;
}

/** The O2's cited voltage rating into `loadOhms` (catalogue, SBAF measurements at 1 % THD+N). */
export function o2RatedVoltsRms(loadOhms: number): number {
  const ratings: readonly Cited<OutputRating>[] = sourceById('objective2').outputs[0]?.ratings ?? [];
  const volts = ratings.find((r) => r.value.loadOhms === loadOhms && r.value.voltsRms !== undefined)?.value.voltsRms;
  if (volts === undefined) throw new Error(`lessonValues/amplification: no O2 voltage rating at ${loadOhms} Ω`);
  return volts;
}

export const O2_HIGH_LOAD_OHMS = 300;
export const O2_LOW_LOAD_OHMS = 33;
export const o2HighLoadVoltsRms = o2RatedVoltsRms(O2_HIGH_LOAD_OHMS);
export const o2HighLoadVoltsPeak = o2HighLoadVoltsRms * Math.SQRT2;
export const o2LowLoadVoltsRms = o2RatedVoltsRms(O2_LOW_LOAD_OHMS);
export const o2LowLoadVoltsPeak = o2LowLoadVoltsRms * Math.SQRT2;
/** The rms current of the O2's 33 Ω rating: V/R. */
export const o2LowLoadAmpsRms = currentAmpsRms(o2LowLoadVoltsRms, O2_LOW_LOAD_OHMS);

const o2MainsPreset = OP_AMP_SUPPLY_PRESETS.find((p) => p.id === 'o2-mains');
if (!o2MainsPreset) throw new Error('lessonValues/amplification: no "o2-mains" supply preset');
/** The O2's rails on its mains adapter (±12 V, REFERENCES §3). */
export const o2RailVolts = o2MainsPreset.railVolts;
/** How far short of each rail the O2's 300 Ω clip point sat: rail − measured peak (an estimate: rails not measured then). */
export const o2ShortOfRailVolts = o2RailVolts - o2HighLoadVoltsPeak;

/** The O2's standard-build gains (NwAvGuy). */
export const O2_LOW_GAIN = 2.5;
export const O2_HIGH_GAIN = 6.5;
export const gainDb = (gain: number): number => 20 * Math.log10(gain);

/** The op-amp stage the widget draws on a supply preset, output kind "classic", at a headphone load. */
export function widgetStageParams(loadOhms: number, supplyId = 'o2-mains'): OpAmpStageParams {
  if (!OP_AMP_SUPPLY_PRESETS.some((p) => p.id === supplyId)) throw new Error(`lessonValues/amplification: no supply preset "${supplyId}"`);
  return opAmpStageOnSupply(supplyId, 'classic', OP_AMP_STAGE_DEFAULTS.gain, loadOhms);
}

/** Where the stage clips into a load: the peak across the headphone, and which limit sets it. */
export function stageClip(loadOhms: number, supplyId = 'o2-mains'): { loadVoltsPeak: number; limitedBy: OpAmpLimitedBy } {
  const params = widgetStageParams(loadOhms, supplyId);
  const limit = opAmpPinLimit(params);
  return { loadVoltsPeak: limit.pinVolts * opAmpLoadFraction(params), limitedBy: limit.limitedBy };
}

/** The stage's output current limit. */
export const stageCurrentLimitAmps = OP_AMP_STAGE_DEFAULTS.currentLimitAmps;

/**
 * The load above which the rails clip first on a supply: Ilim·(Rbuild + RL) = Vrail − dropout, so
 * RL = (Vrail − dropout)/Ilim − Rbuild. Below it the current limit clips first.
 */
export function railsTakeOverAboveOhms(supplyId = 'o2-mains'): number {
  const params = widgetStageParams(OP_AMP_STAGE_DEFAULTS.loadOhms, supplyId);
  return (params.railVolts - params.dropoutVolts) / params.currentLimitAmps - params.buildOutOhms;
}

/** THD of a 1 kHz sine through the widget's default stage (32 Ω, ±12 V, gain 2.5) at a drive in dB re full swing. */
export function stageThdPercentAtDriveDb(driveDb: number, loadOhms = OP_AMP_STAGE_DEFAULTS.loadOhms): number {
  const params = widgetStageParams(loadOhms);
  const fullSwingInputVoltsPeak = opAmpPinLimit(params).pinVolts / params.gain;
  const stage = opAmpStage(params);
  return predictedThd(stage.transferVolts, fullSwingInputVoltsPeak * 10 ** (driveDb / 20), 1000).percent;
}

/** A classic op-amp's dropout from each rail (typical). */
export const classicDropoutVolts = OP_AMP_TYPICAL_DROPOUT_VOLTS.classic;

/** The HD 650 at the maker's sensitivity and impedance (catalogue) for a level: volts, mA, mW. */
const hd650 = headphoneById('sennheiser-hd650');
export const HD650_OHMS = hd650.nominalImpedanceOhms.value;
export const hd650DbPerVolt = sensitivityDbPerVolt(hd650.sensitivity.value.value, hd650.sensitivity.value.unit, HD650_OHMS);
export const PEAK_TARGET_DB_SPL = 110;
export const hd650PeakVoltsRms = voltsRmsForSpl(hd650DbPerVolt, PEAK_TARGET_DB_SPL);
export const hd650PeakAmpsRms = currentAmpsRms(hd650PeakVoltsRms, HD650_OHMS);
export const hd650PeakWatts = powerWatts(hd650PeakVoltsRms, HD650_OHMS);

/** Headroom of a 2 Vrms DAC into the O2 at a gain, against the O2's 300 Ω clean peak: 20·log10(clip/asked). */
export const DAC_FULL_SCALE_VOLTS_RMS = 2;
export const dacPeakVolts = DAC_FULL_SCALE_VOLTS_RMS * Math.SQRT2;
export const headroomDb = (gain: number): number => 20 * Math.log10(o2HighLoadVoltsPeak / (dacPeakVolts * gain));

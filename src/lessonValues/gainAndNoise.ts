// Figures the gain-and-noise lesson quotes, computed by the matcher's own model (src/dsp/matching) from the catalogue,
// so the prose, the questions and the matcher can't disagree. Each is a plain number in the unit its name says.
import { headphoneLoad, sourceOutputModel } from '../dsp/matching/catalogueModels';
import { evaluateMatch, type MatchResult } from '../dsp/matching/match';
import { sensitivityDbPerVolt, splFromVoltsRms } from '../dsp/matching/sensitivity';
import { HEADPHONES } from '../data/catalogue/headphones';
import { SOURCES } from '../data/catalogue/sources';

function headphone(id: string): (typeof HEADPHONES)[number] {
  const found = HEADPHONES.find((h) => h.id === id);
  if (found === undefined) throw new RangeError(`No catalogue headphone "${id}"`);
  return found;
}
function source(id: string): (typeof SOURCES)[number] {
  const found = SOURCES.find((s) => s.id === id);
  if (found === undefined) throw new RangeError(`No catalogue source "${id}"`);
  return found;
}
/** A headphone's sensitivity in dB SPL per volt from its catalogue entry. */
export function dbPerVoltOf(id: string): number {
  const h = headphone(id);
  return sensitivityDbPerVolt(h.sensitivity.value.value, h.sensitivity.value.unit, h.nominalImpedanceOhms.value);
}

export const andromedaDbPerVolt = dbPerVoltOf('campfire-andromeda');
export const hd650DbPerVolt = dbPerVoltOf('sennheiser-hd650');
export const se846DbPerVolt = dbPerVoltOf('shure-se846');

/** The lesson's listening target: 85 dB SPL average, 15 dB crest factor (the matcher's defaults in the widget). */
export const LISTEN_DB_SPL = 85;
export const CREST_FACTOR_DB = 15;

/** The matcher's result for a headphone on the Magni 2's output at a gain. */
export function magni2Match(headphoneId: string, gainId: 'low' | 'high'): MatchResult {
  return evaluateMatch(headphoneLoad(headphone(headphoneId)), sourceOutputModel(source('schiit-magni-2'), 'se', gainId), {
    averageLevelDbSpl: LISTEN_DB_SPL,
    crestFactorDb: CREST_FACTOR_DB,
  });
}
export const andromedaHighSettingDb = magni2Match('campfire-andromeda', 'high').volume.settingDb;
export const andromedaLowSettingDb = magni2Match('campfire-andromeda', 'low').volume.settingDb;
export const hd650HighSettingDb = magni2Match('sennheiser-hd650', 'high').volume.settingDb;
export const hd650LowSettingDb = magni2Match('sennheiser-hd650', 'low').volume.settingDb;
/** The Magni 2's hiss at the Andromeda's ear (its published noise bound), dB SPL. */
export const andromedaMagni2NoiseDbSpl = magni2Match('campfire-andromeda', 'high').noise?.splDb ?? Number.NaN;

/** Hiss SPL of a noise voltage in a headphone: S + 20·log10(V). */
export const PREDICT_NOISE_VOLTS = 10e-6;
export const hd650NoiseDbSpl = splFromVoltsRms(hd650DbPerVolt, PREDICT_NOISE_VOLTS);
export const andromedaNoiseDbSpl = splFromVoltsRms(andromedaDbPerVolt, PREDICT_NOISE_VOLTS);
/** A very quiet source, about 1 µV (JDS Labs' figure for the lowest noise floors), in the Andromeda. */
export const andromedaNoiseAt1uVDbSpl = splFromVoltsRms(andromedaDbPerVolt, 1e-6);

/** The Magni 2's gains and the DAC voltage the catalogue assumes in front of it. */
const magni2 = source('schiit-magni-2');
export const magni2InputVoltsRms = magni2.inputFullScaleVoltsRms.value;
export const magni2Gains = (magni2.outputs[0]?.gains ?? []).map((g) => ({ id: g.id, label: g.label, gain: g.gain }));

/**
 * Volume setting (dB below full) for an average level with music peaking at full scale:
 * 20·log10(Vlisten / (Vfs·G)) + crest − 3.01 dB (a full-scale sine's rms is 3.01 dB below its peak). Leaves out the
 * drop in the amplifier's output impedance, which the matcher includes (a few hundredths of a dB here).
 */
export function settingDb(dbPerVolt: number, gain: number, fullScaleVoltsRms = magni2InputVoltsRms): number {
  const listenVolts = 10 ** ((LISTEN_DB_SPL - dbPerVolt) / 20);
  return 20 * Math.log10(listenVolts / (fullScaleVoltsRms * gain)) + CREST_FACTOR_DB - 20 * Math.log10(Math.SQRT2);
}
/** Setting against sensitivity, 95–135 dB/V, for each of the Magni 2's gains. */
export function settingCurves(): { id: string; label: string; points: { x: number; y: number }[] }[] {
  return magni2Gains.map((g) => ({
    id: g.id,
    label: `Magni 2, ${g.label}`,
    points: Array.from({ length: 41 }, (_, i) => ({ x: 95 + i, y: settingDb(95 + i, g.gain) })),
  }));
}
/** Gang error is specified down to −40 dB for a common pot grade (REFERENCES: tkd-volume-tracking). */
export const TRACKING_SPEC_LIMIT_DB = -40;

// Figures the sensitivity-and-power lesson quotes, computed from the sensitivity formulas, the matcher's model and
// the catalogue's cited figures, so the prose follows them. Each is in the unit its name says.
import { headphoneLoad, sourceOutputModel } from '../dsp/matching/catalogueModels';
import { evaluateMatch } from '../dsp/matching/match';
import { boostedExcursionRatio, boostedPowerWatts, harmonicPercent, ratedInputMarginDb } from '../dsp/matching/headphoneLimits';
import {
  currentAmpsRms,
  dbPerVoltFromDbPerMilliwatt,
  powerWatts,
  SINE_PEAK_TO_RMS_DB,
  sensitivityDbPerVolt,
  splFromVoltsRms,
  voltsRmsForSpl,
  voltsRmsFromPower,
} from '../dsp/matching/sensitivity';
import { HEADPHONES } from '../data/catalogue/headphones';
import { SOURCES } from '../data/catalogue/sources';
import type { CatalogueHeadphone, CatalogueSource } from '../data/catalogue/types';

export function catalogueHeadphone(id: string): CatalogueHeadphone {
  const headphone = HEADPHONES.find((h) => h.id === id);
  if (!headphone) throw new Error(`lessonValues/sensitivityAndPower: no headphone "${id}" in the catalogue`);
  return headphone;
}

function catalogueSource(id: string): CatalogueSource {
  const source = SOURCES.find((s) => s.id === id);
  if (!source) throw new Error(`lessonValues/sensitivityAndPower: no source "${id}" in the catalogue`);
  return source;
}

/** A headphone's nominal impedance and its sensitivity as published, plus dB/V. */
export function headphoneFigures(id: string): { ohms: number; published: number; unit: string; dbPerVolt: number } {
  const h = catalogueHeadphone(id);
  const ohms = h.nominalImpedanceOhms.value;
  const { value, unit } = h.sensitivity.value;
  return { ohms, published: value, unit, dbPerVolt: sensitivityDbPerVolt(value, unit, ohms) };
}

/** The range of nominal impedances in the catalogue, ohms. */
const nominal = HEADPHONES.map((h) => h.nominalImpedanceOhms.value);
export const catalogueMinOhms = Math.min(...nominal);
export const catalogueMaxOhms = Math.max(...nominal);

/** What a level asks of a headphone: rms volts, amps and watts. */
export function needs(dbPerVolt: number, ohms: number, splDb: number): { volts: number; amps: number; watts: number } {
  const volts = voltsRmsForSpl(dbPerVolt, splDb);
  return { volts, amps: currentAmpsRms(volts, ohms), watts: powerWatts(volts, ohms) };
}

/** Audeze LCD-3 as xnor measured it at 500 Hz (REFERENCES §2): not in the catalogue, quoted here once. */
export const LCD3_DB_PER_VOLT = 102;
export const LCD3_OHMS = 48;

export const hd600 = headphoneFigures('sennheiser-hd600');
export const hd650 = headphoneFigures('sennheiser-hd650');
export const andromeda = headphoneFigures('campfire-andromeda');
export const lcd2 = headphoneFigures('audeze-lcd2');
export const andromedaDbPerMw = andromeda.published;
/** Per milliwatt and per volt differences between the Andromeda and the HD 600. */
export const perMilliwattGapDb = andromedaDbPerMw - hd600.published;
export const perVoltGapDb = andromeda.dbPerVolt - dbPerVoltFromDbPerMilliwatt(hd600.published, hd600.ohms);
export const powerRatioAtSameVolts = hd600.ohms / andromeda.ohms;

/** The matcher's default listening target in this lesson. */
export const LESSON_LEVEL_DB_SPL = 85;
export const LESSON_CREST_DB = 15;

/** The O2's cited 300 Ω rating and what it gives the HD 650. */
const o2Ratings = catalogueSource('objective2').outputs[0]?.ratings ?? [];
export const o2At300VoltsRms = o2Ratings.find((r) => r.value.loadOhms === 300)?.value.voltsRms ?? Number.NaN;
export const o2At33VoltsRms = o2Ratings.find((r) => r.value.loadOhms === 33)?.value.voltsRms ?? Number.NaN;
export const o2At33Amps = currentAmpsRms(o2At33VoltsRms, 33);
export const hd650MaxSplOnO2 = splFromVoltsRms(hd650.dbPerVolt, o2At300VoltsRms);
export const loudestMusicDbSpl = (maxSplDb: number, crestDb: number): number => maxSplDb + SINE_PEAK_TO_RMS_DB - crestDb;

/** The phone adapter's cited 300 Ω rating. */
export const adapterVoltsRms = catalogueSource('apple-usbc-adapter').outputs[0]?.ratings.find((r) => r.value.loadOhms === 300)?.value.voltsRms ?? Number.NaN;
export const hd650MaxSplOnAdapter = splFromVoltsRms(hd650.dbPerVolt, adapterVoltsRms);

/** "1 W into 32 Ω" as a voltage, and what that voltage gives 300 Ω. */
export const oneWattInto32Volts = voltsRmsFromPower(1, 32);
export const oneWattVoltsInto300Watts = powerWatts(oneWattInto32Volts, 300);

/**
 * The loudest clean level the matcher finds for a headphone on a source output at its highest gain: what the source
 * can drive, not what the headphone can take.
 */
export function loudestCleanSplDb(headphoneId: string, sourceId: string, outputId = 'se'): number {
  const source = catalogueSource(sourceId);
  const output = source.outputs.find((o) => o.id === outputId) ?? source.outputs[0];
  const gainId = output?.gains.at(-1)?.id ?? 'fixed';
  const result = evaluateMatch(headphoneLoad(catalogueHeadphone(headphoneId)), sourceOutputModel(source, outputId, gainId), {
    averageLevelDbSpl: LESSON_LEVEL_DB_SPL,
    crestFactorDb: LESSON_CREST_DB,
  });
  return result.clean.splDb;
}

/** The catalogue's headphones with the lowest and highest nominal impedance, by name. */
const bareModel = (model: string): string => model.replace(/\s*\(.*\)$/, '');
const byImpedance = [...HEADPHONES].sort((a, b) => a.nominalImpedanceOhms.value - b.nominalImpedanceOhms.value);
export const catalogueMinName = `${byImpedance[0]?.maker ?? ''} ${bareModel(byImpedance[0]?.model ?? '')}`.trim();
export const catalogueMaxName = `${byImpedance.at(-1)?.maker ?? ''} ${bareModel(byImpedance.at(-1)?.model ?? '')}`.trim();

/**
 * "The headphone's own limits": the DT 880 (600 Ω) with the rated maximum input iFixit lists (100 mW), the level at
 * which it reaches that rating, and what a +10 dB bass boost at 30 Hz asks of it on a loud bass note.
 */
const dt880Entry = catalogueHeadphone('beyerdynamic-dt880-600');
export const dt880 = headphoneFigures('beyerdynamic-dt880-600');
const dt880Rating = dt880Entry.ratedMaximumInput?.value;
export const dt880RatedWatts = dt880Rating === undefined ? Number.NaN : dt880Rating.kind === 'power' ? dt880Rating.watts : powerWatts(dt880Rating.voltsRms, dt880.ohms);
export const dt880RatedVolts = voltsRmsFromPower(dt880RatedWatts, dt880.ohms);
export const dt880RatedSplDb = splFromVoltsRms(dt880.dbPerVolt, dt880RatedVolts);
/** The headphones in the catalogue with a rated maximum input, and how many there are in all. */
export const ratedCount = HEADPHONES.filter((h) => h.ratedMaximumInput !== undefined).length;
export const catalogueCount = HEADPHONES.length;

export const BASS_BOOST_DB = 10;
export const BASS_BOOST_HZ = 30;
/** A loud bass note before the boost, dB SPL (near the 110 dB peak target NwAvGuy suggests). */
export const BASS_NOTE_DB_SPL = 108;
export const bassNoteWatts = needs(dt880.dbPerVolt, dt880.ohms, BASS_NOTE_DB_SPL).watts;
export const boostedBassWatts = boostedPowerWatts(bassNoteWatts, BASS_BOOST_DB);
export const boostedBassMarginDb = ratedInputMarginDb(boostedBassWatts, dt880RatedWatts);
export const bassNoteMarginDb = ratedInputMarginDb(bassNoteWatts, dt880RatedWatts);
export const boostPowerRatio = boostedPowerWatts(1, BASS_BOOST_DB);
export const boostExcursionRatio = boostedExcursionRatio(BASS_BOOST_DB);

/** HD800 at 50 Hz and 90 dB SPL (Head-Fi thread 597670): the 3rd harmonic 40 dB down, the 2nd more than 45 dB down. */
export const HD800_50HZ_H3_DB = -40;
export const HD800_50HZ_H2_BELOW_DB = -45;
export const hd800H3Percent = harmonicPercent(HD800_50HZ_H3_DB);
export const hd800H2BelowPercent = harmonicPercent(HD800_50HZ_H2_BELOW_DB);
/** Sennheiser's claim for the HD800 at 1 kHz and 100 dB SPL (What Hi-Fi?): THD below 0.02 %. */
export const HD800_1KHZ_THD_BELOW_PERCENT = 0.02;

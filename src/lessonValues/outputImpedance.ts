// Figures the output-impedance lesson quotes in its prose, computed from the models so the text and the widget
// can't disagree (and other lessons can quote them from here). Each is a plain number in the unit its name says.
import { CLOSED_32_DRIVER, DYNAMIC_300_DRIVER, HEADPHONE_MODELS, headphoneById } from '../dsp/headphones';
import { magnitudeOhmsAtHz } from '../dsp/impedance';
import { dampingFactor, largestDeviation, logFrequencies, relativeResponseDb, responseDbAtHz } from '../dsp/sourceLoad';
import { outputById } from '../dsp/matching/catalogueModels';
import { SOURCES } from '../data/catalogue/sources';

const hd600Class = headphoneById('dynamic-300').impedance;
function sourceById(id: string): (typeof SOURCES)[number] {
  const source = SOURCES.find((candidate) => candidate.id === id);
  if (source === undefined) throw new RangeError(`No catalogue source "${id}"`);
  return source;
}
const closed32 = headphoneById('closed-32').impedance;

/** The IEC 61938 recommended source impedance (REFERENCES §1). */
export const IEC_SOURCE_OHMS = 120;
export const HD600_CLASS_RESONANCE_HZ = DYNAMIC_300_DRIVER.resonanceHz;
export const CLOSED_32_RESONANCE_HZ = CLOSED_32_DRIVER.resonanceHz;

/** Response at `hz` relative to 1 kHz of a load on a source: 20·log10|H(f)/H(1 kHz)|. */
function liftDb(load: typeof hd600Class, sourceOhms: number, hz: number): number {
  return responseDbAtHz(load, sourceOhms, hz) - responseDbAtHz(load, sourceOhms, 1000);
}

/** The HD600-class model's bass at resonance relative to 1 kHz on a 120 Ω source (≈ +1.1 dB). */
export const hd600BassLiftOn120Db = liftDb(hd600Class, IEC_SOURCE_OHMS, HD600_CLASS_RESONANCE_HZ);
/** Its impedance at 1 kHz (≈ 300 Ω). */
export const hd600MidOhms = magnitudeOhmsAtHz(hd600Class, 1000);
/** The widget's "O2-class" preset (ohms) and the model's largest change on it (≈ 0.01 dB). */
export const O2_CLASS_PRESET_OHMS = 0.5;
export const hd600ChangeOnO2ClassDb = largestChangeDb('dynamic-300', O2_CLASS_PRESET_OHMS);
/** The O2's specified output impedance, from the catalogue (JDS Labs, REFERENCES §3). */
export const o2OutputOhms = outputById(sourceById('objective2'), 'se').outputImpedanceOhms.value;
/** The HD600-class model's rated impedance, and its damping factor on 120 Ω and on an O2. */
export const hd600NominalOhms = headphoneById('dynamic-300').nominalImpedanceOhms;
export const hd600DampingOn120 = dampingFactor(hd600NominalOhms, IEC_SOURCE_OHMS) ?? Number.NaN;
export const hd600DampingOnO2 = dampingFactor(hd600NominalOhms, o2OutputOhms) ?? Number.NaN;
/** Qes of the HD600-class driver, Qms·Re/Res, and the effective Qes on a 120 Ω source, Qes·(Re + Zout)/Re (Small 1972). */
export const hd600Qes = (DYNAMIC_300_DRIVER.mechanicalQ * DYNAMIC_300_DRIVER.dcResistanceOhms) / DYNAMIC_300_DRIVER.motionalResistanceOhms;
export const hd600QesOn120 = (hd600Qes * (DYNAMIC_300_DRIVER.dcResistanceOhms + IEC_SOURCE_OHMS)) / DYNAMIC_300_DRIVER.dcResistanceOhms;

/** "Impedance matching": a source whose output impedance equals the headphone's rated impedance (300 Ω). */
export const matchedSourceOhms = hd600NominalOhms;
/** Level lost at 1 kHz when matched (half the voltage, ≈ −6.0 dB) and the bass at resonance relative to 1 kHz (≈ +2.1 dB). */
export const hd600MidLossMatchedDb = responseDbAtHz(hd600Class, matchedSourceOhms, 1000);
export const hd600BassLiftMatchedDb = liftDb(hd600Class, matchedSourceOhms, HD600_CLASS_RESONANCE_HZ);

/** The 32 Ω closed model's bass at its resonance relative to 1 kHz on a source of `sourceOhms` (≈ +0.9 dB on 10 Ω). */
export function closed32BassLiftDb(sourceOhms: number): number {
  return liftDb(closed32, sourceOhms, CLOSED_32_RESONANCE_HZ);
}
/** Its impedance at resonance (≈ 50 Ω) and at 1 kHz (≈ 30 Ω). */
export const closed32PeakOhms = magnitudeOhmsAtHz(closed32, CLOSED_32_RESONANCE_HZ);
export const closed32MidOhms = magnitudeOhmsAtHz(closed32, 1000);

/** Its level loss at 1 kHz on that source (≈ −2.9 dB) and at resonance (≈ −1.8 dB). */
export const hd600MidLossOn120Db = responseDbAtHz(hd600Class, IEC_SOURCE_OHMS, 1000);
export const hd600BassLossOn120Db = responseDbAtHz(hd600Class, IEC_SOURCE_OHMS, HD600_CLASS_RESONANCE_HZ);
/** Its impedance at resonance (≈ 520 Ω). */
export const hd600PeakOhms = magnitudeOhmsAtHz(hd600Class, HD600_CLASS_RESONANCE_HZ);

/** Response change relative to 1 kHz, 20 Hz–20 kHz, of every headphone model on a source of `sourceOhms`. */
export function modelResponsesOn(sourceOhms: number, points = 120): { id: string; name: string; points: { x: number; y: number }[] }[] {
  const frequencies = logFrequencies(20, 20_000, points);
  return HEADPHONE_MODELS.map((model) => {
    const db = relativeResponseDb(model.impedance, sourceOhms, frequencies);
    return { id: model.id, name: model.name, points: frequencies.map((x, i) => ({ x, y: db[i] ?? Number.NaN })) };
  });
}

/** The largest change (with sign) of a model on a source. */
export function largestChangeDb(modelId: string, sourceOhms: number): number {
  return largestDeviation(headphoneById(modelId).impedance, sourceOhms).deviationDb;
}

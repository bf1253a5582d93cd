// Figures the output-impedance lesson quotes in its prose, computed from the models so the text and the widget
// can't disagree (and other lessons can quote them from here). Each is a plain number in the unit its name says.
import { HEADPHONE_MODELS, headphoneById } from '../dsp/headphones';
import { magnitudeOhmsAtHz } from '../dsp/impedance';
import { largestDeviation, logFrequencies, relativeResponseDb, responseDbAtHz } from '../dsp/sourceLoad';

const hd600Class = headphoneById('dynamic-300').impedance;

/** The IEC 61938 recommended source impedance (REFERENCES §1). */
export const IEC_SOURCE_OHMS = 120;
export const HD600_CLASS_RESONANCE_HZ = 90;

/** The HD600-class model's bass at resonance relative to 1 kHz on a 120 Ω source (≈ +1.1 dB). */
export const hd600BassLiftOn120Db =
  responseDbAtHz(hd600Class, IEC_SOURCE_OHMS, HD600_CLASS_RESONANCE_HZ) - responseDbAtHz(hd600Class, IEC_SOURCE_OHMS, 1000);
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

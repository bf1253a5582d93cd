// Figures the crossfeed lesson quotes, from the bs2b model (src/dsp/crossfeed/bs2b.ts) at the widget's plotting rate,
// so the prose, the widget and the questions agree. Each is a plain number in the unit its name says.
import {
  BS2B_DEFAULT,
  BS2B_PRESETS,
  bs2bAnalogResponse,
  bs2bParameters,
  bs2bSections,
  crossfeedPointAtHz,
  lowFrequencyInterauralDelaySeconds,
  woodworthItdSeconds,
  type Bs2bPresetId,
  type Bs2bSettings,
} from '../dsp/crossfeed/bs2b';

export const PLOT_RATE_HZ = 48_000;
/** A typical adult head's radius for the spherical-head formula, metres (the value commonly used; an estimate). */
export const HEAD_RADIUS_METRES = 0.0875;
/** A stereo pair's loudspeakers sit at ±30° (the equilateral triangle). */
export const SPEAKER_AZIMUTH_DEGREES = 30;

export const defaultCutHz = BS2B_DEFAULT.cutHz;
export const defaultFeedDb = BS2B_DEFAULT.feedDb;
export const defaultHighboostCutHz = bs2bParameters(BS2B_DEFAULT).highboostCutHz;

export function presetSettings(id: Bs2bPresetId): Bs2bSettings {
  const preset = BS2B_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`no crossfeed preset "${id}"`);
  return preset.settings;
}

/** For a sound in one channel: the far ear's level below the near ear's at f, dB (positive). */
export function interauralLevelDifferenceDb(settings: Bs2bSettings, frequencyHz: number): number {
  return crossfeedPointAtHz(bs2bSections(settings, PLOT_RATE_HZ), frequencyHz, PLOT_RATE_HZ).interauralLevelDifferenceDb;
}

/** The near ear's (direct path's) level at f, dB. */
export function directDb(settings: Bs2bSettings, frequencyHz: number): number {
  return crossfeedPointAtHz(bs2bSections(settings, PLOT_RATE_HZ), frequencyHz, PLOT_RATE_HZ).directDb;
}

/** A centred (mono) sound's level through the crossfeed at f, dB. */
export function monoDb(settings: Bs2bSettings, frequencyHz: number): number {
  return crossfeedPointAtHz(bs2bSections(settings, PLOT_RATE_HZ), frequencyHz, PLOT_RATE_HZ).monoDb;
}

/** The cross path of the RC prototype at f relative to its own bass level, dB (negative). */
export function crossRolloffDb(settings: Bs2bSettings, frequencyHz: number): number {
  const at = (f: number) => 20 * Math.log10(Math.hypot(bs2bAnalogResponse(settings, f).cross.re, bs2bAnalogResponse(settings, f).cross.im));
  return at(frequencyHz) - at(1e-3);
}

export const crossfeedItdMs = lowFrequencyInterauralDelaySeconds(BS2B_DEFAULT) * 1e3;
export const speakerItdMs = woodworthItdSeconds(HEAD_RADIUS_METRES, (SPEAKER_AZIMUTH_DEGREES * Math.PI) / 180) * 1e3;
export const sideItdMs = woodworthItdSeconds(HEAD_RADIUS_METRES, Math.PI / 2) * 1e3;

/** A curve of the default crossfeed for a figure: 20 Hz–20 kHz, 100 log steps. */
export function crossfeedCurve(settings: Bs2bSettings, pick: 'direct' | 'cross' | 'mono'): { x: number; y: number }[] {
  const sections = bs2bSections(settings, PLOT_RATE_HZ);
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i <= 100; i++) {
    const hz = 20 * 1000 ** (i / 100);
    const p = crossfeedPointAtHz(sections, hz, PLOT_RATE_HZ);
    points.push({ x: hz, y: pick === 'direct' ? p.directDb : pick === 'cross' ? p.crossDb : p.monoDb });
  }
  return points;
}

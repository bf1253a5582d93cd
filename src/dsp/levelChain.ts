/**
 * A source feeding an amplifier, by voltages: the source's full-scale level, digital volume, the amp's voltage
 * gain and the output voltage where it clips. Leaves out: the headphone (a later lesson), noise, and any
 * softness of real clipping (the clip point is treated as a hard limit at its peak voltage).
 */

/** Full-scale output of each source as an rms sine voltage (REFERENCES §5, §7). */
export const SOURCES = [
  { id: 'pcm5102a', label: 'DAC chip line output (PCM5102A, 2.1 Vrms at full scale)', fullScaleVoltsRms: 2.1 },
  { id: 'consumer', label: 'Consumer line level (−10 dBV, 0.316 Vrms)', fullScaleVoltsRms: 10 ** (-10 / 20) },
  { id: 'pro', label: 'Pro line level (+4 dBu, 1.228 Vrms)', fullScaleVoltsRms: 0.7746 * 10 ** (4 / 20) },
] as const;
export type SourceId = (typeof SOURCES)[number]['id'];

/** The O2's standard gain settings (REFERENCES §3) and unity. */
export const AMP_GAINS = [1, 2.5, 6.5] as const;

/** The O2's measured 1 % THD+N point into 300 Ω, 7.24 Vrms (SBAF, REFERENCES §3), as a peak voltage: 10.24 V. */
export const AMP_CLIP_VOLTS_PEAK = 7.24 * Math.SQRT2;

export interface LevelChainSettings {
  sourceId: SourceId;
  digitalVolumeDb: number;
  ampGain: number;
}

export function sourceFullScaleVoltsPeak(sourceId: SourceId): number {
  const source = SOURCES.find((s) => s.id === sourceId) ?? SOURCES[0];
  return source.fullScaleVoltsRms * Math.SQRT2;
}

/** Volts at the amp's output for a digital sample value x (−1…1, full scale = 1), before clipping. */
export function ampOutputVoltsPerFullScale(s: LevelChainSettings): number {
  return sourceFullScaleVoltsPeak(s.sourceId) * 10 ** (s.digitalVolumeDb / 20) * s.ampGain;
}

/** The amp's transfer curve: input volts → output volts, hard-limited at ±AMP_CLIP_VOLTS_PEAK. */
export function ampTransferVolts(inputVolts: number, ampGain: number): number {
  return Math.max(-AMP_CLIP_VOLTS_PEAK, Math.min(AMP_CLIP_VOLTS_PEAK, inputVolts * ampGain));
}

/** Headroom in dB for a program peaking at `programPeakDbfs`: 20·log10(clip / demanded peak); negative = clipping. */
export function headroomDb(s: LevelChainSettings, programPeakDbfs: number): number {
  return 20 * Math.log10(AMP_CLIP_VOLTS_PEAK / (ampOutputVoltsPerFullScale(s) * 10 ** (programPeakDbfs / 20)));
}

/**
 * The clip as a level in the digital domain once the chain is normalised back to the program's level (so A/B
 * compare distortion, not loudness): samples are limited to ±AMP_CLIP_VOLTS_PEAK / (volts per full scale).
 * ≥ 1 means the chain cannot clip a full-scale program.
 */
export function clipLevelFullScale(s: LevelChainSettings): number {
  return AMP_CLIP_VOLTS_PEAK / ampOutputVoltsPerFullScale(s);
}

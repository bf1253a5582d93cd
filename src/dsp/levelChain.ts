/**
 * A source feeding an amplifier, by voltages: the source's full-scale level, digital volume, the amp's voltage
 * gain and the output voltage where it clips. Leaves out: the headphone (a later lesson), noise, and any
 * softness of real clipping (the clip point is treated as a hard limit at its peak voltage).
 */
import { OBJECTIVE2_MEASURED } from './circuits/opAmpStage';
import {
  EBU_ALIGNMENT_NOMINAL,
  EBU_R68_FULL_SCALE,
  PCM5102A_FULL_SCALE,
  PRO_NOMINAL,
  SMPTE_RP155_FULL_SCALE,
  levelDifferenceDb,
  type LineLevel,
} from './lineLevels';

/**
 * A source as the amp sees it: its FULL-SCALE output (what a 0 dBFS sine gives, so the chain compares full scale with
 * the amp's clip point) and, where the source has one, the NOMINAL level its signals are aligned to, below full scale
 * by its stated headroom. Consumer −10 dBV has no standard full scale, so it is not offered as a source (see
 * CONSUMER_NOMINAL in lineLevels.ts). Levels come from src/dsp/lineLevels.ts.
 */
export interface LevelChainSource {
  readonly id: string;
  readonly name: string;
  readonly fullScale: LineLevel;
  readonly nominal: LineLevel | null;
}

export const SOURCES = [
  { id: 'pcm5102a', name: 'DAC chip line output (PCM5102A)', fullScale: PCM5102A_FULL_SCALE, nominal: null },
  { id: 'pro-ebu', name: 'Pro interface aligned to EBU R68', fullScale: EBU_R68_FULL_SCALE, nominal: EBU_ALIGNMENT_NOMINAL },
  { id: 'pro-smpte', name: 'Pro interface aligned to SMPTE RP 155', fullScale: SMPTE_RP155_FULL_SCALE, nominal: PRO_NOMINAL },
] as const satisfies readonly LevelChainSource[];
export type SourceId = (typeof SOURCES)[number]['id'];

export function sourceById(sourceId: SourceId): LevelChainSource {
  return SOURCES.find((s) => s.id === sourceId) ?? SOURCES[0];
}

/** The O2's standard gain settings (REFERENCES §3) and unity. */
export const AMP_GAINS = [1, 2.5, 6.5] as const;

/**
 * The O2's measured 1 % THD+N point into 300 Ω on AC (OBJECTIVE2_MEASURED: 7.24 Vrms, SBAF), as a peak voltage,
 * √2 · 7.24 = 10.24 V.
 */
export const AMP_CLIP_VOLTS_PEAK = Math.SQRT2 * OBJECTIVE2_MEASURED.railLimitedClip.voltsRms;

export interface LevelChainSettings {
  sourceId: SourceId;
  digitalVolumeDb: number;
  ampGain: number;
}

/** The source's full-scale sine as a peak voltage: √2 · full-scale rms. */
export function sourceFullScaleVoltsPeak(sourceId: SourceId): number {
  return Math.SQRT2 * sourceById(sourceId).fullScale.voltsRms;
}

/** How far the source's full scale sits above its nominal level, dB (its headroom); null without a nominal level. */
export function nominalHeadroomDb(sourceId: SourceId): number | null {
  const source = sourceById(sourceId);
  return source.nominal === null ? null : levelDifferenceDb(source.fullScale.voltsRms, source.nominal.voltsRms);
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

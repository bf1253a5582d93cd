/**
 * What the "Bits, dither and noise" figures show, computed from the quantizer model: a 997 Hz test tone
 * at a chosen level quantized to N bits (the staircase), the spectrum of the error in third-octave bands,
 * and the signal-to-noise ratio, measured and from the closed forms. Leaves out: the analog output stage.
 */
import { averagedPowerSpectrum, bandLevelDb, thirdOctaveBandEdgesHz } from '../spectrum';
import { mulberry32 } from '../random';
import { ditherNoisePenaltyDb, type DitherKind, type NoiseShaping } from './dither';
import { lsbSize, measuredSnrDb, quantize } from './quantizer';

export const DEMO_TONE_HZ = 997;
export const DEMO_SAMPLE_RATE_HZ = 48000;
const DEMO_LENGTH_SAMPLES = 16384;
const DEMO_SEED = 1234;
/** Third-octave centres (base-2, 1 kHz reference) from 20 Hz to 20 kHz. */
export const THIRD_OCTAVE_CENTERS_HZ: readonly number[] = Array.from({ length: 31 }, (_, i) => 1000 * 2 ** ((i - 17) / 3));

export interface QuantizationDemoSettings {
  bits: number;
  dither: DitherKind;
  shaping: NoiseShaping;
  /** Peak level of the test tone, dBFS (0 = full scale). */
  levelDbfs: number;
}

export interface QuantizationDemo {
  /** Time (s) and value (fraction of full scale) of the tone and of the converter's output, over `periods` periods. */
  original: { x: number; y: number }[];
  staircase: { x: number; y: number }[];
  /** Error power per third-octave band, dB re full scale, at THIRD_OCTAVE_CENTERS_HZ. */
  errorBandsDb: { x: number; y: number }[];
  measuredSnrDb: number;
  /** Closed form for a sine of this level: 6.02N + 1.76 + level − dither penalty (no noise shaping). */
  theoreticalSnrDb: number;
}

/**
 * SNR of a sine of peak level L dBFS through an ideal N-bit quantizer: the error is uniform over one
 * LSB Δ = 2/2^N with power Δ²/12 (Bennett 1948), the sine's power is A²/2, so SNR = 6.02N + 1.76 + L;
 * RPDF/TPDF dither add Δ²/12 and 2Δ²/12 of noise (3.01 / 4.77 dB, Lipshitz et al. 1992). Valid while
 * the tone spans many LSBs (or is dithered).
 */
export function theoreticalToneSnrDb(bits: number, levelDbfs: number, dither: DitherKind): number {
  const signalPower = 10 ** (levelDbfs / 10) / 2;
  const noisePower = lsbSize(bits) ** 2 / 12;
  return 10 * Math.log10(signalPower / noisePower) - ditherNoisePenaltyDb(dither);
}

/** sin(2π·f·n/fs) of the demo tone, computed once: every setting scales the same sine. */
let unitTone: Float64Array | null = null;

function unitToneSamples(): Float64Array {
  if (unitTone === null) {
    unitTone = new Float64Array(DEMO_LENGTH_SAMPLES);
    for (let n = 0; n < unitTone.length; n++) unitTone[n] = Math.sin((2 * Math.PI * DEMO_TONE_HZ * n) / DEMO_SAMPLE_RATE_HZ);
  }
  return unitTone;
}

export function quantizationDemo(s: QuantizationDemoSettings, periods = 2): QuantizationDemo {
  const amplitude = 10 ** (s.levelDbfs / 20) * (1 - lsbSize(s.bits));
  const unit = unitToneSamples();
  const tone = new Float32Array(DEMO_LENGTH_SAMPLES);
  for (let n = 0; n < tone.length; n++) tone[n] = amplitude * (unit[n] as number);
  const output = quantize(tone, s.bits, s.dither, mulberry32(DEMO_SEED), s.shaping);
  const error = new Float32Array(output.length);
  for (let n = 0; n < error.length; n++) error[n] = (output[n] as number) - (tone[n] as number);
  const spectrum = averagedPowerSpectrum(error, DEMO_SAMPLE_RATE_HZ, 4096);
  const errorBandsDb = THIRD_OCTAVE_CENTERS_HZ.map((centerHz) => {
    const { lowHz, highHz } = thirdOctaveBandEdgesHz(centerHz);
    const levelDb = bandLevelDb(spectrum, lowHz, highHz);
    return { x: centerHz, y: Number.isFinite(levelDb) ? Math.max(levelDb, -200) : -200 };
  });
  const shown = Math.round((periods * DEMO_SAMPLE_RATE_HZ) / DEMO_TONE_HZ);
  const original: { x: number; y: number }[] = [];
  const staircase: { x: number; y: number }[] = [];
  for (let n = 0; n < shown; n++) {
    const t0 = n / DEMO_SAMPLE_RATE_HZ;
    const t1 = (n + 1) / DEMO_SAMPLE_RATE_HZ;
    original.push({ x: t0, y: tone[n] ?? 0 });
    staircase.push({ x: t0, y: output[n] ?? 0 }, { x: t1, y: output[n] ?? 0 });
  }
  const snr = measuredSnrDb(tone, output);
  return {
    original,
    staircase,
    errorBandsDb,
    measuredSnrDb: Number.isFinite(snr) ? snr : 0,
    theoreticalSnrDb: theoreticalToneSnrDb(s.bits, s.levelDbfs, s.dither),
  };
}

/**
 * What the "Clock jitter" figures show, from the jitter model: a test tone converted with a jittered clock, its
 * spectrum relative to the tone, the measured SNR, and the jitter-limited SNR across the band from the closed form.
 * Leaves out: the analog output stage and any other noise.
 */
import { averagedPowerSpectrum } from '../spectrum';
import { mulberry32 } from '../random';
import { jitterLimitedSnrDb, jitterPattern, sineWithJitterPattern, type JitterKind } from './jitter';

export const JITTER_DEMO_RATE_HZ = 48000;
const LENGTH = 16384;
const FLOOR_DB = -160;
const SEED = 4242;

export interface JitterDemoSettings {
  toneHz: number;
  jitterSecondsRms: number;
  kind: JitterKind;
  jitterFrequencyHz: number;
}

/** The jitter-free tone, kept for the last tone frequency asked: a widget's steps mostly change only the jitter. */
let idealTone: { toneHz: number; samples: Float32Array } | null = null;
/** The timing errors' shape (jitter.ts jitterPattern), kept for the last kind and jitter frequency asked. */
let keptPattern: { kind: JitterKind; jitterFrequencyHz: number; pattern: Float64Array } | null = null;

/** The tone with no jitter (its timing error is 0 whatever the pattern, so any pattern serves). */
function idealSamples(toneHz: number, pattern: Float64Array): Float32Array {
  if (idealTone === null || idealTone.toneHz !== toneHz) {
    idealTone = { toneHz, samples: sineWithJitterPattern(JITTER_DEMO_RATE_HZ, toneHz, 1, 0, 'random', pattern) };
  }
  return idealTone.samples;
}

/** The same draws as jitteredSine(LENGTH, …, mulberry32(SEED), …) makes: a new amount of jitter only rescales them. */
function patternFor(kind: JitterKind, jitterFrequencyHz: number): Float64Array {
  const frequencyHz = kind === 'random' ? 0 : jitterFrequencyHz;
  if (keptPattern === null || keptPattern.kind !== kind || keptPattern.jitterFrequencyHz !== frequencyHz) {
    keptPattern = { kind, jitterFrequencyHz: frequencyHz, pattern: jitterPattern(LENGTH, JITTER_DEMO_RATE_HZ, kind, mulberry32(SEED), frequencyHz) };
  }
  return keptPattern.pattern;
}

/** Spectrum of the jittered tone (dB re the tone, per FFT bin) and the SNR measured against the ideal tone. */
export function jitterDemo(s: JitterDemoSettings): { spectrum: { x: number; y: number }[]; measuredSnrDb: number; theoreticalSnrDb: number } {
  const pattern = patternFor(s.kind, s.jitterFrequencyHz);
  const jittered = sineWithJitterPattern(JITTER_DEMO_RATE_HZ, s.toneHz, 1, s.jitterSecondsRms, s.kind, pattern);
  const ideal = idealSamples(s.toneHz, pattern);
  let signal = 0;
  let error = 0;
  for (let n = 0; n < LENGTH; n++) {
    const x = ideal[n] ?? 0;
    const e = (jittered[n] ?? 0) - x;
    signal += x * x;
    error += e * e;
  }
  const spectrum = averagedPowerSpectrum(jittered, JITTER_DEMO_RATE_HZ, 4096);
  let peak = 0;
  for (const p of spectrum.power) peak = Math.max(peak, p);
  const points = Array.from(spectrum.frequenciesHz, (f, i) => {
    const db = 10 * Math.log10((spectrum.power[i] ?? 0) / peak);
    return { x: f, y: Number.isFinite(db) ? Math.max(FLOOR_DB, db) : FLOOR_DB };
  });
  const measured = 10 * Math.log10(signal / error);
  return {
    spectrum: points.filter((p) => p.x >= 20),
    measuredSnrDb: Number.isFinite(measured) ? Math.min(measured, -FLOOR_DB) : -FLOOR_DB,
    theoreticalSnrDb: jitterLimitedSnrDb(s.toneHz, s.jitterSecondsRms),
  };
}

/** The jitter-limited SNR of a full-scale tone at each frequency: −20·log10(2π·f·tj) (REFERENCES §5). */
export function jitterSnrCurve(frequenciesHz: readonly number[], jitterSecondsRms: number): { x: number; y: number }[] {
  return frequenciesHz.map((f) => ({ x: f, y: jitterLimitedSnrDb(f, jitterSecondsRms) }));
}

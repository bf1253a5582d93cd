// Samples that cannot be sound: values that aren't numbers (NaN, ±Infinity) and values impossibly far above full
// scale, found and set to 0 (silence), in a float WAV's own bytes before decoding and in decoded channels after.
// Leaves out: clipping at full scale (a float file may go a little over; the safety limiter handles level).
import { readWavLayout, WAVE_FORMAT_IEEE_FLOAT } from './wav';

/**
 * Largest |sample| kept: 1000, i.e. +60 dBFS. A float file may legitimately exceed full scale (1.0) by some dB;
 * nothing playable lies 60 dB over it, and a value like 1e30 would overflow to Infinity when squared (loudness
 * measurement) or cubed (a stage's nonlinearity) in 32-bit float.
 */
export const MAX_SAMPLE_MAGNITUDE = 1000;

/** How many samples were silenced, and why, out of how many examined. */
export interface BadSampleCount {
  /** NaN, +Infinity or −Infinity. */
  notNumbers: number;
  /** Finite but beyond ±MAX_SAMPLE_MAGNITUDE. */
  tooLoud: number;
  /** Samples examined (all channels). */
  examined: number;
}

export const NO_BAD_SAMPLES: BadSampleCount = { notNumbers: 0, tooLoud: 0, examined: 0 };

export function addBadSampleCounts(a: BadSampleCount, b: BadSampleCount): BadSampleCount {
  return { notNumbers: a.notNumbers + b.notNumbers, tooLoud: a.tooLoud + b.tooLoud, examined: a.examined + b.examined };
}

/** Sets each bad sample of the channels to 0, in place, and counts them. */
export function silenceBadSamples(channels: readonly Float32Array[]): BadSampleCount {
  let notNumbers = 0;
  let tooLoud = 0;
  let examined = 0;
  for (const channel of channels) {
    examined += channel.length;
    for (let n = 0; n < channel.length; n++) {
      const x = channel[n] as number;
      if (Number.isNaN(x) || x === Infinity || x === -Infinity) {
        notNumbers++;
        channel[n] = 0;
      } else if (Math.abs(x) > MAX_SAMPLE_MAGNITUDE) {
        tooLoud++;
        channel[n] = 0;
      }
    }
  }
  return { notNumbers, tooLoud, examined };
}

/**
 * In an IEEE float WAV (32- or 64-bit little-endian samples, plain or WAVE_FORMAT_EXTENSIBLE), sets each bad
 * sample to 0 in place, before any decoder resamples it (resampling would smear one NaN over a filter's length of
 * neighbours). Any other file (integer PCM, another format, a WAV whose chunks can't be read) is left alone and
 * counts as nothing examined.
 */
export function silenceBadFloatWavSamples(bytes: Uint8Array): BadSampleCount {
  let layout;
  try {
    layout = readWavLayout(bytes);
  } catch {
    return NO_BAD_SAMPLES;
  }
  const { format, dataOffset, dataBytes } = layout;
  if (format.formatTag !== WAVE_FORMAT_IEEE_FLOAT || (format.bitsPerSample !== 32 && format.bitsPerSample !== 64)) {
    return NO_BAD_SAMPLES;
  }
  const bytesPerSample = format.bitsPerSample / 8;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const examined = Math.floor(dataBytes / bytesPerSample);
  let notNumbers = 0;
  let tooLoud = 0;
  for (let i = 0; i < examined; i++) {
    const offset = dataOffset + i * bytesPerSample;
    const x = bytesPerSample === 4 ? view.getFloat32(offset, true) : view.getFloat64(offset, true);
    const bad = Number.isNaN(x) || x === Infinity || x === -Infinity ? 'notNumber' : Math.abs(x) > MAX_SAMPLE_MAGNITUDE ? 'tooLoud' : null;
    if (bad === null) continue;
    if (bad === 'notNumber') notNumbers++;
    else tooLoud++;
    if (bytesPerSample === 4) view.setFloat32(offset, 0, true);
    else view.setFloat64(offset, 0, true);
  }
  return { notNumbers, tooLoud, examined };
}

// Program material for listening: the synthesized music loop, a recorded piano phrase, pink noise, a 1 kHz sine, a
// 20 Hz–20 kHz sine sweep, and the reader's own file (decoded locally). All stereo and loop-safe.
import { pinkNoise, sine } from '../dsp/testSignals';
import { toStereo } from './downmix';
import { crossfadeLoop, peakOf, wholeCycleLoopLength } from './loop';
import { MUSIC_BARS, MUSIC_LOOP_SECONDS, renderMusicLoop } from './musicLoop';
import { hardPannedChannels } from './pannedProgram';
import { renderPianoLoop } from './pianoPhrase';
import { readStoredProgram, storedProgramKey, writeStoredProgram } from './programStore';
import { sweepChannels } from './sweepProgram';
import { addBadSampleCounts, silenceBadFloatWavSamples, silenceBadSamples } from './badSamples';
import { readDeclaredAudio } from './declaredAudio';
import {
  badSampleNote,
  badSampleProblem,
  declaredAudioProblem,
  decodedAudioProblem,
  FILE_MESSAGES,
  fileSizeProblem,
  notDecodedMessage,
  type DeclaredAudio,
} from './userFileChecks';
import { dbToGain } from './volume';

export type ProgramId = 'music' | 'piano' | 'pink' | 'sine' | 'sweep' | 'panned';

export const PROGRAMS: readonly { id: ProgramId; label: string; description: string }[] = [
  {
    id: 'music',
    label: 'Music loop (synthesized)',
    description: 'Four bars of drums, bass and chords: deep kick and bass, mid-range chords, bright hi-hats.',
  },
  {
    id: 'piano',
    label: 'Piano (CC BY 3.0)',
    description: 'Four bars of chords on a grand piano (Salamander Grand Piano V3, Alexander Holm, CC BY 3.0): decaying notes and quiet gaps.',
  },
  { id: 'pink', label: 'Pink noise', description: 'Equal energy in every octave, like a spectrum of music averaged over time.' },
  { id: 'sine', label: '1 kHz sine', description: 'A single steady tone at −12 dBFS: level and distortion show plainly.' },
  { id: 'sweep', label: 'Sweep 20 Hz–20 kHz', description: 'A logarithmic sweep at −12 dBFS over 10 s, each octave the same time, then half a second of silence.' },
  {
    id: 'panned',
    label: 'Music loop, hard-panned',
    description: 'The music loop summed to mono and panned hard, a bar at a time: left only, then right only (10 ms crossfades).',
  },
];

/** Pink noise loop length, seconds (long enough that the repetition isn't heard as a rhythm). */
export const PINK_LOOP_SECONDS = 12;
/** Crossfade across the pink noise loop's wrap, seconds. */
const PINK_CROSSFADE_SECONDS = 0.05;
export const SINE_FREQUENCY_HZ = 1000;
export const SINE_PEAK_DBFS = -12;
/** Minimum sine loop length, seconds (rounded up to whole cycles). */
const SINE_LOOP_SECONDS = 1;

/** A reader's file could not be used; the message is written for the reader. */
export class ProgramFileError extends Error {
  override name = 'ProgramFileError';
}

/** A native stereo AudioBuffer holding the given channels. */
function stereoBuffer([left, right]: readonly [Float32Array, Float32Array], sampleRateHz: number): AudioBuffer {
  const buffer = new AudioBuffer({ numberOfChannels: 2, length: left.length, sampleRate: sampleRateHz });
  buffer.getChannelData(0).set(left);
  buffer.getChannelData(1).set(right);
  return buffer;
}

function pinkChannels(sampleRateHz: number): [Float32Array, Float32Array] {
  const loopLength = Math.round(PINK_LOOP_SECONDS * sampleRateHz);
  const crossfade = Math.round(PINK_CROSSFADE_SECONDS * sampleRateHz);
  const noise = crossfadeLoop(pinkNoise(loopLength + crossfade, sampleRateHz), loopLength, crossfade);
  return [noise, noise.slice()];
}

function sineChannels(sampleRateHz: number): [Float32Array, Float32Array] {
  const length = wholeCycleLoopLength(SINE_FREQUENCY_HZ, sampleRateHz, SINE_LOOP_SECONDS * sampleRateHz);
  const tone = sine(length, sampleRateHz, SINE_FREQUENCY_HZ, dbToGain(SINE_PEAK_DBFS));
  return [tone, tone.slice()];
}

/**
 * The music loop's channels at a rate: read back from IndexedDB when an earlier page made it with the same synthesis
 * code, else synthesized (Tone.Offline, about a second) and stored for the next page.
 */
export async function musicLoopChannels(sampleRateHz: number): Promise<[Float32Array, Float32Array]> {
  const key = storedProgramKey('music', sampleRateHz);
  const stored = await readStoredProgram(key);
  if (stored && stored[0].length === Math.round(MUSIC_LOOP_SECONDS * sampleRateHz)) return stored;
  const channels = await renderMusicLoop(sampleRateHz);
  void writeStoredProgram(key, channels);
  return channels;
}

async function makeProgram(id: ProgramId, sampleRateHz: number): Promise<AudioBuffer> {
  switch (id) {
    case 'music':
      return stereoBuffer(await musicLoopChannels(sampleRateHz), sampleRateHz);
    case 'piano':
      return stereoBuffer(await renderPianoLoop(sampleRateHz), sampleRateHz);
    case 'pink':
      return stereoBuffer(pinkChannels(sampleRateHz), sampleRateHz);
    case 'sine':
      return stereoBuffer(sineChannels(sampleRateHz), sampleRateHz);
    case 'sweep':
      return stereoBuffer(sweepChannels(sampleRateHz), sampleRateHz);
    case 'panned':
      return stereoBuffer(hardPannedChannels(await musicLoopChannels(sampleRateHz), sampleRateHz, MUSIC_LOOP_SECONDS / MUSIC_BARS), sampleRateHz);
  }
}

const cache = new Map<string, Promise<AudioBuffer>>();

/**
 * A built-in program as a stereo, seamlessly looping AudioBuffer at ctx.sampleRate, made once per
 * (program, sample rate) and shared. The music loop loads Tone.js on first use.
 */
export function programBuffer(ctx: BaseAudioContext, id: ProgramId): Promise<AudioBuffer> {
  const key = `${id}@${ctx.sampleRate}`;
  let buffer = cache.get(key);
  if (!buffer) {
    buffer = makeProgram(id, ctx.sampleRate);
    cache.set(key, buffer);
    buffer.catch(() => cache.delete(key));
  }
  return buffer;
}

/** A reader's file ready to play, and what they should be told about it (samples that were repaired). */
export interface UserProgram {
  buffer: AudioBuffer;
  notes: string[];
}

/**
 * The reader's file as a stereo AudioBuffer at ctx.sampleRate (decodeAudioData resamples), decoded in the browser
 * and never uploaded. In order: the size is checked; the headers are read (declaredAudio.ts) and a file declaring
 * more than 10 minutes (or channels × length beyond two channels' 10 minutes), less than 0.5 s or no samples is
 * refused before decoding, so a decode never holds more than that; a float WAV's bad samples (NaN, ±Inf, beyond
 * +60 dBFS) are set to 0 in its bytes; then it is decoded, bad samples left by the decoder are set to 0 too, and the
 * decoded length and peak are checked. Throws ProgramFileError with the reader's message; mono is copied to both
 * channels. A decoder failure names the format when the headers were recognised.
 */
export async function decodeUserFile(ctx: BaseAudioContext, file: File): Promise<UserProgram> {
  const sizeProblem = fileSizeProblem(file.size);
  if (sizeProblem) throw new ProgramFileError(sizeProblem);
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new ProgramFileError(FILE_MESSAGES.unreadable);
  }
  let declared: DeclaredAudio | null;
  try {
    declared = await readDeclaredAudio(bytes);
  } catch {
    throw new ProgramFileError(FILE_MESSAGES.readerUnavailable);
  }
  const declaredProblem = declared && declaredAudioProblem(declared);
  if (declaredProblem) throw new ProgramFileError(declaredProblem);
  const inFile = silenceBadFloatWavSamples(bytes);
  const inFileProblem = badSampleProblem(inFile);
  if (inFileProblem) throw new ProgramFileError(inFileProblem);
  let decoded: AudioBuffer;
  try {
    decoded = await ctx.decodeAudioData(bytes.buffer);
  } catch {
    throw new ProgramFileError(declared ? notDecodedMessage(declared.formatName) : FILE_MESSAGES.undecodable);
  }
  const channels = Array.from({ length: decoded.numberOfChannels }, (_, channel) => decoded.getChannelData(channel));
  const afterDecoding = silenceBadSamples(channels);
  const decodedProblem = badSampleProblem(afterDecoding) ?? decodedAudioProblem(decoded.duration, peakOf(channels));
  if (decodedProblem) throw new ProgramFileError(decodedProblem);
  const note = badSampleNote(addBadSampleCounts(inFile, afterDecoding));
  const notes = note ? [note] : [];
  if (decoded.numberOfChannels === 2) return { buffer: decoded, notes };
  return { buffer: stereoBuffer(toStereo(channels), decoded.sampleRate), notes };
}

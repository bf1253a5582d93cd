// What a reader's own audio file must satisfy before it becomes program material, and the messages they see when
// it doesn't: checked first on what its headers declare (before decoding), then on the decoded audio.
// Leaves out: reading headers (declaredAudio.ts) and decoding itself (program.ts, with the browser's decoder).
import type { BadSampleCount } from './badSamples';

/** Largest file accepted: 200 MB (decoding holds the whole file and its samples in memory). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Longest program accepted: 10 minutes (10 min of 48 kHz stereo float is 230 MB of samples). */
export const MAX_DURATION_SECONDS = 600;
/**
 * Most channels × seconds accepted: two channels for 10 minutes. Decoded audio takes channels × seconds × rate × 4
 * bytes, so a 6-channel file may last 3 min 20 s.
 */
export const MAX_CHANNEL_SECONDS = 2 * MAX_DURATION_SECONDS;
/**
 * Shortest program accepted: 0.5 s. Programs play in a loop; a shorter file would repeat more than twice a second
 * and be heard as the repetition (a buzz, for a few samples) rather than as itself.
 */
export const MIN_DURATION_SECONDS = 0.5;
/**
 * A length estimated from bitrate and size (no header states it) is refused only beyond twice the limit: a
 * variable-bitrate file's first frames may misstate its average bitrate; the decoded length is checked after.
 */
export const ESTIMATE_MARGIN = 2;
/** A file whose peak stays below this (−80 dBFS, well under 16-bit dither) counts as silent. */
export const SILENCE_PEAK_DBFS = -80;
/** A file with more bad samples than this share (1 %) is refused as damaged rather than repaired. */
export const MAX_BAD_SAMPLE_SHARE = 0.01;

export const FILE_MESSAGES = {
  empty: 'This file is empty. Choose an audio file with some sound in it.',
  tooLarge: 'This file is larger than 200 MB. Choose a shorter or more compressed file (MP3, Ogg or FLAC).',
  unreadable: "This file couldn't be read. Try choosing it again.",
  readerUnavailable:
    "The part of this page that reads audio files didn't load (the connection may have dropped). Check your connection, then choose the file again.",
  undecodable: "This file couldn't be decoded as audio. Try a WAV, MP3, FLAC or Ogg file.",
  noSamples: 'This file holds no audio samples. Choose a file with some sound in it.',
  silent: 'This file is silent, so there would be nothing to hear. Choose another file.',
} as const;

/**
 * A length as a reader reads it: "3 h 0 min", "11 min 40 s" (seconds rounded up, so anything over 10 minutes
 * reads as over), "4.2 s", "0.021 ms".
 */
export function formatDuration(seconds: number): string {
  if (seconds >= 3600) {
    const minutes = Math.floor(seconds / 60);
    return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  }
  if (seconds >= 60) {
    const whole = Math.ceil(seconds);
    return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  }
  if (seconds >= 1) return `${seconds.toFixed(1)} s`;
  return `${Number((seconds * 1000).toPrecision(2))} ms`;
}

const plural = (count: number, one: string, many: string): string => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

export function tooLongMessage(durationSeconds: number, isEstimate: boolean): string {
  const length = `${isEstimate ? 'about ' : ''}${formatDuration(durationSeconds)}`;
  return `This file is ${length} long; choose an excerpt of at most 10 minutes.`;
}

export function tooShortMessage(durationSeconds: number, sampleCount: number | null): string {
  const samples = sampleCount === null ? '' : ` (${plural(sampleCount, 'sample', 'samples')})`;
  return `This file is only ${formatDuration(durationSeconds)} long${samples}: played in a loop it would be a buzz, not itself. Choose a file at least 0.5 s long.`;
}

export function tooManyChannelsMessage(channelCount: number, durationSeconds: number): string {
  return `This file has ${channelCount} channels and is ${formatDuration(durationSeconds)} long; with that many channels, choose an excerpt of at most ${formatDuration(MAX_CHANNEL_SECONDS / channelCount)}.`;
}

/** A recognised format (e.g. "Ogg (Vorbis I)") that the browser's decoder refused. */
export function notDecodedMessage(formatName: string): string {
  return `This file is ${formatName} audio, but this browser couldn't decode it: it may use a codec the browser doesn't support, or be damaged. Convert it to WAV, FLAC, MP3 or Ogg and choose it again.`;
}

/** What a file's headers say about it before decoding; null where they don't say. */
export interface DeclaredAudio {
  /** Container and codec as a reader knows them, e.g. "Ogg (Vorbis I)", "WAV (PCM)". */
  formatName: string;
  durationSeconds: number | null;
  /** The length is an estimate from bitrate and file size, not stated by the file. */
  durationIsEstimate: boolean;
  channelCount: number | null;
  /** Samples per channel, where the header counts them. */
  sampleCount: number | null;
}

/** The reason the file's declared length or channels rule it out before decoding, or null if it may be decoded. */
export function declaredAudioProblem(declared: DeclaredAudio): string | null {
  const { durationSeconds, durationIsEstimate, channelCount, sampleCount } = declared;
  if (durationSeconds === null) return null;
  if (durationIsEstimate) {
    return durationSeconds > ESTIMATE_MARGIN * MAX_DURATION_SECONDS ? tooLongMessage(durationSeconds, true) : null;
  }
  if (durationSeconds === 0 || sampleCount === 0) return FILE_MESSAGES.noSamples;
  if (durationSeconds < MIN_DURATION_SECONDS) return tooShortMessage(durationSeconds, sampleCount);
  if (durationSeconds > MAX_DURATION_SECONDS) return tooLongMessage(durationSeconds, false);
  if (channelCount !== null && channelCount * durationSeconds > MAX_CHANNEL_SECONDS) {
    return tooManyChannelsMessage(channelCount, durationSeconds);
  }
  return null;
}

/** The reason a file of this size is refused before reading it, or null if it may be read. */
export function fileSizeProblem(sizeBytes: number): string | null {
  if (sizeBytes <= 0) return FILE_MESSAGES.empty;
  if (sizeBytes > MAX_FILE_BYTES) return FILE_MESSAGES.tooLarge;
  return null;
}

/** The reason a file with this many bad samples is refused as damaged, or null if they may be silenced. */
export function badSampleProblem({ notNumbers, tooLoud, examined }: BadSampleCount): string | null {
  const bad = notNumbers + tooLoud;
  if (examined === 0 || bad / examined <= MAX_BAD_SAMPLE_SHARE) return null;
  const percent = Math.round((100 * bad) / examined);
  return `${percent < 1 ? 'Over 1' : percent} % of this file's samples aren't numbers or are impossibly loud, so the file looks damaged. Choose another file.`;
}

/** What the reader is told about bad samples that were set to silence, or null when there were none. */
export function badSampleNote({ notNumbers, tooLoud }: BadSampleCount): string | null {
  const notNumberText = plural(notNumbers, "sample in this file wasn't a number", "samples in this file weren't numbers") + ' (NaN or infinity)';
  const tooLoudText = 'impossibly loud (over 60 dB above full scale)';
  if (notNumbers > 0 && tooLoud > 0) {
    return `${notNumberText} and ${tooLoud.toLocaleString('en')} ${tooLoud === 1 ? 'was' : 'were'} ${tooLoudText}; all were set to silence.`;
  }
  if (notNumbers > 0) return `${notNumberText}; ${notNumbers === 1 ? 'it was' : 'they were'} set to silence.`;
  if (tooLoud > 0) {
    return `${plural(tooLoud, 'sample in this file was', 'samples in this file were')} ${tooLoudText}; ${tooLoud === 1 ? 'it was' : 'they were'} set to silence.`;
  }
  return null;
}

/** The reason decoded audio is refused, or null if it is usable. peak is the largest |sample|. */
export function decodedAudioProblem(durationSeconds: number, peak: number): string | null {
  if (!(durationSeconds > 0)) return FILE_MESSAGES.noSamples;
  if (durationSeconds < MIN_DURATION_SECONDS) return tooShortMessage(durationSeconds, null);
  if (durationSeconds > MAX_DURATION_SECONDS) return tooLongMessage(durationSeconds, false);
  if (!(peak >= 10 ** (SILENCE_PEAK_DBFS / 20))) return FILE_MESSAGES.silent;
  return null;
}

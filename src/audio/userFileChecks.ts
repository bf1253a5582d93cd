// What a reader's own audio file must satisfy before it becomes program material, and the messages
// they see when it doesn't. Leaves out: decoding itself (program.ts, with the browser's decoder).

/** Largest file accepted: 200 MB (decoding holds the whole file and its samples in memory). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Longest program accepted: 10 minutes (10 min of 48 kHz stereo float is 230 MB of samples). */
export const MAX_DURATION_SECONDS = 600;
/** A file whose peak stays below this (−80 dBFS, well under 16-bit dither) counts as silent. */
export const SILENCE_PEAK_DBFS = -80;

export const FILE_MESSAGES = {
  empty: 'This file is empty. Choose an audio file with some sound in it.',
  tooLarge: 'This file is larger than 200 MB. Choose a shorter or more compressed file (MP3, Ogg or FLAC).',
  unreadable: "This file couldn't be read. Try choosing it again.",
  undecodable: "This file couldn't be decoded as audio. Try a WAV, MP3, FLAC or Ogg file.",
  tooLong: 'This file is longer than 10 minutes. Choose a shorter excerpt.',
  silent: 'This file is silent, so there would be nothing to hear. Choose another file.',
} as const;

/** The reason a file of this size is refused before reading it, or null if it may be read. */
export function fileSizeProblem(sizeBytes: number): string | null {
  if (sizeBytes <= 0) return FILE_MESSAGES.empty;
  if (sizeBytes > MAX_FILE_BYTES) return FILE_MESSAGES.tooLarge;
  return null;
}

/** The reason decoded audio is refused, or null if it is usable. peak is the largest |sample|. */
export function decodedAudioProblem(durationSeconds: number, peak: number): string | null {
  if (!(durationSeconds > 0)) return FILE_MESSAGES.undecodable;
  if (durationSeconds > MAX_DURATION_SECONDS) return FILE_MESSAGES.tooLong;
  if (!(peak >= 10 ** (SILENCE_PEAK_DBFS / 20))) return FILE_MESSAGES.silent;
  return null;
}

import { describe, expect, it } from 'vitest';
import {
  FILE_MESSAGES,
  MAX_DURATION_SECONDS,
  MAX_FILE_BYTES,
  decodedAudioProblem,
  fileSizeProblem,
} from '../../src/audio/userFileChecks';

describe('checks on a reader’s audio file', () => {
  it('refuses an empty file before reading it', () => {
    expect(fileSizeProblem(0)).toBe(FILE_MESSAGES.empty);
  });

  it('accepts files up to 200 MB and refuses anything larger', () => {
    expect(MAX_FILE_BYTES).toBe(200 * 1024 * 1024);
    expect(fileSizeProblem(MAX_FILE_BYTES)).toBeNull();
    expect(fileSizeProblem(MAX_FILE_BYTES + 1)).toBe(FILE_MESSAGES.tooLarge);
  });

  it('accepts up to 10 minutes of audio and refuses longer', () => {
    expect(MAX_DURATION_SECONDS).toBe(600);
    expect(decodedAudioProblem(600, 0.5)).toBeNull();
    expect(decodedAudioProblem(600.01, 0.5)).toBe(FILE_MESSAGES.tooLong);
  });

  it('treats zero-length decoded audio as undecodable', () => {
    expect(decodedAudioProblem(0, 0.5)).toBe(FILE_MESSAGES.undecodable);
  });

  it('calls a file silent when its peak stays below −80 dBFS', () => {
    expect(decodedAudioProblem(3, 0)).toBe(FILE_MESSAGES.silent);
    expect(decodedAudioProblem(3, 10 ** (-81 / 20))).toBe(FILE_MESSAGES.silent);
    expect(decodedAudioProblem(3, 10 ** (-79 / 20))).toBeNull();
    expect(decodedAudioProblem(3, Number.NaN)).toBe(FILE_MESSAGES.silent);
  });

  it('tells the reader which formats to try when decoding fails', () => {
    expect(FILE_MESSAGES.undecodable).toBe("This file couldn't be decoded as audio. Try a WAV, MP3, FLAC or Ogg file.");
  });
});

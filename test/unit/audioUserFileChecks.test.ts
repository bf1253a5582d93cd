import { describe, expect, it } from 'vitest';
import {
  FILE_MESSAGES,
  MAX_DURATION_SECONDS,
  MAX_FILE_BYTES,
  MIN_DURATION_SECONDS,
  badSampleNote,
  badSampleProblem,
  declaredAudioProblem,
  decodedAudioProblem,
  fileSizeProblem,
  formatDuration,
  notDecodedMessage,
  type DeclaredAudio,
} from '../../src/audio/userFileChecks';

const declared = (overrides: Partial<DeclaredAudio>): DeclaredAudio => ({
  formatName: 'Ogg (Vorbis I)',
  durationSeconds: 60,
  durationIsEstimate: false,
  channelCount: 2,
  sampleCount: null,
  ...overrides,
});

describe('checks on a reader’s audio file', () => {
  it('refuses an empty file before reading it', () => {
    expect(fileSizeProblem(0)).toBe(FILE_MESSAGES.empty);
  });

  it('accepts files up to 200 MB and refuses anything larger', () => {
    expect(MAX_FILE_BYTES).toBe(200 * 1024 * 1024);
    expect(fileSizeProblem(MAX_FILE_BYTES)).toBeNull();
    expect(fileSizeProblem(MAX_FILE_BYTES + 1)).toBe(FILE_MESSAGES.tooLarge);
  });

  it('writes lengths as a reader reads them, rounding up past a whole minute', () => {
    expect(formatDuration(3 * 3600)).toBe('3 h 0 min');
    expect(formatDuration(2 * 3600 + 5 * 60 + 59)).toBe('2 h 5 min');
    expect(formatDuration(700)).toBe('11 min 40 s');
    expect(formatDuration(600.01)).toBe('10 min 1 s');
    expect(formatDuration(4.24)).toBe('4.2 s');
    expect(formatDuration(1 / 48000)).toBe('0.021 ms');
  });

  it('says how long a file declaring 3 hours is, before decoding it', () => {
    expect(declaredAudioProblem(declared({ durationSeconds: 3 * 3600 }))).toBe(
      'This file is 3 h 0 min long; choose an excerpt of at most 10 minutes.',
    );
  });

  it('accepts a declared length up to 10 minutes and refuses longer', () => {
    expect(MAX_DURATION_SECONDS).toBe(600);
    expect(declaredAudioProblem(declared({ durationSeconds: 600 }))).toBeNull();
    expect(declaredAudioProblem(declared({ durationSeconds: 600.5 }))).toMatch(/10 min 1 s long/);
  });

  it('refuses a length estimated from bitrate only beyond twice the limit, and says it is an estimate', () => {
    expect(declaredAudioProblem(declared({ durationSeconds: 1100, durationIsEstimate: true }))).toBeNull();
    expect(declaredAudioProblem(declared({ durationSeconds: 1300, durationIsEstimate: true }))).toBe(
      'This file is about 21 min 40 s long; choose an excerpt of at most 10 minutes.',
    );
  });

  it('lets a file whose headers state no length go on to decoding', () => {
    expect(declaredAudioProblem(declared({ durationSeconds: null }))).toBeNull();
  });

  it('calls a valid 1-sample file too short, with its length, and never undecodable', () => {
    const message = declaredAudioProblem(declared({ durationSeconds: 1 / 96000, sampleCount: 1 }));
    expect(message).toBe(
      'This file is only 0.01 ms long (1 sample): played in a loop it would be a buzz, not itself. Choose a file at least 0.5 s long.',
    );
    expect(declaredAudioProblem(declared({ durationSeconds: MIN_DURATION_SECONDS }))).toBeNull();
  });

  it('says a file with no samples holds none', () => {
    expect(declaredAudioProblem(declared({ durationSeconds: 0, sampleCount: 0 }))).toBe(FILE_MESSAGES.noSamples);
  });

  it('bounds channels × length by two channels for 10 minutes', () => {
    // 6 channels hold as many samples per second as 3 stereo files: 1200 channel-seconds / 6 = 200 s.
    expect(declaredAudioProblem(declared({ channelCount: 6, durationSeconds: 200 }))).toBeNull();
    expect(declaredAudioProblem(declared({ channelCount: 6, durationSeconds: 300 }))).toBe(
      'This file has 6 channels and is 5 min 0 s long; with that many channels, choose an excerpt of at most 3 min 20 s.',
    );
  });

  it('after decoding: refuses longer than 10 minutes, shorter than 0.5 s, empty, and silent', () => {
    expect(decodedAudioProblem(600, 0.5)).toBeNull();
    expect(decodedAudioProblem(600.01, 0.5)).toMatch(/^This file is 10 min 1 s long/);
    expect(decodedAudioProblem(0.25, 0.5)).toMatch(/^This file is only 250 ms long:/);
    expect(decodedAudioProblem(0, 0.5)).toBe(FILE_MESSAGES.noSamples);
  });

  it('calls a file silent when its peak stays below −80 dBFS', () => {
    expect(decodedAudioProblem(3, 0)).toBe(FILE_MESSAGES.silent);
    expect(decodedAudioProblem(3, 10 ** (-81 / 20))).toBe(FILE_MESSAGES.silent);
    expect(decodedAudioProblem(3, 10 ** (-79 / 20))).toBeNull();
    expect(decodedAudioProblem(3, Number.NaN)).toBe(FILE_MESSAGES.silent);
  });

  it('names a recognised format the browser could not decode, and keeps "couldn’t be decoded as audio" for the rest', () => {
    expect(notDecodedMessage('ASF (Windows Media Audio 9)')).toMatch(/^This file is ASF \(Windows Media Audio 9\) audio, but this browser couldn't decode it/);
    expect(FILE_MESSAGES.undecodable).toBe("This file couldn't be decoded as audio. Try a WAV, MP3, FLAC or Ogg file.");
  });

  it('tells how many samples were set to silence, and why', () => {
    expect(badSampleNote({ notNumbers: 0, tooLoud: 0, examined: 10 })).toBeNull();
    expect(badSampleNote({ notNumbers: 1, tooLoud: 0, examined: 10 })).toBe(
      "1 sample in this file wasn't a number (NaN or infinity); it was set to silence.",
    );
    expect(badSampleNote({ notNumbers: 3, tooLoud: 0, examined: 10 })).toBe(
      "3 samples in this file weren't numbers (NaN or infinity); they were set to silence.",
    );
    expect(badSampleNote({ notNumbers: 0, tooLoud: 2, examined: 10 })).toBe(
      '2 samples in this file were impossibly loud (over 60 dB above full scale); they were set to silence.',
    );
    expect(badSampleNote({ notNumbers: 3, tooLoud: 1, examined: 10 })).toBe(
      "3 samples in this file weren't numbers (NaN or infinity) and 1 was impossibly loud (over 60 dB above full scale); all were set to silence.",
    );
  });

  it('repairs up to 1 % bad samples and refuses a file with more as damaged', () => {
    expect(badSampleProblem({ notNumbers: 10, tooLoud: 0, examined: 1000 })).toBeNull();
    expect(badSampleProblem({ notNumbers: 10, tooLoud: 1, examined: 1000 })).toBe(
      "1 % of this file's samples aren't numbers or are impossibly loud, so the file looks damaged. Choose another file.",
    );
    expect(badSampleProblem({ notNumbers: 1000, tooLoud: 0, examined: 1000 })).toMatch(/^100 % of this file's samples/);
    expect(badSampleProblem({ notNumbers: 0, tooLoud: 0, examined: 0 })).toBeNull();
  });
});

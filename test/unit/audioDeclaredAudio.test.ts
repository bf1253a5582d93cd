// Headers crafted from each format's specification; the lengths they declare are set by construction, so each
// expected value is the arithmetic of the spec, not the library's output.
import { describe, expect, it } from 'vitest';
import { formatNameOf, lastOggGranulePosition, mp3DeclaredFrames, readDeclaredAudio } from '../../src/audio/declaredAudio';
import { declaredAudioProblem } from '../../src/audio/userFileChecks';
import { flacHeaderBytes, mp3Bytes, oggOpusHeaderBytes, oggVorbisHeaderBytes, wavBytes } from '../shared/audioFileBytes';

const THREE_HOURS = 3 * 3600;
const TOO_LONG = 'This file is 3 h 0 min long; choose an excerpt of at most 10 minutes.';

describe('what a reader’s file declares before decoding', () => {
  it('WAV: the data chunk’s size over the byte rate (11 min of 2 kHz mono 16-bit is 2.64 MB)', async () => {
    const rate = 2000;
    const declared = await readDeclaredAudio(wavBytes({ sampleRateHz: rate, channels: [new Float32Array(660 * rate)] }));
    expect(declared).toMatchObject({ formatName: 'WAV (PCM)', durationSeconds: 660, durationIsEstimate: false, channelCount: 1, sampleCount: 660 * rate });
    expect(declaredAudioProblem(declared!)).toBe('This file is 11 min 0 s long; choose an excerpt of at most 10 minutes.');
  });

  it('WAV: a data chunk declared longer than the file counts only the samples present', async () => {
    const declared = await readDeclaredAudio(
      wavBytes({ sampleRateHz: 48000, channels: [new Float32Array(48000)], declaredDataBytes: THREE_HOURS * 48000 * 2 }),
    );
    expect(declared?.durationSeconds).toBe(1);
  });

  it('WAV: one sample at 96 kHz is 1/96000 s long and one sample', async () => {
    const declared = await readDeclaredAudio(wavBytes({ sampleRateHz: 96000, channels: [Float32Array.of(0.5)] }));
    expect(declared).toMatchObject({ durationSeconds: 1 / 96000, sampleCount: 1 });
    expect(declaredAudioProblem(declared!)).toMatch(/^This file is only 0.01 ms long \(1 sample\)/);
  });

  it('FLAC: STREAMINFO’s total samples over its sample rate', async () => {
    const declared = await readDeclaredAudio(flacHeaderBytes(44100, 2, THREE_HOURS * 44100));
    expect(declared).toMatchObject({ formatName: 'FLAC', durationSeconds: THREE_HOURS, channelCount: 2 });
    expect(declaredAudioProblem(declared!)).toBe(TOO_LONG);
  });

  it('Ogg Vorbis: the last page’s granule position over the identification header’s rate', async () => {
    const declared = await readDeclaredAudio(oggVorbisHeaderBytes(44100, 2, THREE_HOURS * 44100));
    expect(declared).toMatchObject({ formatName: 'Ogg (Vorbis I)', durationSeconds: THREE_HOURS, channelCount: 2 });
    expect(declaredAudioProblem(declared!)).toBe(TOO_LONG);
  });

  it('Ogg Vorbis: the last granule position of a file with more pages than the library reads, from its end', async () => {
    const bytes = oggVorbisHeaderBytes(44100, 2, THREE_HOURS * 44100, 100);
    const declared = await readDeclaredAudio(bytes);
    expect(declared).toMatchObject({ formatName: 'Ogg (Vorbis I)', durationSeconds: THREE_HOURS, sampleCount: THREE_HOURS * 44100 });
  });

  it('Ogg: the last page with a granule position is found from the end; none, null', () => {
    const bytes = oggVorbisHeaderBytes(44100, 2, 12345, 3);
    expect(lastOggGranulePosition(bytes)).toBe(12345n);
    expect(lastOggGranulePosition(new Uint8Array(1000))).toBeNull();
  });

  it('Ogg Opus: the last granule position less the pre-skip, at 48 kHz', async () => {
    const declared = await readDeclaredAudio(oggOpusHeaderBytes(2, THREE_HOURS, 312));
    expect(declared?.formatName).toBe('Ogg (Opus)');
    expect(declared?.durationSeconds).toBeCloseTo(THREE_HOURS, 6);
    expect(declaredAudioProblem(declared!)).toBe(TOO_LONG);
  });

  it('MP3: the Xing tag’s frame count × 1152 samples over 44.1 kHz', async () => {
    const frames = Math.round((THREE_HOURS * 44100) / 1152);
    const declared = await readDeclaredAudio(mp3Bytes(frames));
    expect(declared?.formatName).toBe('MPEG (MPEG 1 Layer 3)');
    expect(declared?.durationSeconds).toBeCloseTo((frames * 1152) / 44100, 6);
    expect(declared?.durationIsEstimate).toBe(false);
    expect(declaredAudioProblem(declared!)).toBe(TOO_LONG);
  });

  it('MP3: a VBRI tag’s frame count, after an ID3v2 tag too', async () => {
    const frames = Math.round((THREE_HOURS * 44100) / 1152);
    // ID3v2.4 header: "ID3", version 4.0, no flags, synchsafe size 100, then 100 bytes of (empty) frames.
    const id3 = Uint8Array.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 100, ...new Uint8Array(100)]);
    for (const bytes of [mp3Bytes(frames, 'VBRI'), Uint8Array.from([...id3, ...mp3Bytes(frames, 'VBRI')])]) {
      expect(mp3DeclaredFrames(bytes)).toEqual({ frames, samplesPerFrame: 1152 });
      const declared = await readDeclaredAudio(bytes);
      expect(declared?.durationIsEstimate).toBe(false);
      expect(declaredAudioProblem(declared!)).toBe(TOO_LONG);
    }
  });

  it('MP3 without a frame-count tag: the length from bitrate and size is only an estimate', async () => {
    const frames = 20;
    const declared = await readDeclaredAudio(mp3Bytes(0, null, frames - 1));
    expect(mp3DeclaredFrames(mp3Bytes(0, null, frames - 1))).toBeNull();
    expect(declared?.durationIsEstimate).toBe(true);
    // 20 frames of 417 bytes at 128 kb/s: 20 · 417 · 8 / 128000 = 0.521 s; 20 · 1152 / 44100 = 0.522 s.
    expect(declared?.durationSeconds).toBeCloseTo(0.52, 2);
  });

  it('recognises nothing in bytes that are not audio', async () => {
    expect(await readDeclaredAudio(new TextEncoder().encode('this is not audio at all '.repeat(200)))).toBeNull();
  });

  it('names formats as readers know them', () => {
    expect(formatNameOf({ container: 'WAVE', codec: 'PCM' })).toBe('WAV (PCM)');
    expect(formatNameOf({ container: 'M4A/isom/iso2', codec: 'ALAC' })).toBe('M4A (ALAC)');
    expect(formatNameOf({ container: 'FLAC', codec: 'FLAC' })).toBe('FLAC');
    expect(formatNameOf({ container: undefined, codec: 'PCM' })).toBeNull();
  });
});

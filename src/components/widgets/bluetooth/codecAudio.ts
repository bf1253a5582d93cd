// Everything the codec comparison needs once the reader presses Play or Download: loaded by dynamic import, so none
// of it is part of the page's first JavaScript. Builds A (the program) and B (the program through Opus), measures B
// against A and matches B's loudness to A's (BS.1770) so that level is not mistaken for quality.
import { getAudioContext } from '../../../audio/context';
import { programBuffer, type ProgramId } from '../../../audio/program';
import { renderToWav } from '../../../audio/render';
import { integratedLoudnessLufs } from '../../../dsp/loudness';
import { errorLevelDb, thirdOctaveLevelsDb, THIRD_OCTAVE_CENTRES_HZ, codecErrorSignal } from '../../../dsp/bluetooth/codecError';
import { bitsPerSamplePerChannel } from '../../../dsp/bluetooth/codecBits';
import { opusRoundTrip } from './opusRoundTrip';

export { CodecPlayer } from './codecPlayer';
export { CodecUnavailableError } from './opusRoundTrip';
export { AudioStartError, getAudioContext } from '../../../audio/context';
export { decodeUserFile, ProgramFileError } from '../../../audio/program';
export { downloadBlob } from '../../../audio/render';

/** Seconds of the program that are encoded and measured (the loop's length, at most this). */
const MAX_SECONDS = 20;

export interface CodecComparison {
  readonly a: AudioBuffer;
  readonly b: AudioBuffer;
  /** Gain applied to B so its loudness equals A's, dB. */
  readonly matchGainDb: number;
  readonly measuredBitrateBitsPerSecond: number;
  readonly bitsPerSamplePerChannel: number;
  /** The codec's error (B − A, before matching) relative to the program, dB. */
  readonly errorLevelDb: number;
  /** One-third-octave levels of A and of the error, left channel, dB re full scale. */
  readonly bandCentresHz: readonly number[];
  readonly programBandsDb: readonly number[];
  readonly errorBandsDb: readonly number[];
}

function trimmed(buffer: AudioBuffer): AudioBuffer {
  const length = Math.min(buffer.length, Math.round(MAX_SECONDS * buffer.sampleRate));
  if (length === buffer.length) return buffer;
  const out = new AudioBuffer({ numberOfChannels: 2, length, sampleRate: buffer.sampleRate });
  for (let channel = 0; channel < 2; channel++) out.copyToChannel(buffer.getChannelData(Math.min(channel, buffer.numberOfChannels - 1)).subarray(0, length), channel);
  return out;
}

const channels = (buffer: AudioBuffer): Float32Array[] => [buffer.getChannelData(0), buffer.getChannelData(Math.min(1, buffer.numberOfChannels - 1))];

/** The program, or the reader's decoded file, at the live context's rate. */
export async function sourceBuffer(program: ProgramId | AudioBuffer): Promise<AudioBuffer> {
  if (typeof program !== 'string') return program;
  return programBuffer(await getAudioContext(), program);
}

/** A and B for one program and bitrate, measured. */
export async function compareCodec(program: AudioBuffer, bitrateBitsPerSecond: number): Promise<CodecComparison> {
  const a = trimmed(program);
  const trip = await opusRoundTrip(a, bitrateBitsPerSecond);
  const b = trip.decoded;
  const loudnessA = integratedLoudnessLufs(channels(a), a.sampleRate);
  const loudnessB = integratedLoudnessLufs(channels(b), b.sampleRate);
  const matchGainDb = Number.isFinite(loudnessA) && Number.isFinite(loudnessB) ? loudnessA - loudnessB : 0;
  const left = a.getChannelData(0);
  return {
    a,
    b,
    matchGainDb,
    measuredBitrateBitsPerSecond: trip.measuredBitrateBitsPerSecond,
    bitsPerSamplePerChannel: bitsPerSamplePerChannel(trip.measuredBitrateBitsPerSecond, 48_000, 2),
    errorLevelDb: errorLevelDb(channels(a), channels(b)),
    bandCentresHz: THIRD_OCTAVE_CENTRES_HZ,
    programBandsDb: thirdOctaveLevelsDb(left, a.sampleRate),
    errorBandsDb: thirdOctaveLevelsDb(codecErrorSignal(left, b.getChannelData(0)), a.sampleRate),
  };
}

/** Render one side to a WAV through the shared offline path (safety stage and limiter included). */
export function renderSide(comparison: CodecComparison, side: 'A' | 'B', volumeDb: number, seconds: number): Promise<Blob> {
  const buffer = side === 'A' ? comparison.a : comparison.b;
  const gainDb = side === 'A' ? 0 : comparison.matchGainDb;
  return renderToWav(buffer, { sections: [], gainDb }, { volumeDb, seconds, sampleRateHz: buffer.sampleRate });
}

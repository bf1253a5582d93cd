// A real lossy codec in the browser: the program encoded to Opus at a chosen bitrate with WebCodecs' AudioEncoder,
// then decoded with AudioDecoder, time-aligned with the input. It is Opus, not SBC, AAC, aptX or LDAC (the browser
// has none of those): a lossy codec of the same family at Bluetooth-like bitrates. Leaves out radio dropouts.

/** Opus's own rate; the program is resampled to it and back (by the browser's resampler) when it runs at another. */
const OPUS_RATE_HZ = 48_000;
/** The loop's last seconds go in front, so the encoder is warmed up at the seam as it would be mid-stream. */
const PRIME_SECONDS = 0.5;
/** Encoded in pieces this long (µs timestamps follow the samples). */
const PIECE_FRAMES = OPUS_RATE_HZ;

export class CodecUnavailableError extends Error {
  constructor() {
    super('This browser cannot encode Opus audio (WebCodecs), so the codec comparison is not available here. The rest of the page works.');
    this.name = 'CodecUnavailableError';
  }
}

export interface RoundTrip {
  /** The decoded program, same length and rate as the input. */
  readonly decoded: AudioBuffer;
  /** Bytes the encoder produced for the program itself (priming excluded, pro rata). */
  readonly encodedBytes: number;
  /** The encoded stream's bitrate, bits per second, measured from its bytes and duration. */
  readonly measuredBitrateBitsPerSecond: number;
}

/** Is Opus encoding available at this bitrate (WebCodecs in a secure context)? */
export async function opusAvailable(bitrateBitsPerSecond: number): Promise<boolean> {
  if (typeof AudioEncoder === 'undefined' || typeof AudioDecoder === 'undefined') return false;
  const support = await AudioEncoder.isConfigSupported({ codec: 'opus', sampleRate: OPUS_RATE_HZ, numberOfChannels: 2, bitrate: bitrateBitsPerSecond });
  return support.supported === true;
}

async function resampled(buffer: AudioBuffer, sampleRateHz: number): Promise<AudioBuffer> {
  if (buffer.sampleRate === sampleRateHz) return buffer;
  const length = Math.round((buffer.length * sampleRateHz) / buffer.sampleRate);
  const ctx = new OfflineAudioContext({ numberOfChannels: 2, length, sampleRate: sampleRateHz });
  const source = new AudioBufferSourceNode(ctx, { buffer });
  source.connect(ctx.destination);
  source.start();
  return ctx.startRendering();
}

/** Planar stereo samples: the loop's tail (priming), then the whole loop; mono is doubled. */
function primedPlanar(buffer: AudioBuffer, primeFrames: number): Float32Array[] {
  return [0, 1].map((index) => {
    const channel = buffer.getChannelData(Math.min(index, buffer.numberOfChannels - 1));
    const out = new Float32Array(primeFrames + channel.length);
    out.set(channel.subarray(channel.length - primeFrames), 0);
    out.set(channel, primeFrames);
    return out;
  });
}

async function encode(planar: Float32Array[], bitrateBitsPerSecond: number): Promise<{ chunks: EncodedAudioChunk[]; description: AllowSharedBufferSource | undefined }> {
  const chunks: EncodedAudioChunk[] = [];
  let description: AllowSharedBufferSource | undefined;
  let failure: unknown = null;
  const encoder = new AudioEncoder({
    output: (chunk, meta) => {
      chunks.push(chunk);
      if (meta?.decoderConfig?.description) description = meta.decoderConfig.description;
    },
    error: (error) => {
      failure = error;
    },
  });
  encoder.configure({ codec: 'opus', sampleRate: OPUS_RATE_HZ, numberOfChannels: 2, bitrate: bitrateBitsPerSecond, bitrateMode: 'constant' });
  const [left, right] = planar as [Float32Array, Float32Array];
  for (let start = 0; start < left.length; start += PIECE_FRAMES) {
    const frames = Math.min(PIECE_FRAMES, left.length - start);
    const data = new Float32Array(frames * 2);
    data.set(left.subarray(start, start + frames), 0);
    data.set(right.subarray(start, start + frames), frames);
    const audio = new AudioData({ format: 'f32-planar', sampleRate: OPUS_RATE_HZ, numberOfFrames: frames, numberOfChannels: 2, timestamp: Math.round((start * 1e6) / OPUS_RATE_HZ), data });
    encoder.encode(audio);
    audio.close();
  }
  await encoder.flush();
  encoder.close();
  if (failure) throw failure;
  return { chunks, description };
}

async function decode(chunks: readonly EncodedAudioChunk[], description: AllowSharedBufferSource | undefined, frames: number): Promise<[Float32Array<ArrayBuffer>, Float32Array<ArrayBuffer>]> {
  const out: [Float32Array<ArrayBuffer>, Float32Array<ArrayBuffer>] = [new Float32Array(frames), new Float32Array(frames)];
  let written = 0;
  let failure: unknown = null;
  const decoder = new AudioDecoder({
    output: (data) => {
      const count = Math.min(data.numberOfFrames, frames - written);
      for (let channel = 0; channel < 2 && count > 0; channel++) {
        const plane = new Float32Array(data.numberOfFrames);
        data.copyTo(plane, { planeIndex: channel, format: 'f32-planar' });
        out[channel === 0 ? 0 : 1].set(plane.subarray(0, count), written);
      }
      written += Math.max(0, count);
      data.close();
    },
    error: (error) => {
      failure = error;
    },
  });
  // With the OpusHead description the decoder drops the encoder's pre-skip, so output sample n is input sample n.
  decoder.configure({ codec: 'opus', sampleRate: OPUS_RATE_HZ, numberOfChannels: 2, ...(description ? { description } : {}) });
  for (const chunk of chunks) decoder.decode(chunk);
  await decoder.flush();
  decoder.close();
  if (failure) throw failure;
  return out;
}

/** The program through Opus at `bitrateBitsPerSecond` and back, aligned sample for sample with the input. */
export async function opusRoundTrip(program: AudioBuffer, bitrateBitsPerSecond: number): Promise<RoundTrip> {
  if (!(await opusAvailable(bitrateBitsPerSecond))) throw new CodecUnavailableError();
  const at48k = await resampled(program, OPUS_RATE_HZ);
  const primeFrames = Math.min(Math.round(PRIME_SECONDS * OPUS_RATE_HZ), at48k.length);
  const planar = primedPlanar(at48k, primeFrames);
  const { chunks, description } = await encode(planar, bitrateBitsPerSecond);
  const total = (planar[0] as Float32Array).length;
  const [left, right] = await decode(chunks, description, total);
  const decoded48k = new AudioBuffer({ numberOfChannels: 2, length: at48k.length, sampleRate: OPUS_RATE_HZ });
  decoded48k.copyToChannel(left.subarray(primeFrames), 0);
  decoded48k.copyToChannel(right.subarray(primeFrames), 1);
  const bytes = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const encodedBytes = (bytes * at48k.length) / total;
  const seconds = at48k.length / OPUS_RATE_HZ;
  return { decoded: await resampled(decoded48k, program.sampleRate), encodedBytes, measuredBitrateBitsPerSecond: (encodedBytes * 8) / seconds };
}

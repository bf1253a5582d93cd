/**
 * How many bits a lossy Bluetooth codec spends on each sample: its bitrate shared out over the sample rate and the
 * channels, against plain PCM's word length. Leaves out how a codec spends them (psychoacoustic models, sub-bands,
 * variable bitrate): a codec does not store samples at all, so this is an average, not a word length.
 */

/** The data rate of plain PCM: sample rate × bits per sample × channels, bits per second. */
export function pcmBitrateBitsPerSecond(sampleRateHz: number, bitsPerSample: number, channels: number): number {
  assertPositive('sampleRateHz', sampleRateHz);
  assertPositive('bitsPerSample', bitsPerSample);
  assertPositive('channels', channels);
  return sampleRateHz * bitsPerSample * channels;
}

/** Bits per sample per channel that a bitrate allows: bitrate / (sample rate × channels). */
export function bitsPerSamplePerChannel(bitrateBitsPerSecond: number, sampleRateHz: number, channels: number): number {
  assertPositive('bitrateBitsPerSecond', bitrateBitsPerSecond);
  assertPositive('sampleRateHz', sampleRateHz);
  assertPositive('channels', channels);
  return bitrateBitsPerSecond / (sampleRateHz * channels);
}

/** How many times smaller than plain PCM of `pcmBitsPerSample` the coded stream is: PCM bitrate / codec bitrate. */
export function compressionRatio(bitrateBitsPerSecond: number, sampleRateHz: number, channels: number, pcmBitsPerSample: number): number {
  return pcmBitrateBitsPerSecond(sampleRateHz, pcmBitsPerSample, channels) / bitrateBitsPerSecond;
}

function assertPositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be finite and > 0, got ${value}`);
}

// The points and readouts of the bits-per-sample figure, from the model (src/dsp/bluetooth/codecBits.ts): memoised
// per codec, so a control step computes one row, not the curves.
import { bitsPerSamplePerChannel, compressionRatio } from '../../../dsp/bluetooth/codecBits';
import type { BluetoothCodecMode } from '../../../data/bluetoothCodecs';

export const BITRATE_DOMAIN_BPS: readonly [number, number] = [100_000, 1_500_000];
export const FIGURE_RATES_HZ: readonly number[] = [44_100, 48_000, 96_000];
const POINTS = 40;

/** Bits per sample per channel against bitrate (kb/s on x), one series per stereo sample rate. */
export const BITS_CURVES: readonly { rateHz: number; points: { x: number; y: number }[] }[] = FIGURE_RATES_HZ.map((rateHz) => ({
  rateHz,
  points: Array.from({ length: POINTS + 1 }, (_, index) => {
    const bps = BITRATE_DOMAIN_BPS[0] * (BITRATE_DOMAIN_BPS[1] / BITRATE_DOMAIN_BPS[0]) ** (index / POINTS);
    return { x: bps / 1000, y: bitsPerSamplePerChannel(bps, rateHz, 2) };
  }),
}));

export interface CodecRow {
  readonly bitsPerSamplePerChannel: number;
  readonly compressionRatio: number;
}

export function codecRow(codec: BluetoothCodecMode): CodecRow {
  return {
    bitsPerSamplePerChannel: bitsPerSamplePerChannel(codec.bitrateBitsPerSecond, codec.sampleRateHz, 2),
    compressionRatio: compressionRatio(codec.bitrateBitsPerSecond, codec.sampleRateHz, 2, codec.inputBitsPerSample),
  };
}

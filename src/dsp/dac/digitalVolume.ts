/**
 * Volume before the DAC (scale the N-bit stream, re-quantize to N bits) versus after it (an ideal
 * analog attenuator on the DAC output). Leaves out: the analog stage's own noise and distortion,
 * the DAC's analog noise floor, extra internal bits some DACs keep for their volume control.
 */
import type { DitherKind } from './dither';
import { createQuantizer, quantize } from './quantizer';

/** The range a volume control offers, in dB re unity gain. */
export const VOLUME_GAIN_RANGE_DB = { min: -60, max: 0 } as const;

/** Linear gain 10^(gainDb/20); −Infinity dB is a mute (gain 0). */
function gainFromDb(gainDb: number, caller: string): number {
  if (Number.isNaN(gainDb) || gainDb === Infinity) {
    throw new RangeError(`${caller}: gain ${gainDb} dB is not a number below +Infinity`);
  }
  return 10 ** (gainDb / 20);
}

/**
 * Digital volume: the input is quantized to the N-bit stream (as the source file would be), each
 * sample multiplied by g = 10^(gainDb/20), and the product re-quantized to N bits with the same
 * dither. The re-quantization noise stays at Δ²/12 (times the dither penalty) whatever g is, so
 * every dB of attenuation costs a dB of SNR: SNR ≈ 6.02·N + 1.76 + gainDb for a full-scale sine.
 * The first input.length draws of random make the same N-bit stream analogVolume() makes.
 */
export function digitalVolume(
  input: Float32Array | Float64Array,
  gainDb: number,
  bits: number,
  dither: DitherKind,
  random: () => number,
): Float32Array {
  const gain = gainFromDb(gainDb, 'digitalVolume');
  const stream = quantize(input, bits, dither, random);
  const requantize = createQuantizer(bits, dither, random);
  const output = new Float32Array(stream.length);
  for (let n = 0; n < stream.length; n++) output[n] = requantize((stream[n] as number) * gain);
  return output;
}

/**
 * Analog volume: the input is quantized to N bits at full level, converted, then scaled by g.
 * Signal and quantization noise scale together, so the SNR stays 6.02·N + 1.76 dB (less the
 * dither penalty) at any setting.
 */
export function analogVolume(
  input: Float32Array | Float64Array,
  gainDb: number,
  bits: number,
  dither: DitherKind,
  random: () => number,
): Float32Array {
  const gain = gainFromDb(gainDb, 'analogVolume');
  const output = quantize(input, bits, dither, random);
  for (let n = 0; n < output.length; n++) output[n] = (output[n] as number) * gain;
  return output;
}

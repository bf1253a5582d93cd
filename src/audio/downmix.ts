// Any decoded channel layout to the two channels every widget plays. Follows the Web Audio API's
// "speakers" rules for mono, quad and 5.1; leaves out other layouts' semantics (their first two channels are kept).

/** √½, the weight of the centre and surround channels in a 5.1 → stereo down-mix. */
const HALF_POWER = Math.SQRT1_2;

/**
 * Stereo from 1…n channels, per the Web Audio API spec ("Channel Up-Mixing and Down-Mixing",
 * channelInterpretation "speakers"):
 * mono → L = R = M;  quad (L, R, SL, SR) → L = ½(L + SL), R = ½(R + SR);
 * 5.1 (L, R, C, LFE, SL, SR) → L = L + √½(C + SL), R = R + √½(C + SR), the LFE dropped.
 * Stereo passes through; any other count keeps its first two channels. Returns new arrays except
 * for stereo input, which is returned as is.
 */
export function toStereo(channels: readonly Float32Array[]): [Float32Array, Float32Array] {
  const [first, second, third, fourth, fifth, sixth] = channels;
  if (!first) throw new RangeError('toStereo: no channels');
  if (!second) return [first.slice(), first.slice()];
  if (channels.length === 4 && third && fourth) {
    const left = new Float32Array(first.length);
    const right = new Float32Array(first.length);
    for (let n = 0; n < first.length; n++) {
      left[n] = 0.5 * ((first[n] as number) + (third[n] as number));
      right[n] = 0.5 * ((second[n] as number) + (fourth[n] as number));
    }
    return [left, right];
  }
  if (channels.length === 6 && third && fifth && sixth) {
    const left = new Float32Array(first.length);
    const right = new Float32Array(first.length);
    for (let n = 0; n < first.length; n++) {
      const center = third[n] as number;
      left[n] = (first[n] as number) + HALF_POWER * (center + (fifth[n] as number));
      right[n] = (second[n] as number) + HALF_POWER * (center + (sixth[n] as number));
    }
    return [left, right];
  }
  return [first, second];
}

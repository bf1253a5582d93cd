// The hard-panned program: the music loop summed to mono and sent to one side at a time, bar by bar (left, right,
// left, right), with a short equal-power crossfade at each change so that no switch clicks. Made for crossfeed: a
// hard-panned sound is what headphones play least like loudspeakers. Leaves out: anything between the two sides.

/** How long the pan takes to move from one side to the other, seconds. */
export const PANNED_CROSSFADE_SECONDS = 0.01;

/**
 * Channels of the hard-panned program from a stereo loop: mono = (L + R)/2; in segment k (of `segmentSeconds`) the
 * mono goes to the left when k is even and the right when k is odd, with gains cos θ and sin θ (θ from 0 to π/2 over
 * PANNED_CROSSFADE_SECONDS centred on each change, the loop's wrap included). The loop should hold an even number of
 * segments so that its last segment (right) hands over to its first (left).
 */
export function hardPannedChannels(
  [left, right]: readonly [Float32Array, Float32Array],
  sampleRateHz: number,
  segmentSeconds: number,
): [Float32Array, Float32Array] {
  const length = left.length;
  const outLeft = new Float32Array(length);
  const outRight = new Float32Array(length);
  const segmentSamples = segmentSeconds * sampleRateHz;
  const halfFadeSamples = (PANNED_CROSSFADE_SECONDS * sampleRateHz) / 2;
  for (let n = 0; n < length; n++) {
    const mono = ((left[n] as number) + (right[n] as number)) / 2;
    const segment = Math.floor(n / segmentSamples);
    const sinceStart = n - segment * segmentSamples;
    const untilEnd = (segment + 1) * segmentSamples - n;
    const sideNow = segment % 2 === 0 ? 0 : 1;
    // θ = 0: all left; π/2: all right. Near a change, θ moves linearly across the crossfade.
    let rightness = sideNow;
    if (untilEnd < halfFadeSamples) rightness = sideNow + (1 - 2 * sideNow) * (0.5 - untilEnd / (2 * halfFadeSamples));
    else if (sinceStart < halfFadeSamples) rightness = 1 - sideNow + (2 * sideNow - 1) * (0.5 + sinceStart / (2 * halfFadeSamples));
    const theta = (rightness * Math.PI) / 2;
    outLeft[n] = mono * Math.cos(theta);
    outRight[n] = mono * Math.sin(theta);
  }
  return [outLeft, outRight];
}

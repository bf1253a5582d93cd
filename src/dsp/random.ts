/**
 * Deterministic pseudo-random numbers, so generated noise and the tests that measure it repeat
 * exactly. Leaves out: cryptographic quality, Gaussian variates.
 */

/**
 * Mulberry32 (Tommy Ettinger, 2017): a 32-bit state advanced by the Weyl increment 0x6D2B79F5 and
 * mixed by xor-shift-multiply; period 2³². Returns uniform numbers in [0, 1), multiples of 2⁻³².
 */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

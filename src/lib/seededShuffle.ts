// A stable shuffle: the same key always gives the same order, so a question's options sit in the same shuffled
// order in the built page on every build, while across questions the right answer lands in every position alike.
// FNV-1a (32-bit) hashes the key into a seed; mulberry32 draws the numbers for a Fisher–Yates shuffle.

/** FNV-1a, 32 bits, of a string's UTF-16 code units. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** mulberry32: a small 32-bit generator of numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy of `items` in an order fixed by `key`. */
export function seededShuffle<T>(items: readonly T[], key: string): T[] {
  const random = mulberry32(fnv1a32(key));
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A generator of numbers in [0, 1) whose sequence is fixed by `key` (e.g. a question's id and draw number). */
export function seededRandom(key: string): () => number {
  return mulberry32(fnv1a32(key));
}

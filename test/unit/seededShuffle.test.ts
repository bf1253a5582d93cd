// The stable shuffle behind each question's option order (src/lib/seededShuffle.ts).
import { describe, expect, it } from 'vitest';
import { fnv1a32, seededShuffle } from '../../src/lib/seededShuffle';

describe('a shuffle seeded by a key', () => {
  it('hashes with FNV-1a: the published 32-bit test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('gives the same order for the same key, and a permutation of the items', () => {
    const items = ['a', 'b', 'c', 'd'];
    expect(seededShuffle(items, 'predict-bass')).toEqual(seededShuffle(items, 'predict-bass'));
    expect([...seededShuffle(items, 'predict-bass')].sort()).toEqual(items);
    expect(items).toEqual(['a', 'b', 'c', 'd']);
  });

  it('puts the first item in each of four places about equally often over many keys', () => {
    const keys = Array.from({ length: 4000 }, (_, i) => `question-${i}`);
    const counts = [0, 0, 0, 0];
    for (const key of keys) {
      const place = seededShuffle([0, 1, 2, 3], key).indexOf(0);
      counts[place] = (counts[place] ?? 0) + 1;
    }
    // Expected 1000 each; a fair shuffle stays within ±4σ (σ ≈ 27) of it.
    for (const count of counts) expect(Math.abs(count - 1000)).toBeLessThan(110);
  });
});

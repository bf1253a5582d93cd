import { describe, expect, it } from 'vitest';
import { CHUNK_LOAD_MESSAGE, ChunkLoadError, isChunkLoadError, retryingImport } from '../../src/lib/retryImport';

describe('retryingImport', () => {
  it('forgets a failed load, so the next call loads again and succeeds', async () => {
    let calls = 0;
    const load = retryingImport(async () => {
      calls++;
      if (calls === 1) throw new TypeError('Failed to fetch dynamically imported module: /_astro/audio.js');
      return 'module';
    });
    await expect(load()).rejects.toThrow(CHUNK_LOAD_MESSAGE);
    await expect(load()).resolves.toBe('module');
    expect(calls).toBe(2);
  });

  it('shares a successful load: the chunk is fetched once', async () => {
    let calls = 0;
    const load = retryingImport(async () => ++calls);
    await Promise.all([load(), load()]);
    await load();
    expect(calls).toBe(1);
  });
});

describe('isChunkLoadError', () => {
  it("recognises the browsers' failed-import errors and its own, and nothing else", () => {
    expect(isChunkLoadError(new TypeError('Failed to fetch dynamically imported module: https://x/a.js'))).toBe(true);
    expect(isChunkLoadError(new TypeError('error loading dynamically imported module: https://x/a.js'))).toBe(true);
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new ChunkLoadError(new Error('offline')))).toBe(true);
    expect(isChunkLoadError(new RangeError('biquad section 0 is unstable'))).toBe(false);
  });
});

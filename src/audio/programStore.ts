// Synthesized programs kept across pages: the music loop takes about a second of Tone.Offline to make, so the first
// one made at a sample rate is stored in IndexedDB (idb-keyval) and later pages read it back instead. The key holds a
// hash of the synthesis code (musicLoop.ts, loop.ts) and Tone.js's version, so a change to either makes it anew.
// Leaves out: eviction (one loop per sample rate, about 3 MB at 48 kHz; the browser may clear it, and it is remade).
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { version as TONE_VERSION } from 'tone/package.json';
import musicLoopSource from './musicLoop.ts?raw';
import loopSource from './loop.ts?raw';

/** 32-bit FNV-1a of a text, as 8 hex digits. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The music loop's synthesis version: changes whenever its code or Tone.js changes. */
export const MUSIC_SYNTHESIS_VERSION = `${fnv1a(musicLoopSource + loopSource)}-tone${TONE_VERSION}`;

let store: UseStore | null = null;
const programStore = (): UseStore => (store ??= createStore('amp-lab-programs', 'programs'));

export const storedProgramKey = (id: string, sampleRateHz: number): string => `${id}|${MUSIC_SYNTHESIS_VERSION}|${sampleRateHz}`;

/** A stored program's channels, or null when there is none (or storage is unavailable or holds something else). */
export async function readStoredProgram(key: string): Promise<[Float32Array, Float32Array] | null> {
  try {
    const value: unknown = await get(key, programStore());
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [left, right] = value as unknown[];
    if (!(left instanceof Float32Array) || !(right instanceof Float32Array) || left.length === 0 || left.length !== right.length) return null;
    return [left, right];
  } catch {
    return null;
  }
}

/** Store a program's channels; a failure (private browsing, quota) only means it is made again next time. */
export async function writeStoredProgram(key: string, channels: readonly [Float32Array, Float32Array]): Promise<void> {
  try {
    await set(key, [channels[0], channels[1]], programStore());
  } catch {
    // Not kept: the next page synthesizes the loop again.
  }
}

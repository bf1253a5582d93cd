// Loading a code chunk on demand (a dynamic import) so that one failed download is not the end: the failure is
// forgotten and the next call fetches again, and the reader is told in plain words. Leaves out: retrying on its own
// (the reader's next Play is the retry) and telling a failed download from a chunk that throws while it runs.

/** What the reader sees when a chunk of the listening code could not be downloaded. */
export const CHUNK_LOAD_MESSAGE = "Couldn't load the audio engine. Check your connection, then press Play to try again.";

/** A chunk of code could not be downloaded; its message is CHUNK_LOAD_MESSAGE. */
export class ChunkLoadError extends Error {
  override name = 'ChunkLoadError';

  constructor(cause: unknown) {
    super(CHUNK_LOAD_MESSAGE, { cause });
  }
}

/**
 * How browsers word a dynamic import whose script could not be fetched: Chromium "Failed to fetch dynamically
 * imported module", Firefox "error loading dynamically imported module", Safari "Importing a module script failed";
 * Vite's preload helper "Unable to preload CSS".
 */
const FAILED_IMPORT_PATTERNS = [/dynamically imported module/i, /importing a module script failed/i, /unable to preload/i];

/** True for a ChunkLoadError, or an error a browser throws when a dynamic import's script could not be fetched. */
export function isChunkLoadError(error: unknown): boolean {
  if (error instanceof ChunkLoadError) return true;
  return error instanceof Error && FAILED_IMPORT_PATTERNS.some((pattern) => pattern.test(error.message));
}

/**
 * A loader that runs `load` (a dynamic import) once and shares its result. If it fails, the failure is forgotten,
 * so the next call runs `load` again, and the caller gets a ChunkLoadError.
 */
export function retryingImport<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw new ChunkLoadError(error);
    });
    return pending;
  };
}

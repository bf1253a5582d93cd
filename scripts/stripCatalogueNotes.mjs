// A Vite plugin for the browser bundle only: drops the `note:` fields of the catalogue (src/data/catalogue/*.ts).
// The notes say how each figure was read or derived; pages built on the server (the lab page's tables, the
// Sources page) keep them, while the matcher island, which never shows them, doesn't ship them (≈ 4 KB gzipped).

/** A `note:` property whose value is one string literal or several joined by `+`, with its trailing comma. */
const NOTE_PROPERTY = /\n[ \t]*note:\s*(?:(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`[^`]*`)\s*\+?\s*)+,/g;
const CATALOGUE_FILE = /[\\/]src[\\/]data[\\/]catalogue[\\/](?:headphones|sources)\.ts$/;

/** The source without its note properties. */
export function stripNotes(code) {
  return code.replace(NOTE_PROPERTY, '');
}

export function stripCatalogueNotes() {
  return {
    name: 'amp-lab-strip-catalogue-notes',
    enforce: 'pre',
    transform(code, id, options) {
      if (options?.ssr || !CATALOGUE_FILE.test(id)) return null;
      return { code: stripNotes(code), map: null };
    },
  };
}

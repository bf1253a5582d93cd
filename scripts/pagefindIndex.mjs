// An Astro integration: after every build, Pagefind indexes the built pages into dist/pagefind/ (the search index
// and its UI), so `astro build` alone always ships a search that matches the pages. Pages opt in with
// `data-pagefind-body`; widgets (islands), questions and glossary pop-ups are left out of the index.
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** What the index leaves out inside an indexed page: widget controls and data, quiz options, definition pop-ups. */
export const SEARCH_EXCLUDE_SELECTORS = ['astro-island', 'form.question', '.term-def', '.katex-mathml', '[data-pagefind-ignore]'];

/** @returns {import('astro').AstroIntegration} */
export function pagefindIndex() {
  return {
    name: 'amp-lab-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ excludeSelectors: SEARCH_EXCLUDE_SELECTORS, forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
        logger.info(`search index: ${added.page_count} pages`);
        await pagefind.close();
      },
    },
  };
}

// Amp Lab: static site. MDX lessons, Preact islands, KaTeX rendered at build time.
import { defineConfig, passthroughImageService } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { pagefindIndex } from './scripts/pagefindIndex.mjs';
import { contentSecurityPolicy, securityHeaders } from './scripts/contentSecurityPolicy.mjs';
import { serviceWorker } from './scripts/serviceWorker.mjs';
import { rehypeScrollTables } from './scripts/rehypeScrollTables.mjs';
import { stripCatalogueNotes } from './scripts/stripCatalogueNotes.mjs';
import { remarkGlossaryLinks } from './scripts/remarkGlossaryLinks.mjs';
import { remarkNoScriptNotes } from './scripts/remarkNoScriptNotes.mjs';
import { rehypeBaseLinks } from './scripts/rehypeBaseLinks.mjs';
import { siteBase } from './scripts/siteBase.mjs';
import { intentHydration } from './scripts/intentHydration.mjs';
import { GLOSSARY } from './src/data/glossary.ts';

// Deploying under a sub-path: AMP_LAB_BASE=/amp-lab/ npm run build (README, "Deploying under a sub-path").
const base = siteBase(process.env['AMP_LAB_BASE']);

export default defineConfig({
  output: 'static',
  base,
  trailingSlash: 'always',
  integrations: [intentHydration(), preact(), mdx(), pagefindIndex(), securityHeaders(), serviceWorker()],
  // A strict Content-Security-Policy in every page's <meta> (and dist/_headers): scripts/contentSecurityPolicy.mjs.
  // Stylesheets stay files: Astro's policy has no hashes for the small ones it would inline from lesson components.
  security: { csp: contentSecurityPolicy() },
  build: { inlineStylesheets: 'never' },
  image: { service: passthroughImageService() },
  // Lessons need remark-math and rehype-katex, so they keep Astro's unified (remark/rehype) processor. The glossary
  // plugin links each term's first use in a lesson (lessons only: it checks the file's path); each island gets a
  // note for readers without JavaScript. Root-relative links in lessons (`[…](/lessons/…/)`, the glossary links) get the
  // base.
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath, [remarkGlossaryLinks, { terms: GLOSSARY }], remarkNoScriptNotes],
      rehypePlugins: [[rehypeKatex, { output: 'html', throwOnError: true }], rehypeScrollTables, [rehypeBaseLinks, { base }]],
    }),
  },
  devToolbar: { enabled: false },
  vite: {
    plugins: [stripCatalogueNotes()],
    // The site's small page scripts (progress, questions, course marks) share one chunk: every lesson page runs
    // them, and one file compresses better than a dozen tiny ones.
    // Preact, its Astro renderer and the number formatting every island uses share one chunk too (script only: no
    // stylesheet follows these modules, so the pages' CSS and its order stay as they were).
    // Page scripts always ship as files, never inlined into the HTML however small: the Content-Security-Policy
    // allows script files from the site itself, and the offline registration script is one of them.
    build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined), rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'site', test: /src[\\/](lib[\\/](progress|lessonOf|doneMarks|scrollableFocus)|components[\\/]questions[\\/](answeredEvent|questionsBoot|predictionLock|lessonChecks))\.ts$/ }, { name: 'preact', test: /node_modules[\\/](preact|@astrojs[\\/]preact)[\\/]|src[\\/](components[\\/]format|lib[\\/]retryImport|audio[\\/]volume)\.ts$/ }] } } } },
  },
});

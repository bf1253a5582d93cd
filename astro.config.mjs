// Amp Lab: static site. MDX lessons, Preact islands, KaTeX rendered at build time.
import { defineConfig, passthroughImageService } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { stripCatalogueNotes } from './scripts/stripCatalogueNotes.mjs';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  integrations: [preact(), mdx()],
  image: { service: passthroughImageService() },
  markdown: {
    remarkPlugins: [remarkMath],
    rehypePlugins: [[rehypeKatex, { output: 'html', throwOnError: true }]],
  },
  devToolbar: { enabled: false },
  vite: { plugins: [stripCatalogueNotes()] },
});

// The site built under a sub-path (dist-base/, base /amp-lab/): every URL a page names (href, src, srcset, action,
// an island's component and renderer) resolves under the base to a file the build wrote, and a fragment to an id on
// that page; no page text or script names one of the site's paths from the root without the base; and every asset
// URL in the JavaScript (the worklets' `?worker&url`, say) carries the base and names a built file. A component or
// lesson that writes a root-relative link without withBase (src/lib/paths.ts) fails here.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_BASE, TEST_OUT_DIR } from './deploy.mjs';

const ORIGIN = 'http://site.test';

/** Every file under `dir`, as paths relative to it with forward slashes. */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/** The built file a same-origin URL path under the base names, or null if it is outside the base. */
function builtFile(pathname: string): string | null {
  if (!pathname.startsWith(TEST_BASE)) return null;
  const rest = decodeURIComponent(pathname.slice(TEST_BASE.length));
  return rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
}

/** The URL path a page file is served at: "lessons/jitter/index.html" → "/amp-lab/lessons/jitter/". */
const pageUrl = (file: string): string => `${ORIGIN}${TEST_BASE}${file.replace(/(^|\/)index\.html$/, '$1')}`;

const files = existsSync(TEST_OUT_DIR) ? filesUnder(TEST_OUT_DIR) : [];
const pages = files.filter((file) => file.endsWith('.html'));
const scripts = files.filter((file) => file.startsWith('_astro/') && file.endsWith('.js'));
/** The site's top-level files and folders ("lessons", "_astro", "favicon.svg", …): what a root-relative path would name. */
const topLevel = [...new Set(files.map((file) => file.split('/')[0] ?? ''))].filter((name) => name !== '');
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A path naming one of the site's own files from the root, with no base in front (not inside a longer path or URL). */
const ROOT_PATH = new RegExp(`(?<![\\w.:/\\\\-])/(?:${topLevel.map(escape).join('|')})(?![\\w.-])`, 'g');

interface PageUrls {
  /** [attribute, value] for every URL-valued attribute on the page. */
  urls: [string, string][];
  ids: string[];
}

test(`the site was built under ${TEST_BASE} into ${TEST_OUT_DIR}/ with its pages, search index and worklets`, () => {
  expect(pages).toEqual(expect.arrayContaining(['index.html', '404.html', 'lessons/output-impedance/index.html', 'glossary/index.html', 'progress/index.html']));
  expect(files).toContain('pagefind/pagefind.js');
  expect(scripts.some((file) => /limiter\.worklet/.test(file))).toBe(true);
});

test('every URL on every page resolves under the base to a built file, and every fragment to an id there', async ({ page }) => {
  const parsed = new Map<string, PageUrls>();
  for (const file of pages) {
    const html = readFileSync(join(TEST_OUT_DIR, file), 'utf8');
    const found = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'text/html');
      const single = ['href', 'src', 'action', 'poster', 'formaction', 'component-url', 'renderer-url', 'before-hydration-url'];
      const lists = ['srcset', 'imagesrcset'];
      const urls: [string, string][] = [];
      for (const element of doc.querySelectorAll('*')) {
        for (const name of single) {
          const value = element.getAttribute(name);
          if (value !== null) urls.push([name, value]);
        }
        for (const name of lists) {
          for (const candidate of element.getAttribute(name)?.split(',') ?? []) {
            const url = candidate.trim().split(/\s+/)[0];
            if (url) urls.push([name, url]);
          }
        }
      }
      const ids = [...doc.querySelectorAll('[id], a[name]')].map((element) => element.id || element.getAttribute('name') || '');
      return { urls, ids };
    }, html);
    parsed.set(file, found);
  }

  const problems: string[] = [];
  let checked = 0;
  for (const [file, { urls }] of parsed) {
    const here = pageUrl(file);
    for (const [attribute, value] of urls) {
      const url = new URL(value, here);
      if (url.origin !== ORIGIN) continue;
      checked += 1;
      const target = builtFile(url.pathname);
      if (target === null) {
        problems.push(`${file}: ${attribute}="${value}" is outside ${TEST_BASE}`);
        continue;
      }
      if (!files.includes(target)) {
        problems.push(`${file}: ${attribute}="${value}" names ${target}, which the build did not write`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment !== '' && !parsed.get(target)?.ids.includes(fragment)) problems.push(`${file}: ${attribute}="${value}": ${target} has no id "${fragment}"`);
    }
  }
  expect(problems).toEqual([]);
  // Every page has at least its header's links, stylesheet and scripts.
  expect(checked).toBeGreaterThan(pages.length * 8);
});

test('no page names a site path from the root without the base, in its text, props or inline scripts', () => {
  expect(topLevel).toEqual(expect.arrayContaining(['_astro', 'lessons', 'glossary', 'pagefind']));
  const problems: string[] = [];
  for (const file of pages) {
    const html = readFileSync(join(TEST_OUT_DIR, file), 'utf8');
    for (const match of html.matchAll(ROOT_PATH)) problems.push(`${file}: …${html.slice(Math.max(0, match.index - 40), match.index + 40)}…`);
  }
  expect(problems).toEqual([]);
});

test('every asset URL in the JavaScript (worklets, chunks) carries the base and names a built file', () => {
  const problems: string[] = [];
  const worklets: string[] = [];
  for (const file of scripts) {
    const code = readFileSync(join(TEST_OUT_DIR, file), 'utf8');
    for (const match of code.matchAll(/["'`](\/[^"'`\s]*?_astro\/[^"'`\s]+)["'`]/g)) {
      const url = match[1] ?? '';
      const target = builtFile(url);
      if (target === null) problems.push(`${file}: "${url}" is outside ${TEST_BASE}`);
      else if (!files.includes(target)) problems.push(`${file}: "${url}" names ${target}, which the build did not write`);
      else if (/\.worklet/.test(url)) worklets.push(url);
    }
  }
  expect(problems).toEqual([]);
  // The four AudioWorklet modules (limiter, jitter, low-rate DAC, quantizer) are named by URL under the base.
  expect(new Set(worklets.map((url) => url.replace(/-[\w-]+\.js$/, ''))).size).toBe(4);
});

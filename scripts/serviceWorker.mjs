// An Astro integration: after every build, Workbox (workbox-build's generateSW) writes dist/sw.js, the service worker
// that lets a lesson read once work offline, widgets and audio included. It precaches the site's scripts, styles,
// audio worklets, the piano program's recording (Ogg, 57 KB) and KaTeX's woff2 fonts (Tone.js and the listening code
// too, which load only on Play, so Play works offline on a lesson never played online), the offline page and the
// icons; pages and the search index are cached as they are visited. Precache URLs are relative,
// so the worker serves them right under any `base`.
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';
import { PAGES_CACHE } from '../src/components/offline/pagesCache.ts';

/** Files above this are never precached (e.g. the ~20 MB SPICE engine): they are cached on first use instead. */
export const PRECACHE_MAX_FILE_BYTES = 3 * 1024 * 1024;

/** Where the offline page is built, relative to the site's base; served for a page never visited while offline. */
export const OFFLINE_PAGE = 'offline/index.html';

const PRECACHE_PATTERNS = ['_astro/**/*.{js,css,woff2,ogg}', OFFLINE_PAGE, 'favicon.svg', 'manifest.webmanifest', 'icons/*.{svg,png}'];

/** @param {string} text */
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @returns {import('astro').AstroIntegration} */
export function serviceWorker() {
  let base = '/';
  return {
    name: 'amp-lab-service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        // Workbox matches a same-origin URL's href against these anywhere, so the path under the base is enough.
        /** @param {string} path */
        const under = (path) => new RegExp(escapeRegExp(`${base}${path}`));
        const { count, size, warnings } = await generateSW({
          globDirectory: site,
          globPatterns: PRECACHE_PATTERNS,
          swDest: `${site}sw.js`,
          mode: 'production',
          sourcemap: false,
          inlineWorkboxRuntime: true,
          maximumFileSizeToCacheInBytes: PRECACHE_MAX_FILE_BYTES,
          // Astro puts a content hash in every file name under _astro/, so those URLs need no revision.
          dontCacheBustURLsMatching: /^_astro\//,
          // A new version waits until the reader reloads from the page's notice (registerServiceWorker.ts): a page
          // keeps the worker, and the scripts, it was loaded with. The very first worker takes charge at once.
          skipWaiting: false,
          clientsClaim: true,
          cleanupOutdatedCaches: true,
          navigationPreload: true,
          runtimeCaching: [
            {
              // Pages: navigations, and the page the registration script asks the worker to keep on a first visit
              // (Workbox's CACHE_URLS message; every page URL ends in a slash, no asset's does).
              urlPattern: ({ request, url, sameOrigin }) => request.mode === 'navigate' || (sameOrigin && url.pathname.endsWith('/')),
              handler: 'NetworkFirst',
              options: {
                cacheName: PAGES_CACHE,
                networkTimeoutSeconds: 4,
                expiration: { maxEntries: 80 },
                precacheFallback: { fallbackURL: OFFLINE_PAGE },
              },
            },
            {
              urlPattern: under('pagefind/'),
              handler: 'StaleWhileRevalidate',
              options: { cacheName: 'amp-lab-search', expiration: { maxEntries: 200 } },
            },
            {
              // What the precache leaves out under _astro/: other font formats and any file over the size limit.
              urlPattern: under('_astro/'),
              handler: 'CacheFirst',
              options: {
                cacheName: 'amp-lab-assets',
                expiration: { maxEntries: 60, purgeOnQuotaError: true },
                // Between a deploy and the reader's Reload, a page fetched from the network asks for the new version's
                // files, which the old worker doesn't list but the waiting new one has already precached: use them.
                plugins: [{ cachedResponseWillBeUsed: async ({ cachedResponse, request }) => cachedResponse ?? (await caches.match(request)) ?? null }],
              },
            },
          ],
        });
        for (const warning of warnings) logger.warn(warning);
        logger.info(`service worker: ${count} files precached, ${(size / 1024).toFixed(0)} KB`);
      },
    },
  };
}

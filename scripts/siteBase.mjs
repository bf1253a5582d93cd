// The one setting for deploying under a sub-path: AMP_LAB_BASE (e.g. `/amp-lab/` for a GitHub project page) becomes
// Astro's `base` in astro.config.mjs; unset or empty, the site lives at the root. Pages reach it as
// import.meta.env.BASE_URL (src/lib/paths.ts); build-time plugins get it as an option (scripts/rehypeBaseLinks.mjs).

/**
 * The base path, with one leading and one trailing slash: `amp-lab`, `/amp-lab` and `/amp-lab/` all give `/amp-lab/`;
 * nothing gives `/`. Refuses what can't be a path on a static host (a full URL, `..`, spaces, `?` or `#`), saying so.
 * @param {string | undefined} value
 * @returns {string}
 */
export function siteBase(value) {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  const segments = trimmed.split('/');
  const bad = segments.find((segment) => segment === '' || segment === '.' || segment === '..' || !/^[A-Za-z0-9._~-]+$/.test(segment));
  if (bad !== undefined) {
    throw new Error(`AMP_LAB_BASE must be a path such as /amp-lab/ (letters, digits, . _ ~ - between slashes); "${value}" is not.`);
  }
  return `/${segments.join('/')}/`;
}

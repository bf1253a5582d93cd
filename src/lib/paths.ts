// The site's own URLs under the path it is deployed at: Astro's `base` (astro.config.mjs, from AMP_LAB_BASE; "/" by
// default), which Vite hands every page and script as import.meta.env.BASE_URL. Components write site paths
// ("/lessons/jitter/") and put them through withBase; progress records keep site paths (withoutBase), so an export
// imports the same into a copy of the site deployed elsewhere.

/** `base` with one trailing slash: BASE_URL ends with one when trailingSlash is "always", but don't rely on it. */
const slashed = (base: string): string => (base.endsWith('/') ? base : `${base}/`);

/** The site path `path` ("/", "/glossary/#dac", "/#course") under `base`; anything not root-relative is returned as it is. */
export function joinBase(base: string, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  return slashed(base) + path.slice(1);
}

/** The site path of `pathname` (a URL's path on this host) under `base`: "/amp-lab/lab/matcher/" → "/lab/matcher/". */
export function stripBase(base: string, pathname: string): string {
  const prefix = slashed(base);
  if (pathname.startsWith(prefix)) return `/${pathname.slice(prefix.length)}`;
  if (`${pathname}/` === prefix) return '/';
  return pathname;
}

/** The URL of the site path `path` on this deployment. */
export const withBase = (path: string): string => joinBase(import.meta.env.BASE_URL, path);

/** The site path of a path on this deployment (location.pathname, say). */
export const withoutBase = (pathname: string): string => stripBase(import.meta.env.BASE_URL, pathname);

// The site's Content-Security-Policy, stated once. Astro (`security.csp`) hashes the scripts and styles it emits and
// writes the policy into a <meta http-equiv> on every page, so it holds on any static host; after the build,
// `securityHeaders()` copies the policy the pages carry into dist/_headers (Netlify and Cloudflare Pages read it) with
// what only a header can say. Leaves out: nonces (a static site has none to give) and violation reports (no endpoint).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The stylesheet Base.astro puts in <noscript>, allowed by its hash. */
const NOSCRIPT_CSS = readFileSync(new URL('../src/styles/noscript.css', import.meta.url), 'utf8');

/**
 * Directives besides script-src and style-src (Astro writes those, with its hashes). Everything comes from the site
 * itself: fetches (Pagefind's index), AudioWorklet modules and workers (Pagefind's, ngspice's), the web app manifest.
 * KaTeX's smallest font is inlined by Vite as a data: URL, and Pagefind's search box draws its icon from one.
 * No blob: workers: src/audio/context.ts gives Tone.js a clock on timeouts instead of its default worker from a blob: URL.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/**
 * Scripts: the site's own files and Astro's hashed inline scripts, never inline code without a hash, never eval.
 * 'wasm-unsafe-eval' lets WebAssembly compile (Pagefind's search, ngspice) and nothing else.
 */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];

/**
 * Styles: <style> and <link> elements only from the site's files or by hash (style-src-elem). style="" attributes are
 * allowed (style-src-attr): KaTeX lays formulas out with them and Preact renders them. Browsers without the -elem and
 * -attr directives fall back to style-src, which allows inline styles so formulas still lay out there.
 */
export const STYLE_SOURCES = [
  "'self'",
  "'unsafe-inline'",
  { resource: "'self'", kind: 'element' },
  { resource: "'unsafe-inline'", kind: 'attribute' },
];

/** Directives a <meta> policy may not carry (browsers ignore them there, with a warning): they go in the header only. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'self'"];

/** Headers sent beside the policy: no MIME sniffing; other sites are not told which page a reader came from. */
export const OTHER_HEADERS = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'same-origin'],
];

/**
 * The base64 SHA-256 hash source of a script or style element's text, as a policy names it.
 * @param {string} text
 * @returns {string}
 */
export function sha256Source(text) {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** Astro's `security.csp` option. @returns {import('astro').AstroUserConfig['security']['csp']} */
export function contentSecurityPolicy() {
  return {
    algorithm: 'SHA-256',
    directives: CSP_DIRECTIVES,
    scriptDirective: { resources: SCRIPT_SOURCES },
    styleDirective: { resources: STYLE_SOURCES, hashes: [sha256Source(NOSCRIPT_CSS)] },
  };
}

/**
 * A policy's directives, one string each ("script-src 'self' …"), in order, with spacing normalised.
 * @param {string} policy
 * @returns {string[]}
 */
export function policyDirectives(policy) {
  return policy
    .split(';')
    .map((directive) => directive.trim().split(/\s+/).join(' '))
    .filter((directive) => directive !== '');
}

/**
 * The Content-Security-Policy a page's <meta http-equiv> carries, or null if it has none.
 * @param {string} html
 * @returns {string | null}
 */
export function metaPolicy(html) {
  const meta = /<meta\s[^>]*http-equiv="content-security-policy"[^>]*>/i.exec(html);
  if (!meta) return null;
  const content = /\scontent="([^"]*)"/i.exec(meta[0]);
  return content ? content[1].replaceAll('&#39;', "'").replaceAll('&apos;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&') : null;
}

/**
 * One policy that holds on every page: each directive with the sources any page's policy gives it, in first-seen
 * order (pages could differ in the hashes of what Astro inlines into some of them).
 * @param {string[]} policies
 * @returns {string}
 */
export function unionPolicy(policies) {
  const sources = new Map();
  for (const policy of policies) {
    for (const directive of policyDirectives(policy)) {
      const [name = '', ...values] = directive.split(' ');
      const known = sources.get(name) ?? [];
      sources.set(name, [...known, ...values.filter((value) => !known.includes(value))]);
    }
  }
  return [...sources].map(([name, values]) => [name, ...values].join(' ')).join('; ');
}

/**
 * dist/_headers for every path: the pages' policy plus the header-only directives, and the other headers.
 * @param {string} policy
 * @returns {string}
 */
export function headersFile(policy) {
  const csp = [...policyDirectives(policy), ...HEADER_ONLY_DIRECTIVES].join('; ');
  const lines = [['Content-Security-Policy', csp], ...OTHER_HEADERS].map(([name, value]) => `  ${name}: ${value}`);
  return `# Written by scripts/contentSecurityPolicy.mjs after each build from the policy the pages' <meta> carry.\n/*\n${lines.join('\n')}\n`;
}

async function htmlFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => join(entry.parentPath, entry.name));
}

/** An Astro integration: after the build, writes dist/_headers from the policies the built pages carry. */
export function securityHeaders() {
  return {
    name: 'amp-lab-security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const policies = [];
        for (const file of await htmlFiles(site)) {
          const policy = metaPolicy(await readFile(file, 'utf8'));
          if (policy === null) throw new Error(`${file} has no Content-Security-Policy meta tag; is security.csp set in astro.config.mjs?`);
          policies.push(policy);
        }
        const text = headersFile(unionPolicy(policies));
        await writeFile(join(site, '_headers'), text);
        logger.info(`_headers written (${text.length} characters)`);
      },
    },
  };
}

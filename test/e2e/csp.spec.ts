// The Content-Security-Policy (scripts/contentSecurityPolicy.mjs): every page carries it in a <meta>; it allows no
// inline script without a hash and no eval; and the browser reports no violation of it while a reader loads every
// page, plays, downloads, searches and answers. dist/_headers carries the same policy for hosts that read it, and it
// holds when served as a header too (then it governs the whole document, <noscript> style included, and workers).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { metaPolicy, policyDirectives } from '../../scripts/contentSecurityPolicy.mjs';
import { builtPages, downloadWav, hydrateAll, hydrateWidget } from './helpers';

const LESSON = '/lessons/output-impedance/';
const pages = builtPages();
const htmlOf = (path: string): string => readFileSync(`dist${path.endsWith('/') ? `${path}index.html` : path}`, 'utf8');

/** A policy as directive name → its sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(policyDirectives(policy).map((directive) => {
    const [name = '', ...sources] = directive.split(' ');
    return [name, sources];
  }));
}

function pagePolicy(path: string): Map<string, string[]> {
  const policy = metaPolicy(htmlOf(path));
  if (policy === null) throw new Error(`${path} has no Content-Security-Policy meta tag`);
  return parsePolicy(policy);
}

const hashSource = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const isHash = (source: string): boolean => /^'sha(256|384|512)-/.test(source);

/** The _headers rule for every path: header name → value. */
function headersForAllPaths(): Map<string, string> {
  const lines = readFileSync('dist/_headers', 'utf8').split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  expect(lines[0]).toBe('/*');
  return new Map(lines.slice(1).map((line) => {
    expect(line).toMatch(/^\s+[\w-]+: /);
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
  }));
}

test.describe('the policy every page carries', () => {
  for (const path of pages) {
    test(`${path}: its <meta> allows no unhashed inline script or eval, fetches only from the site, and hashes each inline script and style`, () => {
      const html = htmlOf(path);
      const policy = pagePolicy(path);
      const scripts = policy.get('script-src') ?? [];
      expect(scripts).toContain("'self'");
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(policy.has('script-src-elem') ? policy.get('script-src-elem') : []).not.toContain("'unsafe-inline'");
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('connect-src')).toEqual(["'self'"]);
      expect(policy.get('worker-src')).toContain("'self'");
      expect(policy.get('manifest-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      // Browsers ignore these in a <meta> (with a console warning); they belong in the header.
      for (const headerOnly of ['frame-ancestors', 'report-uri', 'sandbox']) expect(policy.has(headerOnly)).toBe(false);

      const scriptHashes = policy.get('script-src-elem') ?? scripts;
      const inlineScripts = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
        .filter((m) => !/type="application\/(ld\+)?json"/.test(m[1] ?? ''));
      for (const [, , text = ''] of inlineScripts) expect(scriptHashes, text.slice(0, 80)).toContain(hashSource(text));
      const styleHashes = policy.get('style-src-elem') ?? [];
      for (const [, text = ''] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) expect(styleHashes, text.slice(0, 80)).toContain(hashSource(text));
      expect(html).not.toMatch(/<[^>]+\son[a-z]+=/);
      expect(html).not.toMatch(/href="javascript:/i);
    });
  }
});

test('dist/_headers carries each page\'s policy, adds frame-ancestors, nosniff and a referrer policy, and fits a Cloudflare header line', () => {
  const headers = headersForAllPaths();
  const csp = headers.get('Content-Security-Policy') ?? '';
  // Cloudflare Pages reads at most 2,000 characters a line of _headers.
  expect(`  Content-Security-Policy: ${csp}`.length).toBeLessThanOrEqual(2000);
  const header = parsePolicy(csp);
  expect(header.get('frame-ancestors')).toEqual(["'self'"]);
  expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(headers.get('Referrer-Policy')).toBe('same-origin');
  for (const path of pages) {
    const meta = pagePolicy(path);
    expect([...header.keys()].filter((name) => name !== 'frame-ancestors'), path).toEqual([...meta.keys()]);
    for (const [name, sources] of meta) {
      const inHeader = header.get(name) ?? [];
      // The same sources; hashes may be more in the header (those of stylesheets Astro inlines into other pages).
      expect(inHeader.filter((s) => !isHash(s)), `${path} ${name}`).toEqual(sources.filter((s) => !isHash(s)));
      for (const hash of sources.filter(isHash)) expect(inHeader, `${path} ${name}`).toContain(hash);
    }
  }
});

/**
 * Collects every report of a policy violation on this page, across navigations: the document's
 * securitypolicyviolation events, and console messages (the page's and its workers') and page errors that name the
 * policy.
 */
async function watchPolicy(page: Page): Promise<string[]> {
  const reports: string[] = [];
  await page.exposeFunction('reportPolicyViolation', (text: string) => reports.push(text));
  await page.addInitScript(() => {
    const report = (window as unknown as { reportPolicyViolation: (text: string) => void }).reportPolicyViolation;
    document.addEventListener('securitypolicyviolation', (e) => {
      report(`${location.pathname}: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
    });
  });
  const fromConsole = (where: string) => (message: ConsoleMessage) => {
    if (/content.security.policy/i.test(message.text())) reports.push(`${where} console: ${message.text()}`);
  };
  page.on('console', fromConsole('page'));
  page.on('worker', (worker) => worker.on('console', fromConsole(`worker ${worker.url()}`)));
  page.on('pageerror', (error) => {
    if (/content.security.policy/i.test(error.message)) reports.push(`error: ${error.message}`);
  });
  return reports;
}

/** Loads a page and lets everything on it run: each island hydrated, the network quiet. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await hydrateAll(page);
  await page.waitForLoadState('networkidle');
}

async function playAndDownload(page: Page, widgetSelector: string): Promise<void> {
  const widget = await hydrateWidget(page, widgetSelector);
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect(widget.locator('[data-play-state="playing"]')).toHaveCount(1, { timeout: 20_000 });
  await widget.getByRole('button', { name: 'Stop' }).click();
  await expect(widget.locator('[data-play-state="stopped"]')).toHaveCount(1);
  const b = await downloadWav(page, 'Download B', widget);
  expect(b.channels[0]?.length ?? 0).toBeGreaterThan(0);
}

/** Each kind of listening widget once, on a lesson that has it (their graphs differ: worklets, Tone's synths, files). */
const LISTENING_WIDGETS = [
  ['/lessons/tube-vs-solid-state/', 'amp-stage'],
  ['/lessons/bits-and-dither/', 'bits'],
  ['/lessons/sample-rates/', 'sample-rate'],
  ['/lessons/jitter/', 'jitter'],
  ['/lessons/eq-and-tone-controls/', 'eq'],
  ['/lessons/hearing-differences/', 'level-difference'],
  ['/lessons/dac-amp-combos/', 'level-chain'],
  ['/lessons/connections/', 'chain-builder'],
  ['/lessons/power-supplies/', 'power-supply'],
  ['/lessons/portable-vs-desktop/', 'supply'],
  ['/lessons/crossfeed/', 'crossfeed'],
  ['/lessons/volume-controls/', 'volume-pot'],
  ['/lessons/tube-output-transformers/', 'tube-output'],
  ['/lessons/class-d/', 'class-d'],
  ['/lessons/protection-and-turn-on/', 'turn-on'],
  ['/lessons/bluetooth/', 'bluetooth'],
] as const;

async function search(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search Amp Lab' });
  await dialog.getByRole('textbox', { name: /^Search lessons/ }).fill('damping factor');
  await expect(dialog.locator('a[href*="/lessons/output-impedance/#damping-factor"]').first()).toBeVisible();
  await page.keyboard.press('Escape');
}

async function answerQuestions(page: Page): Promise<void> {
  const prediction = page.locator('form[data-question="predict-bass-120"]');
  await prediction.getByRole('radio', { name: /bass falls/ }).check();
  await prediction.getByRole('button', { name: 'Commit my prediction' }).click();
  await expect(prediction.locator('.prediction-reveal')).toBeVisible();
  const numeric = page.locator('form[data-numeric-question="numeric-damping-factor"]');
  await numeric.getByRole('textbox', { name: 'Your answer' }).fill('1');
  await numeric.getByRole('button', { name: 'Check answer' }).click();
  await expect(numeric.locator('.feedback')).toHaveAttribute('data-result', /correct|wrong/);
}

test.describe('the browser reports no violation', () => {
  for (const path of pages) {
    test(`while ${path} loads and its islands hydrate`, async ({ page }) => {
      const reports = await watchPolicy(page);
      await visit(page, path);
      expect(reports).toEqual([]);
    });
  }

  test(`on ${LESSON} while playing, downloading B, searching and answering`, async ({ page }) => {
    test.setTimeout(120_000);
    const reports = await watchPolicy(page);
    await page.goto(LESSON);
    await playAndDownload(page, '[data-widget="output-impedance"]');
    await search(page);
    await answerQuestions(page);
    expect(reports).toEqual([]);
  });

  for (const [path, kind] of LISTENING_WIDGETS) {
    test(`on ${path} while its ${kind} widget plays and downloads B`, async ({ page }) => {
      test.setTimeout(120_000);
      const reports = await watchPolicy(page);
      await page.goto(path);
      await playAndDownload(page, `[data-widget="${kind}"]`);
      expect(reports).toEqual([]);
    });
  }

  test('on /lab/matcher/ while changing the headphones, playing and downloading B', async ({ page }) => {
    test.setTimeout(120_000);
    const reports = await watchPolicy(page);
    await page.goto('/lab/matcher/?hp=sennheiser-hd650&src=apple-usbc-adapter');
    const widget = await hydrateWidget(page, '[data-widget="matcher"]');
    await widget.getByText('Show the working with your numbers').click();
    await expect(widget.locator('.matcher-working .katex').first()).toBeVisible();
    await playAndDownload(page, '[data-widget="matcher"]');
    expect(reports).toEqual([]);
  });
});

/** Serves every response with dist/_headers' headers, as Netlify or Cloudflare Pages would. */
async function serveWithHeaders(page: Page): Promise<void> {
  const headers = Object.fromEntries(headersForAllPaths());
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), ...headers } });
  });
}

test.describe('served with dist/_headers, as a host that reads it would', () => {
  // Requests a service worker answers would bypass the route that adds the headers.
  test.use({ serviceWorkers: 'block' });
  // A request still in flight when the test ends must not fail it.
  test.afterEach(async ({ page }) => page.unrouteAll({ behavior: 'ignoreErrors' }));

  test(`${LESSON} loads, plays and searches with no violation`, async ({ page }) => {
    test.setTimeout(120_000);
    const reports = await watchPolicy(page);
    await serveWithHeaders(page);
    await visit(page, LESSON);
    await playAndDownload(page, '[data-widget="output-impedance"]');
    await search(page);
    expect(reports).toEqual([]);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test(`${LESSON}: the <noscript> stylesheet still applies (allowed by its hash), so no control that needs JavaScript shows`, async ({ page }) => {
      await serveWithHeaders(page);
      const response = await page.goto(LESSON);
      expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
      const live = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('astro-island button, .question input, .needs-js')]
        .filter((el) => el.getClientRects().length > 0).length);
      expect(await page.locator('astro-island button').count()).toBeGreaterThan(0);
      expect(live).toBe(0);
    });
  });
});

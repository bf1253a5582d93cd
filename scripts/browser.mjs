// The Chromium that the browser tests and the bench drive: Playwright's own when `npx playwright install chromium`
// has put it in place, a system Chromium or Chrome otherwise. Never downloads anything.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from '@playwright/test';

/** Flags for a headless run on a machine whose network is closed (no background fetches, no first-run UI). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Commands looked for on PATH, then the usual install places, in this order. */
export const SYSTEM_BROWSER_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const KNOWN_PLACES = [
  '/usr/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The one line `npm test` prints when there is no browser. */
export const NO_BROWSER_MESSAGE =
  'No Chromium found for the browser tests: run `npx playwright install chromium` (or install chromium or Google Chrome).';

/**
 * Where the browser is: { source: 'playwright' } for Playwright's own (launch it without an executablePath),
 * { source: 'system', executablePath } for one found on the machine, or null.
 * `env` and `exists` are parameters so the search can be tested.
 * @param {Record<string, string | undefined>} [env]
 * @param {(path: string) => boolean} [exists]
 * @param {string} [playwrightPath]
 * @returns {{ source: 'playwright' | 'system', executablePath: string } | null}
 */
export function findChromium(env = process.env, exists = (path) => existsSync(path), playwrightPath = safePlaywrightPath()) {
  if (playwrightPath && exists(playwrightPath)) return { source: 'playwright', executablePath: playwrightPath };
  const suffixes = process.platform === 'win32' ? ['.exe', ''] : [''];
  const dirs = (env.PATH ?? '').split(delimiter).filter((dir) => dir.length > 0);
  for (const command of SYSTEM_BROWSER_COMMANDS) {
    for (const dir of dirs) {
      for (const suffix of suffixes) {
        const path = join(dir, command + suffix);
        if (exists(path)) return { source: 'system', executablePath: path };
      }
    }
  }
  const place = KNOWN_PLACES.find((path) => exists(path));
  return place ? { source: 'system', executablePath: place } : null;
}

function safePlaywrightPath() {
  try {
    return chromium.executablePath();
  } catch {
    return '';
  }
}

/** Playwright launch options for the browser found (throws the one-line message if there is none). */
export function chromiumLaunchOptions() {
  const found = findChromium();
  if (!found) throw new Error(NO_BROWSER_MESSAGE);
  return found.source === 'system' ? { executablePath: found.executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS };
}

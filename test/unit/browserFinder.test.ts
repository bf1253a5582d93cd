// Which Chromium the browser tests drive (scripts/browser.mjs): Playwright's own first, then one on PATH, then the
// usual install places; nothing found is null, and npm test stops with one line.
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_BROWSER_MESSAGE, findChromium } from '../../scripts/browser.mjs';

const existing = (...paths: string[]) => (path: string) => paths.includes(path);
const PATH = ['/opt/tools/bin', '/usr/local/bin'].join(delimiter);

describe('finding a Chromium', () => {
  it('takes Playwright’s own browser when it is installed, even if a system one exists', () => {
    const found = findChromium({ PATH }, existing('/pw/chrome', join('/usr/local/bin', 'chromium')), '/pw/chrome');
    expect(found).toEqual({ source: 'playwright', executablePath: '/pw/chrome' });
  });

  it('falls back to the first command on PATH, chromium before google-chrome', () => {
    const exists = existing(join('/opt/tools/bin', 'google-chrome'), join('/usr/local/bin', 'chromium'));
    expect(findChromium({ PATH }, exists, '/pw/missing')).toEqual({ source: 'system', executablePath: join('/usr/local/bin', 'chromium') });
  });

  it('finds Debian’s /usr/bin/chromium when PATH does not hold it', () => {
    expect(findChromium({ PATH: '' }, existing('/usr/bin/chromium'), '')).toEqual({ source: 'system', executablePath: '/usr/bin/chromium' });
  });

  it('returns null when there is no browser at all, and the message names the install command on one line', () => {
    expect(findChromium({ PATH }, existing(), '/pw/missing')).toBeNull();
    expect(NO_BROWSER_MESSAGE).toContain('npx playwright install chromium');
    expect(NO_BROWSER_MESSAGE).not.toContain('\n');
  });
});

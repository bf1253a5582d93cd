// Issue #20's page-JS budget, kept by the tests too: each page loads at most 30 KB of gzipped JavaScript before the
// reader interacts (scrolled through to the end, nothing hovered, focused or clicked). Lesson widgets hydrate on the
// reader's first intent (`client:intent`, src/lib/hydrateOnIntent.ts), so their code is not part of it; pages whose
// islands hydrate at once (the circuit and bench labs) carry theirs. `npm run bench` prints every page's figure.
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { builtPages } from './helpers';

const JS_BUDGET_BYTES = 30 * 1024;

for (const path of builtPages()) {
  test(`page ${path} loads at most 30 KB of gzipped JavaScript before interaction`, async ({ page }) => {
    const bodies: Promise<Buffer | null>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') bodies.push(response.body().catch(() => null));
    });
    await page.goto(path);
    // Scrolled through as a reader would with the keyboard or a scroll bar: the pointer never enters the page.
    for (let step = 0; step < 60; step++) {
      const atEnd = await page.evaluate(() => {
        window.scrollBy(0, window.innerHeight * 0.8);
        return window.scrollY + window.innerHeight >= document.body.scrollHeight - 2;
      });
      if (atEnd) break;
    }
    await page.waitForTimeout(200);
    await page.waitForLoadState('networkidle');
    const sizes = (await Promise.all(bodies)).map((body) => (body ? gzipSync(body).length : 0));
    const total = sizes.reduce((sum, size) => sum + size, 0);
    expect(total).toBeLessThanOrEqual(JS_BUDGET_BYTES);
  });
}

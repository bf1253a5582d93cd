// The page-JS budget, kept by the tests too: each page loads at most 49 KB of gzipped JavaScript before the reader
// interacts (scrolled through so every island hydrates, nothing clicked): the largest page today
// (tube-vs-solid-state, 48.1 KB) with 0.5 KB to spare, on the way to issue #20's 30 KB. `npm run bench` prints the figures.
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { builtPages, hydrateAll } from './helpers';

const JS_BUDGET_BYTES = 49 * 1024;

for (const path of builtPages()) {
  test(`page ${path} loads at most 49 KB of gzipped JavaScript before interaction`, async ({ page }) => {
    const bodies: Promise<Buffer | null>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') bodies.push(response.body().catch(() => null));
    });
    await page.goto(path);
    await hydrateAll(page);
    await page.waitForLoadState('networkidle');
    const sizes = (await Promise.all(bodies)).map((body) => (body ? gzipSync(body).length : 0));
    const total = sizes.reduce((sum, size) => sum + size, 0);
    expect(total).toBeLessThanOrEqual(JS_BUDGET_BYTES);
  });
}

// Renders the app icon (public/icons/icon.svg) to the PNGs the web app manifest lists, in Chromium. Run it by hand
// after changing the SVG (`node scripts/renderIcons.mjs`); the PNGs are committed, so builds need no browser.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './browser.mjs';

const SIZES_PX = [192, 512];
const svg = readFileSync(new URL('../public/icons/icon.svg', import.meta.url), 'utf8');
const found = findChromium();
const browser = await chromium.launch({ executablePath: found?.source === 'system' ? found.executablePath : undefined, args: CHROMIUM_ARGS });
for (const sizePx of SIZES_PX) {
  const page = await browser.newPage({ viewport: { width: sizePx, height: sizePx } });
  await page.setContent(`<style>html,body{margin:0}svg{display:block;width:${sizePx}px;height:${sizePx}px}</style>${svg}`);
  await page.screenshot({ path: new URL(`../public/icons/icon-${sizePx}.png`, import.meta.url).pathname, omitBackground: false });
  await page.close();
}
await browser.close();

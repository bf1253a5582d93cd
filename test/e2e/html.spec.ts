// Every built page is valid HTML (html-validate's recommended rules, minus pure style preferences).
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { builtPages } from './helpers';

// Astro writes this rule wherever the first island sits (inside <article> here); it is Astro's, not ours.
const ASTRO_ISLAND_STYLE = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';

const validator = new HtmlValidate(new FileSystemConfigLoader());

for (const path of builtPages()) {
  test(`page ${path} is valid HTML`, async () => {
    const file = `dist${path.endsWith('/') ? `${path}index.html` : path}`;
    const html = readFileSync(file, 'utf8').replace(ASTRO_ISLAND_STYLE, '');
    const report = await validator.validateString(html, file);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`));
    expect(messages).toEqual([]);
  });
}

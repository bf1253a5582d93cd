import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { stripNotes } from '../../scripts/stripCatalogueNotes.mjs';

const FILES = ['src/data/catalogue/headphones.ts', 'src/data/catalogue/sources.ts'];

describe('the browser bundle’s catalogue without notes', () => {
  it.each(FILES)('%s loses every note and nothing else, and still compiles', (file) => {
    const source = readFileSync(file, 'utf8');
    const stripped = stripNotes(source);
    expect(source.match(/\bnote:/g)?.length ?? 0).toBeGreaterThan(10);
    expect(stripped).not.toMatch(/\bnote:/);
    const withoutNotes = (text: string) => text.split('\n').filter((line) => !/^\s*note:|^\s*['"`].*['"`]\s*\+?,?$/.test(line)).join('\n');
    expect(stripped.replace(/\s+/g, '')).toBe(withoutNotes(source).replace(/\s+/g, ''));
    const { diagnostics } = ts.transpileModule(stripped, { reportDiagnostics: true });
    expect(diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });

  it('handles a note joined from several strings', () => {
    const code = "{\n  value: 1,\n  note:\n    'first ' +\n    'second',\n  estimate: true,\n}";
    expect(stripNotes(code)).toBe('{\n  value: 1,\n  estimate: true,\n}');
  });
});

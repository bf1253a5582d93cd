import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter, unified } from '@astrojs/markdown-remark';
import type { Root, RootContent } from 'mdast';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { caseFits, lessonSlug, remarkGlossaryLinks, termMatcher } from '../../scripts/remarkGlossaryLinks.mjs';
import { GLOSSARY, GLOSSARY_SHORT_MAX_CHARS, type GlossaryTerm } from '../../src/data/glossary';

const LESSONS_DIR = 'src/content/lessons';
const LESSON_SLUGS = readdirSync(LESSONS_DIR)
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => name.slice(0, -'.mdx'.length));

/** The terms the course issue asks the glossary to define, by id. */
const REQUIRED_IDS = [
  'impedance', 'output-impedance', 'damping-factor', 'sensitivity', 'db-mw', 'db-v', 'db-spl', 'dbfs', 'dbv', 'dbu',
  'gain', 'headroom', 'clipping', 'supply-rails', 'thd', 'thd-n', 'sinad', 'class-a', 'class-b', 'class-ab', 'bias',
  'triode', 'op-amp', 'dac', 'quantization', 'dither', 'nyquist-frequency', 'oversampling', 'reconstruction-filter',
  'jitter', 'integrated-loudness', 'abx-test', 'p-value', 'balanced-output', 'ground-loop', 'psrr', 'ripple',
  'regulator', 'crest-factor', 'noise-floor', 'crossover-distortion', 'cathode-follower', 'transfer-curve',
  'harmonic-distortion', 'frequency-response', 'line-level', 'volume-control', 'gang-error', 'niosh-exposure-limit',
];

describe('the glossary data', () => {
  it('defines at least 45 terms, including every term the course asks for', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(45);
    const ids = new Set(GLOSSARY.map((t) => t.id));
    expect(REQUIRED_IDS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('gives every term a unique kebab-case id and a unique name', () => {
    const ids = GLOSSARY.map((t) => t.id);
    expect(ids.filter((id) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const names = GLOSSARY.map((t) => t.term.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('never gives two terms the same spelling, so each word in a lesson links to one term', () => {
    expect(() => termMatcher(GLOSSARY)).not.toThrow();
  });

  it('defines each term in one or two sentences of at most 240 characters', () => {
    for (const { id, short } of GLOSSARY) {
      expect(short.trim(), id).toBe(short);
      expect(short.length, id).toBeGreaterThan(20);
      expect(short.length, id).toBeLessThanOrEqual(GLOSSARY_SHORT_MAX_CHARS);
      expect(short, id).toMatch(/[.!?]$/);
      expect(short.match(/[.!?](?:\s|$)/g)?.length ?? 0, id).toBeLessThanOrEqual(2);
    }
  });

  it('names a lesson that exists for every term, and for every lesson a term is kept out of', () => {
    expect(LESSON_SLUGS.length).toBeGreaterThanOrEqual(3);
    for (const term of GLOSSARY) {
      expect(existsSync(`${LESSONS_DIR}/${term.lesson}.mdx`), `${term.id} → ${term.lesson}`).toBe(true);
      for (const slug of term.unlinkedIn ?? []) expect(LESSON_SLUGS, `${term.id} unlinked in ${slug}`).toContain(slug);
    }
  });

  it('gives sections as heading ids: lower case, no spaces', () => {
    for (const { id, section } of GLOSSARY) {
      if (section !== undefined) expect(section, id).toMatch(/^[a-z0-9-]+$/);
    }
  });
});

/** A small glossary for the plugin's behaviour, apart from the real one. */
const TERMS: GlossaryTerm[] = [
  { id: 'headroom', term: 'Headroom', short: 'How far the peaks sit below clipping.', lesson: 'amplification' },
  { id: 'impedance', term: 'Impedance', short: 'Resistance to alternating current.', lesson: 'output-impedance' },
  { id: 'output-impedance', term: 'Output impedance', short: 'What sits in series with a source.', lesson: 'output-impedance' },
  { id: 'dac', term: 'DAC', aliases: ['DACs', 'digital-to-analog converter'], short: 'Numbers to a voltage.', lesson: 'what-a-dac-does' },
  { id: 'thd', term: 'THD', short: 'Harmonics as a share of the tone.', lesson: 'amplification' },
  { id: 'thd-n', term: 'THD+N', short: 'Harmonics and noise as a share of the output.', lesson: 'myths-and-measurements' },
  { id: 'supply-rails', term: 'Supply rails', aliases: ['rails'], short: 'The voltages an amplifier runs from.', lesson: 'amplification' },
  { id: 'gain', term: 'Gain', short: 'Output voltage over input voltage.', lesson: 'amplification', unlinkedIn: ['bits-and-dither'] },
];

const lessonPath = (slug: string, extension: string) => `/site/${LESSONS_DIR}/${slug}.${extension}`;

/** Markdown through the same unified processor as astro.config.mjs, to HTML. */
async function markdownHtml(source: string, path = lessonPath('demo', 'md'), terms: readonly GlossaryTerm[] = TERMS): Promise<string> {
  const processor = unified({ remarkPlugins: [remarkMath, [remarkGlossaryLinks, { terms }]] });
  const renderer = await processor.createRenderer({ syntaxHighlight: false });
  return (await renderer.render(source, { fileURL: pathToFileURL(path) })).code;
}

/** MDX through the same unified processor's MDX compiler: the mdast after the plugin ran, and the compiled module. */
async function compileMdx(source: string, path = lessonPath('demo', 'mdx'), terms: readonly GlossaryTerm[] = TERMS): Promise<{ tree: Root; code: string }> {
  let tree: Root | undefined;
  const capture = () => (after: Root) => {
    tree = structuredClone(after);
  };
  const processor = unified({ remarkPlugins: [remarkMath, [remarkGlossaryLinks, { terms }], capture] });
  if (!processor.createMdxRenderer) throw new Error('the unified processor compiles no MDX');
  const renderer = await processor.createMdxRenderer({ syntaxHighlight: false }, { optimize: false });
  const { code } = await renderer.process(source, path, {});
  if (!tree) throw new Error('the capture plugin never ran');
  return { tree, code };
}

interface TermLink {
  id: string;
  text: string;
  /** Types of the nodes around the link, outermost first. */
  within: string[];
}

/** The glossary links in a tree, in document order. */
function termLinks(tree: Root): TermLink[] {
  const links: TermLink[] = [];
  const walk = (node: Root | RootContent, within: string[]) => {
    if (!('children' in node)) return;
    for (const child of node.children) {
      if (child.type === 'link' && child.url.startsWith('/glossary/#')) {
        const text = child.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
        links.push({ id: child.url.slice('/glossary/#'.length), text, within });
      }
      walk(child, [...within, child.type]);
    }
  };
  walk(tree, []);
  return links;
}

const tooltipMarkup = (id: string, n: number, text: string, short: string) =>
  `<a href="/glossary/#${id}" class="term" aria-describedby="term-${id}-${n}">${text}</a>` +
  `<span class="term-def" role="tooltip" id="term-${id}-${n}">${short}</span>`;

describe('remarkGlossaryLinks', () => {
  it('links the first use of a term only, keeps its case, and follows it with its definition as a tooltip', async () => {
    const html = await markdownHtml('Headroom matters. More headroom costs nothing.\n\nStill headroom here.\n');
    expect(html).toContain(tooltipMarkup('headroom', 1, 'Headroom', 'How far the peaks sit below clipping.'));
    expect(html.match(/class="term"/g)).toHaveLength(1);
    expect(html).toContain('More headroom costs nothing.');
  });

  it('makes one link per term whichever spelling comes first, and numbers the tooltips in order', async () => {
    const html = await markdownHtml('Two DACs, one DAC, a digital-to-analog converter. Then the headroom.\n');
    expect(html).toContain(tooltipMarkup('dac', 1, 'DACs', 'Numbers to a voltage.'));
    expect(html).toContain(tooltipMarkup('headroom', 2, 'headroom', 'How far the peaks sit below clipping.'));
    expect(html.match(/class="term"/g)).toHaveLength(2);
  });

  it('links terms in list items', async () => {
    const html = await markdownHtml('- Mind the headroom.\n- And the rails.\n');
    expect(html).toContain(`<li>Mind the ${tooltipMarkup('headroom', 1, 'headroom', 'How far the peaks sit below clipping.')}.</li>`);
    expect(html).toContain('/glossary/#supply-rails');
  });

  it('skips headings, links, inline code, code blocks, inline and display math, tables and quotations', async () => {
    const source = [
      '# Headroom',
      '',
      '[headroom](/lessons/amplification/) and `headroom` and $\\text{headroom}$',
      '',
      '$$',
      '\\text{headroom}',
      '$$',
      '',
      '```',
      'headroom',
      '```',
      '',
      '| headroom |',
      '| --- |',
      '| headroom |',
      '',
      '> headroom',
      '',
      'At last, headroom.',
      '',
    ].join('\n');
    const html = await markdownHtml(source);
    expect(html.match(/class="term"/g)).toHaveLength(1);
    expect(html).toContain(`<p>At last, ${tooltipMarkup('headroom', 1, 'headroom', 'How far the peaks sit below clipping.')}.</p>`);
  });

  it('prefers the longest spelling: output impedance over impedance, THD+N over THD', async () => {
    const { tree } = await compileMdx('A low output impedance. The THD+N figure. The impedance curve. A THD reading.\n');
    expect(termLinks(tree).map(({ id, text }) => [id, text])).toEqual([
      ['output-impedance', 'output impedance'],
      ['thd-n', 'THD+N'],
      ['impedance', 'impedance'],
      ['thd', 'THD'],
    ]);
  });

  it('does not link a later use of a longer term by its shorter part', async () => {
    const { tree } = await compileMdx('Output impedance first, then output impedance again.\n');
    expect(termLinks(tree).map(({ id }) => id)).toEqual(['output-impedance']);
  });

  it('matches whole words only, across line breaks, and not a brand written with a capital inside it', async () => {
    const { tree } = await compileMdx('Guardrails and HeadRoom’s BlockHead and DACsy. An output\nimpedance, and headroom.\n');
    expect(termLinks(tree).map(({ id, text }) => [id, text])).toEqual([
      ['output-impedance', 'output\nimpedance'],
      ['headroom', 'headroom'],
    ]);
  });

  it('leaves MDX components alone: their attributes, what they wrap, and expressions', async () => {
    const source = [
      "import Note from './Note.astro';",
      '',
      '<Note kind="headroom">',
      '',
      'The headroom inside a note.',
      '',
      '</Note>',
      '',
      'An inline <abbr title="headroom">headroom</abbr> and {"headroom"}, then the headroom.',
      '',
    ].join('\n');
    const { tree, code } = await compileMdx(source);
    expect(termLinks(tree)).toEqual([{ id: 'headroom', text: 'headroom', within: ['paragraph'] }]);
    expect(code.match(/"aria-describedby": "term-headroom-1"/g)).toHaveLength(1);
    expect(code).toContain('role: "tooltip"');
  });

  it('links inside emphasis within a paragraph, and the link stays inside it', async () => {
    const { tree } = await compileMdx('Mind the **supply rails** here.\n');
    expect(termLinks(tree)).toEqual([{ id: 'supply-rails', text: 'supply rails', within: ['paragraph', 'strong'] }]);
  });

  it('keeps a term unlinked in a lesson that uses its word in another sense', async () => {
    const elsewhere = await compileMdx('The gain is large.\n', lessonPath('amplification', 'mdx'));
    const there = await compileMdx('The gain is a lower noise floor.\n', lessonPath('bits-and-dither', 'mdx'));
    expect(termLinks(elsewhere.tree).map(({ id }) => id)).toEqual(['gain']);
    expect(termLinks(there.tree)).toEqual([]);
  });

  it('touches only files in src/content/lessons', async () => {
    const { tree } = await compileMdx('The headroom.\n', '/site/src/pages/about.mdx');
    expect(termLinks(tree)).toEqual([]);
    expect(lessonSlug('C:\\site\\src\\content\\lessons\\jitter.mdx')).toBe('jitter');
    expect(lessonSlug('/site/src/pages/glossary.astro')).toBeUndefined();
  });

  it('refuses a spelling that two terms share', () => {
    const twice: GlossaryTerm[] = [
      { id: 'a', term: 'Rail', short: 'One.', lesson: 'amplification' },
      { id: 'b', term: 'Rails', aliases: ['rail'], short: 'Two.', lesson: 'amplification' },
    ];
    expect(() => termMatcher(twice)).toThrow(/“rail” is a spelling of both a and b/);
  });

  it('accepts a spelling as written, in lower or upper case, or with its first letter’s case changed', () => {
    expect(['Headroom', 'headroom', 'HEADROOM'].every((text) => caseFits(text, 'Headroom'))).toBe(true);
    expect(caseFits('HeadRoom', 'Headroom')).toBe(false);
    expect(caseFits('class AB', 'Class AB')).toBe(true);
    expect(caseFits('class ab', 'Class AB')).toBe(true);
    expect(caseFits('Class Ab', 'Class AB')).toBe(false);
  });
});

describe('the glossary links in the real lessons', () => {
  it.each(LESSON_SLUGS)('%s links each term at most once, only to glossary terms, and only in prose', async (slug) => {
    const { content } = parseFrontmatter(readFileSync(`${LESSONS_DIR}/${slug}.mdx`, 'utf8'));
    const { tree } = await compileMdx(content, lessonPath(slug, 'mdx'), GLOSSARY);
    const links = termLinks(tree);
    const ids = links.map((l) => l.id);
    expect(links.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set(GLOSSARY.map((t) => t.id));
    expect(ids.filter((id) => !known.has(id))).toEqual([]);
    const unlinked = GLOSSARY.filter((t) => t.unlinkedIn?.includes(slug)).map((t) => t.id);
    expect(ids.filter((id) => unlinked.includes(id))).toEqual([]);
    const forbidden = ['heading', 'link', 'table', 'blockquote', 'mdxJsxFlowElement', 'mdxJsxTextElement'];
    for (const link of links) {
      expect(link.within, `${link.id} “${link.text}”`).toContain('paragraph');
      expect(link.within.filter((type) => forbidden.includes(type)), `${link.id} “${link.text}”`).toEqual([]);
    }
  });
});

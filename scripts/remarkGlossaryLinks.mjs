// A remark plugin for the lessons (src/content/lessons/*.mdx): links the first use of each glossary term in a lesson's
// prose to /glossary/#<id>, followed by the term's short definition as a tooltip that CSS shows on hover or focus
// (src/styles/global.css), so it works without JavaScript. Only paragraph and list-item text is touched: never
// headings, links, code, math, tables, quotations, MDX components (their attributes or what they wrap) or frontmatter.

/** @typedef {import('../src/data/glossary.ts').GlossaryTerm} GlossaryTerm */
/** @typedef {import('mdast').Root} Root */
/** @typedef {import('mdast').Text} Text */
/** @typedef {import('mdast').Link} Link */
/**
 * The tooltip after a term's link. Not an mdast node type: remark-rehype turns it into the `<span>` its `data` names.
 * @typedef {{ type: 'termDefinition', data: { hName: 'span', hProperties: { className: string[], role: 'tooltip', id: string } }, children: Text[] }} TermDefinition
 */
/** @typedef {{ type: string, value?: string, children?: AnyNode[] }} AnyNode */

const GLOSSARY_PATH = '/glossary/';
const LESSON_FOLDER = 'src/content/lessons/';

/**
 * Only text inside a paragraph is linked, so headings and table cells never are; code, math, HTML, frontmatter and MDX
 * expressions hold a value, not text nodes, so they never are either. Of what can sit in or around a paragraph, these
 * are passed over whole: links (a link can't hold a link), quotations (someone else's words) and MDX
 * components with all they wrap and their attributes.
 */
const SKIPPED = new Set(['link', 'linkReference', 'blockquote', 'mdxJsxFlowElement', 'mdxJsxTextElement']);

/** Letters, digits and `_`: a spelling only matches where neither neighbour is one of these. */
const WORD_CHAR = '[\\p{L}\\p{N}_]';

/** @param {string} text */
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Lower case with each run of whitespace (a line break in the source, say) as one space: how spellings are keyed. */
const spellingKey = (/** @type {string} */ text) => text.replace(/\s+/g, ' ').toLowerCase();

/**
 * Whether `text` is `spelling` in a case prose uses: as written, all lower or all upper case, or with only its first
 * letter's case changed. So “Headroom” and “headroom” match, but the brand “HeadRoom” doesn't.
 * @param {string} text
 * @param {string} spelling
 */
export function caseFits(text, spelling) {
  const written = text.replace(/\s+/g, ' ');
  const rest = spelling.slice(1);
  const first = spelling.charAt(0);
  return [spelling, spelling.toLowerCase(), spelling.toUpperCase(), first.toUpperCase() + rest, first.toLowerCase() + rest].includes(written);
}

/** The id of the tooltip of the `n`th link (1 first) a lesson gets, for the term `id`. */
const tooltipId = (/** @type {string} */ id, /** @type {number} */ n) => `term-${id}-${n}`;

/**
 * Every spelling (term and aliases) by its key, with its term, and one pattern that finds any of them as a whole
 * word, in any case and across line breaks, longest first, so “output impedance” wins over “impedance” and “THD+N”
 * over “THD”.
 * @param {readonly GlossaryTerm[]} terms
 */
export function termMatcher(terms) {
  /** @type {Map<string, { term: GlossaryTerm, spelling: string }>} */
  const bySpelling = new Map();
  for (const term of terms) {
    for (const spelling of [term.term, ...(term.aliases ?? [])]) {
      const key = spellingKey(spelling);
      const other = bySpelling.get(key);
      if (other) throw new Error(`Glossary: “${spelling}” is a spelling of both ${other.term.id} and ${term.id}`);
      bySpelling.set(key, { term, spelling });
    }
  }
  const alternatives = [...bySpelling.keys()]
    .sort((a, b) => b.length - a.length)
    .map((key) => key.split(' ').map(escapeRegExp).join('\\s+'));
  const pattern = new RegExp(`(?<!${WORD_CHAR})(?:${alternatives.join('|')})(?!${WORD_CHAR})`, 'giu');
  return { bySpelling, pattern };
}

/**
 * Links the first use of each term in `tree`, in document order, except the terms in `unlinked`. The tooltips are
 * numbered in the order of the links, 1 first, so their ids are unique on the lesson's page.
 * @param {Root} tree
 * @param {ReturnType<typeof termMatcher>} matcher
 * @param {Iterable<string>} [unlinked] ids of terms not to link (their words are still passed over whole)
 */
function linkFirstUses(tree, { bySpelling, pattern }, unlinked = []) {
  /** @type {Set<string>} */
  const linked = new Set(unlinked);
  let count = 0;

  /**
   * The nodes that replace `text`, or null when it has no term still to link.
   * @param {Text} text
   * @returns {(Text | Link | TermDefinition)[] | null}
   */
  const split = (text) => {
    /** @type {(Text | Link | TermDefinition)[]} */
    const parts = [];
    let from = 0;
    for (const match of text.value.matchAll(pattern)) {
      const found = bySpelling.get(spellingKey(match[0]));
      if (!found || linked.has(found.term.id) || !caseFits(match[0], found.spelling)) continue;
      const term = found.term;
      linked.add(term.id);
      count += 1;
      const id = tooltipId(term.id, count);
      if (match.index > from) parts.push({ type: 'text', value: text.value.slice(from, match.index) });
      parts.push({
        type: 'link',
        url: `${GLOSSARY_PATH}#${term.id}`,
        data: { hProperties: { className: ['term'], ariaDescribedBy: id } },
        children: [{ type: 'text', value: match[0] }],
      });
      parts.push({
        type: 'termDefinition',
        data: { hName: 'span', hProperties: { className: ['term-def'], role: 'tooltip', id } },
        children: [{ type: 'text', value: term.short }],
      });
      from = match.index + match[0].length;
    }
    if (parts.length === 0) return null;
    if (from < text.value.length) parts.push({ type: 'text', value: text.value.slice(from) });
    return parts;
  };

  /**
   * @param {AnyNode} node
   * @param {boolean} inProse inside a paragraph (list items hold theirs in paragraphs too)
   */
  const walk = (node, inProse) => {
    const children = node.children;
    if (!children) return;
    for (let i = 0; i < children.length; i += 1) {
      const child = /** @type {AnyNode} */ (children[i]);
      if (SKIPPED.has(child.type)) continue;
      if (child.type === 'text') {
        const parts = inProse ? split(/** @type {Text} */ (child)) : null;
        if (parts) {
          children.splice(i, 1, ...parts);
          i += parts.length - 1;
        }
      } else {
        walk(child, inProse || child.type === 'paragraph');
      }
    }
  };

  walk(tree, false);
}

/** The lesson's slug for a file in the lessons folder, whichever way its path's slashes lean; else undefined. */
export function lessonSlug(/** @type {string | undefined} */ path) {
  const normal = path?.replaceAll('\\', '/') ?? '';
  const at = normal.lastIndexOf(LESSON_FOLDER);
  if (at < 0) return undefined;
  return normal.slice(at + LESSON_FOLDER.length).replace(/\.mdx?$/, '');
}

/**
 * The plugin. Register it after remark-math, so that math is already math when it runs.
 * @param {{ terms: readonly GlossaryTerm[] }} options
 */
export function remarkGlossaryLinks({ terms }) {
  const matcher = termMatcher(terms);
  /**
   * @param {Root} tree
   * @param {{ path?: string | undefined }} file
   */
  return (tree, file) => {
    const lesson = lessonSlug(file.path);
    if (lesson === undefined) return;
    const unlinked = terms.filter((term) => term.unlinkedIn?.includes(lesson)).map((term) => term.id);
    linkFirstUses(tree, matcher, unlinked);
  };
}

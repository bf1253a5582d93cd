// A rehype plugin for lessons: when the site is deployed under a sub-path (astro.config.mjs `base`, from AMP_LAB_BASE),
// root-relative URLs written in Markdown or MDX (`[Output impedance](/lessons/output-impedance/)`, the glossary
// plugin's `/glossary/#…` links, an `<a href="/…">` or `<img src="/…">` in MDX) get the base in front, so lessons
// keep writing site paths. Protocol-relative (`//host/…`), relative, fragment and absolute URLs are left alone, and
// so is a URL that already starts with the base.

/**
 * @typedef {{ type: 'mdxJsxAttribute', name: string, value?: unknown }} MdxAttribute
 * @typedef {{ type: string, tagName?: string, properties?: Record<string, unknown>, attributes?: MdxAttribute[], children?: HastNode[] }} HastNode
 */

/** Attributes that hold one URL (hast property names, then the HTML/JSX spellings MDX components keep). */
const URL_PROPERTIES = ['href', 'src', 'action', 'poster', 'formAction'];
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'poster', 'formaction', 'formAction']);

/**
 * `url` with `base` in front if it is root-relative and doesn't have it yet; else `url` as it is.
 * @param {string} url
 * @param {string} base with a leading and a trailing slash
 */
export function prefixBase(url, base) {
  if (base === '/' || !url.startsWith('/') || url.startsWith('//')) return url;
  if (url === base.slice(0, -1) || url.startsWith(base)) return url;
  return base + url.slice(1);
}

/** Each candidate in a srcset (`url 2x, url 640w`) through prefixBase. @param {string} srcset @param {string} base */
const prefixSrcset = (srcset, base) =>
  srcset
    .split(',')
    .map((candidate) => candidate.replace(/^(\s*)(\S+)/, (_, space, url) => space + prefixBase(url, base)))
    .join(',');

/** @param {{ base: string }} options */
export function rehypeBaseLinks({ base }) {
  /** @param {HastNode} tree */
  return (tree) => {
    if (base === '/') return;
    /** @param {HastNode} node */
    const visit = (node) => {
      const properties = node.properties;
      if (node.type === 'element' && properties) {
        for (const name of URL_PROPERTIES) {
          const value = properties[name];
          if (typeof value === 'string') properties[name] = prefixBase(value, base);
        }
        const srcset = properties['srcSet'];
        if (typeof srcset === 'string') properties['srcSet'] = prefixSrcset(srcset, base);
        if (Array.isArray(srcset)) properties['srcSet'] = srcset.map((part) => (typeof part === 'string' ? prefixSrcset(part, base) : part));
      }
      // An MDX component or JSX element (<a href="/…">): its literal string attributes.
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
        if (URL_ATTRIBUTES.has(attribute.name)) attribute.value = prefixBase(attribute.value, base);
        else if (attribute.name === 'srcset' || attribute.name === 'srcSet') attribute.value = prefixSrcset(attribute.value, base);
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}

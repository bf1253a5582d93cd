// Root-relative links in lessons get the site's base (scripts/rehypeBaseLinks.mjs), so lessons keep writing
// `[…](/lessons/…/)` and the glossary plugin keeps writing `/glossary/#…`.
import { describe, expect, it } from 'vitest';
import { prefixBase, rehypeBaseLinks } from '../../scripts/rehypeBaseLinks.mjs';

interface Node {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  attributes?: { type: 'mdxJsxAttribute'; name: string; value?: unknown }[];
  children?: Node[];
}

const el = (tagName: string, properties: Record<string, unknown>, children: Node[] = []): Node => ({ type: 'element', tagName, properties, children });

describe('base for lesson links', () => {
  it('prefixes a root-relative link, image, srcset and form, however deep, and inside MDX components', () => {
    const link = el('a', { href: '/lessons/output-impedance/#damping-factor' });
    const term = el('a', { href: '/glossary/#dac', className: ['term'] });
    const image = el('img', { src: '/figures/a.svg', srcSet: '/figures/a.svg 1x, /figures/a@2x.svg 2x' });
    const form = el('form', { action: '/search/' });
    const jsx: Node = { type: 'mdxJsxTextElement', attributes: [{ type: 'mdxJsxAttribute', name: 'href', value: '/lab/matcher/' }], children: [term] };
    const tree: Node = { type: 'root', children: [el('p', {}, [link, jsx]), { type: 'mdxJsxFlowElement', attributes: [], children: [el('p', {}, [image, form])] }] };
    rehypeBaseLinks({ base: '/amp-lab/' })(tree);
    expect(link.properties?.['href']).toBe('/amp-lab/lessons/output-impedance/#damping-factor');
    expect(term.properties?.['href']).toBe('/amp-lab/glossary/#dac');
    expect(image.properties?.['src']).toBe('/amp-lab/figures/a.svg');
    expect(image.properties?.['srcSet']).toBe('/amp-lab/figures/a.svg 1x, /amp-lab/figures/a@2x.svg 2x');
    expect(form.properties?.['action']).toBe('/amp-lab/search/');
    expect(jsx.attributes?.[0]?.value).toBe('/amp-lab/lab/matcher/');
  });

  it('leaves external, protocol-relative, relative and fragment links, and ones already under the base, alone', () => {
    for (const url of ['https://www.itu.int/rec/R-REC-BS.1770', '//example.org/x', '#ref-1', 'jitter/', 'mailto:a@b.c', '/amp-lab/lessons/jitter/']) {
      expect(prefixBase(url, '/amp-lab/')).toBe(url);
    }
    expect(prefixBase('/amp-labs/', '/amp-lab/')).toBe('/amp-lab/amp-labs/');
  });

  it('changes nothing at the root', () => {
    const link = el('a', { href: '/lessons/jitter/' });
    rehypeBaseLinks({ base: '/' })({ type: 'root', children: [link] });
    expect(link.properties?.['href']).toBe('/lessons/jitter/');
  });
});

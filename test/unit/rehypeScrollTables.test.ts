// Lesson tables go into a labelled, focusable box that scrolls sideways (scripts/rehypeScrollTables.mjs).
import { describe, expect, it } from 'vitest';
import { rehypeScrollTables } from '../../scripts/rehypeScrollTables.mjs';

interface Node {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
  value?: string;
}

const text = (value: string): Node => ({ type: 'text', value });
const el = (tagName: string, children: Node[] = []): Node => ({ type: 'element', tagName, properties: {}, children });
const table = () => el('table', [el('thead', [el('tr', [el('th', [text('Supply')]), el('th', []), el('th', [text('Rails')])])])]);

describe('scroll boxes for lesson tables', () => {
  it('wraps every table, however deep, in a focusable section named by its header row', () => {
    const tree: Node = { type: 'root', children: [el('p', [text('x')]), el('div', [table()]), table()] };
    rehypeScrollTables()(tree);
    const boxes = [tree.children?.[1]?.children?.[0], tree.children?.[2]];
    for (const box of boxes) {
      expect(box?.tagName).toBe('section');
      expect(box?.properties).toEqual({ className: ['table-scroll'], tabIndex: 0, ariaLabel: 'Table: Supply, Rails' });
      expect(box?.children?.[0]?.tagName).toBe('table');
    }
    expect(tree.children?.[0]?.tagName).toBe('p');
  });

  it('wraps a table inside an MDX component, such as a deep dive', () => {
    const dive: Node = { type: 'mdxJsxFlowElement', children: [el('p', [text('y')]), table()] };
    const tree: Node = { type: 'root', children: [dive] };
    rehypeScrollTables()(tree);
    expect(dive.children?.[1]?.tagName).toBe('section');
    expect(dive.children?.[1]?.children?.[0]?.tagName).toBe('table');
  });

  it('names a table without header text plainly', () => {
    const tree: Node = { type: 'root', children: [el('table', [el('tr', [el('td', [])])])] };
    rehypeScrollTables()(tree);
    expect(tree.children?.[0]?.properties?.['ariaLabel']).toBe('Table');
  });
});

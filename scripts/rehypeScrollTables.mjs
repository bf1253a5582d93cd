// A rehype plugin for lessons: each prose table goes into a box (a labelled <section>, so a region) that scrolls
// sideways on its own (focusable, so it scrolls from the keyboard; labelled by the table's first header row), so a
// phone never scrolls the page sideways and never breaks words inside cells. The box's edges show a shadow while
// there is more to scroll to.

/** @typedef {{ type: string, tagName?: string, properties?: Record<string, unknown>, children?: HastNode[], value?: string }} HastNode */

/** The text of a node and its descendants. @param {HastNode} node @returns {string} */
function textOf(node) {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/** The header cells' text, joined: what the table is about. @param {HastNode} table */
function tableLabel(table) {
  /** @type {HastNode[]} */
  const stack = [table];
  while (stack.length > 0) {
    const node = /** @type {HastNode} */ (stack.shift());
    if (node.tagName === 'tr') {
      const cells = (node.children ?? []).filter((c) => c.tagName === 'th' || c.tagName === 'td').map((c) => textOf(c).trim());
      if (cells.some((c) => c.length > 0)) return `Table: ${cells.filter((c) => c.length > 0).join(', ')}`;
    }
    stack.push(...(node.children ?? []));
  }
  return 'Table';
}

export function rehypeScrollTables() {
  /** @param {HastNode} tree */
  return (tree) => {
    /** @param {HastNode} parent */
    const visit = (parent) => {
      const children = parent.children ?? [];
      children.forEach((child, index) => {
        if (child.type === 'element' && child.tagName === 'table') {
          children[index] = {
            type: 'element',
            tagName: 'section',
            properties: { className: ['table-scroll'], tabIndex: 0, ariaLabel: tableLabel(child) },
            children: [child],
          };
        } else if (child.children) {
          // Elements, and MDX components' children (a table inside a <DeepDive>).
          visit(child);
        }
      });
    };
    visit(tree);
  };
}

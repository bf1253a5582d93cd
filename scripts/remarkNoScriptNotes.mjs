// A remark plugin for MDX lessons: before every island (a JSX element with a client:* directive) it puts a
// <noscript> note, so a reader without JavaScript is told why the figure's controls are missing; the island's server
// rendering stays in place as the static figure (Base.astro's noscript styles hide controls that would do nothing).

export const NO_SCRIPT_NOTE = 'Turn on JavaScript to play with this figure. Without it you see the figure at its starting settings.';

/** @typedef {{ type: string, name?: string | null, attributes?: { type: string, name?: string }[], children?: MdNode[], value?: string }} MdNode */

/** @param {MdNode} node */
function isIsland(node) {
  return (
    (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
    (node.attributes ?? []).some((a) => a.type === 'mdxJsxAttribute' && typeof a.name === 'string' && a.name.startsWith('client:'))
  );
}

/** @returns {MdNode} */
function note() {
  return {
    type: 'mdxJsxFlowElement',
    name: 'noscript',
    attributes: [],
    children: [
      {
        type: 'mdxJsxFlowElement',
        name: 'p',
        attributes: [{ type: 'mdxJsxAttribute', name: 'class', value: 'no-script-note' }],
        children: [{ type: 'text', value: NO_SCRIPT_NOTE }],
      },
    ],
  };
}

export function remarkNoScriptNotes() {
  /** @param {MdNode} tree */
  return (tree) => {
    /** @param {MdNode} parent */
    const visit = (parent) => {
      const children = parent.children ?? [];
      for (let i = 0; i < children.length; i++) {
        const child = /** @type {MdNode} */ (children[i]);
        if (isIsland(child)) {
          children.splice(i, 0, note());
          i += 1;
        } else visit(child);
      }
    };
    visit(tree);
  };
}

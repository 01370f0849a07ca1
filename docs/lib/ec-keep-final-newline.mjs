/**
 * Expressive Code drops a code block's trailing empty lines, so its copy button would copy an
 * example file without the file's final newline. For blocks rendered with the `finalNewline`
 * prop (the example tabs pass it when the file ends with one), this puts the newline back into
 * the text the copy button copies, so the clipboard gets the file exactly. It changes nothing
 * else: any other difference between a file and its block still shows, and fails the site test.
 *
 * @returns {import('@astrojs/starlight/expressive-code').ExpressiveCodePlugin}
 */
export function keepFinalNewline() {
  return {
    name: 'keep-final-newline',
    hooks: {
      postprocessRenderedBlock({ codeBlock, renderData }) {
        if (codeBlock.props.finalNewline !== true) return;
        const visit = (node) => {
          const properties = node.properties;
          if (node.type === 'element' && node.tagName === 'button' && properties) {
            for (const key of ['dataCode', 'data-code']) {
              if (typeof properties[key] === 'string') properties[key] += '\u007f';
            }
          }
          for (const child of node.children ?? []) visit(child);
        };
        visit(renderData.blockAst);
      },
    },
  };
}

/**
 * Code is not wrapped, so a block wider than its column scrolls sideways, and a keyboard user
 * must be able to focus it to scroll it (axe: scrollable-region-focusable). Expressive Code's
 * script adds tabindex="0" to such blocks, but only a moment after the page has loaded (it
 * watches sizes with a debounced ResizeObserver), so this puts tabindex="0" on every block's
 * <pre> in the HTML. The script then takes it off the blocks that turn out not to scroll.
 *
 * @returns {import('@astrojs/starlight/expressive-code').ExpressiveCodePlugin}
 */
export function scrollRegion() {
  return {
    name: 'scroll-region',
    hooks: {
      postprocessRenderedBlock({ renderData }) {
        const visit = (node) => {
          if (node.type === 'element' && node.tagName === 'pre') {
            node.properties = { ...node.properties, tabIndex: 0 };
            return;
          }
          for (const child of node.children ?? []) visit(child);
        };
        visit(renderData.blockAst);
      },
    },
  };
}

// @ts-check
/**
 * Options for rehype-autolink-headings: after every h2/h3 of the MDX pages, a visible "#"
 * link to the heading, named for screen readers by the heading's text; heading and link are
 * wrapped together. src/components/SectionHeading.astro renders the same markup for the
 * headings that layouts write, so every section heading looks and behaves the same.
 */
/** @param {any} node */
const text = (node) => (node.type === 'text' ? node.value : (node.children ?? []).map(text).join(''));

/** @type {import('rehype-autolink-headings').Options} */
export const headingAnchors = {
  behavior: 'after',
  test: ['h2', 'h3'],
  // The link's text ("#", "Link to section: …") is interface: search never indexes it.
  properties: { className: ['heading-anchor'], dataPagefindIgnore: '' },
  group: { type: 'element', tagName: 'div', properties: { className: ['heading-wrapper'] }, children: [] },
  content: (heading) => [
    { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
    {
      type: 'element',
      tagName: 'span',
      properties: { className: ['visually-hidden'] },
      children: [{ type: 'text', value: `Link to section: ${text(heading)}` }],
    },
  ],
};

/**
 * On a page opened from a search result: highlights the searched words (the link's
 * `?highlight=`, src/lib/shared/search/highlightLink.ts) with the CSS Custom Highlight API, which marks
 * ranges of text without changing the page (no markup written, so nothing for the CSP or
 * Trusted Types to allow), and takes the parameter out of the address at once, so the address
 * someone copies or shares afterwards is the page's own. Loaded only when the parameter is there.
 */
import { HIGHLIGHT_PARAM, highlightRanges, highlightTerms } from '../../lib/shared/search/highlightLink.ts';

/** The name the stylesheet styles (::highlight(search-terms), src/styles/global.css). */
const HIGHLIGHT_NAME = 'search-terms';

export function highlightFromAddress(root: Element | null = document.querySelector('main')): void {
  const url = new URL(location.href);
  const terms = highlightTerms(url.search);
  url.searchParams.delete(HIGHLIGHT_PARAM);
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  if (!terms.length || !root || !('highlights' in CSS)) return;
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    // Text people read: not the hidden labels of links, nor scripts or styles.
    acceptNode: (node) =>
      node.parentElement?.closest('script, style, template, .visually-hidden, [aria-hidden="true"]')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (const [start, end] of highlightRanges(node.data, terms)) {
      const range = new Range();
      range.setStart(node, start);
      range.setEnd(node, end);
      ranges.push(range);
    }
  }
  CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...ranges));
}

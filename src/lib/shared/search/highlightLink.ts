/**
 * The words a search was for, carried by a result's link to the page it opens, which
 * highlights them there (src/client/search/highlightPage.ts) and then drops them from its address.
 * Pure functions, no DOM.
 */
import { capEncoded } from './cap.ts';
import { stem, words } from './normalize.ts';

/** The query parameter of a result's link: the searched words, space-separated. */
export const HIGHLIGHT_PARAM = 'highlight';
/** At most this many bytes of encoded words in a link (a long paste has up to 40 words). */
const MAX_HIGHLIGHT_BYTES = 300;

/** A site path (a paths.error() path) with the searched words as its highlight parameter. */
export function withHighlight(url: string, terms: readonly string[]): string {
  const wanted = capEncoded(terms.join(' '), MAX_HIGHLIGHT_BYTES).trim();
  if (!wanted) return url;
  const at = url.search(/[?#]|$/);
  const query = new URLSearchParams(url.slice(at).replace(/#.*$/, ''));
  query.set(HIGHLIGHT_PARAM, wanted);
  const hash = /#.*$/.exec(url)?.[0] ?? '';
  return `${url.slice(0, at)}?${query.toString()}${hash}`;
}

/** The searched words an address's query string carries ("" when none). */
export function highlightTerms(search: string): string[] {
  const wanted = new URLSearchParams(search).get(HIGHLIGHT_PARAM) ?? '';
  return [...new Set(words(wanted))].slice(0, 40);
}

/**
 * Where the searched words occur in a text, as [start, end) offsets: every word whose stem is
 * a searched word's (so "deleted" highlights for "delete"), as search matched it.
 */
export function highlightRanges(text: string, terms: readonly string[]): [number, number][] {
  const stems = new Set(terms.map(stem));
  if (!stems.size) return [];
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)) {
    if (words(m[0]).some((w) => stems.has(stem(w)))) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

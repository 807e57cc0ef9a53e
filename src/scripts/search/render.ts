/**
 * Renders search results and the empty state into the page. The query is only ever set as
 * text; the one piece of HTML is Pagefind's excerpt, reduced to <mark> elements (engine.ts).
 * Shared by the header panel, the search page and the offline copy.
 */
import type { SearchEngine, SearchResult } from './engine';

/** Where the search UI runs: the site online, or the offline copy from file://. */
export interface SearchSite {
  /** The engine, loaded once on first use. */
  loadEngine: () => Promise<SearchEngine>;
  /** Turns a site URL ("/errors/x/#how-to-fix", "/search/") into the href to use on this page. */
  href: (url: string) => string;
}

export interface RenderOptions {
  /** Turns a site URL ("/errors/x/#how-to-fix") into the href to use (the offline copy makes it relative). */
  href?: (url: string) => string;
  /** A <template> with the empty state: [data-query] gets the query, [data-support] a mailto with it. */
  empty?: HTMLTemplateElement | null;
}

const CATEGORY_NAMES: Record<string, string> = { client: 'Client', invoice: 'Invoice', item: 'Item', payment: 'Payment' };
const MAX_SHOWN_QUERY = 120;

export const shortQuery = (q: string) => (q.length > MAX_SHOWN_QUERY ? `${q.slice(0, MAX_SHOWN_QUERY)}…` : q);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Fills `list` with one <li> per hit, each with exactly one link, in ranked order. */
export function renderHits(list: HTMLElement, result: SearchResult, options: RenderOptions = {}): void {
  const href = options.href ?? ((u: string) => u);
  list.replaceChildren(
    ...result.hits.map((hit) => {
      const li = el('li', 'hit');
      const link = el('a', 'hit-link', hit.title);
      link.href = href(hit.url);
      const meta = el('p', 'hit-meta');
      meta.append(el('code', '', hit.code), ` · ${hit.categories.map((c) => CATEGORY_NAMES[c] ?? c).join(', ')}`);
      li.append(link, meta, el('p', 'hit-summary', hit.summary));
      if (hit.excerpt) {
        const excerpt = el('p', 'hit-excerpt');
        excerpt.innerHTML = hit.excerpt;
        li.append(excerpt);
      }
      return li;
    }),
  );
}

/** The empty state for `raw`, from the page's template: never a blank. */
export function renderEmpty(target: HTMLElement, raw: string, options: RenderOptions = {}): void {
  const fragment = options.empty?.content.cloneNode(true) as DocumentFragment | undefined;
  if (!fragment) {
    target.replaceChildren(el('p', 'search-empty', `No errors match “${shortQuery(raw)}”.`));
    return;
  }
  for (const q of fragment.querySelectorAll('[data-query]')) q.textContent = shortQuery(raw);
  for (const a of fragment.querySelectorAll<HTMLAnchorElement>('a[data-support]')) {
    const url = new URL(a.href);
    url.search = `?subject=${encodeURIComponent('Help with a QuickBooks sync error')}&body=${encodeURIComponent(`I searched the help center for:\n\n${raw.slice(0, 2000)}\n\nand found nothing.`)}`;
    a.href = url.href;
  }
  target.replaceChildren(fragment);
}

/** A short spoken summary of the results for a live region. */
export const statusText = (result: SearchResult, raw: string) =>
  (result.hits.length === 0
    ? `No errors match “${shortQuery(raw)}”.`
    : `${result.hits.length} ${result.hits.length === 1 ? 'error matches' : 'errors match'}.`) + (result.note ? ` ${result.note}` : '');

/**
 * Renders search results and the empty state into the page. The query is only ever set as
 * text; the one piece of HTML is a result's excerpt, reduced to <mark> elements through the
 * site's Trusted Types policy (policy.ts).
 * Shared by the header panel, the search page and the offline copy.
 */
import { capCodePoints, capEncoded, wellFormed } from '../../lib/shared/search/cap.ts';
import { keepPlaces, type Hit, type SearchEngine, type SearchResult } from '../../lib/shared/search/engine.ts';
import { withHighlight } from '../../lib/shared/search/highlightLink.ts';
import { FAULT_CATEGORY } from '../../lib/shared/search/types.ts';
import { CATEGORY_NAMES } from '../../lib/shared/categoryNames.ts';
import { setExcerpt } from './policy.ts';

/** Where the search UI runs: the site online, or the offline copy from file://. */
export interface SearchSite {
  /** The engine, loaded once on first use. */
  loadEngine: () => Promise<SearchEngine>;
  /** Turns a site URL (paths.error(code, section), "/search/") into the href to use on this page. */
  href: (url: string) => string;
}

export interface RenderOptions {
  /** Turns a site URL (paths.error(code, section)) into the href to use (the offline copy makes it relative). */
  href?: (url: string) => string;
  /** A <template> with the empty state: [data-query] gets the query, [data-support] a mailto with it. */
  empty?: HTMLTemplateElement | null;
}

/** A Map, as every lookup by a string from data: a plain object would also answer "constructor". */
const CATEGORY_LABELS = new Map([...Object.entries(CATEGORY_NAMES), [FAULT_CATEGORY, 'QuickBooks fault code']]);
/** Code points of the query shown back (the empty state, the spoken status). */
const MAX_SHOWN_QUERY = 120;
/** Bytes of the query in the support e-mail's mailto: link, encoded (mail programs cut long ones). */
const MAX_MAILTO_QUERY = 1500;

export function shortQuery(q: string): string {
  const shown = capCodePoints(q, MAX_SHOWN_QUERY);
  return wellFormed(shown) + (shown.length < q.length ? '…' : '');
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Fills `list` with one <li> per hit, each with exactly one link, in ranked order. A hit
 * already at its place is updated in place, its link kept: the link that has the keyboard
 * focus keeps it when newer results of the same search arrive (searchInSteps).
 */
export function renderHits(list: HTMLElement, result: SearchResult, options: RenderOptions = {}): void {
  const href = options.href ?? ((u: string) => u);
  result.hits.forEach((hit, i) => {
    const at = list.children[i] as HTMLElement | undefined;
    // The page opened highlights the searched words (src/client/search/highlightPage.ts).
    const linked = { ...hit, url: withHighlight(hit.url, result.query.terms) };
    if (at?.dataset['code'] === hit.code) return fillHit(at, linked, href);
    const li = el('li', 'hit');
    li.dataset['code'] = hit.code;
    fillHit(li, linked, href);
    list.insertBefore(li, at ?? null);
  });
  while (list.children.length > result.hits.length) list.lastElementChild!.remove();
}

function fillHit(li: HTMLElement, hit: Hit, href: (url: string) => string): void {
  const link = li.querySelector<HTMLAnchorElement>('a.hit-link') ?? li.appendChild(el('a', 'hit-link'));
  if (link.textContent !== hit.title) link.textContent = hit.title;
  link.href = href(hit.url);
  for (const child of [...li.children]) if (child !== link) child.remove();
  const meta = el('p', 'hit-meta');
  meta.append(el('code', '', hit.code), ` · ${hit.categories.map((c) => CATEGORY_LABELS.get(c) ?? c).join(', ')}`);
  li.append(meta, el('p', 'hit-summary', hit.summary));
  if (hit.excerpt) {
    const excerpt = el('p', 'hit-excerpt');
    setExcerpt(excerpt, hit.excerpt);
    li.append(excerpt);
  }
}

/** The empty state for `raw`, from the page's template: never a blank. */
export function renderEmpty(target: HTMLElement, raw: string, options: RenderOptions = {}): void {
  const fragment = options.empty?.content.cloneNode(true) as DocumentFragment | undefined;
  if (!fragment) {
    target.replaceChildren(el('p', 'search-empty', `No errors match “${shortQuery(raw)}”.`));
    return;
  }
  for (const q of fragment.querySelectorAll('[data-query]')) q.textContent = shortQuery(raw);
  // A number alone that found nothing is no fault code QuickBooks has (every one it has, has a page).
  const code = /^\s*(?:(?:fault|error|code)\s*)?(\d{1,6})\s*$/i.exec(raw)?.[1];
  const unknown = fragment.querySelector<HTMLElement>('[data-unknown-fault]');
  if (code && unknown) {
    unknown.hidden = false;
    unknown.querySelector('[data-fault-code]')!.textContent = `Fault ${Number(code)}`;
  }
  for (const a of fragment.querySelectorAll<HTMLAnchorElement>('a[data-support]')) {
    const url = new URL(a.href);
    url.search = `?subject=${encodeURIComponent('Help with a QuickBooks sync error')}&body=${encodeURIComponent(`I searched the help center for:\n\n${capEncoded(raw, MAX_MAILTO_QUERY)}\n\nand found nothing.`)}`;
    a.href = url.href;
  }
  target.replaceChildren(fragment);
}

/** A short spoken summary of the results for a live region. */
export const statusText = (result: SearchResult, raw: string) =>
  (result.hits.length === 0
    ? `No errors match “${shortQuery(raw)}”.`
    : `${result.hits.length} ${result.hits.length === 1 ? 'error matches' : 'errors match'}.`) +
  (result.note ? ` ${result.note}` : '');

/**
 * Runs a search in two steps: `show` gets the structured ranker's results as soon as they are
 * ranked (`final` false), then the results fused with the full text (`final` true), once the full
 * text has loaded and answered. The full text may need downloads on every search (Pagefind
 * fetches the index chunks of new words and the fragments of the hits), so the ranker's results
 * never wait for it. Returns false when `current()` says a newer search has started.
 */
export async function searchInSteps(
  engine: SearchEngine,
  raw: string,
  limit: number,
  current: () => boolean,
  show: (result: SearchResult, final: boolean) => void,
): Promise<boolean> {
  const quick = await engine.searchKnown(raw, limit);
  if (!current()) return false;
  show(quick, false);
  const result = await engine.search(raw, limit);
  if (!current()) return false;
  show(result, true);
  return true;
}

/**
 * The result to render into `list`, which shows `shown`: when the pointer is over the list or
 * the keyboard focus is in it, the hits shown keep their places (keepPlaces), so nothing moves
 * under the pointer and the focused hit stays the focused one; otherwise `next` as ranked.
 */
export function hitsKeepingPlaces(
  list: HTMLElement,
  shown: SearchResult | undefined,
  next: SearchResult,
  limit: number,
): SearchResult {
  const engaged = list.matches(':hover') || list.contains(document.activeElement);
  if (!shown || !engaged) return next;
  return { ...next, hits: keepPlaces(shown.hits, next.hits, limit) };
}

/**
 * Hands a search's final results to the feedback watcher of `list` (issue 21), loaded on first
 * use and only when the page names where feedback goes (FEEDBACK_URL at build).
 */
export function reportSearch(list: HTMLElement, raw: string, hits: number): void {
  if (!document.querySelector('meta[name="qbo-help-feedback"]')) return;
  void import('../feedback/searches.ts').then((m) => m.watch(list)(raw, hits));
}

/**
 * The search page, /search/?q=…: runs the query from the address, keeps the address in step
 * with the box (so a search is a link and Back restores it) and renders ranked results as
 * links inside [data-search-results]. The same page runs online (page.ts) and in the offline
 * copy (offline.ts).
 *
 * The address carries only the start of a long paste (addressQuery, src/lib/shared/search/cap.ts);
 * the box keeps all of it, and so does this tab across a reload or Back (handoff.ts).
 */
import { addressQuery, capCodePoints } from '../../lib/shared/search/cap.ts';
import { recallPaste, rememberPaste } from './handoff.ts';
import type { SearchResult } from '../../lib/shared/search/engine.ts';
import {
  renderEmpty,
  renderHits,
  reportSearch,
  searchInSteps,
  statusText,
  hitsKeepingPlaces,
  type SearchSite,
} from './render.ts';

const DEBOUNCE_MS = 80;
/** Results on the page (the engine's own default). */
const MAX_HITS = 10;
/** Code points of the query shown in the tab's title. */
const TITLE_QUERY = 60;

export function attachResults(root: HTMLElement, site: SearchSite): void {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const emptyBox = root.querySelector<HTMLElement>('.search-empty-box')!;
  const empty = document.querySelector<HTMLTemplateElement>('template.search-empty-template');
  // The page's own title ("Search · <site>"): the query goes in front of it.
  const pageTitle = document.title;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const queryOfUrl = () => new URLSearchParams(location.search).get('q') ?? '';
  /** The address for a query: its start, and all of it kept for this tab when that is cut. */
  const urlFor = (q: string) => {
    rememberPaste(q);
    return q ? `?q=${encodeURIComponent(addressQuery(q))}` : location.pathname;
  };

  async function run(raw: string) {
    const mine = ++seq;
    if (!raw.trim()) {
      list.replaceChildren();
      emptyBox.replaceChildren();
      status.textContent = '';
      return;
    }
    root.setAttribute('aria-busy', 'true');
    const engine = await site.loadEngine();
    let shown: SearchResult | undefined;
    // While Pagefind loads, the ranker's results show at once (the page stays busy); the full
    // ones replace them without moving what the pointer or the keyboard is on (hitsKeepingPlaces).
    const done = await searchInSteps(
      engine,
      raw,
      MAX_HITS,
      () => mine === seq,
      (result, final) => {
        const hits = final ? hitsKeepingPlaces(list, shown, result, MAX_HITS) : result;
        renderHits(list, hits, { href: site.href });
        shown = result;
        if (!final) return;
        root.removeAttribute('aria-busy');
        if (result.hits.length) emptyBox.replaceChildren();
        else renderEmpty(emptyBox, raw, { empty });
        reportSearch(list, raw, result.hits.length);
        status.textContent = statusText(result, raw);
      },
    );
    if (!done) return;
    const titled = capCodePoints(raw, TITLE_QUERY);
    document.title = `${titled}${titled.length < raw.length ? '…' : ''} · ${pageTitle}`;
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      history.replaceState(null, '', urlFor(input.value));
      void run(input.value);
    }, DEBOUNCE_MS);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    if (queryOfUrl() !== addressQuery(input.value)) history.pushState(null, '', urlFor(input.value));
    void run(input.value);
  });
  addEventListener('popstate', () => {
    input.value = recallPaste(queryOfUrl());
    void run(input.value);
  });
  // The box is on the page before this script: whatever someone typed or pasted into it while
  // the script was still loading is theirs, and wins over the address.
  const fromUrl = queryOfUrl();
  if (input.value && addressQuery(input.value) !== fromUrl) history.replaceState(null, '', urlFor(input.value));
  else if (!input.value) input.value = recallPaste(fromUrl);
  void run(input.value);
}

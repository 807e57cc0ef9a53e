/**
 * The search panel under the header's search box: results as you type, Down/Up to move
 * between them, Enter to open one, Esc to close. Submitting the form opens /search/?q=…
 * (handoff.ts: the loader binds that, so it holds before this panel has loaded).
 * The same panel runs online (header.ts) and in the offline copy (offline.ts).
 */
import { addressQuery } from '../../lib/shared/search/cap.ts';
import { paths } from '../../lib/shared/urls.ts';
import { rememberPaste } from './handoff.ts';
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

const PANEL_HITS = 6;
const DEBOUNCE_MS = 60;

export function attachPanel(root: HTMLElement, site: SearchSite): void {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  const panel = root.querySelector<HTMLElement>('.search-panel')!;
  const list = panel.querySelector<HTMLOListElement>('.search-hits')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const all = panel.querySelector<HTMLAnchorElement>('.search-all')!;
  const empty = root.querySelector<HTMLTemplateElement>('template.search-empty-template');
  const emptyBox = panel.querySelector<HTMLElement>('.search-empty-box')!;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // "Paste several errors? Open triage" (issue 10). Its code loads with the full results, so the
  // first result never waits for it; what was pasted is kept from the start, line breaks and all.
  let pasted: string | undefined;
  input.addEventListener('paste', (e) => {
    pasted = e.clipboardData?.getData('text/plain') ?? undefined;
  });
  input.addEventListener('input', (e) => {
    if ((e as InputEvent).inputType !== 'insertFromPaste') pasted = undefined;
  });
  let triageOffer: Promise<(raw: string) => void> | undefined;
  const offerTriage = (raw: string) => {
    triageOffer ??= import('../triage/offer.ts').then((m) => m.bindTriageOffer(input, panel, site.href, () => pasted));
    void triageOffer.then((offer) => offer(raw));
  };

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a.hit-link')];
  const open = (on: boolean) => {
    panel.hidden = !on;
  };
  /** Esc: close, and keep a search still under way from opening the panel again. */
  const dismiss = () => {
    clearTimeout(timer);
    seq++;
    open(false);
  };

  async function run() {
    const raw = input.value;
    const mine = ++seq;
    if (!raw.trim()) {
      open(false);
      status.textContent = '';
      return;
    }
    const engine = await site.loadEngine();
    let shown: SearchResult | undefined;
    // While Pagefind loads, the ranker's results show at once; the full ones replace them
    // without moving what the pointer or the keyboard is on (hitsKeepingPlaces).
    await searchInSteps(
      engine,
      raw,
      PANEL_HITS,
      () => mine === seq,
      (result, final) => {
        show(raw, final ? hitsKeepingPlaces(list, shown, result, PANEL_HITS) : result, final);
        shown = result;
      },
    );
  }

  function show(raw: string, result: SearchResult, final: boolean) {
    // Someone already moving through the results keeps their place when newer ones arrive.
    const focused = links().indexOf(document.activeElement as HTMLAnchorElement);
    const stays = focused >= 0 && result.hits[focused]?.code === list.children[focused]?.getAttribute('data-code');
    // Removing the focused link would blur it, and a blur out of the search closes the panel:
    // the box holds the focus while the list is replaced (a link whose hit stays in its place stays).
    if (focused >= 0 && !stays) input.focus({ preventScroll: true });
    renderHits(list, result, { href: site.href });
    if (focused >= 0 && !stays) (links()[Math.min(focused, links().length - 1)] ?? input).focus();
    if (result.hits.length) emptyBox.replaceChildren();
    else if (final) renderEmpty(emptyBox, raw, { empty });
    if (final) reportSearch(list, raw, result.hits.length);
    // The link carries the start of a long paste; the search page gets the rest from this tab.
    all.href = site.href(paths.search(addressQuery(raw)));
    rememberPaste(raw);
    // Not for a query with nothing to look for (a first letter): its results come at once, before
    // any first result, and several errors always have words.
    if (final && (triageOffer || result.query.terms.length || result.query.faultCodes.length)) offerTriage(raw);
    all.hidden = result.hits.length === 0;
    // Spoken once, with the full results; the ranker's results of a new search silence the last summary.
    status.textContent = final
      ? statusText(result, raw) + (result.hits.length ? ' Press the down arrow to go through them.' : '')
      : '';
    if (result.hits.length || final) open(true);
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && !panel.hidden) {
      e.preventDefault();
      links()[0]?.focus();
    } else if (e.key === 'Escape') {
      if (!panel.hidden) e.preventDefault();
      dismiss();
    }
  });
  panel.addEventListener('keydown', (e) => {
    const items = links();
    const at = items.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = at + (e.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) input.focus();
      else items[Math.min(next, items.length - 1)]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      dismiss();
      input.focus();
    }
  });
  root.addEventListener('focusout', (e) => {
    if (!root.contains(e.relatedTarget as Node | null)) open(false);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.childElementCount + emptyBox.childElementCount > 0) open(true);
  });
  // Focus is the signal that search is wanted: fetch the index now, before the first key.
  void site.loadEngine();
  if (input.value.trim()) void run();
}

/**
 * A paste longer than the address may carry (src/lib/shared/search/cap.ts) goes from the header's box
 * to the search page, and survives a reload or Back there, through this tab's sessionStorage:
 * the address has only its start (`?q=`), the page gets all of it. Small, because the header's
 * search loader imports it on every page.
 */
import { addressQuery, capCodePoints, MAX_QUERY_CHARS } from '../../lib/shared/search/cap.ts';

const KEY = 'qbo-help-search:paste';

/** Keeps `raw` for this tab when the address cannot carry all of it. */
export function rememberPaste(raw: string): void {
  const q = addressQuery(raw);
  if (q === raw) return;
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ q, raw }));
  } catch {
    try {
      // Too big for the storage (megabytes): keep what search reads of it.
      sessionStorage.setItem(KEY, JSON.stringify({ q, raw: capCodePoints(raw, MAX_QUERY_CHARS) }));
    } catch {
      // Storage off: the page still holds the paste; a reload searches the address's part.
    }
  }
}

/** The whole paste whose address part is `q`, when this tab kept one; else `q` itself. */
export function recallPaste(q: string): string {
  try {
    const kept = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as { q?: unknown; raw?: unknown } | null;
    if (q && kept?.q === q && typeof kept.raw === 'string' && addressQuery(kept.raw) === q) return kept.raw;
  } catch {
    // Storage off, or not ours: the address is all there is.
  }
  return q;
}

/** The search page's address for `raw` (`page` is the search page's URL, online or a file offline). */
export function searchHref(page: string, raw: string): string {
  const url = new URL(page);
  url.search = `?q=${encodeURIComponent(addressQuery(raw))}`;
  return url.href;
}

/**
 * Submitting a header search form opens the search page with a short address, whatever was
 * pasted (a browser would put all of it in the address, and servers refuse long ones).
 */
export function bindSearchSubmit(form: HTMLFormElement, input: HTMLInputElement): void {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    rememberPaste(input.value);
    location.assign(searchHref(form.action, input.value));
  });
}

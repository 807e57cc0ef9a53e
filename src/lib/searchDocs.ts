/** The catalog as the search ranker sees it (src/lib/search), made once at build time. */
import type { CatalogError } from './catalog';
import type { SearchDoc } from './search/types.ts';

export function toSearchDoc(e: CatalogError): SearchDoc {
  return {
    code: e.id,
    title: e.data.title,
    summary: e.data.summary,
    categories: [...e.data.categories],
    fixWhere: e.data.fixWhere,
    // The source address is for people reading the page, not for matching: it stays out of the search data.
    faults: e.data.quickbooks.map(({ code, name, message }) => ({ code, name, message })),
    aliases: [...e.data.aliases],
  };
}

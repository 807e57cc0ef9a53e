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
    faults: e.data.quickbooks.map((q) => ({ ...q })),
    aliases: [...e.data.aliases],
  };
}

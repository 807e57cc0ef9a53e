/**
 * Loads the online search engine once: the structured search data and Pagefind (under
 * `astro dev`, the structured data alone). Called when someone focuses a search box or opens
 * /search/, never on page load.
 */
import { SearchEngine } from './engine';
import { withBase } from '../../lib/base';
import { pagefindFullText, type IndexedDoc, type Pagefind } from './pagefind';

let engine: Promise<SearchEngine> | undefined;

/** Said with every result under `astro dev`, which builds no Pagefind index. */
const DEV_NOTE = 'Under astro dev only titles, codes, aliases and QuickBooks messages are searched: full-text search needs a build (npm run build).';

export function loadEngine(): Promise<SearchEngine> {
  engine ??= (async () => {
    const searchData = () =>
      fetch(withBase('/search-data.json')).then((r) => {
        if (!r.ok) throw new Error(`search data: HTTP ${r.status}`);
        return r.json() as Promise<IndexedDoc[]>;
      });
    // Pagefind's index is written after a build; the dev server has none (its script would 404).
    if (import.meta.env.DEV) return new SearchEngine(await searchData(), undefined, DEV_NOTE);
    const pagefindUrl = new URL(withBase('/pagefind/pagefind.js'), location.href).href;
    const [docs, pagefind] = await Promise.all([searchData(), import(/* @vite-ignore */ pagefindUrl) as Promise<Pagefind>]);
    // No worker: the catalog (tens of pages) searches in well under a millisecond on the main thread, and the
    // worker would download Pagefind's code a second time (pagefind-worker.js, ~12 KB).
    // baseUrl '/': Pagefind hands back site paths ("/errors/x/#how-to-fix"), as the ranker does; by default it
    // would prefix the folder it was loaded from ("/docs/" under a subpath), and the links add the base once.
    await pagefind.options({ excerptLength: 24, noWorker: true, baseUrl: '/' });
    await pagefind.init();
    return new SearchEngine(docs, pagefindFullText(pagefind, docs));
  })();
  return engine;
}

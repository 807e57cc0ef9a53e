/**
 * Loads the online search engine once: the structured search data and Pagefind. Called when
 * someone focuses a search box or opens /search/, never on page load.
 */
import { SearchEngine } from './engine';
import { pagefindFullText, type IndexedDoc, type Pagefind } from './pagefind';

let engine: Promise<SearchEngine> | undefined;

export function loadEngine(): Promise<SearchEngine> {
  engine ??= (async () => {
    const pagefindUrl = new URL('/pagefind/pagefind.js', location.href).href;
    const [docs, pagefind] = await Promise.all([
      fetch('/search-data.json').then((r) => {
        if (!r.ok) throw new Error(`search data: HTTP ${r.status}`);
        return r.json() as Promise<IndexedDoc[]>;
      }),
      import(/* @vite-ignore */ pagefindUrl) as Promise<Pagefind>,
    ]);
    // No worker: the catalog (tens of pages) searches in well under a millisecond on the main thread, and the
    // worker would download Pagefind's code a second time (pagefind-worker.js, ~12 KB).
    await pagefind.options({ excerptLength: 24, noWorker: true });
    await pagefind.init();
    return new SearchEngine(docs, pagefindFullText(pagefind, docs));
  })();
  return engine;
}

/**
 * Loads the online search engine once: the manifest of the split search data (each search then
 * downloads the shards of its words and the display data of the hits it shows: shards.ts) and
 * Pagefind (under `astro dev`, the whole structured data, search-data.json, alone). Called when someone focuses a search box or opens
 * /search/, never on page load. The engine is there as soon as the structured data is; Pagefind
 * loads with the first search that has a word to look for and joins it when ready, and the panel
 * and the search page show the ranker's results first on every search (render.ts, searchInSteps).
 */
import { SearchEngine } from '../../lib/search/engine.ts';
import { withBase } from '../../lib/base';
import { PAGEFIND_IDS, urls } from '../../lib/urls';
import type { IndexedDoc, Pagefind } from '../../lib/search/pagefind.ts';
import type { Manifest } from '../../lib/search/shards.ts';

let engine: Promise<SearchEngine> | undefined;

/** Said with every result under `astro dev`, which builds no Pagefind index. */
const DEV_NOTE = 'Under astro dev only titles, codes, aliases and QuickBooks messages are searched: full-text search needs a build (npm run build).';

export function loadEngine(): Promise<SearchEngine> {
  engine ??= (async () => {
    const searchData = () =>
      fetch(urls.searchData()).then((r) => {
        if (!r.ok) throw new Error(`search data: HTTP ${r.status}`);
        return r.json() as Promise<IndexedDoc[]>;
      });
    // Pagefind's index is written after a build; the dev server has none (its script would 404).
    if (import.meta.env.DEV) return new SearchEngine(await searchData(), undefined, DEV_NOTE);
    const pagefindUrl = new URL(withBase('/pagefind/pagefind.js'), location.href).href;
    // The manifest of the structured data comes first (a few KB): the engine answers from the
    // shards each search downloads (the ranker). Pagefind (its code, WebAssembly and index, about
    // a hundred KB) starts loading with the first search, and its results are fused in once it is ready.
    const read = (file: string) =>
      fetch(urls.searchSplit(file)).then((r) => {
        if (!r.ok) throw new Error(`search data ${file}: HTTP ${r.status}`);
        return r.json() as Promise<unknown>;
      });
    const manifest = (await read('manifest.json')) as Manifest;
    // A small catalog's manifest carries the whole data (cheaper than shards); a large one's is
    // split, and the code reading shards is loaded only then.
    const index = manifest.whole ?? new (await import('../../lib/search/shards.ts')).ShardedIndex(manifest, read);
    // Pagefind's ids of the pages: beside the whole data, a file fetched with Pagefind; the split
    // data's shards name them.
    const pagefindKeys = async () =>
      Array.isArray(index) ? new Map((await read(PAGEFIND_IDS)) as [string, string][]) : index.pagefindKeys();
    const fullText = async () => {
      const pagefind = (await import(/* @vite-ignore */ pagefindUrl)) as Pagefind;
      // The adapter and the ids come once Pagefind's code has, while it starts: nothing of the
      // full text competes with the ranker's first downloads.
      const adapter = Promise.all([pagefindKeys(), import('../../lib/search/pagefind.ts')]);
      adapter.catch(() => undefined); // awaited below; a failure leaves the ranker alone (engine.ts)
      // No worker: the catalog (tens of pages) searches in well under a millisecond on the main thread, and the
      // worker would download Pagefind's code a second time (pagefind-worker.js, ~12 KB).
      // baseUrl '/': Pagefind hands back site paths (a paths.error() path), as the ranker does; by default it
      // would prefix the folder it was loaded from ("/docs/" under a subpath), and the links add the base once.
      await pagefind.options({ excerptLength: 24, noWorker: true, baseUrl: '/' });
      await pagefind.init();
      const [keys, { pagefindFullText }] = await adapter;
      return pagefindFullText(pagefind, keys);
    };
    return new SearchEngine(index, fullText);
  })();
  return engine;
}

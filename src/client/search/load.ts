/**
 * Loads the online search engine once: the manifest of the first data (each search then
 * downloads the shards of its words and the display data of the hits it shows: shards.ts), and
 * with the first search the complete data (every page's words, the fault codes' pages, in
 * COMPLETE_DIR) and Pagefind, which lends the results their excerpts (under `astro dev`, the
 * whole structured data, search-data.json, alone). Called when someone focuses a search box or
 * opens /search/, never on page load. The panel and the search page show the first data's
 * results at once, then the complete ones (render.ts, searchInSteps).
 */
import { SearchEngine, wholeIndex, type CompleteData, type KnownIndex } from '../../lib/shared/search/engine.ts';
import { withBase } from '../../lib/shared/base.ts';
import { COMPLETE_DIR, PAGEFIND_IDS, urls } from '../../lib/shared/urls.ts';
import type { IndexedDoc, Pagefind } from '../../lib/shared/search/pagefind.ts';
import type { Manifest } from '../../lib/shared/search/shards.ts';

let engine: Promise<SearchEngine> | undefined;

/** Said with every result under `astro dev`, which builds no Pagefind index. */
const DEV_NOTE =
  'Under astro dev only titles, codes, aliases and QuickBooks messages are searched: full-text search needs a build (npm run build).';

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
    // The first data: a manifest carrying the whole data of a small catalog (cheaper than shards), or
    // the split of a large one, whose reading code is loaded only then.
    const known = async (
      folder: string,
    ): Promise<KnownIndex & { keys: () => Promise<ReadonlyMap<string, string>> }> => {
      const readIn = (file: string) => read(folder + file);
      const manifest = (await readIn('manifest.json')) as Manifest;
      if (manifest.whole) {
        // Pagefind's ids of the pages: beside the whole data, a file fetched with Pagefind.
        return {
          ...wholeIndex(manifest.whole),
          keys: async () => new Map((await readIn(PAGEFIND_IDS)) as [string, string][]),
        };
      }
      const index = new (await import('../../lib/shared/search/shards.ts')).ShardedIndex(manifest, readIn);
      return Object.assign(index, { keys: async () => index.pagefindKeys() });
    };
    const head = await known('');
    // The complete data (every page's words, the fault codes' pages) and Pagefind start loading with
    // the first search: the results are ranked on it once it is there; Pagefind only lends excerpts.
    const complete = async (): Promise<CompleteData> => {
      const [all, pagefind] = await Promise.all([
        known(COMPLETE_DIR),
        import(/* @vite-ignore */ pagefindUrl).catch(() => undefined) as Promise<Pagefind | undefined>,
      ]);
      if (!pagefind) return { known: all };
      try {
        const adapter = Promise.all([all.keys(), import('../../lib/shared/search/pagefind.ts')]);
        // No worker: the catalog (tens of pages) searches in well under a millisecond on the main thread, and the
        // worker would download Pagefind's code a second time (pagefind-worker.js, ~12 KB).
        // baseUrl '/': Pagefind hands back site paths (a paths.error() path), as the ranker does; by default it
        // would prefix the folder it was loaded from ("/docs/" under a subpath), and the links add the base once.
        await pagefind.options({ excerptLength: 24, noWorker: true, baseUrl: '/' });
        await pagefind.init();
        const [keys, { pagefindFullText }] = await adapter;
        return { known: all, fullText: pagefindFullText(pagefind, keys) };
      } catch {
        return { known: all };
      }
    };
    return new SearchEngine(head, complete);
  })();
  return engine;
}

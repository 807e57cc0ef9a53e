/**
 * Pagefind as the full-text index of the online search (engine.ts). Pagefind names each
 * result by its fragment id; search-data.json carries that id for every error page
 * (integrations/pagefind.ts), and the browser's data maps it to the engine's keys (shards.ts:
 * urls.ts's PAGEFIND_IDS beside the whole data, the shards' pages in the split), so results map to the
 * engine's keys without downloading a fragment each.
 */
import type { SearchDoc } from './types.ts';
import type { FullText } from './engine.ts';

/** Keeps <mark> highlighting and nothing else of Pagefind's markup. */
export const onlyMarks = (html: string) => html.replace(/<(?!\/?mark>)[^>]*>/g, '');

/** A search doc as search-data.json has it: with the id Pagefind gave the page. */
export type IndexedDoc = SearchDoc & { pagefindId?: string };

interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<{
    url: string;
    excerpt: string;
    content?: string;
    sub_results?: { url: string; excerpt: string }[];
  }>;
}
export interface Pagefind {
  options: (o: object) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string) => Promise<{ results: PagefindResult[] } | null>;
}

const marks = (html: string) => html.split('<mark>').length - 1;

/** Pagefind as a FullText whose hits are known by `keyById` of their Pagefind id (the engine's keys). */
export function pagefindFullText(pagefind: Pagefind, keyById: ReadonlyMap<string, string>): FullText {
  return {
    async search(q) {
      const answer = await pagefind.search(q);
      return (answer?.results ?? []).flatMap((r) => {
        const code = keyById.get(r.id);
        if (!code) return [];
        return [
          {
            code,
            score: r.score,
            text: async () => (await r.data()).content ?? '',
            async fragment() {
              const page = await r.data();
              // The section whose excerpt matched most words, when it is a section of its own.
              const section = page.sub_results
                ?.filter((s) => s.url.includes('#'))
                .sort((x, y) => marks(y.excerpt) - marks(x.excerpt))[0];
              return {
                url: section?.url,
                excerpt: page.excerpt ? onlyMarks(section?.excerpt ?? page.excerpt) : undefined,
              };
            },
          },
        ];
      });
    },
  };
}

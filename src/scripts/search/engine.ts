/**
 * The search engine of the site: the structured ranker (fault codes, QuickBooks messages,
 * titles, aliases; src/lib/search) fused with Pagefind's full-text index of the error pages.
 * Loaded only when someone starts to search.
 */
import { normalizeQuery } from '../../lib/search/normalize.ts';
import { rankKnown } from '../../lib/search/rank.ts';
import type { NormalizedQuery, SearchDoc } from '../../lib/search/types.ts';

export interface Hit {
  code: string;
  title: string;
  summary: string;
  categories: string[];
  /** Where the result links: the page, or the section Pagefind matched. */
  url: string;
  /** HTML with only <mark> elements; the rest is escaped text. */
  excerpt: string;
}

export interface SearchResult {
  query: NormalizedQuery;
  hits: Hit[];
}

interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<{ url: string; excerpt: string; sub_results?: { url: string; excerpt: string }[] }>;
}
interface Pagefind {
  options: (o: object) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string) => Promise<{ results: PagefindResult[] } | null>;
}

const MAX_HITS = 10;
/** How much Pagefind's full-text rank counts next to the structured ranker (which tops out at 1). */
const FULL_TEXT_WEIGHT = 0.35;
/** Pagefind is asked about this many distinct words at most, one search each (query relaxation). */
const MAX_TERM_SEARCHES = 6;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Keeps Pagefind's <mark> highlighting and nothing else of its markup. */
export const onlyMarks = (html: string) => html.replace(/<(?!\/?mark>)[^>]*>/g, '');

const marks = (html: string) => html.split('<mark>').length - 1;

/** Escapes `text` and marks the query's words in it. */
export function highlight(text: string, terms: readonly string[]): string {
  const escaped = escapeHtml(text);
  const words = terms.filter((t) => t.length > 2).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!words.length) return escaped;
  return escaped.replace(new RegExp(`\\b(${words.join('|')})\\w*`, 'gi'), '<mark>$&</mark>');
}

/** A search doc as search-data.json has it: with the id Pagefind gave the page. */
export type IndexedDoc = SearchDoc & { pagefindId?: string };

export class SearchEngine {
  readonly #docs: IndexedDoc[];
  readonly #byCode: Map<string, IndexedDoc>;
  readonly #codeByPagefindId: Map<string, string>;
  readonly #faultCodes: ReadonlySet<string>;
  readonly #pagefind: Pagefind | undefined;

  constructor(docs: IndexedDoc[], pagefind?: Pagefind) {
    this.#docs = docs;
    this.#byCode = new Map(docs.map((d) => [d.code, d]));
    this.#codeByPagefindId = new Map(docs.flatMap((d) => (d.pagefindId ? [[d.pagefindId, d.code] as const] : [])));
    this.#faultCodes = new Set(docs.flatMap((d) => d.faults.flatMap((f) => (f.code ? [f.code] : []))));
    this.#pagefind = pagefind;
  }

  async search(raw: string, limit = MAX_HITS): Promise<SearchResult> {
    const query = normalizeQuery(raw, this.#faultCodes);
    if (!query.terms.length && !query.faultCodes.length) return { query, hits: [] };

    const scores = new Map<string, number>();
    const known = rankKnown(query, this.#docs);
    const top = known[0]?.score ?? 0;
    for (const r of known) scores.set(r.code, r.score / top);

    const pages = new Map<string, PagefindResult>();
    if (this.#pagefind && query.terms.length) {
      // Pagefind wants every word to match; ask it about the whole query and about each
      // distinctive word alone, so that long queries still find the best pages.
      const words = [...query.terms].sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, MAX_TERM_SEARCHES);
      const asks = [query.terms.join(' '), ...(words.length > 1 ? words : [])];
      const answers = await Promise.all(asks.map((q) => this.#pagefind!.search(q)));
      const fullText = new Map<string, number>();
      answers.forEach((answer, i) => {
        const results = answer?.results ?? [];
        const best = results[0]?.score || 1;
        // The whole query matching counts as much as all single words together.
        const weight = i === 0 ? 1 : 1 / words.length;
        for (const r of results) {
          const code = this.#codeByPagefindId.get(r.id);
          if (!code) continue;
          if (!pages.has(code)) pages.set(code, r);
          fullText.set(code, (fullText.get(code) ?? 0) + (weight * r.score) / best);
        }
      });
      for (const [code, value] of fullText) {
        scores.set(code, (scores.get(code) ?? 0) + FULL_TEXT_WEIGHT * Math.min(1, value / 2));
      }
    }

    const ranked = [...scores].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
    // Fragments (excerpts, sections) are fetched for the shown results only.
    const hits = await Promise.all(
      ranked.map(async ([code]): Promise<Hit> => {
        const doc = this.#byCode.get(code)!;
        const page = await pages.get(code)?.data();
        // The section whose excerpt matched most words, when it is a section of its own.
        const section = page?.sub_results
          ?.filter((s) => s.url.includes('#'))
          .sort((x, y) => marks(y.excerpt) - marks(x.excerpt))[0];
        return {
          code,
          title: doc.title,
          summary: doc.summary,
          categories: doc.categories,
          url: section?.url ?? `/errors/${code}/`,
          excerpt: page?.excerpt ? onlyMarks(section?.excerpt ?? page.excerpt) : highlight(doc.summary, query.terms),
        };
      }),
    );
    return { query, hits };
  }
}

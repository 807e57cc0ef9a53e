/**
 * The search engine of the site: the structured ranker (fault codes, QuickBooks messages,
 * titles, aliases; src/lib/search) fused with a full-text index of the error pages. Online
 * the full text is Pagefind's (pagefind.ts); in the offline copy it is MiniSearch's
 * (minisearch.ts), because Pagefind cannot load from file://. Loaded only when someone starts
 * to search.
 */
import { normalizeQuery, stem, words } from '../../lib/search/normalize.ts';
import { occursIn, rankKnown } from '../../lib/search/rank.ts';
import type { NormalizedQuery, SearchDoc } from '../../lib/search/types.ts';

export interface Hit {
  code: string;
  title: string;
  summary: string;
  categories: string[];
  /** Where the result links: the page, or the section the full text matched. */
  url: string;
  /** What matched, as HTML with only <mark> elements (the rest is escaped text); '' when only the title or summary did. */
  excerpt: string;
}

export interface SearchResult {
  query: NormalizedQuery;
  hits: Hit[];
  /** What the reader should know about this search engine, said with the results (see load.ts). */
  note?: string;
}

/** The part of a page a full-text match points to; each field falls back to the page and its summary. */
export interface Fragment {
  /** A site URL ("/errors/x/#how-to-fix"). */
  url?: string | undefined;
  /** HTML with only <mark> elements. */
  excerpt?: string | undefined;
}

/** One page a full-text index found, by error code. */
export interface FullTextHit {
  code: string;
  /** Any positive scale: the engine compares it with the best hit of the same search only. */
  score: number;
  /** Fetched for the shown results only. */
  fragment: () => Promise<Fragment | undefined>;
  /** The page's indexed text, plain (fetched for the best hit of each search only). */
  text: () => Promise<string>;
}

/** A full-text index of the error pages: every word of `query` should match, best first. */
export interface FullText {
  search: (query: string) => Promise<FullTextHit[]>;
}

const MAX_HITS = 10;
/** How much the full-text rank counts next to the structured ranker (which tops out at 1). */
const FULL_TEXT_WEIGHT = 0.35;
/** The full text is asked about this many distinct words at most, one search each (query relaxation). */
const MAX_TERM_SEARCHES = 6;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Keeps <mark> highlighting and nothing else of a full-text index's markup. */
export const onlyMarks = (html: string) => html.replace(/<(?!\/?mark>)[^>]*>/g, '');

/** Escapes `text` and marks the query's words in it. */
export function highlight(text: string, terms: readonly string[]): string {
  const escaped = escapeHtml(text);
  const words = terms.filter((t) => t.length > 2).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!words.length) return escaped;
  return escaped.replace(new RegExp(`\\b(${words.join('|')})\\w*`, 'gi'), '<mark>$&</mark>');
}

/** For a query with a fault code: the fault the page lists under that code, with its message. */
function faultExcerpt(doc: SearchDoc, query: NormalizedQuery): string {
  const fault = doc.faults.find((f) => f.code && query.faultCodes.includes(f.code));
  if (!fault) return '';
  const text = `Fault ${fault.code}${fault.name ? ` · ${fault.name}` : ''}: ${fault.message}`;
  return highlight(text, [...query.terms, ...query.faultCodes]);
}

export class SearchEngine {
  readonly #docs: SearchDoc[];
  readonly #byCode: Map<string, SearchDoc>;
  readonly #faultCodes: ReadonlySet<string>;
  readonly #fullText: FullText | undefined;
  readonly #note: string | undefined;

  constructor(docs: SearchDoc[], fullText?: FullText, note?: string) {
    this.#note = note;
    this.#docs = docs;
    this.#byCode = new Map(docs.map((d) => [d.code, d]));
    this.#faultCodes = new Set(docs.flatMap((d) => d.faults.flatMap((f) => (f.code ? [f.code] : []))));
    this.#fullText = fullText;
  }

  /**
   * What counts as a match, one rule online and offline: a page the query's own words occur
   * in (occursIn, the ranker's rule). A full-text index may answer otherwise: Pagefind, finding
   * no word for "alert", falls back to the longest start of it that is a word ("a"), and lists
   * every page with an "a". An index widens a word the same way on every page, and every page of
   * an answer has every word asked, so the best page tells: when none of the words asked occurs
   * in it, the whole answer is dropped.
   */
  async #really(ask: readonly string[], results: FullTextHit[]): Promise<FullTextHit[]> {
    const hits = results.filter((r) => this.#byCode.has(r.code));
    const best = hits[0];
    if (!best) return [];
    const doc = this.#byCode.get(best.code)!;
    const fields = [doc.code, doc.title, doc.summary, ...doc.aliases, ...doc.faults.flatMap((f) => [f.name ?? '', f.message])];
    const stems = new Set(words([...fields, await best.text()].join(' ')).map(stem));
    return ask.some((w) => occursIn(w, stems)) ? hits : [];
  }

  async search(raw: string, limit = MAX_HITS): Promise<SearchResult> {
    const query = normalizeQuery(raw, this.#faultCodes);
    const note = this.#note ? { note: this.#note } : {};
    if (!query.terms.length && !query.faultCodes.length) return { query, hits: [], ...note };

    const scores = new Map<string, number>();
    const known = rankKnown(query, this.#docs);
    const top = known[0]?.score ?? 0;
    for (const r of known) scores.set(r.code, r.score / top);

    const pages = new Map<string, FullTextHit>();
    if (this.#fullText && query.terms.length) {
      // A full-text index wants every word to match; ask it about the whole query and about
      // each distinctive word alone, so that long queries still find the best pages.
      const single = [...query.terms].sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, MAX_TERM_SEARCHES);
      const asks = [query.terms, ...(single.length > 1 ? single.map((w) => [w]) : [])];
      const answers = await Promise.all(asks.map(async (ask) => this.#really(ask, await this.#fullText!.search(ask.join(' ')))));
      const fullText = new Map<string, number>();
      answers.forEach((results, i) => {
        const best = results[0]?.score || 1;
        // The whole query matching counts as much as all single words together.
        const weight = i === 0 ? 1 : 1 / single.length;
        for (const r of results) {
          if (!pages.has(r.code)) pages.set(r.code, r);
          fullText.set(r.code, (fullText.get(r.code) ?? 0) + (weight * r.score) / best);
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
        const fragment = await pages.get(code)?.fragment();
        return {
          code,
          title: doc.title,
          summary: doc.summary,
          categories: doc.categories,
          url: fragment?.url ?? `/errors/${code}/`,
          excerpt: faultExcerpt(doc, query) || fragment?.excerpt || '',
        };
      }),
    );
    return { query, hits, ...note };
  }
}

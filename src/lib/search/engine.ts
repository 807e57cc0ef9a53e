/**
 * The search engine of the site: the structured ranker (fault codes, QuickBooks messages,
 * titles, aliases; src/lib/search) fused with a full-text index of the error pages. Online
 * the full text is Pagefind's (pagefind.ts); in the offline copy it is MiniSearch's
 * (minisearch.ts), because Pagefind cannot load from file://. Loaded only when someone starts
 * to search.
 */
import { paths } from '../urls.ts';
import { normalizeQuery, stem, words } from './normalize.ts';
import { occursIn, rankKnown } from './rank.ts';
import type { NormalizedQuery, RankedResult, SearchDoc } from './types.ts';

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
  /** A site URL (a paths.error() path). */
  url?: string | undefined;
  /** HTML with only <mark> elements. */
  excerpt?: string | undefined;
}

/**
 * The structured ranker and its data: the whole data (an array of docs: the offline copy, the
 * dev server, tests) or the data split into shards the searches download (shards.ts, online).
 * A result is known by a key: the page's code, or its number in the split data.
 */
export interface KnownIndex {
  /** Every QuickBooks fault code of the catalog (normalizeQuery). */
  readonly faultCodes: ReadonlySet<string>;
  /** rankKnown's ranking, `code` being the key. */
  rank: (query: NormalizedQuery) => Promise<RankedResult[]>;
  /** A page by its key. */
  doc: (key: string) => Promise<SearchDoc | undefined>;
  /** The order of two keys of equal score (that of their codes). */
  compare: (a: string, b: string) => number;
}

/** The whole data as a KnownIndex: results known by code. */
export function wholeIndex(docs: readonly SearchDoc[]): KnownIndex {
  const byCode = new Map(docs.map((d) => [d.code, d]));
  return {
    faultCodes: new Set(docs.flatMap((d) => d.faults.flatMap((f) => (f.code ? [f.code] : [])))),
    rank: async (query) => rankKnown(query, docs),
    doc: async (code) => byCode.get(code),
    compare: (a, b) => a.localeCompare(b),
  };
}

/** One page a full-text index found, by its key (KnownIndex). */
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

/**
 * The hits to show when better results arrive for a list someone is already on (the pointer
 * over it, or the keyboard in it): the hits shown keep their places, with their new data where
 * the new results have them, and the new results' other hits follow, up to `limit`.
 */
export function keepPlaces(shown: readonly Hit[], next: readonly Hit[], limit: number): Hit[] {
  const nextByCode = new Map(next.map((h) => [h.code, h]));
  const kept = shown.map((h) => nextByCode.get(h.code) ?? h);
  const codes = new Set(kept.map((h) => h.code));
  return [...kept, ...next.filter((h) => !codes.has(h.code))].slice(0, Math.max(limit, kept.length));
}

export class SearchEngine {
  readonly #known: KnownIndex;
  #fullText: FullText | undefined;
  #settled = true;
  #pending: Promise<FullText | undefined> | undefined;
  #load: (() => Promise<FullText>) | undefined;
  readonly #note: string | undefined;

  /**
   * `fullText` may still be loading (a promise), or be loaded by the first search() (a function):
   * meanwhile the structured ranker answers alone (searchKnown), and search() waits for it. A full
   * text that fails to load leaves the ranker alone.
   */
  constructor(known: readonly SearchDoc[] | KnownIndex, fullText?: FullText | Promise<FullText> | (() => Promise<FullText>), note?: string) {
    this.#note = note;
    this.#known = Array.isArray(known) ? wholeIndex(known as readonly SearchDoc[]) : (known as KnownIndex);
    if (typeof fullText === 'function') {
      this.#settled = false;
      this.#load = fullText;
    } else if (fullText instanceof Promise) {
      this.#wait(fullText);
    } else {
      this.#fullText = fullText;
    }
  }

  #wait(loading: Promise<FullText>): void {
    this.#settled = false;
    this.#pending = loading
      .then(
        (loaded) => (this.#fullText = loaded),
        () => undefined,
      )
      .finally(() => (this.#settled = true));
  }

  /** Starts loading a full text given as a function, once. */
  #start(): void {
    const load = this.#load;
    this.#load = undefined;
    if (load) this.#wait(Promise.resolve().then(load));
  }

  /** Whether search() answers at once: the full text has loaded, or there is none to wait for. */
  get ready(): boolean {
    return this.#settled;
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
    const best = results[0];
    const doc = best && (await this.#known.doc(best.code));
    if (!best || !doc) return [];
    const fields = [doc.code, doc.title, doc.summary, ...doc.aliases, ...doc.faults.flatMap((f) => [f.name ?? '', f.message])];
    const stems = new Set(words([...fields, await best.text()].join(' ')).map(stem));
    return ask.some((w) => occursIn(w, stems)) ? results : [];
  }

  /** The results of the structured ranker alone (what search() gives before the full text has loaded). */
  searchKnown(raw: string, limit = MAX_HITS): Promise<SearchResult> {
    return this.#search(normalizeQuery(raw, this.#known.faultCodes), limit, undefined);
  }

  /**
   * The results of the ranker fused with the full text (waiting for it to load). A query with no
   * word to look for (a letter, stop words, a fault code alone) never asks the full text, and
   * does not load it.
   */
  async search(raw: string, limit = MAX_HITS): Promise<SearchResult> {
    const query = normalizeQuery(raw, this.#known.faultCodes);
    if (query.terms.length) {
      this.#start();
      if (!this.#settled) await this.#pending;
    }
    return this.#search(query, limit, this.#fullText);
  }

  async #search(query: NormalizedQuery, limit: number, fullTextIndex: FullText | undefined): Promise<SearchResult> {
    const note = this.#note ? { note: this.#note } : {};
    if (!query.terms.length && !query.faultCodes.length) return { query, hits: [], ...note };

    const scores = new Map<string, number>();
    const known = await this.#known.rank(query);
    const top = known[0]?.score ?? 0;
    for (const r of known) scores.set(r.code, r.score / top);

    const pages = new Map<string, FullTextHit>();
    if (fullTextIndex && query.terms.length) {
      // A full-text index wants every word to match; ask it about the whole query and about
      // each distinctive word alone, so that long queries still find the best pages.
      const single = [...query.terms].sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, MAX_TERM_SEARCHES);
      const asks = [query.terms, ...(single.length > 1 ? single.map((w) => [w]) : [])];
      const answers = await Promise.all(asks.map(async (ask) => this.#really(ask, await fullTextIndex.search(ask.join(' ')))));
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

    const ranked = [...scores].sort((a, b) => b[1] - a[1] || this.#known.compare(a[0], b[0])).slice(0, limit);
    // Display data (split data), fragments (excerpts, sections) are fetched for the shown results only.
    const shown = await Promise.all(
      ranked.map(async ([key]): Promise<Hit | undefined> => {
        const [doc, fragment] = await Promise.all([this.#known.doc(key), pages.get(key)?.fragment()]);
        if (!doc) return undefined;
        return {
          code: doc.code,
          title: doc.title,
          summary: doc.summary,
          categories: doc.categories,
          url: fragment?.url ?? paths.error(doc.code),
          excerpt: faultExcerpt(doc, query) || fragment?.excerpt || '',
        };
      }),
    );
    const hits = shown.filter((h) => h !== undefined);
    return { query, hits, ...note };
  }
}

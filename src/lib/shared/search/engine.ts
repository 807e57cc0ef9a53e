/**
 * The search engine of the site: the structured ranker (fault codes and their anatomy, QuickBooks
 * messages, titles, aliases, the words of each page; src/lib/shared/search) ranks, in two steps: first on
 * the small data the first result waits for, then on the complete data. A full-text index gives
 * the shown hits their excerpt and section: online Pagefind's (pagefind.ts), in the offline copy
 * MiniSearch's (minisearch.ts), because Pagefind cannot load from file://. The order is the
 * ranker's alone, so both rank alike. Loaded only when someone starts to search.
 */
import { paths } from '../urls.ts';
import { stem, words } from './normalize.ts';
import { normalizeQuery } from './query.ts';
import { indexOf, occursIn, rankKnown } from './rank.ts';
import { FAULT_DOC_PREFIX, type NormalizedQuery, type RankedResult, type SearchDoc } from './types.ts';
import { escapeHtml } from './markup.ts';

export interface Hit {
  code: string;
  title: string;
  summary: string;
  categories: string[];
  /** Where the result links: the page, or the section the full text matched. */
  url: string;
  /**
   * What matched, as HTML with only <mark> elements (the rest is escaped text); '' when only the title or summary did.
   */
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
    // The ranker's own: the codes the errors quote (a fault code's page is no reason to read a bare number as a code).
    faultCodes: indexOf(docs).faultCodes,
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
/** The full text is asked about this many distinct words at most, one search each, for the excerpts of the hits. */
const MAX_TERM_SEARCHES = 6;

/** Escapes `text` and marks the query's words in it. */
export function markWords(text: string, terms: readonly string[]): string {
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
  return markWords(text, [...query.terms, ...query.faultCodes]);
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

/**
 * What the engine ranks with once it has it: the ranker's complete data (every page with the
 * words of its text, and the QuickBooks fault codes' own pages), and a full-text index that gives
 * the shown hits their excerpt and section. Online the full text is Pagefind, offline MiniSearch;
 * neither changes the order, so the site and the offline copy rank a query alike.
 */
export interface CompleteData {
  known: KnownIndex;
  fullText?: FullText | undefined;
}

/** Where a page of the search data links: an error's page, or a fault code's. */
export const pageOf = (doc: SearchDoc): string =>
  doc.code.startsWith(FAULT_DOC_PREFIX) ? paths.fault(doc.code.slice(FAULT_DOC_PREFIX.length)) : paths.error(doc.code);

export class SearchEngine {
  readonly #head: KnownIndex;
  #complete: CompleteData | undefined;
  #settled = true;
  #pending: Promise<CompleteData | undefined> | undefined;
  #load: (() => Promise<CompleteData>) | undefined;
  readonly #note: string | undefined;

  /**
   * `head` answers at once: the first results (searchKnown) and every result until the complete
   * data has loaded. `complete` may still be loading (a promise), or be loaded by the first
   * search() that needs it (a function); complete data that fails to load leaves `head` alone.
   */
  constructor(
    head: readonly SearchDoc[] | KnownIndex,
    complete?: CompleteData | Promise<CompleteData> | (() => Promise<CompleteData>),
    note?: string,
  ) {
    this.#note = note;
    this.#head = Array.isArray(head) ? wholeIndex(head as readonly SearchDoc[]) : (head as KnownIndex);
    if (typeof complete === 'function') {
      this.#settled = false;
      this.#load = complete;
    } else if (complete instanceof Promise) {
      this.#wait(complete);
    } else {
      this.#complete = complete;
    }
  }

  #wait(loading: Promise<CompleteData>): void {
    this.#settled = false;
    this.#pending = loading
      .then(
        (loaded) => (this.#complete = loaded),
        () => undefined,
      )
      .finally(() => (this.#settled = true));
  }

  /** Starts loading complete data given as a function, once. */
  #start(): void {
    const load = this.#load;
    this.#load = undefined;
    if (load) this.#wait(Promise.resolve().then(load));
  }

  /** Whether search() answers at once: the complete data has loaded, or there is none to wait for. */
  get ready(): boolean {
    return this.#settled;
  }

  /**
   * A full-text answer counts only for a page the query's own words occur in (occursIn, the
   * ranker's rule). A full-text index may answer otherwise: Pagefind, finding no word for "alert",
   * falls back to the longest start of it that is a word ("a"), and lists every page with an "a".
   * An index widens a word the same way on every page, and every page of an answer has every word
   * asked, so the best page tells: when none of the words asked occurs in it, the answer is dropped.
   */
  async #answerHolds(known: KnownIndex, ask: readonly string[], results: FullTextHit[]): Promise<FullTextHit[]> {
    const best = results[0];
    const doc = best && (await known.doc(best.code));
    if (!best || !doc) return [];
    const fields = [
      doc.code,
      doc.title,
      doc.summary,
      ...doc.aliases,
      ...doc.faults.flatMap((f) => [f.name ?? '', f.message]),
    ];
    const stems = new Set(words([...fields, await best.text()].join(' ')).map(stem));
    return ask.some((w) => occursIn(w, stems)) ? results : [];
  }

  /** The results of the first data alone (what search() gives before the complete data has loaded). */
  searchKnown(raw: string, limit = MAX_HITS): Promise<SearchResult> {
    return this.#search(normalizeQuery(raw, this.#head.faultCodes), limit, this.#head, undefined);
  }

  /**
   * The results ranked on the complete data, with excerpts from the full text (waiting for them
   * to load). A query with nothing to look for (a letter, stop words) loads nothing.
   */
  async search(raw: string, limit = MAX_HITS): Promise<SearchResult> {
    const query = normalizeQuery(raw, this.#head.faultCodes);
    if (query.terms.length || query.faultCodes.length) {
      this.#start();
      if (!this.#settled) await this.#pending;
    }
    const complete = this.#complete;
    return this.#search(query, limit, complete?.known ?? this.#head, complete?.fullText);
  }

  async #search(
    query: NormalizedQuery,
    limit: number,
    known: KnownIndex,
    fullText: FullText | undefined,
  ): Promise<SearchResult> {
    const note = this.#note ? { note: this.#note } : {};
    if (!query.terms.length && !query.faultCodes.length) return { query, hits: [], ...note };
    const ranked = (await known.rank(query)).slice(0, limit);

    // The full text lends the shown hits their excerpt and section: asked about the whole query and
    // about each distinctive word alone (a full-text index wants every word to match), the first
    // answer naming a page gives its fragment.
    const pages = new Map<string, FullTextHit>();
    if (fullText && query.terms.length && ranked.length) {
      const single = [...query.terms]
        .sort((a, b) => b.length - a.length || a.localeCompare(b))
        .slice(0, MAX_TERM_SEARCHES);
      const asks = [query.terms, ...(single.length > 1 ? single.map((w) => [w]) : [])];
      const answers = await Promise.all(
        asks.map(async (ask) => this.#answerHolds(known, ask, await fullText.search(ask.join(' ')))),
      );
      for (const results of answers) for (const r of results) if (!pages.has(r.code)) pages.set(r.code, r);
    }
    // Display data (split data) and fragments are fetched for the shown results only.
    const shown = await Promise.all(
      ranked.map(async ({ code: key }): Promise<Hit | undefined> => {
        const [doc, fragment] = await Promise.all([known.doc(key), pages.get(key)?.fragment()]);
        if (!doc) return undefined;
        return {
          code: doc.code,
          title: doc.title,
          summary: doc.summary,
          categories: doc.categories,
          url: fragment?.url ?? pageOf(doc),
          excerpt: faultExcerpt(doc, query) || fragment?.excerpt || '',
        };
      }),
    );
    const hits = shown.filter((h) => h !== undefined);
    return { query, hits, ...note };
  }
}

/**
 * The structured search data split so that a search downloads only what it needs, as Pagefind
 * splits its index. Pure TypeScript, no DOM: the build writes the files (searchFiles, from
 * search-data.json once Pagefind has named its pages: integrations/pagefind.ts) and the browser
 * reads them (ShardedIndex, src/client/search/load.ts). A catalog whose data fits in WHOLE_CHARS
 * is not split: the manifest carries it whole.
 *
 * - A manifest: the number of pages, the shards that exist, every QuickBooks fault code (for
 *   normalizeQuery), the primary categories, and each page's Pagefind id (to fuse full-text results).
 * - Shards, cut as a trie is (each holds the keys starting with its name, at most SHARD_CHARS
 *   of them): for each stem, how many pages have it (so IDF stays catalog-wide) and its postings
 *   (page, unit of the page, field, the unit's IDF sum, primary category); the stem sequences of
 *   the QuickBooks messages those postings point to (for a pasted message); the pages of each
 *   fault code and error code starting so.
 * - Pages' display data (title, summary, categories, aliases, faults) in chunks of CHUNK pages,
 *   fetched for the hits shown only.
 *
 * The ranking is rankIndex's (rank.ts) on the part of the index the query's shards hold. A typo
 * or a prefix is matched against every stem of the catalog (the manifest lists them), and the
 * shards of the stems it stands for are downloaded; a pasted message finds the pages sharing two
 * words in a row with it through the pair shards ("~"). So a shard-backed search ranks as the
 * whole data does; the one exception is an error code typed without a hyphen whose start is no
 * word of the query's.
 */
import { FIELD_WEIGHTS, rankWeight, type Field } from './weights.ts';
import { candidatesOf, idfOf, indexOf, mayRun, rankIndex, type Entry, type Index, type Unit } from './rank.ts';
import { phrase } from './normalize.ts';
import type { NormalizedQuery, RankedResult, SearchDoc } from './types.ts';
import type { KnownIndex } from './engine.ts';
import type { IndexedDoc } from './pagefind.ts';
import { PAGEFIND_IDS } from '../urls.ts';

/**
 * Pages per display chunk. The hits shown are seldom neighbours, so each costs a chunk: measured
 * on 5,000 synthetic errors, 0.4 KB gzip for a chunk of one page, 0.6 KB of 4, 1.3 KB of 16.
 */
export const CHUNK = 1;

const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];
/** The reason a unit of each field gives (as rank.ts names them). */
const REASON: Record<Field, string> = {
  code: 'code',
  title: 'title',
  aliases: 'alias',
  faults: 'message',
  summary: 'summary',
  categories: 'category',
  fixWhere: 'fix',
  body: 'body',
};

export interface Manifest {
  /** Pages in the catalog. */
  docs: number;
  /** The shards: each holds the keys it is the longest start of (shardFor). */
  shards: string[];
  /** Every QuickBooks fault code of the catalog's errors. */
  faults: string[];
  /** The stems of QuickBooks' boilerplate (rank.ts Index `boilerplate`), space-separated. */
  boilerplate: string;
  /** Primary categories, referred to by their position. */
  categories: string[];
  /** Each page's primary category: one base-36 digit per page (its position in `categories`). */
  pageCategories: string;
  /** Pages per display chunk. */
  chunk: number;
  /** Every stem of the catalog, sorted, space-separated: typos and prefixes are matched against all of them. */
  stems: string;
  /**
   * The whole data, when it is small enough (WHOLE_CHARS) that a search downloading it all costs
   * less than the shards of its words would: then there are no shards, and the ranker ranks it.
   */
  whole?: SearchDoc[];
}

export interface Shard {
  /**
   * [stem, pages having it, postings: page (as the gap from the previous one), unit × 8 + field, the unit's IDF sum,
   * …].
   */
  t: [string, number, number[]][];
  /** [message number, its stems in order, space-separated]. */
  m: [number, string][];
  /** [fault code, [page, fault codes of the page, page, …]]. */
  f: [string, number[]][];
  /** [error code, page]. */
  c: [string, number][];
  /** [page, [unit, message number, unit, message number…]]: every QuickBooks message of the pages the shard names. */
  u: [number, number[]][];
  /** [two words in a row of a QuickBooks message, "~w1 w2" (stems), the pages having it]. */
  b: [string, number[]][];
  /** [page, its Pagefind id] of the pages the shard names. */
  p: [number, string][];
}

/**
 * Up to this many characters of JSON, the whole data goes in the manifest (the real catalog's is
 * about 33,000, 7.4 KB gzip): postings cost more than the pages they point to, so splitting a
 * small catalog would make each search download more, not less.
 */
export const WHOLE_CHARS = 64_000;

/** Raw JSON characters a shard holds at most, unless one key alone is larger (about a fifth of that gzipped). */
export const SHARD_CHARS = 12_000;

/** The shard of a key: the longest shard that is a start of it (undefined: no key of the catalog starts so). */
export function shardFor(key: string, shards: ReadonlySet<string>): string | undefined {
  for (let i = key.length; i >= 0; i--) if (shards.has(key.slice(0, i))) return key.slice(0, i);
  return undefined;
}

/**
 * Shards for keys of the given sizes, as a trie is cut: all keys starting with `start` make one
 * shard if they fit in SHARD_CHARS (or are one key), else they split by their next character (a
 * key equal to `start` stays in the shard `start`).
 */
function cut(keys: readonly [string, number][], start: string, out: Map<string, string>): void {
  const size = keys.reduce((n, [, chars]) => n + chars, 0);
  if (size <= SHARD_CHARS || keys.length === 1) {
    for (const [k] of keys) out.set(k, start);
    return;
  }
  const groups = new Map<string, [string, number][]>();
  for (const key of keys) {
    const next = key[0].slice(0, start.length + 1);
    groups.get(next)?.push(key) ?? groups.set(next, [key]);
  }
  for (const [next, group] of groups) {
    if (next === start) for (const [k] of group) out.set(k, start);
    else cut(group, next, out);
  }
}

/** A shard's file name: the hex of its UTF-8 bytes (any character, a safe file name). */
export const shardName = (shard: string): string =>
  [...new TextEncoder().encode(shard)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** The split data. */
export interface SplitData {
  manifest: Manifest;
  shards: Map<string, Shard>;
  chunks: SearchDoc[][];
}

/** Splits the search data of a catalog (pages in code order). */
export function splitData(input: readonly IndexedDoc[]): SplitData {
  const docs = [...input].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const ix = indexOf(docs);
  const categories: string[] = [];
  const catOf = (e: Entry) => {
    let i = categories.indexOf(e.category);
    if (i < 0) i = categories.push(e.category) - 1;
    return i;
  };
  const messages = new Map<string, number>();
  /** Each page's message units: [unit, message number…]. */
  const pageMessages: number[][] = [];
  /** Every key and its pages (for the gaps, the page tables), then its entry. */
  const postings = new Map<string, number[]>();
  const bigrams = new Map<string, number[]>();
  const faults = new Map<string, number[]>();
  const codes = new Map<string, number>();
  const cats = ix.entries.map((e, page) => {
    e.units.forEach((u, n) => {
      if (u.sequence?.length) {
        const seq = u.sequence.join(' ');
        const msg = messages.get(seq) ?? messages.set(seq, messages.size).size - 1;
        (pageMessages[page] ??= []).push(n, msg);
        for (let i = 1; i < u.sequence.length; i++) {
          const pair = `~${u.sequence[i - 1]} ${u.sequence[i]}`;
          const pages = bigrams.get(pair);
          if (!pages) bigrams.set(pair, [page]);
          else if (pages.at(-1) !== page) pages.push(page);
        }
      }
      const idfSum = Math.round(u.idfSum * 1e6) / 1e6;
      for (const s of u.stems) {
        const list = postings.get(s) ?? postings.set(s, []).get(s)!;
        list.push(page, n * 8 + FIELDS.indexOf(u.field), idfSum);
      }
    });
    for (const code of e.faultCodes)
      faults.get(code)?.push(page, e.faultCount) ?? faults.set(code, [page, e.faultCount]);
    codes.set(e.code, page);
    return catOf(e).toString(36);
  });
  if (categories.length > 36) throw new Error('search data: more than 36 primary categories');
  // Every key with its entry, and the pages it names.
  const entries = new Map<string, { kind: keyof Shard; entry: unknown; pages: number[] }>();
  const gaps = (list: number[], stride: number) =>
    list.map((v, i) => (i % stride === 0 && i >= stride ? v - list[i - stride]! : v));
  for (const [s, list] of postings) {
    const pages = list.filter((_, i) => i % 3 === 0);
    entries.set(s, { kind: 't', entry: [s, ix.df.get(s)!, gaps(list, 3)], pages });
  }
  for (const [pair, pages] of bigrams) entries.set(pair, { kind: 'b', entry: [pair, gaps(pages, 1)], pages });
  for (const [code, list] of faults)
    entries.set(code, { kind: 'f', entry: [code, list], pages: list.filter((_, i) => i % 2 === 0) });
  for (const [code, page] of codes)
    if (!entries.has(code)) entries.set(code, { kind: 'c', entry: [code, page], pages: [page] });
  const sequences = [...messages.keys()];
  // The size of a key in its shard: its entry, and the messages and Pagefind ids of its pages.
  const sizeOf = (k: string) => {
    const { entry, pages } = entries.get(k)!;
    return (
      JSON.stringify(entry).length +
      pages.length * 12 +
      pages.reduce((n, p) => n + (pageMessages[p]?.length ?? 0) * 3, 0)
    );
  };
  const idOf = new Map<string, string>();
  cut(
    [...entries.keys()].sort().map((k) => [k, sizeOf(k)]),
    '',
    idOf,
  );
  const shards = new Map<string, Shard>();
  const named = new Map<string, Set<number>>();
  for (const [k, { kind, entry, pages }] of entries) {
    const id = idOf.get(k)!;
    let sh = shards.get(id);
    if (!sh) shards.set(id, (sh = { t: [], m: [], f: [], c: [], u: [], b: [], p: [] }));
    (sh[kind] as unknown[]).push(entry);
    const set = named.get(id) ?? named.set(id, new Set()).get(id)!;
    pages.forEach((p) => set.add(p));
  }
  // An error code that is also a stem or a fault code: its page goes with that key's entry.
  for (const [code, page] of codes)
    if (entries.get(code)?.kind !== 'c') shards.get(idOf.get(code)!)!.c.push([code, page]);
  for (const [id, sh] of shards) {
    const have = new Set<number>();
    for (const page of [...named.get(id)!].sort((a, b) => a - b)) {
      const pf = docs[page]!.pagefindId;
      if (pf) sh.p.push([page, pf]);
      const units = pageMessages[page];
      if (!units) continue;
      sh.u.push([page, units]);
      for (let i = 1; i < units.length; i += 2) have.add(units[i]!);
    }
    for (const msg of [...have].sort((a, b) => a - b)) sh.m.push([msg, sequences[msg]!]);
  }
  const chunks: SearchDoc[][] = [];
  docs.forEach((d, i) => {
    const { pagefindId: _, ...doc } = d;
    (chunks[Math.floor(i / CHUNK)] ??= []).push(doc);
  });
  const manifest: Manifest = {
    docs: docs.length,
    shards: [...shards.keys()].sort(),
    faults: [...ix.faultCodes].sort(),
    boilerplate: [...ix.boilerplate].sort().join(' '),
    categories,
    pageCategories: cats.join(''),
    chunk: CHUNK,
    stems: [...postings.keys()].sort().join(' '),
  };
  return { manifest, shards, chunks };
}

/** Reads a file of the split data by its name (manifest.json, s<shard>.json, d<chunk>.json), parsed. */
export type ReadSplit = (file: string) => Promise<unknown>;

/**
 * The files of the search data as the browser downloads them, by the names ReadSplit asks for:
 * when `docs` fit in `wholeChars`, the manifest with the whole data in it (what the ranker needs,
 * nothing more: it is all a first result waits for) and PAGEFIND_IDS (fetched with Pagefind, to
 * fuse its results); else the split, whose shards name the Pagefind ids of their pages.
 */
export function searchFiles(docs: readonly IndexedDoc[], wholeChars = WHOLE_CHARS): Map<string, string> {
  if (JSON.stringify(docs).length <= wholeChars) {
    const { manifest } = splitData([]);
    const whole = docs.map(({ pagefindId: _, ...doc }) => doc);
    const ids = docs.flatMap((d) => (d.pagefindId ? [[d.pagefindId, d.code]] : []));
    return new Map([
      ['manifest.json', JSON.stringify({ ...manifest, docs: docs.length, whole })],
      [PAGEFIND_IDS, JSON.stringify(ids)],
    ]);
  }
  return splitFiles(splitData(docs));
}

/** The files of the split data, by the names ReadSplit asks for. */
export function splitFiles(data: SplitData): Map<string, string> {
  const files = new Map<string, string>([['manifest.json', JSON.stringify(data.manifest)]]);
  for (const [id, s] of data.shards) files.set(`s${shardName(id)}.json`, JSON.stringify(s));
  data.chunks.forEach((c, i) => files.set(`d${i}.json`, JSON.stringify(c)));
  return files;
}

/**
 * The structured ranker on the split data: downloads the shards of each query's words, and display data of the hits
 * shown.
 */
export class ShardedIndex implements KnownIndex {
  readonly manifest: Manifest;
  readonly faultCodes: ReadonlySet<string>;
  readonly #boilerplate: Set<string>;
  readonly #read: ReadSplit;
  readonly #shards = new Map<string, Promise<Shard | undefined>>();
  readonly #chunks = new Map<number, Promise<SearchDoc[]>>();
  readonly #exists: ReadonlySet<string>;
  readonly #pagefind = new Map<string, string>();
  /** Every stem of the catalog (the values mean nothing: candidatesOf only asks which stems exist). */
  readonly #vocabulary: ReadonlyMap<string, number>;

  constructor(manifest: Manifest, read: ReadSplit) {
    this.manifest = manifest;
    this.#read = read;
    this.faultCodes = new Set(manifest.faults);
    this.#boilerplate = new Set(manifest.boilerplate.split(' ').filter(Boolean));
    this.#exists = new Set(manifest.shards);
    this.#vocabulary = new Map(manifest.stems ? manifest.stems.split(' ').map((s) => [s, 1]) : []);
  }

  static async load(read: ReadSplit): Promise<ShardedIndex> {
    return new ShardedIndex((await read('manifest.json')) as Manifest, read);
  }

  #shard(id: string): Promise<Shard | undefined> {
    if (!this.#exists.has(id)) return Promise.resolve(undefined);
    let s = this.#shards.get(id);
    if (!s) {
      s = (this.#read(`s${shardName(id)}.json`) as Promise<Shard>).then((shard) => {
        this.#merge(shard);
        return shard;
      });
      // A failed download is tried again by the next search.
      s.catch(() => this.#shards.delete(id));
      this.#shards.set(id, s);
    }
    return s;
  }

  /**
   * The shards a query needs: those of the stems its words stand for (themselves, their synonyms,
   * the stems of the catalog they are a typo or the start of), of its fault codes, of the error
   * codes it may name, and of the pairs of words in a row it has (a pasted message).
   */
  shardsFor(q: NormalizedQuery): string[] {
    const keys = new Set<string>();
    for (const raw of new Set(q.terms)) for (const s of candidatesOf(raw, this.#vocabulary).keys()) keys.add(s);
    const toks = q.text.split(' ');
    // Every code the query names (a fault code's own page may have it), and any word that is a code the errors quote.
    for (const t of q.faultCodes) keys.add(t);
    for (const t of toks) if (this.faultCodes.has(t)) keys.add(t);
    // The fault's anatomy: the pages whose messages share it.
    for (const s of q.signals) keys.add(s);
    // An error code typed as is ("invoice-closed-period") is in the shard of its start.
    for (const t of toks) if (t.includes('-')) keys.add(t);
    const seq = phrase(q.text);
    for (let i = 1; i < seq.length; i++) keys.add(`~${seq[i - 1]} ${seq[i]}`);
    return [...new Set([...keys].flatMap((k) => shardFor(k, this.#exists) ?? []))];
  }

  /** The ranking rankKnown gives on the whole data; results are known by page number (`code`), see doc(). */
  async rank(q: NormalizedQuery): Promise<RankedResult[]> {
    const signature = JSON.stringify(q);
    if (this.#last?.signature === signature) return this.#last.results;
    await Promise.all(this.shardsFor(q).map((id) => this.#shard(id)));
    const results = this.#rank(q);
    this.#last = { signature, results };
    return results;
  }

  /** The last ranking (the engine asks twice: for the ranker's results, then to fuse Pagefind's). */
  #last: { signature: string; results: RankedResult[] } | undefined;
  // What the shards downloaded so far hold, merged (their keys never overlap).
  readonly #idf = new Map<string, number>();
  readonly #postings = new Map<string, number[]>();
  readonly #sequences = new Map<number, string[]>();
  readonly #faults = new Map<string, number[]>();
  readonly #codes = new Map<string, number>();
  readonly #pageMessages = new Map<number, number[]>();
  readonly #bigrams = new Map<string, number[]>();

  #merge(s: Shard): void {
    for (const [t, df, list] of s.t) {
      this.#idf.set(t, idfOf(df, this.manifest.docs));
      this.#postings.set(t, list);
    }
    for (const [pair, pages] of s.b) this.#bigrams.set(pair, pages);
    for (const [page, units] of s.u) this.#pageMessages.set(page, units);
    for (const [n, seq] of s.m) if (!this.#sequences.has(n)) this.#sequences.set(n, seq.split(' '));
    for (const [code, list] of s.f) this.#faults.set(code, list);
    for (const [code, page] of s.c) this.#codes.set(code, page);
    for (const [page, pf] of s.p) this.#pagefind.set(pf, String(page));
  }

  #rank(q: NormalizedQuery): RankedResult[] {
    const idf = this.#idf;
    const postings = this.#postings;
    const sequences = this.#sequences;
    const faults = this.#faults;
    const codes = this.#codes;
    const pageMessages = this.#pageMessages;
    const bigrams = this.#bigrams;
    const entries = new Map<number, Entry & { byUnit: Map<number, Unit> }>();
    const categories = this.manifest.categories;
    const entry = (page: number) => {
      let e = entries.get(page);
      if (!e) {
        const category = categories[parseInt(this.manifest.pageCategories[page] ?? '', 36)] ?? '';
        e = {
          key: String(page),
          code: '',
          category,
          units: [],
          faultCodes: new Set(),
          faultCount: 0,
          byUnit: new Map(),
        };
        entries.set(page, e);
      }
      return e;
    };
    const stems = new Set<string>(q.signals);
    for (const raw of new Set(q.terms)) for (const candidate of candidatesOf(raw, idf).keys()) stems.add(candidate);
    for (const s of stems) {
      const list = postings.get(s) ?? [];
      let page = 0;
      for (let i = 0; i < list.length; i += 3) {
        page = i ? page + list[i]! : list[i]!;
        const e = entry(page);
        const n = Math.floor(list[i + 1]! / 8);
        let u = e.byUnit.get(n);
        if (!u) {
          const f = FIELDS[list[i + 1]! % 8]!;
          u = { field: f, reason: REASON[f], weight: rankWeight(f), stems: new Set(), idfSum: list[i + 2]! };
          e.byUnit.set(n, u);
        }
        u.stems.add(s);
      }
    }
    const toks = q.text.split(' ');
    for (const code of new Set([...q.faultCodes, ...toks.filter((t) => this.faultCodes.has(t))])) {
      const list = faults.get(code) ?? [];
      for (let i = 0; i < list.length; i += 2) {
        const e = entry(list[i]!);
        e.faultCodes.add(code);
        e.faultCount = list[i + 1]!;
      }
    }
    for (const t of toks) {
      const page = codes.get(t);
      if (page !== undefined) entry(page).code = t;
    }
    const seq = phrase(q.text);
    for (let i = 1; i < seq.length; i++) {
      let page = 0;
      (bigrams.get(`~${seq[i - 1]} ${seq[i]}`) ?? []).forEach((gap, j) => entry((page = j ? page + gap : gap)));
    }
    // A pasted message counts on a page by any of its messages, whether a word of the query matched
    // it or not; a message with no two words of the query in a row cannot count (mayRun), and
    // is left out unless a word matched it.
    const seqStems = new Set(seq);
    for (const [page, e] of entries) {
      const units = pageMessages.get(page) ?? [];
      for (let i = 0; i < units.length; i += 2) {
        const u = e.byUnit.get(units[i]!);
        const sequence = sequences.get(units[i + 1]!) ?? [];
        if (u) u.sequence = sequence;
        else if (mayRun(seqStems, sequence))
          e.byUnit.set(units[i]!, {
            field: 'faults',
            reason: REASON.faults,
            weight: rankWeight('faults'),
            stems: new Set(),
            idfSum: 0,
            sequence,
          });
      }
    }
    for (const e of entries.values()) e.units = [...e.byUnit].sort((a, b) => a[0] - b[0]).map(([, u]) => u);
    const ix: Index = {
      entries: [...entries.values()],
      idf,
      faultCodes: new Set(this.faultCodes),
      df: new Map(),
      boilerplate: this.#boilerplate,
    };
    return rankIndex(q, ix, (a, b) => Number(a) - Number(b));
  }

  /** Pages of equal score go by number, which is the order of their codes. */
  compare = (a: string, b: string): number => Number(a) - Number(b);

  /**
   * Each Pagefind id → the page's number (its key), for the pages the shards downloaded so far
   * name: a live map, that grows with each search. A Pagefind hit on a page no shard of the
   * query names (the ranker gave it nothing) is left out of the fusion.
   */
  pagefindKeys(): ReadonlyMap<string, string> {
    return this.#pagefind;
  }

  /** The display data of a page, by its number (as rank() gives it). */
  async doc(key: string): Promise<SearchDoc | undefined> {
    const page = Number(key);
    if (!Number.isInteger(page) || page < 0 || page >= this.manifest.docs) return undefined;
    const n = Math.floor(page / this.manifest.chunk);
    let c = this.#chunks.get(n);
    if (!c) {
      c = this.#read(`d${n}.json`) as Promise<SearchDoc[]>;
      c.catch(() => this.#chunks.delete(n));
      this.#chunks.set(n, c);
    }
    return (await c)[page % this.manifest.chunk];
  }
}

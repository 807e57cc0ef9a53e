/**
 * The structured search data split so that a search downloads only what it needs, as Pagefind
 * splits its index. Pure TypeScript, no DOM: the build writes the files (writeShards, from
 * search-data.json once Pagefind has named its pages: integrations/pagefind.ts) and the browser
 * reads them (ShardedIndex, src/client/search/load.ts).
 *
 * - A manifest: the number of pages, the shards that exist, every QuickBooks fault code (for
 *   normalizeQuery), the primary categories, and each page's Pagefind id (to fuse full-text results).
 * - Shards, one per start of a key (the first `prefix` characters: 1 for a small catalog, 2 from
 *   SMALL_CATALOG pages): for each stem starting so, how many pages have it (so IDF stays
 *   catalog-wide) and its postings (page, unit of the page, field, the unit's IDF sum, primary
 *   category); the stem sequences of the QuickBooks messages those postings point to (for a
 *   pasted message); the pages of each fault code and error code starting so.
 * - Pages' display data (title, summary, categories, aliases, faults) in chunks of CHUNK pages,
 *   fetched for the hits shown only.
 *
 * The ranking is rankIndex's (rank.ts) on the part of the index the query's shards hold, so a
 * shard-backed search ranks as the whole data does, except that a typo or a prefix only finds
 * A typo or a prefix is matched against every stem of the catalog (the manifest lists them), and
 * the shards of the stems it stands for are downloaded; a pasted message finds the pages sharing
 * two words in a row with it through the pair shards ("~"). So a shard-backed search ranks as
 * the whole data does; the one exception is an error code typed without a hyphen whose start
 * is no word of the query's.
 */
import { FIELD_WEIGHTS, rankWeight, type Field } from './weights.ts';
import { candidatesOf, idfOf, indexOf, rankIndex, type Entry, type Index, type Unit } from './rank.ts';
import { stem, words } from './normalize.ts';
import type { NormalizedQuery, RankedResult, SearchDoc } from './types.ts';
import type { KnownIndex } from './engine.ts';

/** From this many pages, shards are keyed by two characters, not one. */
export const SMALL_CATALOG = 500;
/** Pages per display chunk. */
export const CHUNK = 16;

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
  /** Characters of a key that name its shard. */
  prefix: number;
  /** The names of the shards that exist (shardName). */
  shards: string[];
  /** Every QuickBooks fault code of the catalog. */
  faults: string[];
  /** Primary categories, referred to by their position. */
  categories: string[];
  /** Pages per display chunk. */
  chunk: number;
  /** Each page's Pagefind id, by page number ('' when it has none). */
  pagefind: string[];
  /** Every stem of the catalog, sorted, space-separated: typos and prefixes are matched against all of them. */
  stems: string;
}

/** [page, unit, field, IDF sum of the unit, primary category, QuickBooks message (its number), if it is one]. */
type Posting = [number, number, number, number, number] | [number, number, number, number, number, number];
export interface Shard {
  /** [stem, pages having it, postings]. */
  t: [string, number, Posting[]][];
  /** [message number, its stems in order, space-separated]. */
  m: [number, string][];
  /** [fault code, [page, fault codes of the page, primary category][]]. */
  f: [string, [number, number, number][]][];
  /** [error code, page, primary category]. */
  c: [string, number, number][];
  /** [page, [unit, message number, unit, message number…]]: every QuickBooks message of the pages the postings name. */
  u: [number, number[]][];
  /** [two words in a row of a QuickBooks message ("w1 w2", stems), [page, primary category, page…]]: in the shard "~" + w1's shard. */
  b: [string, number[]][];
}

/** The shard a key (a stem, a fault code, an error code) belongs to. */
export const shardOf = (key: string, prefix: number): string => [...key].slice(0, prefix).join('');

/** The shard of the pairs of words in a row starting with `word`. */
export const bigramShard = (word: string, prefix: number): string => `~${shardOf(word, prefix)}`;

/** A shard's file name: the hex of its UTF-8 bytes (any character, a safe file name). */
export const shardName = (shard: string): string => [...new TextEncoder().encode(shard)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** The file names and contents of the split data (manifest.json, s<shard>.json, d<chunk>.json). */
export interface SplitData {
  manifest: Manifest;
  shards: Map<string, Shard>;
  chunks: SearchDoc[][];
}

type IndexedDoc = SearchDoc & { pagefindId?: string | undefined };

/** Splits the search data of a catalog (pages in code order). */
export function splitData(input: readonly IndexedDoc[]): SplitData {
  const docs = [...input].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const prefix = docs.length < SMALL_CATALOG ? 1 : 2;
  const ix = indexOf(docs);
  const categories: string[] = [];
  const catOf = (e: Entry) => {
    let i = categories.indexOf(e.category);
    if (i < 0) i = categories.push(e.category) - 1;
    return i;
  };
  const shards = new Map<string, Shard>();
  const shard = (key: string) => {
    const id = key.startsWith(' ') ? bigramShard(key.slice(1), prefix) : shardOf(key, prefix);
    let s = shards.get(id);
    if (!s) shards.set(id, (s = { t: [], m: [], f: [], c: [], u: [], b: [] }));
    return s;
  };
  const messages = new Map<string, number>();
  /** Each page's message units: [unit, message number…]. */
  const pageMessages: number[][] = [];
  const postings = new Map<string, Posting[]>();
  const bigrams = new Map<string, number[]>();
  const faults = new Map<string, [number, number, number][]>();
  ix.entries.forEach((e, page) => {
    const cat = catOf(e);
    e.units.forEach((u, n) => {
      const idfSum = u.idfSum;
      let msg: number | undefined;
      if (u.sequence) {
        const seq = u.sequence.join(' ');
        msg = messages.get(seq) ?? messages.set(seq, messages.size).size - 1;
        if (u.sequence.length) (pageMessages[page] ??= []).push(n, msg);
        for (let i = 1; i < u.sequence.length; i++) {
          const pair = `${u.sequence[i - 1]} ${u.sequence[i]}`;
          const pages = bigrams.get(pair);
          if (!pages) bigrams.set(pair, [page, cat]);
          else if (pages.at(-2) !== page) pages.push(page, cat);
        }
      }
      for (const s of u.stems) {
        const p: Posting = msg === undefined ? [page, n, FIELDS.indexOf(u.field), idfSum, cat] : [page, n, FIELDS.indexOf(u.field), idfSum, cat, msg];
        postings.get(s)?.push(p) ?? postings.set(s, [p]);
      }
    });
    for (const code of e.faultCodes) {
      const f: [number, number, number] = [page, e.faultCount, cat];
      faults.get(code)?.push(f) ?? faults.set(code, [f]);
    }
    shard(e.code).c.push([e.code, page, cat]);
  });
  const sequences = [...messages.keys()];
  for (const [s, list] of postings) {
    const sh = shard(s);
    sh.t.push([s, ix.df.get(s)!, list]);
  }
  for (const [pair, pages] of bigrams) shard(` ${pair}`).b.push([pair, pages]);
  for (const sh of shards.values()) {
    const pages = new Set([...sh.t.flatMap(([, , list]) => list.map(([page]) => page)), ...sh.b.flatMap(([, list]) => list.filter((_, i) => i % 2 === 0))]);
    const have = new Set<number>();
    for (const page of [...pages].sort((a, b) => a - b)) {
      const units = pageMessages[page];
      if (!units) continue;
      sh.u.push([page, units]);
      for (let i = 1; i < units.length; i += 2) have.add(units[i]!);
    }
    for (const msg of [...have].sort((a, b) => a - b)) sh.m.push([msg, sequences[msg]!]);
  }
  for (const [code, list] of faults) shard(code).f.push([code, list]);
  const chunks: SearchDoc[][] = [];
  docs.forEach((d, i) => {
    const { pagefindId: _, ...doc } = d;
    (chunks[Math.floor(i / CHUNK)] ??= []).push(doc);
  });
  const manifest: Manifest = {
    docs: docs.length,
    prefix,
    shards: [...shards.keys()].map(shardName).sort(),
    faults: [...ix.faultCodes].sort(),
    categories,
    chunk: CHUNK,
    pagefind: docs.map((d) => d.pagefindId ?? ''),
    stems: [...postings.keys()].sort().join(' '),
  };
  return { manifest, shards, chunks };
}

/** Reads a file of the split data by its name (manifest.json, s<shard>.json, d<chunk>.json), parsed. */
export type ReadSplit = (file: string) => Promise<unknown>;

/** The files of the split data, by the names ReadSplit asks for. */
export function splitFiles(data: SplitData): Map<string, string> {
  const files = new Map<string, string>([['manifest.json', JSON.stringify(data.manifest)]]);
  for (const [id, s] of data.shards) files.set(`s${shardName(id)}.json`, JSON.stringify(s));
  data.chunks.forEach((c, i) => files.set(`d${i}.json`, JSON.stringify(c)));
  return files;
}

/** The structured ranker on the split data: downloads the shards of each query's words, and display data of the hits shown. */
export class ShardedIndex implements KnownIndex {
  readonly manifest: Manifest;
  readonly faultCodes: ReadonlySet<string>;
  readonly #read: ReadSplit;
  readonly #shards = new Map<string, Promise<Shard | undefined>>();
  readonly #chunks = new Map<number, Promise<SearchDoc[]>>();
  readonly #exists: ReadonlySet<string>;
  /** Every stem of the catalog (the values mean nothing: candidatesOf only asks which stems exist). */
  readonly #vocabulary: ReadonlyMap<string, number>;

  constructor(manifest: Manifest, read: ReadSplit) {
    this.manifest = manifest;
    this.#read = read;
    this.faultCodes = new Set(manifest.faults);
    this.#exists = new Set(manifest.shards);
    this.#vocabulary = new Map(manifest.stems ? manifest.stems.split(' ').map((s) => [s, 1]) : []);
  }

  static async load(read: ReadSplit): Promise<ShardedIndex> {
    return new ShardedIndex((await read('manifest.json')) as Manifest, read);
  }

  #shard(id: string): Promise<Shard | undefined> {
    const name = shardName(id);
    if (!this.#exists.has(name)) return Promise.resolve(undefined);
    let s = this.#shards.get(name);
    if (!s) {
      s = this.#read(`s${name}.json`) as Promise<Shard>;
      // A failed download is tried again by the next search.
      s.catch(() => this.#shards.delete(name));
      this.#shards.set(name, s);
    }
    return s;
  }

  /**
   * The shards a query needs: those of the stems its words stand for (themselves, their synonyms,
   * the stems of the catalog they are a typo or the start of) and of its fault codes.
   */
  shardsFor(q: NormalizedQuery): string[] {
    const keys = new Set<string>();
    for (const raw of new Set(q.terms)) for (const s of candidatesOf(raw, this.#vocabulary).keys()) keys.add(s);
    for (const t of [...q.faultCodes, ...q.text.split(' ')]) if (this.faultCodes.has(t)) keys.add(t);
    // An error code typed as is ("invoice-closed-period") is in the shard of its start.
    for (const t of q.text.split(' ')) if (t.includes('-')) keys.add(t);
    const ids = new Set([...keys].map((k) => shardOf(k, this.manifest.prefix)));
    // A pasted message: the pages sharing two words in a row with the query.
    const seq = words(q.text).map(stem);
    for (let i = 1; i < seq.length; i++) ids.add(bigramShard(seq[i - 1]!, this.manifest.prefix));
    return [...ids].filter((id) => this.#exists.has(shardName(id)));
  }

  /** The ranking rankKnown gives on the whole data; results are known by page number (`code`), see doc(). */
  async rank(q: NormalizedQuery): Promise<RankedResult[]> {
    const shards = (await Promise.all(this.shardsFor(q).map((id) => this.#shard(id)))).filter((s) => s !== undefined);
    const idf = new Map<string, number>();
    const postings = new Map<string, Posting[]>();
    const sequences = new Map<number, string[]>();
    const faults = new Map<string, [number, number, number][]>();
    const codes = new Map<string, [number, number]>();
    const pageMessages = new Map<number, number[]>();
    const bigrams = new Map<string, number[]>();
    for (const s of shards) {
      for (const [pair, pages] of s.b) bigrams.set(pair, pages);
      for (const [page, units] of s.u) pageMessages.set(page, units);
      for (const [t, df, list] of s.t) {
        idf.set(t, idfOf(df, this.manifest.docs));
        postings.set(t, list);
      }
      for (const [n, seq] of s.m) sequences.set(n, seq.split(' '));
      for (const [code, list] of s.f) faults.set(code, list);
      for (const [code, page, cat] of s.c) codes.set(code, [page, cat]);
    }
    const entries = new Map<number, Entry & { byUnit: Map<number, Unit> }>();
    const entry = (page: number, cat: number) => {
      let e = entries.get(page);
      if (!e) {
        e = { key: String(page), code: '', category: this.manifest.categories[cat] ?? '', units: [], faultCodes: new Set(), faultCount: 0, byUnit: new Map() };
        entries.set(page, e);
      }
      return e;
    };
    const stems = new Set<string>();
    for (const raw of new Set(q.terms)) for (const candidate of candidatesOf(raw, idf).keys()) stems.add(candidate);
    for (const s of stems)
      for (const [page, n, field, idfSum, cat, msg] of postings.get(s) ?? []) {
        const e = entry(page, cat);
        let u = e.byUnit.get(n);
        if (!u) {
          const f = FIELDS[field]!;
          u = { field: f, reason: REASON[f], weight: rankWeight(f), stems: new Set(), idfSum };
          if (msg !== undefined) u.sequence = sequences.get(msg) ?? [];
          e.byUnit.set(n, u);
        }
        u.stems.add(s);
      }
    const toks = q.text.split(' ');
    for (const code of new Set([...q.faultCodes, ...toks.filter((t) => this.faultCodes.has(t))]))
      for (const [page, count, cat] of faults.get(code) ?? []) {
        const e = entry(page, cat);
        e.faultCodes.add(code);
        e.faultCount = count;
      }
    for (const t of toks) {
      const hit = codes.get(t);
      if (hit) entry(hit[0], hit[1]).code = t;
    }
    const seq = words(q.text).map(stem);
    for (let i = 1; i < seq.length; i++) {
      const pages = bigrams.get(`${seq[i - 1]} ${seq[i]}`) ?? [];
      for (let j = 0; j < pages.length; j += 2) entry(pages[j]!, pages[j + 1]!);
    }
    // A pasted message counts on a page by any of its messages, whether a word of the query matched it or not.
    for (const [page, e] of entries) {
      const units = pageMessages.get(page) ?? [];
      for (let i = 0; i < units.length; i += 2)
        if (!e.byUnit.has(units[i]!))
          e.byUnit.set(units[i]!, { field: 'faults', reason: REASON.faults, weight: rankWeight('faults'), stems: new Set(), idfSum: 0, sequence: sequences.get(units[i + 1]!) ?? [] });
    }
    for (const e of entries.values()) e.units = [...e.byUnit].sort((a, b) => a[0] - b[0]).map(([, u]) => u);
    const ix: Index = { entries: [...entries.values()], idf, faultCodes: new Set(this.faultCodes), df: new Map() };
    return rankIndex(q, ix, (a, b) => Number(a) - Number(b));
  }

  /** Pages of equal score go by number, which is the order of their codes. */
  compare = (a: string, b: string): number => Number(a) - Number(b);

  /** Each Pagefind id → the page's number (its key). */
  pagefindKeys(): Map<string, string> {
    return new Map(this.manifest.pagefind.flatMap((id, page) => (id ? [[id, String(page)] as const] : [])));
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

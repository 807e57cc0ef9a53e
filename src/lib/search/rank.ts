/**
 * Ranks the known error pages for a query, best first. Pure TypeScript, no DOM: the browser
 * loads it lazily next to Pagefind, and the offline export uses it alone.
 *
 * What scores, strongest first: a QuickBooks fault code of the page; the page's error code
 * typed as is; a pasted QuickBooks message (longest run of words in common with one of the
 * page's fault messages); then each query word by where it matches (title, alias and code
 * words > fault texts > summary > categories > body), weighted by how rare the word is in the
 * catalog (IDF), so "inactive" counts for more than "invoice". A word also matches through a
 * domain synonym, a typo (Damerau-Levenshtein 1, or 2 from 8 letters) or as a prefix, for
 * less. Every word adds on its own, so a long query still finds the pages matching most of it.
 */
import { isTerm, normalizeQuery, stem, words } from './normalize.ts';
import type { NormalizedQuery, RankedResult, SearchDoc } from './types.ts';
import { rankWeight, type Field } from './weights.ts';

/**
 * Query word → words of the pages that mean the same here. Maps, not plain objects: a query
 * word is anything someone types, and "constructor" must not find Object.prototype's.
 */
const SYN = new Map<string, string[]>();
for (const p of (
  'customer:client client:customer vendor:supplier supplier:vendor product:item service:item delete:remove ' +
  'remove:delete reopen:period,closed closed:period book:period merge:duplicate taken:exists deactivated:inactive ' +
  'disabled:inactive archived:inactive gst:tax hst:tax vat:tax stock:inventory group:bundle bundle:group ' +
  'method:type cheque:check card:credit usd:currency cad:currency eur:currency gbp:currency aud:currency nzd:currency'
).split(' ')) {
  const [k, v] = p.split(':');
  SYN.set(stem(k!), v!.split(',').map(stem));
}

/**
 * Query word → the record it names. A paste often says which record failed ("Invoice 1042 failed
 * to sync: …"); where QuickBooks sends the same message for several records, that picks the page.
 */
const RECORD = new Map<string, string>();
for (const p of 'client:client customer:client invoice:invoice item:item product:item payment:payment'.split(' ')) {
  const [k, v] = p.split(':');
  RECORD.set(stem(k!), v!);
}
/** How much a page whose primary category is a record the query names gains, as a factor. */
const RECORD_FACTOR = 1.15;

/** One field of a page as the ranker matches it (a page's aliases and fault texts are one unit each). */
export interface Unit {
  /** The field it is part of. */
  field: Field;
  /** Reason shown when this unit matches. */
  reason: string;
  /** Weight of the field (weights.ts). */
  weight: number;
  /** Stems of its meaningful words. */
  stems: Set<string>;
  /** Sum of their IDF (set once the catalog is indexed). */
  idfSum: number;
  /** All its stems in order (QuickBooks texts only, for phrase matching). */
  sequence?: string[];
}
export interface Entry {
  /** What the result is known by: the page's code (or, in a shard-backed index, its number). */
  key: string;
  /** The page's error code ('' when a shard-backed index knows the query does not name it). */
  code: string;
  /** Its primary category. */
  category: string;
  units: Unit[];
  /** The QuickBooks fault codes of the page (a shard-backed index: those the query names). */
  faultCodes: Set<string>;
  /** How many fault codes the page has. */
  faultCount: number;
}
export interface Index {
  entries: Entry[];
  /** Stem → its IDF: rarer in the catalog, higher. */
  idf: Map<string, number>;
  /** Every fault code of the catalog. */
  faultCodes: Set<string>;
  /** Stem → how many pages have it. */
  df: Map<string, number>;
}

function unit(reason: string, field: Field, text: string, phrase?: boolean): Unit {
  const ws = words(text);
  const u: Unit = { field, reason, weight: rankWeight(field), stems: new Set(ws.filter(isTerm).map(stem)), idfSum: 0 };
  if (phrase) u.sequence = ws.map(stem);
  return u;
}

const cache = new WeakMap<readonly SearchDoc[], Index>();

/** The ranker's index of `docs` (cached per array). */
export function indexOf(docs: readonly SearchDoc[]): Index {
  let ix = cache.get(docs);
  if (!ix) cache.set(docs, (ix = build(docs)));
  return ix;
}

/** The IDF of a stem found on `count` of `total` pages. */
export const idfOf = (count: number, total: number): number => Math.log(1 + (total - count + 0.5) / (count + 0.5));

function build(docs: readonly SearchDoc[]): Index {
  const df = new Map<string, number>();
  const faultCodes = new Set<string>();
  const entries = docs.map((doc): Entry => {
    const units = [
      unit('code', 'code', doc.code),
      unit('title', 'title', doc.title),
      ...doc.aliases.map((a) => unit('alias', 'aliases', a)),
      ...doc.faults.flatMap((f) => [unit('message', 'faults', f.message, true), unit('message', 'faults', f.name ?? '', true)]),
      unit('summary', 'summary', doc.summary),
      unit('category', 'categories', doc.categories.join(' ')),
      unit('fix', 'fixWhere', doc.fixWhere),
      unit('body', 'body', doc.body ?? ''),
    ];
    const own = new Set(doc.faults.flatMap((f) => (f.code ? [f.code] : [])));
    own.forEach((code) => faultCodes.add(code));
    new Set(units.flatMap((u) => [...u.stems])).forEach((s) => df.set(s, (df.get(s) ?? 0) + 1));
    return { key: doc.code, code: doc.code, category: doc.categories[0] ?? '', units, faultCodes: own, faultCount: own.size };
  });
  const idf = new Map<string, number>();
  df.forEach((count, s) => idf.set(s, idfOf(count, docs.length)));
  for (const { units } of entries) for (const u of units) u.stems.forEach((s) => (u.idfSum += idf.get(s)!));
  return { entries, idf, faultCodes, df };
}

/** Optimal-string-alignment distance of a and b is at most k. */
export function near(a: string, b: string, k: number): boolean {
  if (Math.abs(a.length - b.length) > k) return false;
  // Rows of the edit-distance table: two rows back (for transpositions), the previous one, this one.
  let older: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      let cost = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, older[j - 2]! + 1);
      current[j] = cost;
      low = Math.min(low, cost);
    }
    if (low > k) return false;
    older = previous;
    previous = current;
  }
  return previous[b.length]! <= k;
}

/**
 * Whether a query word occurs among a page's stems, by the ranker's rule for what a word
 * matches: the same stem, or, from 4 letters, the start of a word or a typo (1 edit, 2 from 8
 * letters). The search engine holds a full-text index's answers to the same rule (engine.ts).
 */
export function occursIn(raw: string, stems: ReadonlySet<string>): boolean {
  const t = stem(raw);
  if (stems.has(t)) return true;
  if (raw.length <= 3) return false;
  for (const v of stems) if (v.startsWith(t) || near(t, v, raw.length > 7 ? 2 : 1)) return true;
  return false;
}

/**
 * The page stems a query word stands for, each with its weight and how it matched ('' as
 * itself): its stem, its synonyms, and (for a word the catalog lacks, from 4 letters) the known
 * stems it is a typo or the start of. Only stems `idf` holds count.
 */
export function candidatesOf(raw: string, idf: ReadonlyMap<string, number>): Map<string, [number, string]> {
  const t = stem(raw);
  const candidates = new Map<string, [number, string]>();
  const top = idf.get(t) ?? Infinity;
  const add = (candidate: string, factor: number, how: string): void => {
    const w = idf.get(candidate);
    if (w && !candidates.has(candidate)) candidates.set(candidate, [factor * Math.min(top, w), how]);
  };
  add(t, 1, '');
  for (const synonym of SYN.get(t) ?? []) add(synonym, 0.8, 'synonym');
  if (!idf.has(t) && raw.length > 3)
    for (const known of idf.keys())
      if (near(t, known, raw.length > 7 ? 2 : 1)) add(known, 0.7, 'typo');
      else if (known.startsWith(t)) add(known, 0.6, 'prefix');
  return candidates;
}

/** Length of the longest run of words a and b have in common. */
export function run(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  // previous[j]: the run of words in common ending at the previous word of a and the word j of b.
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (const word of a) {
    for (let j = 0; j < b.length; j++) {
      const n = word === b[j] ? previous[j]! + 1 : 0;
      current[j + 1] = n;
      if (n > best) best = n;
    }
    [previous, current] = [current, previous];
  }
  return best;
}

/**
 * Whether `sequence` has two words in a row that are both words of the query (`stems`): without
 * that, its run with the query is at most one word, which never counts (rankIndex).
 */
export function mayRun(stems: ReadonlySet<string>, sequence: readonly string[]): boolean {
  for (let i = 1; i < sequence.length; i++) if (stems.has(sequence[i]!) && stems.has(sequence[i - 1]!)) return true;
  return false;
}

/**
 * The known pages matching a query, best first (ties by code), only those scoring above 0.
 * A string is normalized here with the catalog's fault codes. The index of `docs` is cached
 * per array: pass the same array each time, and a new one when the catalog changes.
 */
export function rankKnown(query: NormalizedQuery | string, docs: readonly SearchDoc[]): RankedResult[] {
  const ix = indexOf(docs);
  const q = typeof query === 'string' ? normalizeQuery(query, ix.faultCodes) : query;
  return rankIndex(q, ix);
}

/**
 * The ranking of rankKnown on an index: the whole catalog's, or the part of it a query needs
 * (shards.ts), whose `idf` holds the stems of the shards loaded and whose entries hold only the
 * units those stems occur in. Ties go by `compare` of the keys (by code by default).
 */
export function rankIndex(q: NormalizedQuery, ix: Index, compare: (a: string, b: string) => number = (a, b) => (a < b ? -1 : 1)): RankedResult[] {
  const { idf, faultCodes } = ix;
  const toks = q.text.split(' ');
  const wanted = new Set([...q.faultCodes, ...toks.filter((t) => faultCodes.has(t))]);
  const seq = words(q.text).map(stem);

  // Each query word → the page stems it stands for: [stem, weight, how it matched ('' as itself)].
  const terms = [...new Set(q.terms)].map((raw) => [...candidatesOf(raw, idf)].map(([stem, [w, how]]) => ({ stem, w, how })));
  let total = 0;
  for (const candidates of terms) total += Math.max(0, ...candidates.map(({ w }) => w));
  const records = new Set(q.terms.flatMap((raw) => RECORD.get(stem(raw)) ?? []));
  const seqStems = new Set(seq);

  const out: RankedResult[] = [];
  for (const { key, code, category, units, faultCodes: docCodes, faultCount } of ix.entries) {
    let score = 0;
    const why = new Set<string>();
    for (const code of wanted)
      if (docCodes.has(code)) {
        score += 20 + 4 / faultCount;
        why.add('fault ' + code);
      }
    if (code && toks.includes(code)) {
      score += 40;
      why.add('error code');
    }
    // How much of the query each unit covers.
    const cover = new Array<number>(units.length).fill(0);
    for (const candidates of terms) {
      let best = 0;
      let reason = '';
      let how = '';
      for (let i = 0; i < units.length; i++) {
        const u = units[i]!;
        let hit = 0;
        let hitHow = '';
        for (const c of candidates) if (c.w > hit && u.stems.has(c.stem)) [hit, hitHow] = [c.w, c.how];
        cover[i]! += hit;
        if (hit * u.weight > best) [best, reason, how] = [hit * u.weight, u.reason, hitHow];
      }
      score += best;
      if (reason) why.add(reason);
      if (how) why.add(how);
    }
    // The field that covers the query best (an alias typed in full, a title) counts again.
    let bonus = 0;
    units.forEach((u, i) => {
      if (u.reason !== 'body' && cover[i]) bonus = Math.max(bonus, u.weight * 4 * (cover[i]! / total) * Math.min(1, cover[i]! / u.idfSum));
    });
    score += bonus;
    // A pasted QuickBooks message: the longest run of words shared with one of its texts.
    let msg = 0;
    for (const u of units)
      if (u.sequence?.length && mayRun(seqStems, u.sequence)) {
        const n = run(seq, u.sequence);
        if (n > 2 || (n > 1 && n === u.sequence.length)) msg = Math.max(msg, (8 * n) / u.sequence.length + n);
      }
    if (msg) {
      score += msg;
      why.add('quickbooks message');
    }
    if (records.has(category)) score *= RECORD_FACTOR;
    if (score > 0) out.push({ code: key, score: Math.round(score * 1000) / 1000, reasons: [...why] });
  }
  return out.sort((a, b) => b.score - a.score || compare(a.code, b.code));
}

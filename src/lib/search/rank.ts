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

/**
 * Query word → words of the pages that mean the same here. Maps, not plain objects: a query
 * word is anything someone types, and "constructor" must not find Object.prototype's.
 */
const SYN = new Map<string, string[]>();
for (const p of (
  'customer:client client:customer vendor:supplier supplier:vendor product:item service:item delete:remove ' +
  'remove:delete reopen:period,closed closed:period book:period merge:duplicate taken:exists deactivated:inactive ' +
  'disabled:inactive archived:inactive gst:tax hst:tax vat:tax stock:inventory group:bundle bundle:group ' +
  'method:type cheque:check card:credit'
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

interface Unit {
  /** Reason shown when this unit matches. */
  r: string;
  /** Weight of the field. */
  w: number;
  /** Stems of its meaningful words. */
  s: Set<string>;
  /** Sum of their IDF (set once the catalog is indexed). */
  o: number;
  /** All its stems in order (QuickBooks texts only, for phrase matching). */
  q?: string[];
}
interface Entry {
  d: SearchDoc;
  u: Unit[];
  codes: Set<string>;
}
interface Index {
  e: Entry[];
  /** Stem → its IDF: rarer in the catalog, higher. */
  idf: Map<string, number>;
  codes: Set<string>;
}

function unit(r: string, w: number, text: string, phrase?: boolean): Unit {
  const ws = words(text);
  const u: Unit = { r, w, s: new Set(ws.filter(isTerm).map(stem)), o: 0 };
  if (phrase) u.q = ws.map(stem);
  return u;
}

const cache = new WeakMap<readonly SearchDoc[], Index>();

function build(docs: readonly SearchDoc[]): Index {
  const df = new Map<string, number>();
  const codes = new Set<string>();
  const e = docs.map((d) => {
    const u = [
      unit('code', 3, d.code),
      unit('title', 3, d.title),
      ...d.aliases.map((a) => unit('alias', 3, a)),
      ...d.faults.flatMap((f) => [unit('message', 2, f.message, true), unit('message', 2, f.name ?? '', true)]),
      unit('summary', 1.5, d.summary),
      unit('category', 1, d.categories.join(' ')),
      unit('fix', 0.5, d.fixWhere),
      unit('body', 0.5, d.body ?? ''),
    ];
    const fc = new Set(d.faults.flatMap((f) => (f.code ? [f.code] : [])));
    fc.forEach((c) => codes.add(c));
    new Set(u.flatMap((x) => [...x.s])).forEach((s) => df.set(s, (df.get(s) ?? 0) + 1));
    return { d, u, codes: fc };
  });
  const idf = new Map<string, number>();
  df.forEach((f, s) => idf.set(s, Math.log(1 + (docs.length - f + 0.5) / (f + 0.5))));
  for (const { u } of e) for (const x of u) x.s.forEach((s) => (x.o += idf.get(s)!));
  return { e, idf, codes };
}

/** Optimal-string-alignment distance of a and b is at most k. */
function near(a: string, b: string, k: number): boolean {
  if (Math.abs(a.length - b.length) > k) return false;
  let p2: number[] = [];
  let p = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const c = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(p[j]! + 1, c[j - 1]! + 1, p[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, p2[j - 2]! + 1);
      c[j] = v;
      low = Math.min(low, v);
    }
    if (low > k) return false;
    p2 = p;
    p = c;
  }
  return p[b.length]! <= k;
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

/** Length of the longest run of words a and b have in common. */
function run(a: string[], b: string[]): number {
  let best = 0;
  let p = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const c = [0];
    b.forEach((y, j) => (c[j + 1] = x === y ? p[j]! + 1 : 0));
    best = Math.max(best, ...c);
    p = c;
  }
  return best;
}

/**
 * The known pages matching a query, best first (ties by code), only those scoring above 0.
 * A string is normalized here with the catalog's fault codes. The index of `docs` is cached
 * per array: pass the same array each time, and a new one when the catalog changes.
 */
export function rankKnown(query: NormalizedQuery | string, docs: readonly SearchDoc[]): RankedResult[] {
  let ix = cache.get(docs);
  if (!ix) cache.set(docs, (ix = build(docs)));
  const { idf, codes } = ix;
  const q = typeof query === 'string' ? normalizeQuery(query, codes) : query;
  const toks = q.text.split(' ');
  const wanted = new Set([...q.faultCodes, ...toks.filter((t) => codes.has(t))]);
  const seq = words(q.text).map(stem);

  // Each query word → the page stems it stands for, with their weight and how it matched.
  const terms = [...new Set(q.terms)].map((raw) => {
    const t = stem(raw);
    const c = new Map<string, [number, string]>();
    const top = idf.get(t) ?? Infinity;
    const add = (v: string, m: number, r: string): void => {
      const w = idf.get(v);
      if (w && !c.has(v)) c.set(v, [m * Math.min(top, w), r]);
    };
    add(t, 1, '');
    for (const v of SYN.get(t) ?? []) add(v, 0.8, 'synonym');
    if (!idf.has(t) && raw.length > 3)
      for (const v of idf.keys())
        if (near(t, v, raw.length > 7 ? 2 : 1)) add(v, 0.7, 'typo');
        else if (v.startsWith(t)) add(v, 0.6, 'prefix');
    return c;
  });
  let total = 0;
  for (const c of terms) total += Math.max(0, ...[...c.values()].map((x) => x[0]));
  const records = new Set(q.terms.flatMap((raw) => RECORD.get(stem(raw)) ?? []));

  const out: RankedResult[] = [];
  for (const { d, u, codes: dc } of ix.e) {
    let score = 0;
    const why = new Set<string>();
    for (const c of wanted)
      if (dc.has(c)) {
        score += 20 + 4 / dc.size;
        why.add('fault ' + c);
      }
    if (toks.includes(d.code)) {
      score += 40;
      why.add('error code');
    }
    const cover = u.map(() => 0);
    for (const c of terms) {
      let best = 0;
      let r: string[] = [];
      u.forEach((x, i) => {
        let h = 0;
        let how = '';
        c.forEach(([w, m], v) => {
          if (w > h && x.s.has(v)) [h, how] = [w, m];
        });
        cover[i]! += h;
        if (h * x.w > best) [best, r] = [h * x.w, [x.r, how]];
      });
      score += best;
      r.forEach((x) => x && why.add(x));
    }
    // The field that covers the query best (an alias typed in full, a title) counts again.
    let bonus = 0;
    u.forEach((x, i) => {
      if (x.r !== 'body' && cover[i]) bonus = Math.max(bonus, x.w * 4 * (cover[i]! / total) * Math.min(1, cover[i]! / x.o));
    });
    score += bonus;
    // A pasted QuickBooks message: the longest run of words shared with one of its texts.
    let msg = 0;
    for (const x of u)
      if (x.q?.length) {
        const n = run(seq, x.q);
        if (n > 2 || (n > 1 && n === x.q.length)) msg = Math.max(msg, (8 * n) / x.q.length + n);
      }
    if (msg) {
      score += msg;
      why.add('quickbooks message');
    }
    if (records.has(d.categories[0] ?? '')) score *= RECORD_FACTOR;
    if (score > 0) out.push({ code: d.code, score: Math.round(score * 1000) / 1000, reasons: [...why] });
  }
  return out.sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
}

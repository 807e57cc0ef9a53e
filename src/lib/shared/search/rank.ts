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
import { isTerm, phrase, stem, words } from './normalize.ts';
import { normalizeQuery } from './query.ts';
import { FAULT_CATEGORY, FAULT_DOC_PREFIX, type NormalizedQuery, type RankedResult, type SearchDoc } from './types.ts';
import { BOILERPLATE_PAGES, FAULT_PAGE_WEIGHTS, rankWeight, SIGNAL_WEIGHTS, type Field } from './weights.ts';
import { isSignal, readFault, signalsOf, SIGNAL } from './anatomy.ts';

/**
 * Query word → words of the pages that mean the same here. Maps, not plain objects: a query
 * word is anything someone types, and "constructor" must not find Object.prototype's.
 */
const SYN = new Map<string, string[]>();
for (const p of (
  'customer:client client:customer vendor:supplier supplier:vendor product:item service:item delete:remove ' +
  'remove:delete reopen:period,closed closed:period book:period merge:duplicate taken:exists deactivated:inactive ' +
  'disabled:inactive archived:inactive gst:tax hst:tax vat:tax stock:inventory group:bundle bundle:group ' +
  'method:type cheque:check card:credit usd:currency cad:currency eur:currency gbp:currency aud:currency nzd:currency ' +
  'qbo:quickbooks qb:quickbooks contact:client'
).split(' ')) {
  const [k, v] = p.split(':');
  SYN.set(stem(k!), v!.split(',').map(stem));
}

/** The stems a word stands for besides its own (its synonyms), as the ranker matches them. */
export const synonymsOf = (raw: string): string[] => SYN.get(stem(raw)) ?? [];

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
  /**
   * Stems of its meaningful words, and for QuickBooks texts and aliases the signals of their anatomy (anatomy.ts
   * signalsOf).
   */
  stems: Set<string>;
  /** Sum of their IDF (set once the catalog is indexed), signals left out. */
  idfSum: number;
  /** All its stems in order (QuickBooks texts and aliases, for phrase matching). */
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
  /** Every fault code the catalog's errors quote (not the fault codes' own pages). */
  faultCodes: Set<string>;
  /** Stem → how many pages have it. */
  df: Map<string, number>;
  /**
   * Stems of QuickBooks' boilerplate: in the messages of BOILERPLATE_PAGES pages or more ("Business
   * Validation Error", "has occurred while processing your request"). A pasted message is matched
   * by the run of its other words, so two messages that share only their boilerplate don't match.
   */
  boilerplate: Set<string>;
}

function unit(reason: string, field: Field, text: string, asPhrase?: boolean): Unit {
  const ws = words(text);
  const u: Unit = { field, reason, weight: rankWeight(field), stems: new Set(ws.filter(isTerm).map(stem)), idfSum: 0 };
  if (asPhrase) u.sequence = phrase(text);
  // QuickBooks' messages and the aliases (which quote other wordings) carry their fault's anatomy.
  // Their names count as the words they are made of (AccountRef: account), as a query's do (query.ts).
  if (field === 'faults' || field === 'aliases') {
    const anatomy = readFault(text);
    for (const s of signalsOf(anatomy)) u.stems.add(s);
    for (const w of anatomy.words) if (isTerm(w)) u.stems.add(stem(w));
  }
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
      // A fault code's page is known by its number: the prefix of its key is no word of it.
      unit('code', 'code', doc.code.replace(FAULT_DOC_PREFIX, '')),
      unit('title', 'title', doc.title),
      ...doc.aliases.map((a) => unit('alias', 'aliases', a, true)),
      ...doc.faults.flatMap((f) => [
        unit('message', 'faults', f.message, true),
        unit('message', 'faults', f.name ?? '', true),
      ]),
      unit('summary', 'summary', doc.summary),
      unit('category', 'categories', doc.categories.join(' ')),
      unit('fix', 'fixWhere', doc.fixWhere),
      unit('body', 'body', doc.body ?? ''),
    ];
    const own = new Set(doc.faults.flatMap((f) => (f.code ? [f.code] : [])));
    if (doc.categories[0] !== FAULT_CATEGORY) own.forEach((code) => faultCodes.add(code));
    new Set(units.flatMap((u) => [...u.stems])).forEach((s) => df.set(s, (df.get(s) ?? 0) + 1));
    return {
      key: doc.code,
      code: doc.code,
      category: doc.categories[0] ?? '',
      units,
      faultCodes: own,
      faultCount: own.size,
    };
  });
  const idf = new Map<string, number>();
  df.forEach((count, s) => idf.set(s, idfOf(count, docs.length)));
  const inMessages = new Map<string, number>();
  for (const { units } of entries)
    new Set(units.flatMap((u) => u.sequence ?? [])).forEach((s) => inMessages.set(s, (inMessages.get(s) ?? 0) + 1));
  const boilerplate = new Set([...inMessages].filter(([, n]) => n >= BOILERPLATE_PAGES).map(([s]) => s));
  for (const { units } of entries)
    for (const u of units) u.stems.forEach((s) => isSignal(s) || (u.idfSum += idf.get(s)!));
  return { entries, idf, faultCodes, df, boilerplate };
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

/** Whether a unit names a subject of a kind the query names too, but not the query's. */
function otherSubject(signals: readonly string[], stems: ReadonlySet<string>): boolean {
  for (const s of signals) {
    const m = /^@s:(\w+):/.exec(s);
    if (m && stems.has(`${SIGNAL}s:${m[1]}`) && !stems.has(s)) return true;
  }
  return false;
}

/** What a query's signals add to a page whose units carry them (SIGNAL_WEIGHTS), and the reasons. */
function signalScore(signals: readonly string[], units: readonly Unit[]): { score: number; why: string[] } {
  let score = 0;
  const why = new Set<string>();
  const has = (s: string) => units.some((u) => u.stems.has(s));
  for (const s of signals) {
    if (!has(s)) continue;
    const kind = s.slice(1, 2);
    const [weight, reason] =
      kind === 's'
        ? s.split(':').length === 3
          ? [SIGNAL_WEIGHTS.subject, 'decisive name']
          : [0, '']
        : kind === 'k'
          ? [SIGNAL_WEIGHTS.subjectKey, 'decisive name']
          : kind === 'n'
            ? [SIGNAL_WEIGHTS.name, 'fault name']
            : kind === 'h'
              ? [SIGNAL_WEIGHTS.status, 'http status']
              : kind === 't'
                ? [SIGNAL_WEIGHTS.type, 'fault type']
                : [0, ''];
    score += weight;
    if (reason) why.add(reason);
  }
  return { score, why: [...why] };
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
export function rankIndex(
  q: NormalizedQuery,
  ix: Index,
  compare: (a: string, b: string) => number = (a, b) => (a < b ? -1 : 1),
): RankedResult[] {
  const { idf, faultCodes } = ix;
  const toks = q.text.split(' ');
  const wanted = new Set([...q.faultCodes, ...toks.filter((t) => faultCodes.has(t))]);
  const seq = phrase(q.text);
  const informative = seq.filter((w) => !ix.boilerplate.has(w));

  // Each query word → the page stems it stands for: [stem, weight, how it matched ('' as itself)].
  const terms = [...new Set(q.terms)].map((raw) =>
    [...candidatesOf(raw, idf)].map(([stem, [w, how]]) => ({ stem, w, how })),
  );
  let total = 0;
  for (const candidates of terms) total += Math.max(0, ...candidates.map(({ w }) => w));
  const records = new Set(q.terms.flatMap((raw) => RECORD.get(stem(raw)) ?? []));
  const seqStems = new Set(seq);

  const out: RankedResult[] = [];
  for (const { key, code, category, units, faultCodes: docCodes, faultCount } of ix.entries) {
    const faultPage = category === FAULT_CATEGORY;
    let score = 0;
    let codeScore = 0;
    const why = new Set<string>();
    for (const code of wanted)
      if (docCodes.has(code)) {
        // A fault code's own page comes after the errors that quote the code, and first where none does.
        codeScore += !faultPage
          ? 20 + 4 / faultCount
          : faultCodes.has(code)
            ? FAULT_PAGE_WEIGHTS.beside
            : FAULT_PAGE_WEIGHTS.alone;
        why.add('fault ' + code);
      }
    if (code && toks.includes(code)) {
      score += 40;
      why.add('error code');
    }
    // A text that names another subject of a kind the query names ("Required parameter Line" for a
    // paste about CustomerRef) shares only boilerplate with it: none of its words count.
    const blocked = q.signals.length ? units.map((u) => otherSubject(q.signals, u.stems)) : undefined;
    // How much of the query each unit covers.
    const cover = new Array<number>(units.length).fill(0);
    for (const candidates of terms) {
      let best = 0;
      let reason = '';
      let how = '';
      for (let i = 0; i < units.length; i++) {
        const u = units[i]!;
        if (blocked?.[i]) continue;
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
      if (u.reason !== 'body' && cover[i])
        bonus = Math.max(bonus, u.weight * 4 * (cover[i]! / total) * Math.min(1, cover[i]! / u.idfSum));
    });
    score += bonus;
    // The fault's anatomy: its subject, distinctive names, status and type, where the page has them.
    const signal = signalScore(q.signals, units);
    if (signal.score) {
      score += signal.score;
      signal.why.forEach((w) => why.add(w));
    }
    // A pasted QuickBooks message: the longest run of words shared with one of its texts, its
    // boilerplate left out (and no text naming another subject).
    let msg = 0;
    for (const [i, u] of units.entries())
      if (u.sequence?.length && !blocked?.[i] && mayRun(seqStems, u.sequence)) {
        const own = u.sequence.filter((w) => !ix.boilerplate.has(w));
        const n = run(informative, own);
        // A two-word message typed whole counts; an alias (another app's or a person's wording)
        // only pasted, three words in a row or more: typed, its words already count.
        if (n > 2 || (n > 1 && n === own.length && u.field !== 'aliases'))
          msg = Math.max(msg, (8 * n) / own.length + n);
      }
    if (msg) {
      score += msg;
      why.add('quickbooks message');
    }
    // A fault code's page answers what no error does: its words count for less than an error's.
    score = codeScore + (faultPage ? score * FAULT_PAGE_WEIGHTS.words : score);
    if (records.has(category)) score *= RECORD_FACTOR;
    if (score > 0) out.push({ code: key, score: Math.round(score * 1000) / 1000, reasons: [...why] });
  }
  return out.sort((a, b) => b.score - a.score || compare(a.code, b.code));
}

/**
 * Recognises the catalog's errors in a paste: each part (extract.ts) is matched by its error
 * code or former code, by QuickBooks' message (with the fault code when there is one, and the
 * name inside it: the fault's anatomy, src/lib/shared/search/anatomy.ts, as search reads it), by an
 * alias, by the fault code alone, or by the ranker search uses (the complete search data) on its
 * words. Where a part fits several errors equally (fault 6240, "The name supplied already
 * exists.": a client or an item), the result offers the choice instead of guessing; where only a
 * fault code's own page fits, it says so (`faultFindings`); what the words alone suggest is "not sure".
 * Plain functions over TriageData; no DOM.
 */
import { isTerm, stem, tokenize, words } from '../search/normalize.ts';
import { readFault } from '../search/anatomy.ts';
import { occursIn, rankKnown, synonymsOf } from '../search/rank.ts';
import { normalizeQuery } from '../search/query.ts';
import { FAULT_DOC_PREFIX } from '../search/types.ts';
import type { TriageData, TriageError } from './data.ts';
import { extractParts } from './extract.ts';
import { capCodePoints } from '../search/cap.ts';
import type { ResyncRecord } from '../resync.ts';

/** How much of one line is read. */
const MAX_LINE_CHARS = 2000;

/** How sure a match is, most sure first. */
export type Confidence = 'exact' | 'high' | 'medium' | 'low';

export const CONFIDENCE_TEXT: Record<Confidence, string> = {
  exact: 'Certain: its error code',
  high: "Very likely: QuickBooks' own message",
  medium: 'Likely',
  low: 'Not sure: from the words only',
};

export interface Finding {
  code: string;
  confidence: Confidence;
  /** How it was recognised, in a few words ("QuickBooks fault 6240 and its message"). */
  how: string;
  /** The first part of the paste it was recognised from, as text. */
  source: string;
  /** How many parts named it. */
  count: number;
}

export interface Choice {
  /** The errors it may be, in catalog order. */
  options: string[];
  /** The QuickBooks fault code, when the part had one. */
  faultCode?: string;
  source: string;
  count: number;
}

export interface Unrecognised {
  text: string;
  count: number;
}

/**
 * A part that only a QuickBooks fault code's own page answers (/quickbooks/<code>/): no error of the catalog fits it.
 */
export interface FaultFinding {
  code: string;
  /** Its name in the table of fault codes. */
  name: string;
  source: string;
  count: number;
}

export interface Triage {
  /** Distinct errors recognised, in the order the paste names them first. */
  found: Finding[];
  /** Parts that fit several errors equally: the reader chooses. */
  choices: Choice[];
  /** Parts only a fault code's page answers, in the order the paste names them first. */
  faultFindings: FaultFinding[];
  unrecognised: Unrecognised[];
  truncated: boolean;
}

interface Phrase {
  code: string;
  fault?: string;
  terms: string[];
  /**
   * The names inside it (Required parameter CustomerRef…), as "kind:key", and its distinctive names
   * ("name:throttleexceeded").
   */
  subjects: string[];
}

export interface TriageIndex {
  data: TriageData;
  byCode: Map<string, TriageError>;
  /** Current and former codes → current code. */
  codes: Map<string, string>;
  /** Fault code → the errors whose QuickBooks messages come with it. */
  errorsByFault: Map<string, string[]>;
  /** Every fault code with a page of its own → its name. */
  faultPages: Map<string, string>;
  messages: Phrase[];
  aliases: Phrase[];
  /** Every stemmed term of an error's title, aliases and messages. */
  vocabulary: Map<string, Set<string>>;
  order: Map<string, number>;
}

const subjectsOf = (s: string): string[] => {
  const a = readFault(s);
  return [...a.subjects.map((x) => `${x.kind}:${x.key}`), ...a.names.map((n) => `name:${n}`)];
};

const termsOf = (s: string): string[] => [
  ...new Set(
    tokenize(s)
      .flatMap((t) => t.split(/[.-]/))
      .map((w) => w.replace(/'s$/, ''))
      .filter((w) => w.length > 1 && !/\d/.test(w) && isTerm(w))
      .map(stem),
  ),
];

export function triageIndex(data: TriageData): TriageIndex {
  const byCode = new Map(data.errors.map((e) => [e.code, e]));
  const codes = new Map<string, string>();
  const faults = new Map<string, string[]>();
  const messages: Phrase[] = [];
  const aliases: Phrase[] = [];
  const vocabulary = new Map<string, Set<string>>();
  for (const e of data.errors) {
    codes.set(e.code, e.code);
    for (const f of e.formerCodes) codes.set(f, e.code);
    const vocab = new Set([...termsOf(e.title), ...termsOf(e.code.replace(/-/g, ' '))]);
    for (const q of e.quickbooks) {
      if (q.code) {
        const list = faults.get(q.code) ?? [];
        if (!list.includes(e.code)) list.push(e.code);
        faults.set(q.code, list);
      }
      const terms = termsOf(q.message.replace(/…|\.\.\./g, ' '));
      terms.forEach((t) => vocab.add(t));
      if (terms.length)
        messages.push({ code: e.code, ...(q.code && { fault: q.code }), terms, subjects: subjectsOf(q.message) });
    }
    for (const a of e.aliases) {
      const terms = termsOf(a);
      terms.forEach((t) => vocab.add(t));
      if (terms.length >= 2) aliases.push({ code: e.code, terms, subjects: subjectsOf(a) });
    }
    vocabulary.set(e.code, vocab);
  }
  return {
    data,
    byCode,
    codes,
    errorsByFault: faults,
    faultPages: new Map(data.faultPages),
    messages,
    aliases,
    vocabulary,
    order: new Map(data.errors.map((e, i) => [e.code, i])),
  };
}

/** The one record type a text speaks of (customer → client, ItemRef → item), if exactly one. */
export function recordHint(text: string): ResyncRecord | undefined {
  const t = text.toLowerCase();
  const found = new Set<ResyncRecord>();
  if (/customer|client/.test(t)) found.add('client');
  if (/\bitems?\b|itemref|product|service/.test(t)) found.add('item');
  if (/invoice/.test(t)) found.add('invoice');
  if (/payment/.test(t)) found.add('payment');
  return found.size === 1 ? [...found][0] : undefined;
}

interface Candidate {
  code: string;
  score: number;
  confidence: Confidence;
  how: string;
}

type Verdict =
  | { kind: 'found'; code: string; confidence: Confidence; how: string }
  | { kind: 'choice'; options: string[]; faultCode?: string }
  | { kind: 'fault'; code: string }
  | { kind: 'none' };

/** Of equal candidates, those of the record the text names ("invoice", "customer"), when that leaves some. */
function keepRecordNamed(index: TriageIndex, codes: string[], text: string): string[] {
  const hint = recordHint(text);
  if (!hint) return codes;
  const primary = codes.filter((c) => index.byCode.get(c)!.categories[0] === hint);
  if (primary.length) return primary;
  const any = codes.filter((c) => index.byCode.get(c)!.categories.includes(hint));
  return any.length ? any : codes;
}

/** A fault code's own page, when the code has one. */
const codePage = (index: TriageIndex, fault: string | undefined): Verdict =>
  fault && index.faultPages.has(fault) ? { kind: 'fault', code: fault } : { kind: 'none' };

function byFault(index: TriageIndex, fault: string, text: string): Verdict {
  const errors = index.errorsByFault.get(fault);
  if (!errors) return codePage(index, fault);
  const narrowed = keepRecordNamed(index, errors, text);
  if (narrowed.length === 1)
    return { kind: 'found', code: narrowed[0]!, confidence: 'medium', how: `QuickBooks fault ${fault}` };
  return { kind: 'choice', options: narrowed, faultCode: fault };
}

/**
 * How a message's names agree with the part's: "same" when they share a name of the same kind
 * (both "Required parameter CustomerRef"), "other" when the message names another of a kind the
 * part names (its words in common are boilerplate), "" otherwise.
 */
function agreement(part: readonly string[], message: readonly string[]): 'same' | 'other' | '' {
  if (!part.length || !message.length) return '';
  let other = false;
  for (const s of part) {
    if (message.includes(s)) return 'same';
    // Another subject of the same kind; a distinctive name is no kind (a message may have others).
    if (!s.startsWith('name:') && message.some((m) => m.startsWith(s.slice(0, s.indexOf(':') + 1)))) other = true;
  }
  return other ? 'other' : '';
}

/** The share of a part's words an alias must be for the part to be "likely" that error. */
const ALIAS_SHARE = 0.8;

/** Evidence the ranker counts as QuickBooks' own (rank.ts reasons): enough to say "Likely". */
const STRONG_REASONS = new Set(['decisive name', 'fault name', 'quickbooks message']);
/** Below this score the ranker's best page is too thin a match to name. */
const MIN_RANK_SCORE = 12;
/** Pages within this share of the best score are as good as the best: a choice, not a guess. */
const CLOSE = 0.85;
/** The share of a part's words a page must have for the words alone to name it. */
const WORDS_ON = 0.6;

/**
 * The ranker's reading of a part (the complete search data: every error's words, the fault codes'
 * pages), for what no message or alias names: its best page when it stands out, a choice among
 * the pages as good, a fault code's page when that is the best. Words alone are "not sure"; a
 * fault's name or the name inside its message makes it "likely".
 */
function byRanker(index: TriageIndex, text: string, fault: string | undefined): Verdict {
  if (!index.data.docs?.length) return { kind: 'none' };
  // The fault code came apart from the words (an Error element's code): it is part of what to rank.
  const ranked = rankKnown(fault ? `fault ${fault}: ${text}` : text, index.data.docs);
  const top = ranked[0];
  if (!top || top.score < MIN_RANK_SCORE) return codePage(index, fault);
  const strong = top.reasons.some((r) => STRONG_REASONS.has(r));
  // A fault code's page, when its code or QuickBooks' own words for it name it.
  if (top.code.startsWith(FAULT_DOC_PREFIX)) {
    const code = top.code.slice(FAULT_DOC_PREFIX.length);
    return strong || top.reasons.includes(`fault ${code}`) ? { kind: 'fault', code } : { kind: 'none' };
  }
  // Words alone must be most of the part's words, found on the page (as the old rule of titles and messages asked).
  const close = ranked
    .filter(
      (r) =>
        r.score >= top.score * CLOSE &&
        !r.code.startsWith(FAULT_DOC_PREFIX) &&
        (strong || mostWordsOn(index, text, r.code)),
    )
    .map((r) => r.code);
  // Nothing stands out, or too much does: the fault code's own page (it lists its errors), when there is a code.
  if (!close.length || close.length > 4) return codePage(index, fault);
  if (close.length > 1) {
    return {
      kind: 'choice',
      options: close.sort((a, b) => index.order.get(a)! - index.order.get(b)!),
      ...(fault && { faultCode: fault }),
    };
  }
  return {
    kind: 'found',
    code: close[0]!,
    confidence: strong ? 'medium' : 'low',
    how: strong ? "QuickBooks' words and the names in them" : 'the words used',
  };
}

/**
 * Whether at least two of the words search reads in the text (query.ts: with the names inside the
 * fault), and WORDS_ON of them, occur on a page, as the ranker matches them (themselves, a synonym,
 * a typo or a start).
 */
function mostWordsOn(index: TriageIndex, text: string, code: string): boolean {
  const doc = index.data.docs?.find((d) => d.code === code);
  if (!doc) return false;
  const { terms } = normalizeQuery(text);
  const stems = new Set(
    words([doc.title, doc.summary, ...doc.aliases, ...doc.faults.map((f) => f.message), doc.body ?? ''].join(' ')).map(
      stem,
    ),
  );
  const isOn = (t: string) => occursIn(t, stems) || synonymsOf(t).some((s) => stems.has(s));
  const on = terms.filter(isOn).length;
  if (on < 2) return false;
  // The names inside the fault decide (TaxRate in "Invalid Reference Id : TaxRate"), not the boilerplate around them.
  const decisive = readFault(text).words.filter(isTerm);
  return decisive.length ? decisive.every(isOn) : on / terms.length >= WORDS_ON;
}

/** What one text names, given the fault code that came with it (if any). */
function verdictOf(
  index: TriageIndex,
  text: string,
  fault: string | undefined,
  extraHint = '',
  quoted = false,
): Verdict {
  const terms = termsOf(text);
  const set = new Set(terms);
  const subjects = subjectsOf(extraHint ? `${text} element="${extraHint}"` : text);
  const candidates: Candidate[] = [];
  for (const m of index.messages) {
    const agree = agreement(subjects, m.subjects);
    // The same words around another name ("Required parameter Line" for CustomerRef): not this message.
    if (agree === 'other') continue;
    if (m.terms.length < 2 && agree !== 'same') continue;
    let hit = 0;
    for (const t of m.terms) if (set.has(t)) hit++;
    const share = hit / m.terms.length;
    // The whole message (most of it), or a message cut short: all of a long enough part's words.
    const cut = hit >= 4 && hit === terms.length;
    if (!cut && (share < 0.8 || (m.terms.length < 4 && share < 1))) continue;
    const sameFault = fault !== undefined && m.fault === fault;
    const otherFault = fault !== undefined && m.fault !== undefined && m.fault !== fault;
    candidates.push({
      code: m.code,
      score: 100 + hit + share + (sameFault ? 50 : 0) - (otherFault ? 40 : 0) + (agree === 'same' ? 60 : 0),
      confidence:
        share >= 0.8 && (sameFault || agree === 'same' || (fault === undefined && share === 1 && hit >= 4))
          ? 'high'
          : 'medium',
      how:
        agree === 'same'
          ? "QuickBooks' message and the name in it"
          : sameFault
            ? `QuickBooks fault ${fault} and its message`
            : "QuickBooks' message",
    });
  }
  if (!candidates.length) {
    for (const a of index.aliases) {
      const agree = agreement(subjects, a.subjects);
      // An alias that is most of what the part says: "likely"; a few words of a longer part: not sure.
      if (agree !== 'other' && a.terms.every((t) => set.has(t)))
        candidates.push({
          code: a.code,
          score: 50 + a.terms.length + (agree === 'same' ? 60 : 0),
          confidence: agree === 'same' || a.terms.length / terms.length >= ALIAS_SHARE ? 'medium' : 'low',
          how: 'a name this error goes by',
        });
    }
  }
  if (!candidates.length && fault) {
    // A fault code with words that match none of its messages: a choice among a few, not many;
    // among many, what the words say (or the code's own page, which lists them all).
    if (terms.length >= 3 && (index.errorsByFault.get(fault)?.length ?? 0) > 3) return byRanker(index, text, fault);
    const verdict = byFault(index, fault, `${text} ${extraHint}`);
    if (verdict.kind !== 'fault') return verdict;
    // A code no error quotes: the words may still name an error; else the code's own page.
    const words = byRanker(index, text, fault);
    return words.kind === 'found' || words.kind === 'choice' ? words : verdict;
  }
  // The words: the ranker reads them as search does; without its data (the /go/ page), the words
  // of each error's title, aliases and messages.
  if (!candidates.length && index.data.docs?.length)
    return quoted && terms.length < 2 ? { kind: 'none' } : byRanker(index, text, fault);
  if (!candidates.length && !quoted && terms.length >= 2 && terms.length <= 12) {
    for (const [code, vocab] of index.vocabulary) {
      let hit = 0;
      for (const t of terms) if (vocab.has(t)) hit++;
      if (hit >= 2 && hit / terms.length >= 0.7)
        candidates.push({ code, score: 10 + hit + hit / terms.length, confidence: 'low', how: 'the words used' });
    }
  }
  if (!candidates.length) return { kind: 'none' };
  const best = Math.max(...candidates.map((c) => c.score));
  // Within half a word of the best: as good as the best (a message cut short fits several).
  const top = candidates.filter((c) => c.score >= best - 0.5);
  const codes = [...new Set(top.map((c) => c.code))].sort((a, b) => index.order.get(a)! - index.order.get(b)!);
  const narrowed = keepRecordNamed(index, codes, text + ' ' + extraHint);
  if (narrowed.length === 1) {
    const c = top.find((t) => t.code === narrowed[0])!;
    return {
      kind: 'found',
      code: c.code,
      confidence: codes.length > 1 && c.confidence === 'high' ? 'medium' : c.confidence,
      how: c.how,
    };
  }
  if (top[0]!.confidence === 'low' && narrowed.length > 4) return { kind: 'none' };
  return { kind: 'choice', options: narrowed, ...(fault && { faultCode: fault }) };
}

/** The codes (current or former) named in a text, in order, each as its current code. */
function codesIn(index: TriageIndex, text: string): { code: string; former?: string }[] {
  const out: { code: string; former?: string }[] = [];
  for (const token of text.toLowerCase().split(/[^a-z0-9-]+/)) {
    if (!token.includes('-')) continue;
    const code = index.codes.get(token);
    if (code && !out.some((o) => o.code === code)) out.push(code === token ? { code } : { code, former: token });
  }
  return out;
}

const clip = (s: string, max = 300) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A line that says nothing: JSON or XML syntax, keys, a timestamp, one word. */
function saysNothing(text: string): boolean {
  // A fault's anatomy says something: errorCode=007001, message=ThrottleExceeded.
  const anatomy = readFault(text);
  if (anatomy.codes.length || anatomy.names.length) return false;
  const words = text.replace(/"[\w$@.-]{1,40}"\s*:/g, ' ').match(/\p{L}{2,}/gu);
  return !words || words.filter((w) => isTerm(w.toLowerCase())).length < 2;
}

/** The fault code a log line names: its anatomy's (errorCode=003001, "code":"6240"…), or a known number alone. */
function faultOfLine(index: TriageIndex, text: string): string | undefined {
  const named = readFault(text).codes[0];
  if (named) return named;
  const tokens = tokenize(text);
  for (const t of tokens)
    if (/^\d{3,5}$/.test(t) && index.errorsByFault.has(String(Number(t))) && tokens.length <= 3)
      return String(Number(t));
  return undefined;
}

/** Recognises the errors in a paste. */
export function recognise(index: TriageIndex, paste: string): Triage {
  const steps = recogniseSteps(index, paste);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same, a slice at a time: yields the share of parts done (0–1) after every `every`
 * parts, so that a page can let the browser breathe between slices of a huge paste.
 */
export function* recogniseSteps(index: TriageIndex, paste: string, every = 250): Generator<number, Triage, void> {
  const { parts, truncated } = extractParts(paste);
  // Logs repeat themselves.
  const judged = new Map<string, Verdict>();
  const found = new Map<string, Finding>();
  const choices = new Map<string, Choice>();
  const faultFindings = new Map<string, FaultFinding>();
  const unrecognised = new Map<string, Unrecognised>();
  const RANK: Record<Confidence, number> = { exact: 0, high: 1, medium: 2, low: 3 };

  const add = (code: string, confidence: Confidence, how: string, source: string) => {
    const f = found.get(code);
    if (!f) found.set(code, { code, confidence, how, source: clip(source), count: 1 });
    else {
      f.count++;
      if (RANK[confidence] < RANK[f.confidence]) Object.assign(f, { confidence, how, source: clip(source) });
    }
  };
  const offer = (options: string[], faultCode: string | undefined, source: string) => {
    const key = options.join(' ');
    const c = choices.get(key);
    if (c) c.count++;
    else choices.set(key, { options, ...(faultCode && { faultCode }), source: clip(source), count: 1 });
  };
  const miss = (text: string) => {
    const key = clip(text, 200);
    const u = unrecognised.get(key);
    if (u) u.count++;
    else unrecognised.set(key, { text: key, count: 1 });
  };
  const pointTo = (code: string, source: string) => {
    const f = faultFindings.get(code);
    if (f) f.count++;
    else faultFindings.set(code, { code, name: index.faultPages.get(code) ?? '', source: clip(source), count: 1 });
  };
  const apply = (v: Verdict, source: string): boolean => {
    if (v.kind === 'found') add(v.code, v.confidence, v.how, source);
    else if (v.kind === 'choice') offer(v.options, v.faultCode, source);
    else if (v.kind === 'fault') pointTo(v.code, source);
    return v.kind !== 'none';
  };

  for (const [i, part] of parts.entries()) {
    if (i && i % every === 0) yield i / parts.length;
    if (part.kind === 'fault') {
      const named = codesIn(index, `${part.message} ${part.detail}`);
      if (named.length)
        named.forEach((n) =>
          add(n.code, 'exact', n.former ? `its former code ${n.former}` : 'its error code', part.text),
        );
      else if (
        !apply(verdictOf(index, `${part.message} ${part.detail}`, part.code, part.element, true), part.text) &&
        (part.code || termsOf(part.text).length >= 3)
      )
        miss(part.text);
      continue;
    }
    // No message is longer than this: a longer line is read as its start (and costs no more).
    const text = capCodePoints(part.words, MAX_LINE_CHARS);
    const shown = capCodePoints(part.text, MAX_LINE_CHARS);
    const named = codesIn(index, text);
    if (named.length) {
      named.forEach((n) => add(n.code, 'exact', n.former ? `its former code ${n.former}` : 'its error code', shown));
      continue;
    }
    // A list of fault numbers (and nothing else): each one on its own.
    const tokens = text.split(/[\s,;|]+/).filter(Boolean);
    if (tokens.length > 1 && tokens.every((t) => /^\d{3,5}$/.test(t))) {
      for (const t of tokens) if (!apply(byFault(index, String(Number(t)), ''), t)) miss(t);
      continue;
    }
    if (tokens.length === 1 && /^\d{3,5}$/.test(tokens[0]!)) {
      if (!apply(byFault(index, String(Number(tokens[0])), ''), shown)) miss(shown);
      continue;
    }
    if (saysNothing(text)) continue;
    // A line judged once is not judged again, nor one that differs from it only in its numbers
    // (a log's times, record numbers and ids), unless they name another fault code.
    const fault = faultOfLine(index, text);
    const key = `${fault ?? ''}|${words(text).join(' ')}`;
    let verdict = judged.get(key);
    if (!verdict) judged.set(key, (verdict = verdictOf(index, text, fault)));
    // A field of pasted JSON ("Name": "Gutter cleaning",) that names no error is the record, not an error.
    if (!apply(verdict, shown) && !part.remnant && !/^"[^"]{1,40}"\s*:/.test(text)) miss(shown);
  }

  return {
    found: [...found.values()],
    choices: [...choices.values()],
    faultFindings: [...faultFindings.values()],
    unrecognised: [...unrecognised.values()],
    truncated,
  };
}

/**
 * The findings of an address (?e=code-a,code-b): known codes (a former code counts as the
 * error it became), each once, in order; anything else is dropped.
 */
export function fromCodes(index: TriageIndex, codes: readonly string[]): Finding[] {
  const out: Finding[] = [];
  for (const raw of codes) {
    const code = index.codes.get(raw.trim().toLowerCase());
    if (code && !out.some((f) => f.code === code))
      out.push({ code, confidence: 'exact', how: 'its error code', source: raw.trim().toLowerCase(), count: 1 });
  }
  return out;
}

/** The e= value of an address: at most 50 codes, ASCII, comma-separated (paths.triage joins them). */
export const parseCodes = (e: string | null | undefined): string[] =>
  (e ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(c))
    .slice(0, 50);

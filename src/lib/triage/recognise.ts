/**
 * Recognises the catalog's errors in a paste: each part (extract.ts) is matched by its error
 * code or former code, by QuickBooks' message (with the fault code when there is one), by an
 * alias, by the fault code alone, or by its words. Where a part fits several errors equally
 * (fault 6240, "The name supplied already exists.": a client or an item), the result offers the
 * choice instead of guessing. Plain functions over TriageData; no DOM.
 */
import { isTerm, stem, tokenize } from '../search/normalize.ts';
import type { TriageData, TriageError } from './data.ts';
import { extractParts } from './extract.ts';
import { capCodePoints } from '../search/cap.ts';

/** How much of one line is read. */
const MAX_LINE_CHARS = 2000;
import type { ResyncRecord } from '../resync.ts';

/** How sure a match is, most sure first. */
export type Confidence = 'exact' | 'high' | 'medium' | 'low';

export const CONFIDENCE_TEXT: Record<Confidence, string> = {
  exact: 'Certain: its error code',
  high: "Very likely: QuickBooks' own message",
  medium: 'Likely',
  low: 'Possible: from the words only',
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

export interface Triage {
  /** Distinct errors recognised, in the order the paste names them first. */
  found: Finding[];
  /** Parts that fit several errors equally: the reader chooses. */
  choices: Choice[];
  unrecognised: Unrecognised[];
  truncated: boolean;
}

interface Phrase {
  code: string;
  fault?: string;
  terms: string[];
}

export interface TriageIndex {
  data: TriageData;
  byCode: Map<string, TriageError>;
  /** Current and former codes → current code. */
  codes: Map<string, string>;
  faults: Map<string, string[]>;
  messages: Phrase[];
  aliases: Phrase[];
  /** Every stemmed term of an error's title, aliases and messages. */
  vocabulary: Map<string, Set<string>>;
  order: Map<string, number>;
}

const termsOf = (s: string): string[] => [...new Set(tokenize(s).flatMap((t) => t.split(/[.-]/)).map((w) => w.replace(/'s$/, '')).filter((w) => w.length > 1 && !/\d/.test(w) && isTerm(w)).map(stem))];

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
      if (terms.length) messages.push({ code: e.code, ...(q.code && { fault: q.code }), terms });
    }
    for (const a of e.aliases) {
      const terms = termsOf(a);
      terms.forEach((t) => vocab.add(t));
      if (terms.length >= 2) aliases.push({ code: e.code, terms });
    }
    vocabulary.set(e.code, vocab);
  }
  return { data, byCode, codes, faults, messages, aliases, vocabulary, order: new Map(data.errors.map((e, i) => [e.code, i])) };
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

type Verdict = { kind: 'found'; code: string; confidence: Confidence; how: string } | { kind: 'choice'; options: string[]; faultCode?: string } | { kind: 'none' };


/** Narrows equal candidates to those of the record the text speaks of, when that leaves some. */
function narrow(index: TriageIndex, codes: string[], text: string): string[] {
  const hint = recordHint(text);
  if (!hint) return codes;
  const primary = codes.filter((c) => index.byCode.get(c)!.categories[0] === hint);
  if (primary.length) return primary;
  const any = codes.filter((c) => index.byCode.get(c)!.categories.includes(hint));
  return any.length ? any : codes;
}

function byFault(index: TriageIndex, fault: string, text: string): Verdict {
  const errors = index.faults.get(fault);
  if (!errors) return { kind: 'none' };
  const narrowed = narrow(index, errors, text);
  if (narrowed.length === 1) return { kind: 'found', code: narrowed[0]!, confidence: 'medium', how: `QuickBooks fault ${fault}` };
  return { kind: 'choice', options: narrowed, faultCode: fault };
}

/** What one text names, given the fault code that came with it (if any). */
function judge(index: TriageIndex, text: string, fault: string | undefined, extraHint = '', quoted = false): Verdict {
  const terms = termsOf(text);
  const set = new Set(terms);
  const candidates: Candidate[] = [];
  for (const m of index.messages) {
    if (m.terms.length < 2) continue;
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
      score: 100 + hit + share + (sameFault ? 50 : 0) - (otherFault ? 40 : 0),
      confidence: share >= 0.8 && (sameFault || (fault === undefined && share === 1 && hit >= 4)) ? 'high' : 'medium',
      how: sameFault ? `QuickBooks fault ${fault} and its message` : "QuickBooks' message",
    });
  }
  if (!candidates.length) {
    for (const a of index.aliases) if (a.terms.every((t) => set.has(t))) candidates.push({ code: a.code, score: 50 + a.terms.length, confidence: 'medium', how: 'a name this error goes by' });
  }
  if (!candidates.length && fault) {
    // A fault code with words that match none of its messages: a choice among a few, not many.
    if (terms.length >= 3 && (index.faults.get(fault)?.length ?? 0) > 3) return { kind: 'none' };
    return byFault(index, fault, text + ' ' + extraHint);
  }
  // Words alone, for what someone typed; QuickBooks' own messages match by message or not at all.
  if (!candidates.length && !quoted && terms.length >= 2 && terms.length <= 12) {
    for (const [code, vocab] of index.vocabulary) {
      let hit = 0;
      for (const t of terms) if (vocab.has(t)) hit++;
      if (hit >= 2 && hit / terms.length >= 0.7) candidates.push({ code, score: 10 + hit + hit / terms.length, confidence: 'low', how: 'the words used' });
    }
  }
  if (!candidates.length) return { kind: 'none' };
  const best = Math.max(...candidates.map((c) => c.score));
  // Within half a word of the best: as good as the best (a message cut short fits several).
  const top = candidates.filter((c) => c.score >= best - 0.5);
  const codes = [...new Set(top.map((c) => c.code))].sort((a, b) => index.order.get(a)! - index.order.get(b)!);
  const narrowed = narrow(index, codes, text + ' ' + extraHint);
  if (narrowed.length === 1) {
    const c = top.find((t) => t.code === narrowed[0])!;
    return { kind: 'found', code: c.code, confidence: codes.length > 1 && c.confidence === 'high' ? 'medium' : c.confidence, how: c.how };
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
  const words = text
    .replace(/"[\w$@.-]{1,40}"\s*:/g, ' ')
    .match(/\p{L}{2,}/gu);
  return !words || words.filter((w) => isTerm(w.toLowerCase())).length < 2;
}

/** The fault code a log line names: a number after "fault", "code" or "error", or a number alone. */
function faultOfLine(index: TriageIndex, text: string): string | undefined {
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!/^\d{3,5}$/.test(t)) continue;
    const n = String(Number(t));
    if (/^(?:fault|code|error|err|qb)$/.test(tokens[i - 1] ?? '') || (index.faults.has(n) && tokens.length <= 3)) return n;
  }
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
  // Logs repeat themselves: a line read once is not judged again.
  const judged = new Map<string, Verdict>();
  const found = new Map<string, Finding>();
  const choices = new Map<string, Choice>();
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
  const apply = (v: Verdict, source: string): boolean => {
    if (v.kind === 'found') add(v.code, v.confidence, v.how, source);
    else if (v.kind === 'choice') offer(v.options, v.faultCode, source);
    return v.kind !== 'none';
  };

  for (const [i, part] of parts.entries()) {
    if (i && i % every === 0) yield i / parts.length;
    if (part.kind === 'fault') {
      const named = codesIn(index, `${part.message} ${part.detail}`);
      if (named.length) named.forEach((n) => add(n.code, 'exact', n.former ? `its former code ${n.former}` : 'its error code', part.text));
      else if (!apply(judge(index, `${part.message} ${part.detail}`, part.code, part.element, true), part.text) && (part.code || termsOf(part.text).length >= 3)) miss(part.text);
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
    let verdict = judged.get(text);
    if (!verdict) judged.set(text, (verdict = judge(index, text, faultOfLine(index, text))));
    // A field of pasted JSON ("Name": "Gutter cleaning",) that names no error is the record, not an error.
    if (!apply(verdict, shown) && !part.remnant && !/^"[^"]{1,40}"\s*:/.test(text)) miss(shown);
  }

  return { found: [...found.values()], choices: [...choices.values()], unrecognised: [...unrecognised.values()], truncated };
}

/**
 * The findings of an address (?e=code-a,code-b): known codes (a former code counts as the
 * error it became), each once, in order; anything else is dropped.
 */
export function fromCodes(index: TriageIndex, codes: readonly string[]): Finding[] {
  const out: Finding[] = [];
  for (const raw of codes) {
    const code = index.codes.get(raw.trim().toLowerCase());
    if (code && !out.some((f) => f.code === code)) out.push({ code, confidence: 'exact', how: 'its error code', source: raw.trim().toLowerCase(), count: 1 });
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

/**
 * Turns whatever someone typed or pasted (a few words, a QuickBooks message, a whole fault
 * JSON or a log excerpt) into words the ranker can use. Pure functions, no DOM.
 *
 * Only the first MAX_QUERY_CHARS characters (code points) are read, before any regular
 * expression runs, so a huge paste costs no more than a short one.
 */
import { capCodePoints, MAX_QUERY_CHARS, wellFormed } from './cap.ts';
import type { NormalizedQuery } from './types.ts';

export { MAX_QUERY_CHARS };
export const MAX_TERMS = 40;

/** Words that say nothing about which error it is (plus the keys of QuickBooks' fault JSON). */
const STOP = new Set(
  ('a about after again all also am an and any are as at be been before being both but by can could did do does ' +
    'doing done during each for from get gets got had has have having he her here him his how i if in into is it its just ' +
    'me more most my no not now of off on once only or other our out over please said say says she should so some ' +
    'still such than that the their them then there these they this those through to too under until up us very via ' +
    'was we were what when where which while who why will with would yet you your ' +
    'error errors fault faults message detail element').split(' '),
);

/**
 * Lower-cased tokens in order. Drops URLs, e-mail addresses, UUIDs, dates and timestamps,
 * money amounts, the value of every key=value pair (the key stays), punctuation (so fault
 * JSON and HTML become plain words), one-letter tokens and every token with a digit in it
 * except a bare 3–5 digit number (a possible fault code). Tokens may keep inner . - '
 * ("invoice-closed-period", "won't").
 */
export function tokenize(s: string): string[] {
  return (
    s
      .normalize('NFKC')
      .replace(/[‘’‛`´]/g, "'")
      .toLowerCase()
      .replace(
        /\b(?:https?:\/\/|www\.)\S*|(?<![^\s@])[^\s@]+@\S*|\b[\da-f]{8}(?:-[\da-f]{4}){3}-[\da-f]{12}\b|(?<!\d)\d+[/.-]\d+[/.-]\d+|[$€£¥]\s*\d[\d.,]*|(?<!\d)\d{1,3}(?:,\d{3})+(?:\.\d+)?/g,
        ' ',
      )
      .replace(/(?<![\p{L}\p{N}_])([\p{L}\p{N}_]+)\s*=\s*[^\s,;&]*/gu, ' $1 ')
      .match(/[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*/gu) ?? []
  ).filter((t) => t.length > 1 && t.length < 40 && (!/\d/.test(t) || /^\d{3,5}$/.test(t)));
}

/** The words of a text (tokens split at . and -, possessive 's dropped), digits excluded. */
export function words(s: string): string[] {
  return tokenize(s)
    .flatMap((t) => t.split(/[.-]/))
    .map((w) => w.replace(/'s$/, ''))
    .filter((w) => w.length > 1 && !/\d/.test(w));
}

/** A word worth searching for: not a stop word, not a contraction ("won't", "you're"). */
export const isTerm = (w: string): boolean => !STOP.has(w) && !w.includes("'");

/**
 * A light stemmer: plural, -ing and -ed endings, then a final e, so "deleted", "deleting"
 * and "delete" (and "taxes"/"tax", "mapping"/"map") meet. Not English-perfect, only
 * consistent: queries and pages go through the same function.
 */
export function stem(w: string): string {
  let s = w;
  if (s.length < 4) return s;
  if (s.endsWith('ies')) s = s.slice(0, -3) + 'y';
  else if (/(?:ss|sh|ch|x|z)es$/.test(s)) s = s.slice(0, -2);
  else if (/[^su]s$/.test(s)) s = s.slice(0, -1);
  else {
    const m = /^(.{3,}?)(?:ing|ed)$/.exec(s);
    if (m) s = m[1]!.replace(/([^lsz])\1$/, '$1');
  }
  return s.length > 3 ? s.replace(/e$/, '') : s;
}

/**
 * Cleans a query. Fault codes are the 3–5 digit numbers that are known fault codes, that
 * follow "fault", "code" or "error" (also as JSON: "code":"6240"), or that are the whole query.
 */
export function normalizeQuery(raw: string, knownFaultCodes?: ReadonlySet<string>): NormalizedQuery {
  const input = typeof raw === 'string' ? raw : '';
  // Code points, not code units: the cap never leaves half of an emoji (issue 14).
  const read = capCodePoints(input, MAX_QUERY_CHARS);
  const tokens = tokenize(wellFormed(read));
  const faultCodes: string[] = [];
  tokens.forEach((t, i) => {
    if (
      /^\d+$/.test(t) &&
      !faultCodes.includes(t) &&
      (knownFaultCodes?.has(t) || /^(?:fault|code|error|err)$/.test(tokens[i - 1] ?? '') || tokens.length === 1)
    )
      faultCodes.push(t);
  });
  return {
    text: tokens.join(' '),
    faultCodes,
    terms: [...new Set(words(tokens.join(' ')).filter(isTerm))].slice(0, MAX_TERMS),
    truncated: read.length < input.length,
  };
}

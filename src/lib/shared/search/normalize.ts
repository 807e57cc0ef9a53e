/**
 * The words of a text as search sees them, for queries and pages alike (query.ts cleans a
 * whole query with them): tokens, words, stop words and a light stemmer. Pure functions, no DOM.
 */

/** Words that say nothing about which error it is (plus the keys of QuickBooks' fault JSON). */
const STOP = new Set(
  (
    'a about after again all also am an and any are as at be been before being both but by can could did do does ' +
    'doing done during each for from get gets got had has have having he her here him his how i if in into is it its just ' +
    'me more most my no not now of off on once only or other our out over please said say says she should so some ' +
    'still such than that the their them then there these they this those through to too under until up us very via ' +
    'was we were what when where which while who why will with would yet you your ' +
    'error errors fault faults message detail element errorcode statuscode online'
  ).split(' '),
);

/**
 * "isn't in QuickBooks", "has not been synced to QuickBooks", "could not be created in QBO": a
 * record missing from QuickBooks, however it is put, is one word (its negation would otherwise be
 * lost with the stop words).
 */
const NOT_IN_QUICKBOOKS =
  /(?:\bnot|n't)\s+(?:yet\s+|been\s+|be\s+){0,2}(?:(?:synced|synchronized|added|created|found|imported|exported|pushed|sent|recorded)\s+)?(?:in|into|to|on|with)\s+(?:quickbooks|qbo|qb)\b/g;

/** Keys of key=value pairs whose value is words, not an id. */
const WORDY_KEYS = new Set([
  'message',
  'error',
  'detail',
  'fault',
  'type',
  'reason',
  'error_description',
  'errormessage',
  'error_message',
]);

/**
 * Lower-cased tokens in order. Drops URLs, e-mail addresses, UUIDs, dates and timestamps,
 * money amounts, the value of every key=value pair (the key stays), punctuation (so fault
 * JSON and HTML become plain words), one-letter tokens and every token with a digit in it
 * except a bare 3–5 digit number (a possible fault code). The value of a key that carries
 * QuickBooks' words stays (`message=ThrottleExceeded`, `error=invalid_grant`, `type=…`): it is
 * the fault's name, not an id; so does a quoted value (`last_error = 'Deleted in QuickBooks'`).
 * Tokens may keep inner . - ' ("invoice-closed-period", "won't").
 */
export function tokenize(s: string): string[] {
  return (
    (
      s
        .normalize('NFKC')
        .replace(/[‘’‛`´]/g, "'")
        .toLowerCase()
        .replace(NOT_IN_QUICKBOOKS, ' notinquickbooks ')
        // "does not exist" is "missing": the negation would go with the stop words, leaving "exist".
        .replace(/\b(?:does|do|did)\s*n[o']?t\s+exist\b/g, ' missing ')
        .replace(
          /\b(?:https?:\/\/|www\.)\S*|(?<![^\s@])[^\s@]+@\S*|\b[\da-f]{8}(?:-[\da-f]{4}){3}-[\da-f]{12}\b|(?<!\d)\d+[/.-]\d+[/.-]\d+|[$€£¥]\s*\d[\d.,]*|(?<!\d)\d{1,3}(?:,\d{3})+(?:\.\d+)?/g,
          ' ',
        )
        .replace(/(?<![\p{L}\p{N}_])([\p{L}\p{N}_]+)\s*=\s*([^\s,;&]*)/gu, (_, key: string, value: string) =>
          WORDY_KEYS.has(key) || /^["']/.test(value) ? ` ${key} ${value} ` : ` ${key} `,
        )
        .match(/[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*/gu) ?? []
    ).filter((t) => t.length > 1 && t.length < 40 && (!/\d/.test(t) || /^\d{3,5}$/.test(t)))
  );
}

/** The words of a text (tokens split at . and -, possessive 's dropped), digits excluded. */
export function words(s: string): string[] {
  return tokenize(s)
    .flatMap((t) => t.split(/[.-]/))
    .map((w) => w.replace(/'s$/, ''))
    .filter((w) => w.length > 1 && !/\d/.test(w));
}

/**
 * The words of a fault's structure, printed around every message (JSON and XML keys, the XML
 * declaration, fault types): left out of the phrases a pasted message is matched by, so that two
 * pastes do not match on their wrapping.
 */
const STRUCTURE = new Set(
  (
    'fault faults type code message detail element error errors errorcode statuscode time xml version encoding utf standalone yes ' +
    'intuitresponse xmlns http https schema intuit com finance validationfault'
  ).split(' '),
);

/** The stems of a text in order, its structure left out: what a pasted message is matched by, word by word in a row. */
export const phrase = (s: string): string[] =>
  words(s)
    .filter((w) => !STRUCTURE.has(w))
    .map(stem);

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

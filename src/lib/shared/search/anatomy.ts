/**
 * The anatomy of a QuickBooks fault: what in a pasted error decides which error it is, read
 * from the raw text before any word is lower-cased or dropped. One reader for search (the
 * ranker, online and offline), triage and /go/, so that they agree on what a paste says.
 *
 * - fault codes, however they are printed: `"code":"6240"`, `code="2500"`, `errorCode=003001`,
 *   `:error_code=>"3100"`, `Error code 6000`, `The Intuit Error Code is: 6000` (leading zeros
 *   dropped: 003001 is fault 3001);
 * - the HTTP status (`statusCode=403`, `Http Status Code [400]`, `401 Unauthorized`), which
 *   says little on its own: QuickBooks answers 400 for most faults and 403 for several;
 * - the fault type (`ValidationFault`, `AuthenticationFault`, `fault_type=>"SERVICE"`);
 * - distinctive names, which say more than any status: `ThrottleExceeded`, `AuthenticationFailed`,
 *   `AuthorizationFailed`, OAuth's `invalid_grant`;
 * - the subject: the one name inside a boilerplate message that tells which record or field
 *   failed (`Required parameter CustomerRef is missing`, `Invalid Reference Id : TaxRate`,
 *   `Object Not Found : Customer`, `element="Line.Amount"`, `field …TaxCodeRef`, `Max:21`).
 *
 * `signalsOf` turns an anatomy into the tokens the ranker indexes beside a page's words
 * (rank.ts), so a page's own quoted messages give it the same signals a paste gives a query.
 * Pure TypeScript, no DOM; every expression is linear (no nested quantifiers over the text).
 */
import { stem } from './normalize.ts';

/** The kinds of subject: which pattern of QuickBooks' wording named it. */
export type SubjectKind = 'required' | 'reference' | 'notfound' | 'element' | 'max';

export interface Subject {
  kind: SubjectKind;
  /**
   * The name as a key: the last part of a dotted path, lower case, without Ref/Id, stemmed ("customer", "taxrat"); for
   * max, the number.
   */
  key: string;
  /** Its words (CustomerRef → customer; TaxCodeRef → tax code), for word matching. */
  words: string[];
  /** As written ("Line.SalesItemLineDetail.ItemRef", "21"). */
  raw: string;
}

export interface FaultAnatomy {
  /** QuickBooks fault codes, without leading zeros, in order of appearance. */
  codes: string[];
  /** HTTP statuses. */
  statuses: string[];
  /** Fault types, lower case without "fault" ("validation", "service"). */
  types: string[];
  /** Distinctive names, lower case ("throttleexceeded", "invalid_grant"). */
  names: string[];
  subjects: Subject[];
  /**
   * The words of its names and subjects (ThrottleExceeded → throttle, exceeded; TaxCodeRef → tax, code), for word
   * matching.
   */
  words: string[];
}

/** How much of a text is read: a fault is short, and a huge paste costs no more than this. */
const MAX_CHARS = 20_000;

const KEY_SEP = String.raw`["'\]\s]{0,3}(?:=>|[:=#]|\bis\b:?|\bno\.?)?["'\[\s]{0,3}`;
/** A fault code after a key that names one (not a status or response code). */
const CODE = new RegExp(
  String.raw`(?<![a-z_])(?<!(?:status|response|http|return)[ _-]?)(?:error[ _-]?code|fault[ _-]?code|code|error|fault|err|qb)${KEY_SEP}(\d{3,6})(?![\d.])`,
  'gi',
);
/** An HTTP status after a key that names one. */
const STATUS = new RegExp(
  String.raw`(?<![a-z_])(?:http[ _-]?status(?:[ _-]?code)?|status[ _-]?code|statuscode|status|response[ _-]?code|http[ _-]?code)${KEY_SEP}\(?(\d{3})(?!\d)`,
  'gi',
);
/** A status with its reason phrase: "401 Unauthorized", "429 Too Many Requests". */
const STATUS_PHRASE =
  /\b(400|401|403|404|409|429|500|502|503|504)\s+(?:client error:?\s+|server error:?\s+)?(?:bad request|unauthorized|forbidden|not found|conflict|too many requests|internal server error|bad gateway|service unavailable|gateway time-?out)\b/gi;
const TYPE =
  /\b(validation|authentication|authorization|system|service)\s?fault\b|fault_?type["'\s]{0,3}(?:=>|[:=])\s?["']?(validation|authentication|authorization|system|service)\b/gi;
/**
 * CamelCase names of failures (ThrottleExceeded, AuthenticationFailed, WrongCluster), and OAuth's error codes
 * (invalid_grant).
 */
const NAME =
  /\b([A-Z][a-z]+(?:[A-Z][a-z]+)*(?:Failed|Failure|Exceeded|Denied|Expired|Revoked|Cluster|Unavailable|ServerError|ErrorGeneral))\b|\b((?:invalid|unauthorized|unsupported|access|insufficient|temporarily|server|interaction|consent|login)_[a-z]+(?:_[a-z]+)?)\b/g;

/** QuickBooks entities that may follow "Object Not Found :" or "Invalid Reference Id :" as one capitalised word. */
const ENTITIES = new Set(
  'Account Accounts Bill Class Customer Customers Department Deposit Employee Entity Estimate Invoice Item Items Location Name Names Payment PaymentMethod Term Terms TaxCode TaxRate Txn Vendor'.split(
    ' ',
  ),
);
const IDENT = String.raw`([A-Za-z][\w]*(?:\.[A-Za-z]\w*)*)`;
const SUBJECTS: [SubjectKind, RegExp][] = [
  ['required', new RegExp(String.raw`required\s+param(?:eter)?\s+${IDENT}\s+(?:is\s+)?missing`, 'gi')],
  // "CustomerRef is missing in the request", "TxnTaxDetail.TaxLine.DetailTypeEnum is required" (a code name only:
  // identifierLike).
  ['required', new RegExp(String.raw`${IDENT}\s+is\s+(?:missing|required)\b`, 'g')],
  ['reference', new RegExp(String.raw`invalid\s+reference\s+id\s{0,3}:?\s{0,3}${IDENT}(\s+element)?`, 'gi')],
  ['notfound', new RegExp(String.raw`object\s+not\s+found\s{0,3}:?\s{0,3}${IDENT}(\s+element)?`, 'gi')],
  ['element', new RegExp(String.raw`\belement["']?\s{0,3}(?:=>|[:=])\s{0,3}["']${IDENT}["']`, 'gi')],
  ['element', /\bfield\s+([A-Za-z]\w*(?:\.[A-Za-z]\w*)+|[A-Z][a-z]+(?:[A-Z][a-z]*)+)\b/g],
];
const MAX = /\bmax(?:imum)?(?:\s+length)?(?:\s+(?:of|is))?\s{0,3}[:=]?\s{0,3}(\d{1,4})\b|\b(\d{1,4})\s+characters?\b/gi;

/** A name someone's code would use: camelCase, dotted, ending in Ref/Id, or a known entity. */
function identifierLike(name: string, followedByElement: boolean): boolean {
  return followedByElement || /[a-z][A-Z]|\./.test(name) || /(?:Ref|Id)$/.test(name) || ENTITIES.has(name);
}

/** The words of a CamelCase or dotted name, lower case, without Ref and Id (TaxCodeRef → tax, code). */
export function nameWords(name: string): string[] {
  const last = name.split('.').pop() ?? name;
  return last
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_]+/)
    .filter((w) => w.length > 1 && w !== 'ref' && w !== 'id');
}

/** A subject's key: its words run together and stemmed, so CustomerRef and Customer meet. */
const keyOf = (name: string): string => stem(nameWords(name).join('')) || name.toLowerCase();

const push = <T>(list: T[], value: T, same: (a: T) => boolean = (a) => a === value): void => {
  if (!list.some(same)) list.push(value);
};

/** Reads the anatomy of a fault (or of anything: most texts have none). */
export function readFault(raw: string): FaultAnatomy {
  const text = typeof raw === 'string' ? raw.slice(0, MAX_CHARS) : '';
  const out: FaultAnatomy = { codes: [], statuses: [], types: [], names: [], subjects: [], words: [] };
  // Intuit's codes have at most five digits; a sixth is a leading zero (003001), else it is an id.
  for (const m of text.matchAll(CODE)) if (Number(m[1]) <= 99_999) push(out.codes, String(Number(m[1])));
  for (const m of text.matchAll(STATUS)) push(out.statuses, m[1]!);
  for (const m of text.matchAll(STATUS_PHRASE)) push(out.statuses, m[1]!);
  for (const m of text.matchAll(TYPE)) push(out.types, (m[1] ?? m[2]!).toLowerCase());
  for (const m of text.matchAll(NAME)) {
    push(out.names, (m[1] ?? m[2]!).toLowerCase());
    if (m[1]) nameWords(m[1]).forEach((w) => push(out.words, w));
  }
  const add = (kind: SubjectKind, name: string) => {
    const key = kind === 'max' ? name : keyOf(name);
    const words = kind === 'max' ? [] : nameWords(name);
    push(out.subjects, { kind, key, words, raw: name }, (s) => s.kind === kind && s.key === key);
    words.forEach((w) => push(out.words, w));
  };
  for (const [kind, re] of SUBJECTS)
    for (const m of text.matchAll(re)) {
      const name = m[1]!;
      // After "Required parameter" any word is a name; elsewhere only a name someone's code would use.
      const named = kind === 'element' || (kind === 'required' && /^required/i.test(m[0]));
      if (named || identifierLike(name, Boolean(m[2]))) add(kind, name);
    }
  for (const m of text.matchAll(MAX)) add('max', String(Number(m[1] ?? m[2])));
  return out;
}

/** Prefix of the ranker's signal tokens: no word starts so (words are letters and digits). */
export const SIGNAL = '@';

/**
 * The tokens the ranker indexes for an anatomy: `@s:<kind>` and `@s:<kind>:<key>` for each
 * subject, `@k:<key>` for its key whatever the kind, `@n:<name>`, `@h:<status>`, `@t:<type>`.
 * Fault codes are not among them: the ranker has its own table of those.
 */
export function signalsOf(a: FaultAnatomy): string[] {
  const out = new Set<string>();
  for (const s of a.subjects) {
    out.add(`${SIGNAL}s:${s.kind}`);
    out.add(`${SIGNAL}s:${s.kind}:${s.key}`);
    if (s.kind !== 'max') out.add(`${SIGNAL}k:${s.key}`);
  }
  for (const n of a.names) out.add(`${SIGNAL}n:${n}`);
  for (const h of a.statuses) out.add(`${SIGNAL}h:${h}`);
  for (const t of a.types) out.add(`${SIGNAL}t:${t}`);
  return [...out];
}

export const isSignal = (token: string): boolean => token.startsWith(SIGNAL);

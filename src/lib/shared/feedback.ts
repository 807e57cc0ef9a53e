/**
 * Feedback and search misses, sent where one setting says and nowhere else (issue 21): the
 * FEEDBACK_URL environment variable, read at build. Unset, the site sends nothing and its CSP
 * allows no other origin. Set, it is one of:
 *
 *   https://collect.example.com/events          each event as JSON, POSTed with navigator.sendBeacon
 *   plausible:https://plausible.io              Plausible custom events (its /api/event)
 *   goatcounter:https://mysite.goatcounter.com  GoatCounter events (its /count)
 *
 * What is sent carries no cookie, no identifier and no paste: a page's "Was this helpful?"
 * (with a reason from a short fixed list), a search that found nothing or whose first result
 * nobody opened, or whose first result was passed over for another (its words, with digits, e-mail addresses, names
 * after "customer", "client",
 * "name" or "invoice #" and anything past 120 characters removed), and a fingerprint of a triage
 * part that matched nothing (its fault code, type, name and subject: src/lib/shared/search/anatomy.ts).
 * Plain TypeScript, no DOM: the build, the browser and the misses tool read it.
 */
import { readFault } from './search/anatomy.ts';

export type FeedbackKind = 'beacon' | 'plausible' | 'goatcounter';

export interface FeedbackTarget {
  kind: FeedbackKind;
  /** Where events go: the beacon URL, Plausible's event API, GoatCounter's count endpoint. */
  url: string;
  /** Its origin: the one origin the CSP's connect-src adds. */
  origin: string;
}

/** The environment variable that names where events go. */
export const FEEDBACK_SETTING = 'FEEDBACK_URL';

/** Reads the setting; undefined when unset. A value that is none of its forms is an error that says what it takes. */
export function parseFeedbackSetting(value: string | undefined): FeedbackTarget | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  const m = /^(plausible|goatcounter):(.*)$/i.exec(raw);
  const kind = (m?.[1]?.toLowerCase() ?? 'beacon') as FeedbackKind;
  let url: URL;
  try {
    url = new URL(m ? m[2]! : raw);
  } catch {
    throw new Error(
      `${FEEDBACK_SETTING}="${raw}" is not an address: give https://… (JSON beacons), plausible:https://… or goatcounter:https://…`,
    );
  }
  if (!/^https?:$/.test(url.protocol))
    throw new Error(`${FEEDBACK_SETTING}="${raw}": only http and https addresses can receive events`);
  const origin = url.origin;
  if (kind === 'plausible') return { kind, url: new URL('/api/event', origin).href, origin };
  if (kind === 'goatcounter') return { kind, url: new URL('/count', origin).href, origin };
  return { kind, url: url.href, origin };
}

/** Why a page did not help: a short fixed list, never free text. */
export const FEEDBACK_REASONS = {
  'not-my-error': "It isn't the error I have",
  'steps-unclear': 'The steps were unclear',
  'did-not-work': "The fix didn't work",
  'something-missing': 'Something I needed is missing',
} as const;
export type FeedbackReason = keyof typeof FEEDBACK_REASONS;

export type FeedbackEvent =
  | { type: 'helpful'; page: string; helpful: boolean; reason?: FeedbackReason }
  /**
   * none: nothing found; not-opened: results nobody opened; not-first: someone opened another result than the first
   * (`opened`).
   */
  | { type: 'search-miss'; query: string; result: 'none' | 'not-opened' | 'not-first'; opened?: string }
  | { type: 'triage-miss'; faultCode?: string; faultType?: string; faultName?: string; subject?: string };

/** The most of a query an event carries. */
export const MAX_EVENT_QUERY = 120;

/** Words that name a record: the words after one may be the customer's name or the invoice's number. */
const NAMES_FOLLOW = new Set([
  'customer',
  'customers',
  'client',
  'clients',
  'name',
  'named',
  'invoice',
  'invoices',
  'payment',
  'item',
]);

/**
 * Words that still describe the error after a naming word ("customer is inactive", "invoice won't
 * sync"): where one comes, what follows is no longer taken for a name.
 */
const ERROR_WORDS = new Set(
  `a an the is isn't are aren't was wasn't has hasn't have had not no can can't cannot won't will does doesn't did didn't do
  be been being in on of for to from with by at as and or but if it its this that these those my our your
  already still again also only just now yet
  already exists exist exists found missing deleted inactive active duplicate duplicated invalid valid error errors failed fail fails
  sync syncs synced syncing resync sync'd update updated create created save saved match matches matching
  number numbers id ids date dated period closed open line lines item items tax rate code account accounts
  long too short empty blank required reference ref type types same another different other supplied using use used
  quickbooks qbo qb workiz online customer customers client clients name named invoice invoices payment payments`.split(
    /\s+/,
  ),
);

/**
 * A query as an event may carry it: e-mail addresses, up to three words after a naming word
 * ("customer", "client", "name", "invoice #"…) that are not words of the error itself (names and
 * numbers), every digit, and everything past 120 characters removed; lower case, spaces squeezed.
 */
export function privateQuery(raw: string): string {
  const words = raw
    .slice(0, 4 * MAX_EVENT_QUERY)
    .replace(/[^\s@]+@[^\s@]+/g, ' ')
    .replace(/\d+/g, ' ')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
  const kept: string[] = [];
  let drop = 0;
  for (const word of words) {
    const bare = word.replace(/^[^a-z#]+|[^a-z#]+$/g, '');
    if (drop && bare !== '#' && bare !== 'no' && !ERROR_WORDS.has(bare)) {
      drop--;
      continue;
    }
    drop = NAMES_FOLLOW.has(bare.replace(/#$/, '')) ? 3 : drop && (bare === '#' || bare === 'no') ? drop : 0;
    if (bare) kept.push(word.replace(/^[^a-z#]+|[^a-z#'’]+$/g, '') || bare);
  }
  return kept.join(' ').slice(0, MAX_EVENT_QUERY).trim();
}

/**
 * A triage part that matched nothing, as an event: what its fault's anatomy says, never its text. Undefined when it
 * says nothing.
 */
export function triageFingerprint(part: string): FeedbackEvent | undefined {
  const a = readFault(part);
  const s = a.subjects.find((x) => x.kind !== 'max');
  // Triage shows a pasted <Error> as "code · message · detail".
  const code = a.codes[0] ?? /^(\d{1,6}) · /.exec(part)?.[1];
  const event: FeedbackEvent = {
    type: 'triage-miss',
    ...(code && { faultCode: code }),
    ...(a.types[0] && { faultType: a.types[0] }),
    ...(a.names[0] && { faultName: a.names[0] }),
    ...(s && { subject: `${s.kind}:${s.key}` }),
  };
  return Object.keys(event).length > 1 ? event : undefined;
}

/** An event's name and its properties, flat, as Plausible and GoatCounter take them. */
export function eventParts(e: FeedbackEvent): { name: string; props: Record<string, string> } {
  if (e.type === 'helpful')
    return {
      name: e.helpful ? 'helpful-yes' : 'helpful-no',
      props: { page: e.page, ...(e.reason && { reason: e.reason }) },
    };
  if (e.type === 'search-miss')
    return { name: `search-${e.result}`, props: { query: e.query, ...(e.opened && { opened: e.opened }) } };
  const { type: _, ...props } = e;
  return { name: 'triage-miss', props: props as Record<string, string> };
}

/** What navigator.sendBeacon sends for an event: the URL and, but for GoatCounter, a text body. */
export function beaconRequest(
  target: FeedbackTarget,
  e: FeedbackEvent,
  where: { domain: string; url: string },
): { url: string; body?: string } {
  if (target.kind === 'beacon') return { url: target.url, body: JSON.stringify(e) };
  const { name, props } = eventParts(e);
  if (target.kind === 'plausible')
    return { url: target.url, body: JSON.stringify({ name, url: where.url, domain: where.domain, props }) };
  // GoatCounter: an event is a "path" with e=true; its properties go in the path as name/value.
  const path = [name, ...Object.entries(props).map(([k, v]) => `${k}=${v.replace(/\//g, ' ')}`)].join('/');
  return { url: `${target.url}?${new URLSearchParams({ p: path, t: name, e: 'true' })}` };
}

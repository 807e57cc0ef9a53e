/**
 * Turns whatever someone typed or pasted (a few words, a QuickBooks message, a whole fault
 * JSON or a log excerpt) into what the ranker uses: its words (normalize.ts), its fault codes,
 * and the fault's anatomy (anatomy.ts) as signals and extra words. Pure functions, no DOM.
 *
 * Only the first MAX_QUERY_CHARS characters (code points) are read, before any regular
 * expression runs, so a huge paste costs no more than a short one.
 */
import { capCodePoints, MAX_QUERY_CHARS, wellFormed } from './cap.ts';
import { readFault, signalsOf } from './anatomy.ts';
import { isTerm, tokenize, words } from './normalize.ts';
import type { NormalizedQuery } from './types.ts';

export { MAX_QUERY_CHARS };
export const MAX_TERMS = 40;

/**
 * Cleans a query. Fault codes are those the fault's anatomy names (after "fault", "code" or
 * "error", also as JSON: "code":"6240", or `errorCode=003001`, which is 3001; never a status
 * code), the 3–5 digit numbers that are known fault codes, and a number that is the whole query. The words of the
 * names inside the fault (CustomerRef → customer, ThrottleExceeded → throttle exceeded) come
 * first among the terms: they decide more than the boilerplate around them.
 */
export function normalizeQuery(raw: string, knownFaultCodes?: ReadonlySet<string>): NormalizedQuery {
  const input = typeof raw === 'string' ? raw : '';
  // Code points, not code units: the cap never leaves half of an emoji (issue 14).
  const read = wellFormed(capCodePoints(input, MAX_QUERY_CHARS));
  const tokens = tokenize(read);
  const anatomy = readFault(read);
  const faultCodes: string[] = [];
  // The codes the fault's anatomy names ("fault 6240", "code":"6240", errorCode=003001; not a
  // status code), in order with the known codes the text has and a number that is the whole query.
  for (const code of anatomy.codes) if (!faultCodes.includes(code)) faultCodes.push(code);
  // A code alone, as a log prints it: 007001 is fault 7001.
  const alone = /^\s*(\d{3,6})\s*$/.exec(read)?.[1];
  if (alone && Number(alone) <= 99_999 && !faultCodes.includes(String(Number(alone))))
    faultCodes.push(String(Number(alone)));
  for (const t of tokens)
    if (/^\d+$/.test(t) && !faultCodes.includes(t) && (knownFaultCodes?.has(t) || tokens.length === 1))
      faultCodes.push(t);
  const own = words(tokens.join(' ')).filter(isTerm);
  return {
    text: tokens.join(' '),
    faultCodes,
    terms: [...new Set([...anatomy.words.filter(isTerm), ...own])].slice(0, MAX_TERMS),
    signals: signalsOf(anatomy),
    truncated: read.length < input.length,
  };
}

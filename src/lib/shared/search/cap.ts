/**
 * Caps on what someone types or pastes into a search box, that never split a character.
 * Small on purpose: the header's search loader, on every page, imports this file alone.
 *
 * A JavaScript string is UTF-16: an emoji or a rare CJK ideograph is two code units (a
 * surrogate pair), and `s.slice(0, n)` can keep the first half of one, which
 * `encodeURIComponent` refuses ("URI malformed"). These functions count code points, and
 * replace a lone surrogate already in the text (a broken paste) with U+FFFD.
 */

/** How much of a query search reads, in code points (normalizeQuery): a huge paste costs no more than this. */
export const MAX_QUERY_CHARS = 2000;

/**
 * The most the address (`?q=`) carries of a query, in bytes of the encoded URL. IIS refuses a
 * query string over 2,048 bytes by default (request filtering's maxQueryString), the lowest of
 * the common limits (nginx and Apache start at 8 KB for the whole request line, CDNs about the
 * same); 1,500 leaves room under it for the path, and keeps a shared link, a Referer and the
 * support e-mail's mailto: short. That is 1,500 ASCII letters, but only 166 CJK characters
 * (9 bytes each once encoded): a longer paste stays in the page (src/client/search/handoff.ts).
 */
export const MAX_ADDRESS_QUERY_BYTES = 1500;

/** The first `max` code points of `s` (a surrogate pair is one code point); reads no further. */
export function capCodePoints(s: string, max: number): string {
  let i = 0;
  for (let n = 0; n < max && i < s.length; n++) {
    const c = s.charCodeAt(i);
    const low = s.charCodeAt(i + 1);
    i += c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
  }
  return i >= s.length ? s : s.slice(0, i);
}

/** `s` with every lone surrogate replaced by U+FFFD, so it can be encoded. */
export const wellFormed = (s: string): string => s.toWellFormed();

/** Characters encodeURIComponent leaves as they are. */
const UNRESERVED = /[A-Za-z0-9\-_.!~*'()]/;

/** Bytes of `encodeURIComponent` of one code point (given as a string of it). */
function encodedBytes(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) return UNRESERVED.test(ch) ? 1 : 3;
  return cp < 0x800 ? 6 : cp < 0x10000 ? 9 : 12;
}

/**
 * The longest start of `raw` whose `encodeURIComponent` is at most `maxBytes` long, well
 * formed (never half a character). Costs the same for a 1 MB paste as for a short query.
 */
export function capEncoded(raw: string, maxBytes: number): string {
  // Each code point encodes to at least one byte: no more than maxBytes of them can fit.
  const s = wellFormed(capCodePoints(raw, maxBytes));
  let bytes = 0;
  let end = 0;
  for (const ch of s) {
    bytes += encodedBytes(ch);
    if (bytes > maxBytes) break;
    end += ch.length;
  }
  return s.slice(0, end);
}

/** What the address carries of a query: its start, at most MAX_ADDRESS_QUERY_BYTES once encoded. */
export const addressQuery = (raw: string): string => capEncoded(raw, MAX_ADDRESS_QUERY_BYTES);

/**
 * The one piece of HTML search writes into a page: a result's excerpt, text with the matched
 * words in <mark>. Online it comes from Pagefind, offline from the export's excerpts
 * (src/lib/shared/search/fullText.ts), and both go through excerptHtml, as the createHTML of the
 * site's only Trusted Types policy (src/client/search/policy.ts; astro.config.mjs requires
 * Trusted Types and allows this policy alone).
 */

/** The name of the site's one Trusted Types policy (search: excerpts, and the offline index's script). */
export const SEARCH_POLICY = 'qbo-help-search';

/** Text as HTML: every &, <, >, and quote as a character reference (the excerpts of both indexes, and fault lines). */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An &, < or > that is not part of a character reference, and quotes. */
const UNSAFE = /&(?!(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});)|[<>"']/gi;

/**
 * `html` reduced to text and <mark>…</mark>: every other tag is dropped (with its attributes),
 * and any other <, >, quote or stray & is escaped. Character references are kept: they only
 * ever stand for text.
 */
export function excerptHtml(html: string): string {
  return html
    .split(/(<\/?mark>)/)
    .map((part, i) =>
      i % 2 ? part : part.replace(/<[a-z/!?][^<>]*>/gi, '').replace(UNSAFE, (c) => `&#${c.charCodeAt(0)};`),
    )
    .join('');
}

/**
 * Data shapes of the search brain (src/lib/search). Plain data only: no DOM, no Astro, so the
 * same code runs in the browser, in the offline export and under node:test.
 */

/**
 * One error page as the ranker sees it; built from the page's frontmatter at build time.
 * Optional fields also accept `undefined`, as zod's output has them.
 */
export interface SearchDoc {
  code: string;
  title: string;
  summary: string;
  categories: string[];
  fixWhere: string;
  /** The frontmatter's `quickbooks` list: what QuickBooks itself may report. */
  faults: { code?: string | undefined; name?: string | undefined; message: string }[];
  aliases: string[];
  /** Plain text of the page, optional (weighted lowest). */
  body?: string | undefined;
}

/** What normalizeQuery makes of whatever was typed or pasted. */
export interface NormalizedQuery {
  /** Cleaned, lower-cased words in their order (noise dropped); for display and a full-text engine. */
  text: string;
  /** QuickBooks fault codes found in the query, in order of appearance, without repeats. */
  faultCodes: string[];
  /** Meaningful words (no stop words, IDs or numbers), without repeats, in order of appearance. */
  terms: string[];
  /** True when the input was longer than MAX_QUERY_CHARS and only its start was read. */
  truncated: boolean;
}

/** One ranked error page; `reasons` names what matched (e.g. "fault 6240", "title", "typo"). */
export interface RankedResult {
  code: string;
  score: number;
  reasons: string[];
}

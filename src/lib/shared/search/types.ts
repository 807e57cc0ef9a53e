/**
 * Data shapes of the search brain (src/lib/shared/search). Plain data only: no DOM, no Astro, so the
 * same code runs in the browser, in the offline export and under node:test.
 */

/**
 * The primary category of a QuickBooks fault code's page among the search docs: the ranker
 * weighs its fault code below the errors that quote the code (rank.ts), and its key is
 * FAULT_DOC_PREFIX and the code ("quickbooks/7001"), linking to paths.fault.
 */
export const FAULT_CATEGORY = 'fault';
export const FAULT_DOC_PREFIX = 'quickbooks/';

/**
 * One error page as the ranker sees it (or a fault code's page: FAULT_CATEGORY); built from the page's frontmatter at
 * build time.
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
  /**
   * The words of the page's text, optional (weighted lowest): the complete data has them (integrations/pagefind.ts).
   */
  body?: string | undefined;
}

/** What normalizeQuery makes of whatever was typed or pasted. */
export interface NormalizedQuery {
  /** Cleaned, lower-cased words in their order (noise dropped); for display and a full-text engine. */
  text: string;
  /** QuickBooks fault codes found in the query, in order of appearance, without repeats. */
  faultCodes: string[];
  /**
   * Meaningful words (no stop words, IDs or numbers), without repeats: the words of the fault's names first (query.ts),
   * then the rest in order of appearance.
   */
  terms: string[];
  /**
   * The fault's anatomy as the ranker's signal tokens (anatomy.ts signalsOf): its subject, names, HTTP status, fault
   * type.
   */
  signals: string[];
  /** True when the input was longer than MAX_QUERY_CHARS and only its start was read. */
  truncated: boolean;
}

/** One ranked error page; `reasons` names what matched (e.g. "fault 6240", "title", "typo"). */
export interface RankedResult {
  code: string;
  score: number;
  reasons: string[];
}

/** One part of a page's text: the part before the first heading, then one per heading with an id. */
export interface Section {
  /** The heading's id, for a link to the section; none for the top of the page. */
  id?: string;
  text: string;
}

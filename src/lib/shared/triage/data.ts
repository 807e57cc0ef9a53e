/**
 * The data triage works on: a small, plain view of the catalog (codes, titles, categories,
 * what blocks what, the manual resyncs, QuickBooks' fault codes and messages, aliases and
 * former codes). The build makes it from the catalog (triageData, /triage-data.json and the
 * triage page, which carries it inline so that nothing is fetched while triaging); the unit
 * tests make it from the content files. Plain TypeScript, no DOM, no Astro.
 */
import type { CategoryId, Resync } from '../taxonomy.ts';
import { MANUAL_RESYNC_TAG, type ResyncRecord } from '../resync.ts';
import { SYNC_CHAIN } from '../syncChain.ts';
import type { SearchDoc } from '../search/types.ts';

export interface TriageError {
  code: string;
  title: string;
  /** The first is the primary category. */
  categories: CategoryId[];
  dependsOn: string[];
  resync: Resync;
  /** The records its fix steps sync again by hand (<ManualResync record="…" />), in sync order. */
  resyncRecords: ResyncRecord[];
  /** What QuickBooks says for it: fault code (when known) and message. */
  quickbooks: { code?: string; message: string }[];
  aliases: string[];
  formerCodes: string[];
}

export interface TriageData {
  errors: TriageError[];
  /** Every QuickBooks fault code with a page of its own (/quickbooks/<code>/), and its name. */
  faultPages: [code: string, name: string][];
  /**
   * The complete search data (errors with their words, the fault codes' pages: src/lib/build/searchDocs.ts),
   * for the ranker's reading of a part no QuickBooks message names (recognise.ts). The triage page
   * carries it; the /go/ page, which reads only codes, leaves it out.
   */
  docs?: SearchDoc[];
  /** The public address of the site's root (SITE_URL, with its base path): links in a copied reply use it. */
  site: string;
}

/** The records in the order Workiz syncs them (src/lib/shared/syncChain.ts): clients and items, invoices, payments. */
export const RECORD_ORDER: readonly ResyncRecord[] = SYNC_CHAIN.map((step) => step.id);

/** The records an error's fix steps sync again by hand, read from its MDX body. */
export function resyncRecordsOf(body: string): ResyncRecord[] {
  const found = new Set<string>();
  for (const m of body.matchAll(MANUAL_RESYNC_TAG)) found.add(m[1]!);
  return RECORD_ORDER.filter((r) => found.has(r));
}

/** The plain facts of one catalog error, as the content gives them. */
export interface TriageSource {
  code: string;
  title: string;
  categories: readonly CategoryId[];
  dependsOn: readonly string[];
  resync: Resync;
  body: string;
  quickbooks: readonly { code?: string | undefined; message: string }[];
  aliases: readonly string[];
  formerCodes: readonly string[];
}

export function toTriageError(s: TriageSource): TriageError {
  return {
    code: s.code,
    title: s.title,
    categories: [...s.categories],
    dependsOn: [...s.dependsOn],
    resync: s.resync,
    resyncRecords: s.resync === 'manual' ? resyncRecordsOf(s.body) : [],
    quickbooks: s.quickbooks.map((q) => (q.code ? { code: q.code, message: q.message } : { message: q.message })),
    aliases: [...s.aliases],
    formerCodes: [...s.formerCodes],
  };
}

/**
 * The data as JSON for a `<script type="application/json">` block: `<` is escaped, so no
 * text of the catalog can close the element or open a comment.
 */
export const inlineJson = (data: unknown): string => JSON.stringify(data).replace(/</g, '\\u003c');

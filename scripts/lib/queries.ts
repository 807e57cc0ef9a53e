/**
 * The query sets search and triage are measured on, all read through here (the search tests,
 * the offline tests, `scripts/search-accuracy.ts` and the benchmark):
 *
 * - `today`: tests/search-queries.json, written beside the content: what people type or paste,
 *   and the codes a right answer is. It measures memory as much as anything: kept so that no
 *   change loses a point on it.
 * - `dev` and `holdout`: tests/real-queries/, real error text copied from public pages the
 *   content does not cite (other apps' help pages, SDK issues), each with its address, the
 *   expected pages judged before any ranking was looked at. One pool, split at random by the hash
 *   of each page's address (a page's inputs stay together): `dev` may be tuned on; `holdout` never
 *   is (tests/unit/real-queries.test.ts keeps its sources out of the content).
 *
 * An expected answer is an error code, or "quickbooks/<fault code>" for a fault code's page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Query {
  query: string;
  /** Right answers; `expect[0]` is the main page. */
  expect: string[];
  /**
   * What kind of query it is (symptom, paste, code, typo…; for the real sets: fault-json, app-message, user-words…).
   */
  kind: string;
  /** The public page the text was copied from (the real sets). */
  source?: string;
  /** Why the expected page (the real sets). */
  note?: string;
}

export const QUERIES_FILE = join(import.meta.dirname, '..', '..', 'tests', 'search-queries.json');
export const REAL_DIR = join(import.meta.dirname, '..', '..', 'tests', 'real-queries');

export const QUERY_SETS = ['today', 'dev', 'holdout'] as const;
export type QuerySet = (typeof QUERY_SETS)[number];

const FILES: Record<QuerySet, string> = {
  today: QUERIES_FILE,
  dev: join(REAL_DIR, 'dev.json'),
  holdout: join(REAL_DIR, 'holdout.json'),
};

export const loadQueries = (set: QuerySet = 'today'): Query[] =>
  JSON.parse(readFileSync(FILES[set], 'utf8')) as Query[];

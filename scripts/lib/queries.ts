/**
 * The shared query set, tests/search-queries.json: what people type or paste, and the error
 * codes a right answer is (the first one is the main page). The search tests, the offline tests,
 * `scripts/search-accuracy.ts` and the benchmark all read it through here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Query {
  query: string;
  /** Right answers; `expect[0]` is the main page. */
  expect: string[];
  /** What kind of query it is (symptom, paste, code, typo…). */
  kind: string;
}

export const QUERIES_FILE = join(import.meta.dirname, '..', '..', 'tests', 'search-queries.json');

export const loadQueries = (): Query[] => JSON.parse(readFileSync(QUERIES_FILE, 'utf8')) as Query[];

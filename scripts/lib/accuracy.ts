/**
 * How well search and triage answer a query set (scripts/lib/queries.ts), on a built site: search
 * is the ranker on the complete data the site ranks on (dist/search-data.json: every page with its
 * words and the fault codes' pages; the same ranking online and offline, tests/e2e/agreement.spec.ts),
 * triage is recognise() on the site's triage data (dist/triage-data.json). For
 * scripts/search-accuracy.ts and the benchmark.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rankKnown } from '../../src/lib/shared/search/rank.ts';
import type { RankedResult, SearchDoc } from '../../src/lib/shared/search/types.ts';
import { recognise, triageIndex, type Triage, type TriageIndex } from '../../src/lib/shared/triage/recognise.ts';
import type { TriageData } from '../../src/lib/shared/triage/data.ts';
import { builtFileOf, paths } from '../../src/lib/shared/urls.ts';
import { loadQueries, type Query, type QuerySet } from './queries.ts';

export interface Built {
  docs: SearchDoc[];
  triage: TriageIndex;
}

/** The complete search data and the triage data of a build. */
export function readBuilt(dist: string): Built {
  const read = (path: string) => JSON.parse(readFileSync(join(dist, builtFileOf(path)), 'utf8')) as unknown;
  return { docs: read(paths.searchData()) as SearchDoc[], triage: triageIndex(read(paths.triageData()) as TriageData) };
}

export interface TriageVerdict {
  /** Its surest finding is expected, or (finding nothing) a choice names the main page or an expected fault page. */
  right: boolean;
  /** It is "likely" or surer of a page the query does not expect. */
  confidentlyWrong: boolean;
  said: string;
}

const RANK = { exact: 0, high: 1, medium: 2, low: 3 } as const;

export function triageVerdict(t: Triage, q: Query): TriageVerdict {
  const found = [...t.found].sort((a, b) => RANK[a.confidence] - RANK[b.confidence]);
  const top = found[0];
  const right =
    (top !== undefined && q.expect.includes(top.code)) ||
    (top === undefined &&
      t.choices.some(
        (c) =>
          c.options.includes(q.expect[0]!) ||
          (c.faultCode !== undefined && q.expect.includes(`quickbooks/${c.faultCode}`)),
      )) ||
    (top === undefined && !t.choices.length && t.faultFindings.some((f) => q.expect.includes(`quickbooks/${f.code}`)));
  const said = top
    ? `${top.code} (${top.confidence})`
    : t.choices.length
      ? `choice: ${t.choices.map((c) => c.options.join('|')).join('; ')}`
      : t.faultFindings.length
        ? `fault page ${t.faultFindings.map((f) => f.code).join(', ')}`
        : 'nothing';
  return { right, confidentlyWrong: found.some((f) => f.confidence !== 'low' && !q.expect.includes(f.code)), said };
}

export interface SetFigure {
  set: QuerySet;
  queries: number;
  /** Search: the first result is one of the expected pages. */
  first: number;
  /** Search: the main page is in the top three. */
  top3: number;
  triageRight: number;
  triageConfidentlyWrong: number;
  /** Every query with what search and triage gave. */
  results: { query: Query; ranked: RankedResult[]; first: boolean; top3: boolean; triage: TriageVerdict }[];
}

export function measureSet(set: QuerySet, built: Built): SetFigure {
  const results = loadQueries(set).map((query) => {
    const ranked = rankKnown(query.query, built.docs);
    const codes = ranked.map((r) => r.code);
    return {
      query,
      ranked,
      first: query.expect.includes(codes[0] ?? ''),
      top3: codes.slice(0, 3).includes(query.expect[0]!),
      triage: triageVerdict(recognise(built.triage, query.query), query),
    };
  });
  return {
    set,
    queries: results.length,
    first: results.filter((r) => r.first).length,
    top3: results.filter((r) => r.top3).length,
    triageRight: results.filter((r) => r.triage.right).length,
    triageConfidentlyWrong: results.filter((r) => r.triage.confidentlyWrong).length,
    results,
  };
}

/**
 * How well search and triage find the right page for the query sets (scripts/lib/queries.ts,
 * scripts/lib/accuracy.ts), on the built site: per set, the share whose first result is right and
 * whose main page is in the top three, triage's right answers and its confident mistakes, and the
 * misses of today's and the dev set. The held-out set's misses are not printed unless
 * --show-holdout: it is measured, never tuned on.
 *
 *   npm run build && node scripts/search-accuracy.ts [--set today|dev|holdout] [--verbose] [--show-holdout]
 *
 * Exits 1 if a query names a page that does not exist.
 */
import { DIST } from './lib/dist.ts';
import { measureSet, readBuilt } from './lib/accuracy.ts';
import { QUERY_SETS, type QuerySet } from './lib/queries.ts';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const showHoldout = args.includes('--show-holdout');
const only = args.includes('--set') ? [args[args.indexOf('--set') + 1] as QuerySet] : [...QUERY_SETS];
const built = readBuilt(DIST);
const known = new Set(built.docs.map((d) => d.code));
const short = (s: string): string => {
  const line = s.replace(/\s+/g, ' ');
  return line.length > 110 ? `${line.slice(0, 107)}...` : line;
};

let bad = false;
for (const set of only) {
  const f = measureSet(set, built);
  // A fault code with no page of its own may be expected (tests/unit/real-queries.test.ts): it counts as a miss.
  const unknown = f.results.flatMap(({ query: q }) =>
    q.expect.filter((c) => !known.has(c) && !/^quickbooks\/\d+$/.test(c)).map((c) => `${c} (in "${short(q.query)}")`),
  );
  if (unknown.length) {
    console.error(`Unknown pages in the ${set} set:\n  ${unknown.join('\n  ')}`);
    bad = true;
  }
  const pct = (n: number) => `${((100 * n) / f.queries).toFixed(1)}% (${n}/${f.queries})`;
  console.log(`\n${set}: ${f.queries} queries`);
  console.log(`  search: first ${pct(f.first)}   main in top 3 ${pct(f.top3)}`);
  console.log(`  triage: right ${pct(f.triageRight)}   confidently wrong ${f.triageConfidentlyWrong}`);
  if (set === 'holdout' && !showHoldout) continue;
  for (const r of f.results) {
    if (r.first && r.top3 && r.triage.right && !r.triage.confidentlyWrong && !verbose) continue;
    const got = r.ranked.slice(0, 3).map((x) => `${x.code} ${x.score.toFixed(1)} (${x.reasons.join(', ')})`);
    const mark = r.first ? (r.top3 ? 'ok  ' : 'TOP3') : 'MISS';
    const triage = `${r.triage.right ? '' : 'T-MISS '}${r.triage.confidentlyWrong ? 'T-WRONG ' : ''}`;
    console.log(
      `  ${mark} ${triage}[${r.query.kind}] ${short(r.query.query)}` +
        `\n       expected ${r.query.expect.join(' | ')}\n       triage   ${r.triage.said}\n       got      ${got.join('\n                ')}`,
    );
  }
}
process.exit(bad ? 1 : 0);

/**
 * How well rankKnown finds the right page for the shared query set (tests/search-queries.json),
 * on the real catalog (content/errors/*.mdx). Prints the first-hit rate (the top result is one
 * of the query's `expect` codes), the top-3 rate (its main code, `expect[0]`, is in the top 3)
 * and every miss, once for frontmatter-only docs and once with the page text as `body`.
 *
 *   npm exec -- node scripts/search-accuracy.ts [--verbose]
 *
 * Exits 1 if a query names an error code that does not exist, 0 otherwise.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadQueries } from './lib/queries.ts';
import { rankKnown } from '../src/lib/search/rank.ts';
import type { SearchDoc } from '../src/lib/search/types.ts';


const root = join(import.meta.dirname, '..');
const dir = join(root, 'content', 'errors');
const verbose = process.argv.includes('--verbose');

/** Rough plain text of an MDX body: no components, markup or link targets. */
function plain(mdx: string): string {
  return mdx
    .replace(/<[^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/[#*_`>|[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function load(withBody: boolean): SearchDoc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const src = readFileSync(join(dir, f), 'utf8');
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(src);
      if (!m) throw new Error(`${f}: no frontmatter`);
      const fm = parse(m[1]!) as Record<string, unknown>;
      const doc: SearchDoc = {
        code: String(fm['code']),
        title: String(fm['title']),
        summary: String(fm['summary']),
        categories: (fm['categories'] as string[] | undefined) ?? [],
        fixWhere: String(fm['fixWhere']),
        faults: (fm['quickbooks'] as SearchDoc['faults'] | undefined) ?? [],
        aliases: (fm['aliases'] as string[] | undefined) ?? [],
      };
      if (withBody) doc.body = plain(m[2] ?? '');
      return doc;
    });
}

const queries = loadQueries();
const known = new Set(load(false).map((d) => d.code));
const unknown = queries.flatMap((q) => q.expect.filter((c) => !known.has(c)).map((c) => `${c} (in "${q.query}")`));
if (unknown.length) {
  console.error(`Unknown error codes in tests/search-queries.json:\n  ${unknown.join('\n  ')}`);
  process.exit(1);
}

const pct = (n: number): string => `${((100 * n) / queries.length).toFixed(1)}%`;
const short = (s: string): string => (s.length > 90 ? `${s.slice(0, 87)}...` : s);

for (const withBody of [false, true]) {
  const docs = load(withBody);
  let first = 0;
  let top3 = 0;
  const misses: string[] = [];
  const started = performance.now();
  for (const q of queries) {
    const ranked = rankKnown(q.query, docs);
    const codes = ranked.map((r) => r.code);
    const hit = q.expect.includes(codes[0] ?? '');
    const in3 = codes.slice(0, 3).includes(q.expect[0]!);
    if (hit) first++;
    if (in3) top3++;
    if (!hit || !in3 || verbose)
      misses.push(
        `${hit ? (in3 ? 'ok  ' : 'TOP3') : 'MISS'} [${q.kind}] ${short(q.query)}\n       expected ${q.expect.join(' | ')}\n       got      ${ranked
          .slice(0, 3)
          .map((r) => `${r.code} ${r.score.toFixed(1)} (${r.reasons.join(', ')})`)
          .join('\n                ')}`,
      );
  }
  const ms = (performance.now() - started) / queries.length;
  console.log(`\n${withBody ? 'With page text (body)' : 'Frontmatter only'}: ${queries.length} queries, ${docs.length} docs, ${ms.toFixed(2)} ms/query`);
  console.log(`  first hit ${pct(first)} (${first}/${queries.length})   main in top 3 ${pct(top3)} (${top3}/${queries.length})`);
  for (const m of misses) console.log(`  ${m}`);
}

/**
 * Issue 19: the site and the offline copy rank every query of the query sets (today's, and the real
 * dev and held-out sets: scripts/lib/queries.ts) identically in their top three, and each of the
 * issue's own examples gets its right page first on both. The site is the built site served (the
 * complete data and Pagefind for excerpts); the offline copy is the export's zip, unpacked and
 * opened from file:// (the same data, MiniSearch for excerpts). Each set's figures are printed.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadQueries, QUERY_SETS } from '../../scripts/lib/queries.ts';
import { ISSUE_EXAMPLES } from '../issue-examples.ts';
import { searchPage, unpackExport } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const EXPORT = resolve(ROOT, process.env['EXPORT_DIR'] ?? 'export');
const NAME = 'qbo-sync-errors-help';

/**
 * The least share of each set's queries whose first result is right, and whose main page is in the
 * top three: today's as its search test holds; the real sets a little under what was measured when
 * they were gathered, so that a change that loses ground on real text fails (the held-out set is
 * never tuned on: BENCHMARKS.md).
 */
const FLOOR = { today: [0.95, 0.99], dev: [0.75, 0.85], holdout: [0.72, 0.85] } as const;

let unpacked = '';
let offline = '';
test.beforeAll(() => {
  unpacked = mkdtempSync(join(tmpdir(), 'qbo-help-agreement-'));
  offline = pathToFileURL(unpackExport(join(EXPORT, `${NAME}.zip`), unpacked, NAME)).href;
});
test.afterAll(() => rmSync(unpacked, { recursive: true, force: true }));

async function open(site: Page, copy: Page) {
  await site.goto('/search/');
  await copy.route(/^https?:/, (route) => route.abort());
  await copy.goto(`${offline}/search/index.html`);
}

for (const set of QUERY_SETS) {
  test(`the ${set} set: the site and the offline copy give the same top three`, async ({ page, context }) => {
    test.setTimeout(900_000);
    const copy = await context.newPage();
    await open(page, copy);
    const queries = loadQueries(set);
    let first = 0;
    let top3 = 0;
    const differ: string[] = [];
    for (const q of queries) {
      const [online, off] = await Promise.all([searchPage(page, q.query), searchPage(copy, q.query)]);
      if (JSON.stringify(online.slice(0, 3)) !== JSON.stringify(off.slice(0, 3)))
        differ.push(
          `${q.query.slice(0, 60)}: ${online.slice(0, 3).join(', ')} | offline ${off.slice(0, 3).join(', ')}`,
        );
      if (q.expect.includes(online[0]!)) first++;
      if (online.slice(0, 3).includes(q.expect[0]!)) top3++;
    }
    console.log(
      `${set}: ${queries.length} queries, ${first} first, ${top3} in the top three, online and offline alike: ${queries.length - differ.length}`,
    );
    expect(differ, 'queries whose top three differ online and offline').toEqual([]);
    expect(first / queries.length, `${set}: first`).toBeGreaterThanOrEqual(FLOOR[set][0]);
    expect(top3 / queries.length, `${set}: top three`).toBeGreaterThanOrEqual(FLOOR[set][1]);
  });
}

test("the issue's own examples get their page first, on the site and offline", async ({ page, context }) => {
  const copy = await context.newPage();
  await open(page, copy);
  for (const ex of ISSUE_EXAMPLES) {
    for (const [where, p] of [
      ['site', page],
      ['offline', copy],
    ] as const) {
      const results = await searchPage(p, ex.query);
      expect(ex.first, `${where}: "${ex.query}" → ${results.slice(0, 3).join(', ')}`).toContain(results[0]);
    }
  }
});

/**
 * The shared query set (tests/search-queries.json) that the search tests, the offline tests and
 * the benchmark run: every error of the catalog is asked for, in several realistic ways, and
 * every query names only errors that exist.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadQueries } from '../../scripts/lib/queries.ts';
import { CODES, FAULTS } from '../content.ts';

/** The pages a query may expect: an error, or a fault code's page ("quickbooks/<code>"). */
const PAGES = new Set([...CODES, ...FAULTS.map((f) => `quickbooks/${f.code}`)]);

const QUERIES = loadQueries();

test('every query names existing errors, and no query is there twice', () => {
  for (const q of QUERIES) {
    assert.ok(q.expect.length > 0, q.query);
    for (const code of q.expect)
      assert.ok(PAGES.has(code), `"${q.query.slice(0, 60)}" expects ${code}, which is no page`);
    assert.ok(['pasted', 'fault-code', 'plain', 'typo'].includes(q.kind), `"${q.query.slice(0, 60)}": kind ${q.kind}`);
  }
  assert.equal(new Set(QUERIES.map((q) => q.query)).size, QUERIES.length);
});

test('every error is asked for at least three times, at least once as the main answer', () => {
  for (const code of CODES) {
    const asking = QUERIES.filter((q) => q.expect.includes(code));
    assert.ok(asking.length >= 3, `${code} has ${asking.length} queries in tests/search-queries.json, wants 3`);
    assert.ok(
      QUERIES.some((q) => q.expect[0] === code),
      `${code} is no query's main answer`,
    );
  }
});

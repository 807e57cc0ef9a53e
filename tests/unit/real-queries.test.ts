/**
 * The real query sets (tests/real-queries/, scripts/lib/queries.ts): real text, each from a public
 * address, naming pages that exist; the held-out set large enough to measure, its pages never
 * cited by the content (so that its text is unseen), and no page's inputs in both sets (they were
 * split by page at random).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadQueries } from '../../scripts/lib/queries.ts';
import { CODES, FAULTS } from '../content.ts';

const PAGES = new Set([...CODES, ...FAULTS.map((f) => `quickbooks/${f.code}`)]);
const KINDS = ['fault-json', 'fault-xml', 'sdk-exception', 'log-line', 'app-message', 'user-words'];
const dev = loadQueries('dev');
const holdout = loadQueries('holdout');
const CONTENT = join(import.meta.dirname, '..', '..', 'content');

test('every real query: text, its public address, a kind, and pages that exist', () => {
  for (const q of [...dev, ...holdout]) {
    assert.ok(q.query.trim().length > 0);
    assert.match(q.source ?? '', /^https?:\/\/[^/\s]+\/\S*$/, `"${q.query.slice(0, 50)}" has its public address`);
    assert.ok(KINDS.includes(q.kind), `${q.kind} is a kind`);
    assert.ok(q.expect.length > 0);
    // A code that is in neither Intuit's table nor a source the content may cite (two held-out inputs
    // name one) has no page of its own: the expectation stays as judged, and counts as a miss.
    for (const page of q.expect)
      assert.ok(
        PAGES.has(page) || /^quickbooks\/\d+$/.test(page),
        `"${q.query.slice(0, 50)}" expects ${page}, which is no page`,
      );
  }
  assert.equal(new Set([...dev, ...holdout].map((q) => q.query)).size, dev.length + holdout.length, 'no query twice');
});

test('the held-out set: at least 60 inputs, from pages the content does not cite, none shared with the dev set', () => {
  assert.ok(holdout.length >= 60, `${holdout.length} held-out inputs`);
  const cited = [
    ...readdirSync(join(CONTENT, 'errors')).map((f) => readFileSync(join(CONTENT, 'errors', f), 'utf8')),
    readFileSync(join(CONTENT, 'quickbooks-faults.yaml'), 'utf8'),
  ].join('\n');
  const citedHere = [...new Set(holdout.map((q) => q.source!))].filter((s) => cited.includes(s));
  assert.deepEqual(citedHere, [], 'held-out pages the content cites');
  const devSources = new Set(dev.map((q) => q.source));
  assert.deepEqual(
    holdout.filter((q) => devSources.has(q.source)).map((q) => q.source),
    [],
  );
});

/**
 * Field weights are written in one place, src/lib/shared/search/weights.ts (issue 11): the ranker,
 * the error page's data-pagefind-weight attributes and the offline index's boost all read it.
 * This test scans the sources for a weight written anywhere else.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FIELD_WEIGHTS, FULL_TEXT_BOOST, pagefindWeight } from '../../src/lib/shared/search/weights.ts';
import { fullTextOptions } from '../../src/lib/shared/search/fullText.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SOURCES = ['src', 'integrations', 'scripts']
  .flatMap((dir) => readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile() && /\.(ts|mjs|js|astro|mdx)$/.test(e.name))
  .map((e) => relative(ROOT, join(e.parentPath, e.name)));

/**
 * What writes a weight: a number in a Pagefind weight attribute, in a MiniSearch boost, or a FIELD_WEIGHTS-like table.
 */
const WEIGHT_WRITTEN = [
  /data-pagefind-weight\s*=\s*(?:["']\s*\d|\{\s*["'`]?\d)/,
  /\bboost\s*:\s*\{[^}]*\d/,
  /\b(?:rank|fullText)\s*:\s*\d/,
  /\bunit\(\s*'[^']*'\s*,\s*\d/,
];

test('no weight is written outside src/lib/shared/search/weights.ts', () => {
  assert.ok(SOURCES.includes('src/lib/shared/search/weights.ts'));
  assert.ok(SOURCES.includes('src/layouts/ErrorPage.astro'));
  const found = SOURCES.filter((f) => f !== 'src/lib/shared/search/weights.ts').flatMap((f) => {
    const text = readFileSync(join(ROOT, f), 'utf8');
    return WEIGHT_WRITTEN.filter((re) => re.test(text)).map((re) => `${f}: ${re}`);
  });
  assert.deepEqual(found, []);
});

test('the error page and the offline index take their weights from the table', () => {
  const page = readFileSync(join(ROOT, 'src', 'layouts', 'ErrorPage.astro'), 'utf8');
  const attributes = [...page.matchAll(/data-pagefind-weight=\{pagefindWeight\('(\w+)'\)\}/g)].map((m) => m[1]);
  assert.deepEqual(attributes.sort(), ['aliases', 'code', 'faults', 'summary', 'title']);
  assert.equal(pagefindWeight('title'), String(FIELD_WEIGHTS.title.fullText));
  assert.deepEqual(fullTextOptions.searchOptions?.boost, FULL_TEXT_BOOST);
  assert.deepEqual(fullTextOptions.fields, ['code', 'title', 'aliases', 'faults', 'summary', 'text']);
});

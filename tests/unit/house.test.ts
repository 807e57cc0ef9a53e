/**
 * The house rules a refactor must not undo: one definition each of the helpers tools and tests
 * share (scripts/lib), and tests that do not reach into the benchmark.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const CODE = /\.(ts|mts|mjs|js|astro)$/;

/** The project's own code files under `dirs`, relative with forward slashes. */
function codeFiles(...dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && CODE.test(e.name))
      .map((e) => relative(ROOT, join(e.parentPath, e.name)).split(sep).join('/')),
  );
}
const ALL = [...codeFiles('src', 'scripts', 'tests', 'integrations'), 'playwright.config.ts', 'astro.config.mjs'];
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const filesWith = (pattern: RegExp) => ALL.filter((file) => pattern.test(read(file))).sort();

test('tests do not import from the benchmark', () => {
  const offenders = codeFiles('tests').filter((file) => /from\s+['"][^'"]*scripts\/bench/.test(read(file)));
  assert.deepEqual(offenders, []);
});

test('one Chromium launcher: only scripts/lib/chromium.ts launches it or names its path', () => {
  assert.deepEqual(filesWith(/chromium\.launch\(|\/usr\/bin\/chromium/), ['scripts/lib/chromium.ts']);
});

test('one query-set loader: only scripts/lib/queries.ts reads tests/search-queries.json', () => {
  assert.deepEqual(filesWith(/['"]search-queries\.json['"]/), ['scripts/lib/queries.ts']);
  assert.deepEqual(filesWith(/interface Query\s*\{/), ['scripts/lib/queries.ts']);
});

test('one dist helper: only scripts/lib/dist.ts walks the built site for its pages', () => {
  assert.deepEqual(filesWith(/process\.env\[['"]DIST_DIR['"]\]/), ['scripts/lib/dist.ts']);
  assert.deepEqual(filesWith(/export (const|function) (sitePages|builtPages|htmlFiles)\b/), ['scripts/lib/dist.ts']);
});

test('one table of content types for the servers and the export', () => {
  assert.deepEqual(filesWith(/['"]application\/wasm['"]/), ['scripts/lib/contentTypes.ts']);
});

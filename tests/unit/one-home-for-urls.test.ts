/**
 * No page address is spelt outside src/lib/shared/urls.ts: an error page's path ("/errors/") is not
 * written anywhere in src/, integrations/ or scripts/ (code or comment), so a change of address
 * is one edit. "content/errors/" (the catalog's folder) is not an address.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const HOME = 'src/lib/shared/urls.ts';
const SPELT = /(?<!content)\/errors\//;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ts|mts|js|mjs|astro|json)$/.test(d.name))
    .map((d) => relative(ROOT, join(d.parentPath, d.name)).split(sep).join('/'));
}

const spelling = (file: string) =>
  readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .flatMap((line, i) => (SPELT.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));

const scanned = ['src', 'integrations', 'scripts'].flatMap(files);

test('no error page address is spelt outside the URL module', () => {
  const found = scanned.filter((f) => f !== HOME).flatMap(spelling);
  assert.deepEqual(found, [], `use paths.error() / urls.error() from ${HOME} instead`);
});

test('the URL module is where the address is spelt', () => {
  assert.ok(scanned.includes(HOME));
  assert.notDeepEqual(spelling(HOME), []);
});

/**
 * The categories are named once: their ids and the records' plurals in src/lib/shared/taxonomy.ts,
 * their short names in src/lib/shared/categoryNames.ts, their titles and descriptions in
 * content/categories/. No code spells an alternation of category ids ("client|invoice"), a
 * category's name ("Client") or a record's plural, or cuts " errors" off a title to get a short
 * name.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CATEGORY_IDS } from '../../src/lib/shared/taxonomy.ts';

const ROOT = join(import.meta.dirname, '../..');
const HOME = 'src/lib/shared/taxonomy.ts';
/** The categories' short names, apart from taxonomy.ts (kept apart for the first search's bytes). */
const NAMES = 'src/lib/shared/categoryNames.ts';
const ids = CATEGORY_IDS.join('|');
const RULES: [RegExp, string][] = [
  [
    new RegExp(`\\b(?:${ids})\\|(?:${ids})\\b`),
    'an alternation of category ids: build it from CATEGORY_IDS or RECORD_IDS',
  ],
  [/\/ ?errors\$\//, "a short name cut from a title: use the category's name"],
  [
    /['"](?:Connection|Client|Invoice|Item|Payment)s?['"]/,
    'a category or record name spelt: use CATEGORY_NAMES or RECORD_PLURALS',
  ],
  [new RegExp(`\\b(${ids})['"]?\\s*:\\s*['"]\\1s['"]`, 'i'), "a record's plural spelt: use RECORD_PLURALS"],
];

const files = ['src', 'integrations', 'scripts'].flatMap((dir) =>
  readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ts|mts|js|mjs|astro)$/.test(d.name))
    .map((d) => relative(ROOT, join(d.parentPath, d.name)).split(sep).join('/')),
);

test('no category list or category regex outside src/lib/shared/taxonomy.ts', () => {
  const found = files
    .filter((f) => f !== HOME && f !== NAMES)
    .flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          RULES.filter(([rule]) => rule.test(line)).map(([, why]) => `${file}:${i + 1}: ${why}: ${line.trim()}`),
        ),
    );
  assert.deepEqual(found, []);
});

/**
 * Bad content fails the build, naming the file and the field. Each case copies content/ to a
 * temporary folder, injects one fault, builds that copy (CONTENT_DIR) and reads the output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withBuiltCopy } from './build-copy.ts';

interface Case {
  name: string;
  file: string;
  edit: (text: string) => string;
  /** Words the build output must contain besides the file name. */
  expect: RegExp[];
}

const replace = (from: string | RegExp, to: string) => (text: string) => {
  const out = text.replace(from, to);
  assert.notEqual(out, text, `the fault was not injected (${from})`);
  return out;
};

const cases: Case[] = [
  { name: 'an unknown field', file: 'client-duplicate-name.mdx', edit: replace(/^common: true$/m, 'commn: true'), expect: [/commn/] },
  { name: 'a bad category', file: 'item-duplicate.mdx', edit: replace(/^categories: \[item\]$/m, 'categories: [item, widgets]'), expect: [/categories/] },
  { name: 'a missing title', file: 'payment-deleted.mdx', edit: replace(/^title: .*\n/m, ''), expect: [/title/] },
  { name: 'a missing summary', file: 'invoice-deleted.mdx', edit: replace(/^summary: .*\n/m, ''), expect: [/summary/] },
  { name: 'a dependsOn naming no entry', file: 'invoice-client-inactive.mdx', edit: replace(/^dependsOn: \[client-inactive\]$/m, 'dependsOn: [client-inactiv]'), expect: [/dependsOn/, /client-inactiv\b/] },
  { name: 'a related naming no entry', file: 'payment-deleted.mdx', edit: replace(/^related: \[invoice-deleted\]$/m, 'related: [invoice-removed]'), expect: [/related/, /invoice-removed/] },
  { name: 'a dependency cycle', file: 'client-inactive.mdx', edit: replace(/^categories:/m, 'dependsOn: [invoice-client-inactive]\ncategories:'), expect: [/dependsOn/, /cycle/] },
  { name: 'a code that differs from its file name', file: 'invoice-no-line-items.mdx', edit: replace(/^code: invoice-no-line-items$/m, 'code: invoice-without-lines'), expect: [/"code"/, /invoice-without-lines/] },
  { name: 'a QuickBooks message without its source', file: 'invoice-duplicate-number.mdx', edit: replace(/^    source: .*\n/m, ''), expect: [/source/] },
  { name: 'a QuickBooks source that is not an https address', file: 'client-duplicate-name.mdx', edit: replace(/^(    source: )https:\/\/.*$/m, '$1the Intuit community'), expect: [/source/, /https/] },
  { name: 'an empty "How to fix"', file: 'invoice-closed-period.mdx', edit: replace(/(## How to fix\n)[\s\S]*?(?=\n## |$)/, '$1\n'), expect: [/How to fix/] },
];

function buildCopy(c: Case) {
  return withBuiltCopy(
    (content) => {
      const path = join(content, 'errors', c.file);
      writeFileSync(path, c.edit(readFileSync(path, 'utf8')));
    },
    ({ status, output }) => ({ status, output }),
  );
}

test('the unmodified copy builds (so a failure below is the fault, not the copy)', () => {
  const { status, output } = buildCopy({ name: 'nothing', file: 'item-duplicate.mdx', edit: (t) => t, expect: [] });
  assert.equal(status, 0, output.slice(-2000));
});

for (const c of cases) {
  test(`the build fails on ${c.name}, naming the file and the field`, () => {
    const { status, output } = buildCopy(c);
    assert.notEqual(status, 0, `the build passed despite ${c.name}:\n${output.slice(-2000)}`);
    assert.ok(output.includes(c.file), `the output does not name ${c.file}:\n${output.slice(-2000)}`);
    for (const re of c.expect) assert.match(output, re);
  });
}

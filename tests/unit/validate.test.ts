import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCycle, section, validateCatalog, type EntryFacts } from '../../src/lib/content/validate.ts';
import { reverseEdges } from '../../src/lib/build/graph.ts';

const body = '## What it means\n\nText.\n\n## How to fix\n\n1. Do it.\n';
const entry = (id: string, dependsOn: string[] = [], related: string[] = []): EntryFacts => ({
  id,
  file: `content/errors/${id}.mdx`,
  code: id,
  formerCodes: [],
  dependsOn,
  related,
  body,
});

test('a clean catalog has no problems', () => {
  assert.deepEqual(validateCatalog([entry('a', ['b']), entry('b', [], ['a'])]), []);
});

test('dangling references name the file and the field', () => {
  const problems = validateCatalog([entry('a', ['zz'], ['yy'])]);
  assert.deepEqual(
    problems.map((p) => [p.file, p.field]),
    [
      ['content/errors/a.mdx', 'dependsOn'],
      ['content/errors/a.mdx', 'related'],
    ],
  );
});

test('a cycle is found and reported on dependsOn', () => {
  assert.deepEqual(
    findCycle(
      new Map([
        ['a', ['b']],
        ['b', ['c']],
        ['c', ['a']],
      ]),
    ),
    ['a', 'b', 'c', 'a'],
  );
  assert.equal(
    findCycle(
      new Map([
        ['a', ['b']],
        ['b', []],
      ]),
    ),
    undefined,
  );
  const problems = validateCatalog([entry('a', ['b']), entry('b', ['a'])]);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.field, 'dependsOn');
  assert.match(problems[0]!.message, /cycle: a → b → a/);
});

test('code must equal the file name', () => {
  const problems = validateCatalog([{ ...entry('a'), code: 'b' }]);
  assert.deepEqual(
    problems.map((p) => p.field),
    ['code'],
  );
});

test('"How to fix" needs a numbered step', () => {
  for (const bad of [
    '## What it means\n\nx\n',
    '## What it means\n\nx\n\n## How to fix\n\nJust text.\n',
    '## What it means\n\nx\n\n## How to fix\n\n## Prevent it\n\n1. Not here.\n',
  ]) {
    const problems = validateCatalog([{ ...entry('a'), body: bad }]);
    assert.deepEqual(
      problems.map((p) => p.field),
      ['body'],
      bad,
    );
  }
  assert.equal(section('## How to fix\n1. a\n## Next\nb', 'How to fix'), '1. a');
});

test('reverse edges', () => {
  const edges = new Map([
    ['inv', ['cli', 'itm']],
    ['pay', ['inv']],
    ['cli', []],
    ['itm', []],
  ]);
  assert.deepEqual(Object.fromEntries(reverseEdges(edges)), { inv: ['pay'], pay: [], cli: ['inv'], itm: ['inv'] });
});

test('every published code must resolve, and every current code must be published', () => {
  const published = (codes: string[]) => ({ file: 'content/published-codes.txt', codes });
  const renamed = { ...entry('b'), formerCodes: ['a-old'] };
  assert.deepEqual(validateCatalog([entry('a'), renamed], published(['a', 'a-old', 'b'])), []);
  const lost = validateCatalog([entry('a'), entry('b')], published(['a', 'a-old', 'b']));
  assert.deepEqual(
    lost.map((p) => [p.file, p.field]),
    [['content/published-codes.txt', 'a-old']],
  );
  const unrecorded = validateCatalog([entry('a'), entry('b')], published(['a']));
  assert.deepEqual(
    unrecorded.map((p) => [p.file, p.field]),
    [['content/errors/b.mdx', 'code']],
  );
  const clash = validateCatalog([entry('a'), { ...entry('b'), formerCodes: ['a'] }]);
  assert.deepEqual(
    clash.map((p) => p.field),
    ['formerCodes'],
  );
});

test('a reference to a former code says which code it became', () => {
  const renamed = { ...entry('b-new'), formerCodes: ['b'] };
  const problems = validateCatalog([entry('a', ['b'], ['b']), renamed]);
  assert.deepEqual(
    problems.map((p) => [p.file, p.field]),
    [
      ['content/errors/a.mdx', 'dependsOn'],
      ['content/errors/a.mdx', 'related'],
    ],
  );
  for (const p of problems) assert.match(p.message, /names "b", a former code of "b-new": name "b-new" instead/);
});

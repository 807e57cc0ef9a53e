import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorPage, factData, FACTS, faultLine, jsonLdText } from '../../src/lib/build/errorPage.ts';
import type { Catalog, CatalogError } from '../../src/lib/build/catalog.ts';

const entry = (id: string, data: Record<string, unknown>, body = '') =>
  ({
    id,
    entry: { id, body },
    data: { title: id, summary: `${id}.`, aliases: [], quickbooks: [], lastReviewed: new Date('2026-11-27'), ...data },
    primary: 'invoice',
    dependsOn: [],
    unblocks: [],
    related: [],
  }) as unknown as CatalogError;

const a = entry(
  'a',
  {
    direction: 'workiz-to-quickbooks',
    fixWhere: 'quickbooks',
    resync: 'manual',
    categories: ['invoice', 'client'],
    quickbooks: [
      { code: '610', name: 'Object Not Found', message: 'Gone', source: 'https://example.com/q' },
      { message: 'No code', source: 'https://example.com/r' },
    ],
  },
  '## How to fix\n\n1. Open **it**.\n2. Save <it>.\n',
);
Object.assign(a, { dependsOn: ['b'], related: ['b'] });
const b = entry('b', { direction: 'quickbooks-to-workiz', fixWhere: 'workiz', resync: 'none', categories: ['client'] });
const catalog = {
  byId: new Map([
    ['a', a],
    ['b', b],
  ]),
  categoryById: new Map([
    ['invoice', { title: 'Invoice errors' }],
    ['client', { title: 'Client errors' }],
  ]),
} as unknown as Catalog;

test('an error page model: labelled facts, categories, the errors around it, QuickBooks messages, steps, review date', () => {
  const page = errorPage(catalog, a);
  assert.deepEqual(page.facts, [
    { label: 'Sync direction', value: 'Workiz → QuickBooks' },
    { label: 'Where to fix it', value: 'In QuickBooks', filter: 'fix' },
    { label: 'After the fix', value: 'Sync it again by hand from the sync history log' },
  ]);
  assert.deepEqual(page.categories, {
    label: 'Categories',
    list: [
      { id: 'invoice', title: 'Invoice errors', href: '/categories/invoice/' },
      { id: 'client', title: 'Client errors', href: '/categories/client/' },
    ],
  });
  assert.equal(errorPage(catalog, b).categories.label, 'Category');
  assert.deepEqual(page.dependsOn, [b]);
  assert.deepEqual(page.related, [b]);
  assert.equal(page.href, '/errors/a/');
  assert.deepEqual(page.quickbooks, [
    {
      code: '610',
      faultHref: '/quickbooks/610/',
      name: 'Object Not Found',
      message: 'Gone',
      source: 'https://example.com/q',
      sourceLabel: 'example.com/q',
    },
    { message: 'No code', source: 'https://example.com/r', sourceLabel: 'example.com/r' },
  ]);
  assert.deepEqual(page.quickbooks.map(faultLine), ['Fault 610 · Object Not Found', '']);
  assert.deepEqual(page.steps, ['Open it.', 'Save <it>.']);
  assert.deepEqual(page.reviewed, { iso: '2026-11-27', label: 'November 27, 2026' });
});

test('every fact is read from one field of the entry', () => {
  assert.deepEqual(
    Object.keys(factData(a.data)),
    FACTS.map((f) => f.field),
  );
});

test('the JSON-LD: an article and its HowTo steps, with no "<" that could close the script', () => {
  const text = jsonLdText(errorPage(catalog, a), {
    url: 'https://h.example/errors/a/',
    home: 'https://h.example/',
    siteName: 'Site',
  });
  assert.doesNotMatch(text, /</);
  const ld = JSON.parse(text);
  assert.equal(ld['@graph'][0].identifier, 'a');
  assert.equal(ld['@graph'][0].dateModified, '2026-11-27');
  assert.deepEqual(
    ld['@graph'][1].step.map((s: { text: string }) => s.text),
    ['Open it.', 'Save <it>.'],
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import MiniSearch from 'minisearch';
import {
  excerptOf,
  fragmentOf,
  fullTextOptions,
  toFullTextDoc,
  type FullTextDoc,
} from '../../src/lib/shared/search/fullText.ts';
import { parseFragment, sectionsOf } from '../../src/lib/build/pagefindFragments.ts';
import type { SearchDoc } from '../../src/lib/shared/search/types.ts';

const CONTENT =
  'invoice-closed-period The invoice is dated in a closed period. ' +
  'What it means. QuickBooks will not record an invoice dated before the closing date. ' +
  'How to fix. Reopen the period in QuickBooks, or change the invoice date in Workiz.';
const FRAGMENT = `pagefind_dcd${JSON.stringify({
  url: '/errors/invoice-closed-period/',
  content: CONTENT,
  anchors: [
    { element: 'h2', id: 'what-it-means', text: 'What it means', location: 9 },
    { element: 'h2', id: 'how-to-fix', text: 'How to fix', location: 23 },
  ],
})}`;

test("a Pagefind fragment splits into the page's sections", () => {
  const words = CONTENT.split(' ');
  assert.equal(words[9], 'What');
  assert.equal(words[23], 'How');
  const sections = sectionsOf(parseFragment(FRAGMENT));
  assert.deepEqual(sections, [
    { text: 'invoice-closed-period The invoice is dated in a closed period.' },
    {
      id: 'what-it-means',
      text: 'What it means. QuickBooks will not record an invoice dated before the closing date.',
    },
    { id: 'how-to-fix', text: 'How to fix. Reopen the period in QuickBooks, or change the invoice date in Workiz.' },
  ]);
  assert.throws(() => parseFragment('{"nothing":1}'), /not a Pagefind fragment/);
});

test('excerpts mark the matched words and escape the rest', () => {
  const e = excerptOf('Reopen the <period> in QuickBooks, then reopened', new Set(['reopen']));
  assert.deepEqual(e, {
    html: '<mark>Reopen</mark> the &#60;period&#62; in QuickBooks, then <mark>reopened</mark>',
    marks: 2,
  });
  assert.equal(excerptOf('nothing here', new Set(['reopen'])), undefined);
});

test('the fragment of a match is the section that marks most words, linked by its id', () => {
  const sections = sectionsOf(parseFragment(FRAGMENT));
  assert.deepEqual(fragmentOf('invoice-closed-period', sections, new Set(['reopen', 'period'])), {
    url: '/errors/invoice-closed-period/#how-to-fix',
    excerpt:
      'How to fix. <mark>Reopen</mark> the <mark>period</mark> in QuickBooks, or change the invoice date in Workiz.',
  });
  // Only the top of the page matches: no section link.
  assert.equal(fragmentOf('invoice-closed-period', sections, new Set(['cod'])).url, undefined);
  assert.deepEqual(fragmentOf('invoice-closed-period', sections, new Set(['zzz'])), {});
});

const DOCS: SearchDoc[] = [
  {
    code: 'invoice-closed-period',
    title: 'The invoice is dated in a closed period',
    summary: 'The books are closed.',
    categories: ['invoice'],
    fixWhere: 'quickbooks',
    faults: [{ code: '6210', message: 'Account Period Closed' }],
    aliases: ['closed books'],
  },
  {
    code: 'payment-deleted',
    title: 'The payment was deleted',
    summary: 'Someone removed the payment.',
    categories: ['payment'],
    fixWhere: 'workiz',
    faults: [],
    aliases: [],
  },
];

test('the MiniSearch index, serialized and loaded as the browser does, answers with stemmed words and every word required', () => {
  const index = new MiniSearch<FullTextDoc>(fullTextOptions);
  index.addAll(DOCS.map((d) => toFullTextDoc(d, [{ text: `${d.title}. ${d.summary}` }])));
  const loaded = MiniSearch.loadJS<FullTextDoc>(JSON.parse(JSON.stringify(index)), fullTextOptions);
  assert.deepEqual(
    loaded.search('closing periods').map((r) => r.id),
    ['invoice-closed-period'],
  );
  assert.deepEqual(
    loaded.search('deleting').map((r) => r.id),
    ['payment-deleted'],
  );
  assert.deepEqual(
    loaded.search('payment period').map((r) => r.id),
    [],
    'every word must match',
  );
  assert.deepEqual(
    loaded.search('the').map((r) => r.id),
    [],
    'stop words are not indexed',
  );
});

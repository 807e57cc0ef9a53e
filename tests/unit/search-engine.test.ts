/**
 * The search engine on plain data, without a browser: the ranker answers from the first data,
 * then ranks on the complete data (each page's words, the fault codes' pages) once it has come
 * (issue 19: the order is the ranker's alone, so the site and the offline copy agree); the
 * full-text index, asked about the whole query and about each word alone, only lends the shown
 * hits their section and excerpt, and its answer is dropped when its best page has none of the
 * words asked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  keepPlaces,
  SearchEngine,
  wholeIndex,
  type FullText,
  type FullTextHit,
  type Hit,
} from '../../src/lib/shared/search/engine.ts';
import type { SearchDoc } from '../../src/lib/shared/search/types.ts';

const doc = (code: string, title: string, extra: Partial<SearchDoc> = {}): SearchDoc => ({
  code,
  title,
  summary: '',
  categories: ['invoice'],
  fixWhere: 'quickbooks',
  faults: [],
  aliases: [],
  ...extra,
});

const DOCS: SearchDoc[] = [
  doc('invoice-closed-period', 'Invoice dated in a closed period', {
    faults: [{ code: '6210', name: 'Account Period Closed', message: 'The account period has closed.' }],
  }),
  doc('invoice-deleted', 'Invoice deleted in QuickBooks'),
  doc('item-inactive', 'Item is inactive'),
];

/** A full-text index that answers from a table: query → [code, score, page text]. */
function fakeFullText(answers: Record<string, [string, number, string][]>, asked: string[] = []): FullText {
  return {
    async search(q) {
      asked.push(q);
      return (Object.hasOwn(answers, q) ? answers[q]! : []).map(([code, score, text]): FullTextHit => ({
        code,
        score,
        text: async () => text,
        fragment: async () => ({ url: `/errors/${code}/#how-to-fix`, excerpt: `<mark>${q}</mark> in ${code}` }),
      }));
    },
  };
}

test('the ranker alone: a title match first, linked to the page, no excerpt', async () => {
  const { hits } = await new SearchEngine(DOCS).search('closed period');
  assert.equal(hits[0]!.code, 'invoice-closed-period');
  assert.equal(hits[0]!.url, '/errors/invoice-closed-period/');
  assert.equal(hits[0]!.excerpt, '');
});

/** The complete data of DOCS with each page's words, and `fullText` for excerpts. */
const complete = (fullText?: FullText, body: Record<string, string> = {}) => {
  const docs = DOCS.map((d) => (Object.hasOwn(body, d.code) ? { ...d, body: body[d.code] } : d));
  return { known: wholeIndex(docs), fullText };
};

test('a page only its text names is found on the complete data, with the section and excerpt of the full text', async () => {
  const asked: string[] = [];
  const fullText = fakeFullText({ resubmit: [['item-inactive', 5, 'To resubmit it, make the item active.']] }, asked);
  const engine = new SearchEngine(DOCS, complete(fullText, { 'item-inactive': 'to resubmit it make the item active' }));
  assert.deepEqual((await engine.searchKnown('resubmit')).hits, [], 'the first data has no page text');
  const { hits } = await engine.search('resubmit');
  assert.deepEqual(asked, ['resubmit']);
  assert.deepEqual(
    hits.map((h) => [h.code, h.url, h.excerpt]),
    [['item-inactive', '/errors/item-inactive/#how-to-fix', '<mark>resubmit</mark> in item-inactive']],
  );
});

test("the full text never orders: a page it alone finds is not listed, and a tie stays in the ranker's order", async () => {
  const only = fakeFullText({ resubmit: [['item-inactive', 5, 'To resubmit it, make the item active.']] });
  assert.deepEqual((await new SearchEngine(DOCS, complete(only)).search('resubmit')).hits, []);
  const docs = [doc('a-page', 'Sync stopped'), doc('b-page', 'Sync stopped')];
  const fullText = fakeFullText({
    'sync stopped': [['b-page', 9, 'sync stopped']],
    sync: [['b-page', 1, 'sync']],
    stopped: [['b-page', 1, 'stopped']],
  });
  const { hits } = await new SearchEngine(docs, { known: wholeIndex(docs), fullText }).search('sync stopped');
  assert.deepEqual(
    hits.map((h) => [h.code, h.excerpt]),
    [
      ['a-page', ''],
      ['b-page', '<mark>sync stopped</mark> in b-page'],
    ],
  );
});

test('long queries: the whole query, then each word alone (longest first, at most six)', async () => {
  const asked: string[] = [];
  await new SearchEngine(DOCS, complete(fakeFullText({}, asked))).search(
    'invoice closed period resubmited quickbooks workiz payments',
  );
  assert.equal(asked[0], 'invoice closed period resubmited quickbooks workiz payments');
  assert.deepEqual(asked.slice(1), ['quickbooks', 'resubmited', 'payments', 'invoice', 'closed', 'period']);
});

test("an answer whose best page has none of the words asked is dropped (Pagefind's 'alert' as 'a')", async () => {
  const fullText = fakeFullText({ alert: [['item-inactive', 3, 'a page with a word and a letter a']] });
  const { hits } = await new SearchEngine(DOCS, complete(fullText)).search('alert');
  assert.deepEqual(hits, []);
});

test('a fault code: its page first, with the fault as the excerpt, whatever the full text says', async () => {
  const fullText = fakeFullText({});
  const { hits, query } = await new SearchEngine(DOCS, complete(fullText)).search('fault 6210');
  assert.deepEqual(query.faultCodes, ['6210']);
  assert.equal(hits[0]!.code, 'invoice-closed-period');
  assert.equal(hits[0]!.excerpt, 'Fault <mark>6210</mark> · Account Period Closed: The account period has closed.');
});

test('while the complete data loads, the first data answers (searchKnown); search() waits for it; a failed load leaves the first data', async () => {
  let arrive!: (c: ReturnType<typeof complete>) => void;
  const loading = new Promise<ReturnType<typeof complete>>((resolve) => (arrive = resolve));
  const engine = new SearchEngine(DOCS, loading);
  assert.equal(engine.ready, false);
  assert.deepEqual((await engine.searchKnown('resubmit')).hits, []);
  const later = engine.search('resubmit');
  arrive(
    complete(fakeFullText({ resubmit: [['item-inactive', 5, 'resubmit it']] }), { 'item-inactive': 'resubmit it' }),
  );
  assert.deepEqual(
    (await later).hits.map((h) => h.code),
    ['item-inactive'],
  );
  assert.equal(engine.ready, true);

  const broken = new SearchEngine(DOCS, Promise.reject(new Error('no Pagefind')));
  assert.deepEqual((await broken.search('closed period')).hits.map((h) => h.code)[0], 'invoice-closed-period');
  assert.equal(broken.ready, true);
});

test('keepPlaces: the hits shown keep their places, new ones follow', () => {
  const hit = (code: string, excerpt = ''): Hit => ({
    code,
    title: code,
    summary: '',
    categories: [],
    url: `/errors/${code}/`,
    excerpt,
  });
  const shown = [hit('a'), hit('b'), hit('c')];
  const next = [hit('d', 'x'), hit('b', 'better'), hit('a'), hit('e')];
  assert.deepEqual(
    keepPlaces(shown, next, 4).map((h) => [h.code, h.excerpt]),
    [
      ['a', ''],
      ['b', 'better'],
      ['c', ''],
      ['d', 'x'],
    ],
  );
  assert.deepEqual(
    keepPlaces([], next, 2).map((h) => h.code),
    ['d', 'b'],
  );
});

test('highlight: the link carries the searched words, the page finds them by stem (as search matched them: closing for closed)', async () => {
  const { withHighlight, highlightTerms, highlightRanges } =
    await import('../../src/lib/shared/search/highlightLink.ts');
  assert.equal(
    withHighlight('/errors/x/#how-to-fix', ['closed', 'period']),
    '/errors/x/?highlight=closed+period#how-to-fix',
  );
  assert.equal(withHighlight('/errors/x/', []), '/errors/x/');
  assert.ok(withHighlight('/errors/x/', Array(40).fill('abcdefghijklmnopqrstuvwxyzabcdefghijklm')).length < 400);
  assert.deepEqual(highlightTerms('?highlight=closed+period&x=1'), ['closed', 'period']);
  assert.deepEqual(highlightTerms('?q=closed'), []);
  const text = 'The period was closed; closing dates and Periods.';
  assert.deepEqual(
    highlightRanges(text, ['closed', 'period']).map(([s, e]) => text.slice(s, e)),
    ['period', 'closed', 'closing', 'Periods'],
  );
});

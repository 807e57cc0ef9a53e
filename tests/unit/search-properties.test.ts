/**
 * Property-based tests (fast-check) of everything in search that takes someone's text: any
 * string, of any length, in any script, with broken characters or the keys every JavaScript
 * object has, returns a result within its bounds without throwing, and a cap never splits a
 * character. fast-check prints the seed and the smallest failing input when a property fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { addressQuery, capCodePoints, capEncoded, MAX_ADDRESS_QUERY_BYTES } from '../../src/lib/shared/search/cap.ts';
import { stem, tokenize, words } from '../../src/lib/shared/search/normalize.ts';
import { MAX_QUERY_CHARS, MAX_TERMS, normalizeQuery } from '../../src/lib/shared/search/query.ts';
import { occursIn, rankKnown } from '../../src/lib/shared/search/rank.ts';
import { excerptHtml } from '../../src/lib/shared/search/markup.ts';
import {
  excerptOf,
  fullTextOptions,
  toFullTextDoc,
  type FullTextDoc,
  type OfflineSearchData,
} from '../../src/lib/shared/search/fullText.ts';
import { SearchEngine, wholeIndex } from '../../src/lib/shared/search/engine.ts';
import { miniSearchFullText } from '../../src/lib/shared/search/minisearch.ts';
import type { SearchDoc } from '../../src/lib/shared/search/types.ts';
import { ERRORS } from '../content.ts';

/** The real catalog, as the ranker sees it (titles, QuickBooks messages, the page text). */
const DOCS: SearchDoc[] = ERRORS.map((e) => ({
  code: e.code,
  title: e.title,
  summary: '',
  categories: e.categories,
  fixWhere: '',
  faults: e.quickbooks.map(({ code, name, message }) => ({ code, name, message })),
  aliases: [],
  body: e.body,
}));

const PROTOTYPE_KEYS = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'prototype',
  '__defineGetter__',
];

/**
 * One piece of text: any code point, a lone surrogate, a prototype key, a word of the catalog, or punctuation and
 * spaces.
 */
const piece = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom(...PROTOTYPE_KEYS),
  fc.constantFrom(
    'invoice',
    'closed',
    'period',
    'duplicate',
    'customer',
    '6240',
    'fault',
    'code',
    '"code":"6000"',
    'DocNumber=1042',
  ),
  fc.constantFrom(
    ' ',
    '  ',
    '\n',
    '\t',
    '=',
    '.',
    '-',
    "'",
    '’',
    '<',
    '>',
    '&',
    '"',
    '\u202E',
    '\u200B',
    '\0',
    '\u{1F600}',
    '﷽',
  ),
);
/** Any text, up to a few hundred pieces. */
const text = fc.string({ unit: piece, maxLength: 300 });
/** Text far longer than anything search reads: the same text repeated up to a megabyte. */
const huge = fc
  .tuple(
    text.filter((s) => s.length > 0),
    fc.integer({ min: 1_000, max: 1_000_000 }),
  )
  .map(([s, n]) => s.repeat(Math.ceil(n / s.length)));
/** Text of about MAX_QUERY_CHARS code points, where a cap cuts. */
const nearCap = fc
  .tuple(
    text.filter((s) => s.length > 0),
    fc.integer({ min: MAX_QUERY_CHARS - 3, max: MAX_QUERY_CHARS + 3 }),
  )
  .map(([s, n]) => capCodePoints(s.repeat(Math.ceil((2 * n) / s.length)), n));

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const codePoints = (s: string) => [...s].length;
/** `cut` is a start of `s` that does not end between the two halves of a pair. */
function cleanStart(s: string, cut: string): boolean {
  if (!s.startsWith(cut)) return false;
  return cut.length === s.length || !(isHigh(cut.charCodeAt(cut.length - 1)) && isLow(s.charCodeAt(cut.length)));
}

test('normalizeQuery takes any string: bounded terms, well-formed text, only the first MAX_QUERY_CHARS code points read', () => {
  fc.assert(
    fc.property(fc.oneof(text, huge, nearCap), (s) => {
      const q = normalizeQuery(s);
      assert.ok(q.terms.length <= MAX_TERMS);
      assert.ok(q.text.isWellFormed() && q.terms.every((t) => t.isWellFormed()));
      assert.ok(q.faultCodes.every((c) => /^\d{3,5}$/.test(c)));
      assert.equal(q.truncated, codePoints(s) > MAX_QUERY_CHARS);
      // Whatever follows the first MAX_QUERY_CHARS code points changes nothing.
      assert.deepEqual(
        { ...q, truncated: false },
        { ...normalizeQuery(capCodePoints(s, MAX_QUERY_CHARS)), truncated: false },
      );
    }),
    { numRuns: 200 },
  );
});

test('tokenize, words, stem and occursIn take any string', () => {
  fc.assert(
    fc.property(text, text, (a, b) => {
      for (const t of tokenize(a)) assert.ok(t.length > 1 && t.length < 40);
      for (const w of words(a)) assert.equal(typeof stem(w), 'string');
      assert.equal(typeof occursIn(a, new Set(words(b).map(stem))), 'boolean');
    }),
  );
});

test('rankKnown takes any string: pages of the catalog, once each, with positive finite scores', () => {
  const codes = new Set(DOCS.map((d) => d.code));
  fc.assert(
    fc.property(fc.oneof(text, huge), (s) => {
      const r = rankKnown(s, DOCS);
      assert.ok(r.length <= DOCS.length);
      assert.equal(new Set(r.map((x) => x.code)).size, r.length);
      for (const x of r) assert.ok(codes.has(x.code) && Number.isFinite(x.score) && x.score > 0, JSON.stringify(x));
    }),
    { numRuns: 150 },
  );
});

test('capCodePoints keeps a clean start of the requested number of code points', () => {
  fc.assert(
    fc.property(fc.oneof(text, huge, nearCap), fc.nat(3000), (s, n) => {
      const c = capCodePoints(s, n);
      assert.ok(cleanStart(s, c));
      assert.equal(codePoints(c), Math.min(n, codePoints(s)));
    }),
  );
});

test('the address query: encodable, within MAX_ADDRESS_QUERY_BYTES, the start of the (well-formed) paste', () => {
  fc.assert(
    fc.property(fc.oneof(text, huge), fc.integer({ min: 0, max: 3000 }), (s, bytes) => {
      const a = addressQuery(s);
      assert.ok(encodeURIComponent(a).length <= MAX_ADDRESS_QUERY_BYTES);
      assert.ok(s.toWellFormed().startsWith(a));
      assert.ok(encodeURIComponent(capEncoded(s, bytes)).length <= bytes);
    }),
  );
});

test('excerptHtml lets only <mark> through, whatever it is given', () => {
  const markup = fc.string({
    unit: fc.oneof(
      piece,
      fc.constantFrom(
        '<mark>',
        '</mark>',
        '<script>',
        '<img src=x onerror=alert(1)>',
        '<svg onload=x>',
        '&amp;',
        '&#60;',
        '&',
        'javascript:',
      ),
    ),
    maxLength: 200,
  });
  fc.assert(
    fc.property(markup, (s) => {
      const out = excerptHtml(s);
      assert.doesNotMatch(out.replace(/<\/?mark>/g, ''), /[<>"']/);
      // What it lets through it lets through unchanged.
      assert.equal(excerptHtml(out), out);
    }),
  );
});

test('the offline engine (ranker + MiniSearch) takes any string and answers at most ten hits, each excerpt safe', async () => {
  const sections = Object.fromEntries(
    ERRORS.map((e) => [e.code, [{ id: 'how-to-fix', text: e.body.replace(/\s+/g, ' ') }]]),
  );
  const index = new MiniSearch<FullTextDoc>(fullTextOptions);
  index.addAll(DOCS.map((d) => toFullTextDoc(d, sections[d.code]!)));
  const data: OfflineSearchData = { docs: DOCS, sections, index: JSON.parse(JSON.stringify(index)) };
  const engine = new SearchEngine(DOCS, { known: wholeIndex(DOCS), fullText: miniSearchFullText(data) });
  await fc.assert(
    fc.asyncProperty(fc.oneof(text, huge), async (s) => {
      const { hits } = await engine.search(s);
      assert.ok(hits.length <= 10);
      for (const h of hits) assert.equal(excerptHtml(h.excerpt), h.excerpt);
    }),
    { numRuns: 100 },
  );
  // And the excerpt maker of the offline copy, on any text.
  fc.assert(fc.property(text, text, (a, b) => void excerptOf(a, new Set(words(b).map(stem)))));
});

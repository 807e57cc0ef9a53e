import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addressQuery,
  capCodePoints,
  capEncoded,
  MAX_ADDRESS_QUERY_BYTES,
  wellFormed,
} from '../../src/lib/shared/search/cap.ts';
import { MAX_QUERY_CHARS, normalizeQuery } from '../../src/lib/shared/search/query.ts';

const EMOJI = '😀'; // one code point, two UTF-16 code units

test('capCodePoints counts code points and never keeps half of a pair', () => {
  assert.equal(capCodePoints(`ab${EMOJI}cd`, 3), `ab${EMOJI}`);
  assert.equal(capCodePoints(`ab${EMOJI}cd`, 2), 'ab');
  assert.equal(capCodePoints(EMOJI.repeat(5), 4), EMOJI.repeat(4));
  assert.equal(capCodePoints('short', 100), 'short');
  assert.equal(capCodePoints('', 5), '');
  // A lone surrogate is one code point of its own.
  assert.equal(capCodePoints('\uD800x', 1), '\uD800');
});

test('wellFormed replaces lone surrogates and keeps pairs', () => {
  assert.equal(wellFormed(`a\uD800b\uDC00c${EMOJI}`), `a\uFFFDb\uFFFDc${EMOJI}`);
});

test('capEncoded: encodeURIComponent of the result fits, never throws, and is the longest start that fits', () => {
  for (const s of [
    'a'.repeat(5000),
    '漢'.repeat(2000),
    EMOJI.repeat(1000),
    `${'a'.repeat(1499)}${EMOJI}`,
    'a b&c=d/e?'.repeat(400),
    '\uD800'.repeat(3000),
  ]) {
    const c = capEncoded(s, 1500);
    const encoded = encodeURIComponent(c);
    assert.ok(encoded.length <= 1500, `${s.slice(0, 10)}: ${encoded.length}`);
    // One more code point would not fit.
    const next = [...wellFormed(s)][[...c].length];
    if (next) assert.ok(encoded.length + encodeURIComponent(next).length > 1500);
  }
  assert.equal(capEncoded('6190', 1500), '6190');
  assert.equal(encodeURIComponent(capEncoded('漢'.repeat(2000), 1500)).length, 166 * 9);
});

test('the address carries at most MAX_ADDRESS_QUERY_BYTES of a query', () => {
  const paste = 'Duplicate Document Number Error : '.repeat(3000);
  assert.ok(encodeURIComponent(addressQuery(paste)).length <= MAX_ADDRESS_QUERY_BYTES);
  assert.ok(paste.startsWith(addressQuery(paste)));
});

test('the query cap counts code points: 2,000 emoji are not truncated, 2,001 are', () => {
  assert.equal(normalizeQuery(EMOJI.repeat(MAX_QUERY_CHARS)).truncated, false);
  assert.equal(normalizeQuery(EMOJI.repeat(MAX_QUERY_CHARS + 1)).truncated, true);
  // The 2,000th character an emoji: the words before it are all read.
  const q = normalizeQuery(`${'invoice '.repeat(249)}closed${EMOJI}period`);
  assert.ok(q.terms.includes('closed'));
});

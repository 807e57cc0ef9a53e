import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excerptHtml } from '../../src/lib/shared/search/markup.ts';

test('an excerpt keeps its text and <mark> elements, escaped text stays escaped', () => {
  assert.equal(excerptHtml('Reopen the <mark>closed</mark> period'), 'Reopen the <mark>closed</mark> period');
  assert.equal(
    excerptHtml('The client&#39;s name &amp; <mark>address</mark> &lt;b&gt;'),
    'The client&#39;s name &amp; <mark>address</mark> &lt;b&gt;',
  );
});

test('any other markup is dropped or escaped, so nothing in an excerpt can run or load', () => {
  assert.equal(excerptHtml('<img src=x onerror=alert(1)>a<script>alert(2)</script>b'), 'aalert(2)b');
  assert.equal(excerptHtml('<mark onclick="x()">a</mark>'), 'a</mark>');
  assert.equal(excerptHtml('<svg onload=alert(1)//'), '&#60;svg onload=alert(1)//');
  assert.equal(excerptHtml('"><iframe src=javascript:alert(1)>'), '&#34;&#62;');
  assert.equal(excerptHtml('a < b && c > d'), 'a &#60; b &#38;&#38; c &#62; d');
  assert.equal(excerptHtml('<<script>script>alert(1)<</script>/script>'), '&#60;script&#62;alert(1)&#60;/script&#62;');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { parsePolicy, tightenCsp } from '../../src/lib/build/csp.ts';

const sha = (text: string, algorithm = 'sha256') =>
  `'${algorithm}-${createHash(algorithm).update(text).digest('base64')}'`;
/** Astro's policy: every hash of the site, whatever the page holds. */
const SITE_WIDE = `default-src 'self'; require-trusted-types-for 'script'; script-src 'self' 'wasm-unsafe-eval' ${sha('a()')} ${sha('b()')}; style-src 'self' ${sha('p{}')} ${sha('q{}')};`;
const page = (policy: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy}">${body}</head><body><p>é</p></body></html>`;
const policyOf = (html: string) => new Map(parsePolicy(/content-security-policy" content="([^"]*)"/.exec(html)![1]!));

test('a page keeps only its own inline hashes, and the configured directives', () => {
  const html = tightenCsp(
    page(
      SITE_WIDE,
      '<style>q{}</style><script type="module" src="/x.js"></script><script type="module">b()</script><script type="application/ld+json">{"a":1}</script>',
    ),
  );
  const policy = policyOf(html);
  assert.deepEqual(policy.get('script-src'), ["'self'", "'wasm-unsafe-eval'", sha('b()')]);
  assert.deepEqual(policy.get('style-src'), [sha('q{}')], "no 'self': the page links no stylesheet");
  assert.deepEqual(policy.get('default-src'), ["'self'"]);
  assert.deepEqual(policy.get('require-trusted-types-for'), ["'script'"], 'directives of the configuration survive');
  assert.ok(html.endsWith('<body><p>é</p></body></html>'), 'the rest of the page is untouched');
});

test("a page without scripts gets script-src 'none'; a stylesheet link keeps style-src 'self'", () => {
  const policy = policyOf(tightenCsp(page(SITE_WIDE, '<link rel="stylesheet" href="/s.css">')));
  assert.deepEqual(policy.get('script-src'), ["'none'"]);
  assert.deepEqual(policy.get('style-src'), ["'self'"]);
});

test('the configured hash algorithm is kept', () => {
  const policy = policyOf(tightenCsp(page(`script-src 'self' ${sha('x', 'sha384')}`, '<script>a()</script>')));
  assert.deepEqual(policy.get('script-src'), ["'self'", sha('a()', 'sha384')]);
});

test('a page without a policy is left as it is; the same page gives the same bytes', () => {
  const plain = '<html><head><script>a()</script></head></html>';
  assert.equal(tightenCsp(plain), plain);
  const html = page(SITE_WIDE, '<script>a()</script>');
  assert.equal(tightenCsp(tightenCsp(html)), tightenCsp(html));
});

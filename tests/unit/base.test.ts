import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basePathOf, DEFAULT_SITE_URL, siteUrlFrom, withBase, withoutBase } from '../../src/lib/shared/base.ts';

test('withBase puts a site path under the base path; nothing changes at "/"', () => {
  assert.equal(withBase('/errors/x/#how-to-fix'), '/errors/x/#how-to-fix');
  assert.equal(withBase('/errors/x/#how-to-fix', '/docs/'), '/docs/errors/x/#how-to-fix');
  assert.equal(withBase('/', '/docs/'), '/docs/');
  assert.equal(withBase('/search/?q=a', '/a/b/'), '/a/b/search/?q=a');
  // Not a site path: left alone.
  for (const url of ['#x', 'https://host/x', '//host/x', 'mailto:a@b.c', '../x/'])
    assert.equal(withBase(url, '/docs/'), url);
});

test('withoutBase is its reverse, and says when an address is outside the base', () => {
  assert.equal(withoutBase('/docs/errors/x/', '/docs/'), '/errors/x/');
  assert.equal(withoutBase('/docs', '/docs/'), '/');
  assert.equal(withoutBase('/errors/x/', '/docs/'), undefined);
  assert.equal(withoutBase('/docsy/x/', '/docs/'), undefined);
  assert.equal(withoutBase('/errors/x/', '/'), '/errors/x/');
});

test('SITE_URL: unset or blank (an empty Docker build argument) is the default; a bad one is a clear error', () => {
  assert.equal(siteUrlFrom(undefined), DEFAULT_SITE_URL);
  assert.equal(siteUrlFrom(''), DEFAULT_SITE_URL);
  assert.equal(siteUrlFrom('  '), DEFAULT_SITE_URL);
  assert.equal(siteUrlFrom(' https://example.com/docs/ '), 'https://example.com/docs/');
  for (const bad of ['help.example.com', '/docs/', 'ftp://example.com/'])
    assert.throws(() => siteUrlFrom(bad), new RegExp(`SITE_URL must be an absolute http\\(s\\) address.*"${bad}"`));
});

test('basePathOf: the path of the site address, ending in one "/"', () => {
  assert.equal(basePathOf('https://help.example.com'), '/');
  assert.equal(basePathOf('https://example.com/docs'), '/docs/');
  assert.equal(basePathOf('https://example.com/help/center//'), '/help/center/');
});

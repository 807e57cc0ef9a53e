/**
 * URLs that never break: a renamed error keeps its old address through `formerCodes`, and a
 * rename that forgets it fails the build. The same build checks that the site's public URL
 * comes from SITE_URL.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rename, withBuiltCopy } from './build-copy.ts';

test('a renamed error keeps its old URL, which redirects to the new one; SITE_URL sets the public address', () => {
  withBuiltCopy(
    (content) => rename(content, true),
    ({ status, output, dist }) => {
      assert.equal(status, 0, output.slice(-3000));
      const old = readFileSync(join(dist, 'errors', 'invoice-deleted', 'index.html'), 'utf8');
      assert.match(old, /http-equiv="refresh" content="0;url=\/errors\/invoice-removed-in-quickbooks\/"/);
      const page = readFileSync(join(dist, 'errors', 'invoice-removed-in-quickbooks', 'index.html'), 'utf8');
      assert.match(
        page,
        /<link rel="canonical" href="https:\/\/docs\.test\.example\/errors\/invoice-removed-in-quickbooks\/"/,
      );
      const catalog = JSON.parse(readFileSync(join(dist, 'errors.json'), 'utf8'));
      const renamed = catalog.errors.find((e: { code: string }) => e.code === 'invoice-removed-in-quickbooks');
      assert.deepEqual(renamed.formerCodes, ['invoice-deleted']);
      assert.equal(renamed.url, 'https://docs.test.example/errors/invoice-removed-in-quickbooks/');
    },
    { SITE_URL: 'https://docs.test.example' },
  );
});

test('a rename without formerCodes fails the build, naming the published code', () => {
  withBuiltCopy(
    (content) => rename(content, false),
    ({ status, output }) => {
      assert.notEqual(status, 0);
      assert.match(output, /published-codes\.txt: field "invoice-deleted": this published code no longer resolves/);
    },
  );
});

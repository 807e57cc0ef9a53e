/**
 * URLs that never break: a renamed error keeps its old address through `formerCodes`, and a
 * rename that forgets it fails the build. The same build checks that the site's public URL
 * comes from SITE_URL.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withBuiltCopy } from './build-copy.ts';

function rename(content: string, keepOldCode: boolean) {
  const from = join(content, 'errors', 'invoice-deleted.mdx');
  const to = join(content, 'errors', 'invoice-removed-in-quickbooks.mdx');
  const text = readFileSync(from, 'utf8').replace(/^code: invoice-deleted$/m, `code: invoice-removed-in-quickbooks${keepOldCode ? '\nformerCodes: [invoice-deleted]' : ''}`);
  writeFileSync(to, text);
  renameSync(from, `${from}.gone`);
  // As the README tells authors: the dependsOn, related and links that name the old code now name the new one.
  for (const file of readdirSync(join(content, 'errors')).filter((f) => f.endsWith('.mdx') && f !== 'invoice-removed-in-quickbooks.mdx')) {
    const path = join(content, 'errors', file);
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll('invoice-deleted', 'invoice-removed-in-quickbooks'));
  }
  const published = join(content, 'published-codes.txt');
  writeFileSync(published, `${readFileSync(published, 'utf8')}invoice-removed-in-quickbooks\n`);
}

test('a renamed error keeps its old URL, which redirects to the new one; SITE_URL sets the public address', () => {
  withBuiltCopy(
    (content) => rename(content, true),
    ({ status, output, dist }) => {
      assert.equal(status, 0, output.slice(-3000));
      const old = readFileSync(join(dist, 'errors', 'invoice-deleted', 'index.html'), 'utf8');
      assert.match(old, /http-equiv="refresh" content="0;url=\/errors\/invoice-removed-in-quickbooks\/"/);
      const page = readFileSync(join(dist, 'errors', 'invoice-removed-in-quickbooks', 'index.html'), 'utf8');
      assert.match(page, /<link rel="canonical" href="https:\/\/docs\.test\.example\/errors\/invoice-removed-in-quickbooks\/"/);
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

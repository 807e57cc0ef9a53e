/**
 * A page not reviewed for over 12 months: the build warns, naming the file, line and field,
 * and still succeeds (an old page may still be right).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withBuiltCopy } from './build-copy.ts';

test('a page reviewed long ago: a warning naming it, and the build goes on', { timeout: 300_000 }, () => {
  withBuiltCopy(
    (content) => {
      const file = join(content, 'errors', 'client-inactive.mdx');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^lastReviewed: .*$/m, 'lastReviewed: 2000-01-31'));
    },
    ({ status, output, dist }) => {
      assert.equal(status, 0, output.slice(-2000));
      assert.match(
        output,
        /a page was not reviewed in the last 12 months:\n.*errors\/client-inactive\.mdx:\d+: field "lastReviewed": last reviewed 2000-01-31, over 12 months ago/,
      );
      assert.doesNotMatch(output, /invoice-client-inactive\.mdx:\d+: field "lastReviewed"/);
      // Built without git history (a copy outside the repository): the change log says so and uses the review dates.
      assert.ok(existsSync(join(dist, 'changes.xml')));
      assert.match(readFileSync(join(dist, 'changes', 'index.html'), 'utf8'), /built without its history/);
      assert.match(
        readFileSync(join(dist, 'changes.xml'), 'utf8'),
        /<id>https:\/\/help\.example\.com\/errors\/client-inactive\/#change-reviewed-2000-01-31<\/id>/,
      );
    },
  );
});

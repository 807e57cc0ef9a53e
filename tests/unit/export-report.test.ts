import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes, underFolder } from '../../scripts/lib/export/report.ts';

test('sizes', () => {
  assert.equal(formatBytes(812), '812 B');
  assert.equal(formatBytes(14_540), '14.2 KB');
  assert.equal(formatBytes(1_373_634), '1.31 MB');
});

test('a zip unpacks into one folder', () => {
  assert.deepEqual(
    Object.keys(
      underFolder(
        new Map([
          ['b/index.html', 1],
          ['index.html', 2],
        ]),
        'site',
      ),
    ),
    ['site/b/index.html', 'site/index.html'],
  );
});

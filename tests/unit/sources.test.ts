/**
 * Issue 20: every page shows its sources, and a limit or a QuickBooks menu path stated with no
 * public page beside it fails the build (src/lib/content/authoring.ts, src/lib/build/sources.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyProblems } from '../../src/lib/content/authoring.ts';
import { pageSources } from '../../src/lib/build/sources.ts';
import { ERRORS } from '../content.ts';

test('pageSources: the pages the text links, by section, then the sources of the messages; each once', () => {
  const body =
    '## What it means\n\nA [limit](https://a.example/limits) and [a page of ours](/errors/x/).\n\n## How to fix\n\n1. See [the same](https://a.example/limits) and [another](https://b.example/menu).\n';
  const sources = pageSources([{ source: 'https://c.example/msg' }, { source: 'https://b.example/menu' }], body);
  assert.deepEqual(
    sources.map((s) => [s.url, s.for]),
    [
      ['https://a.example/limits', ['What it means', 'How to fix']],
      ['https://b.example/menu', ['How to fix', 'What QuickBooks may say']],
      ['https://c.example/msg', ['What QuickBooks may say']],
    ],
  );
  assert.equal(sources[2]!.label, 'c.example/msg');
});

test('a limit or a menu path needs a public page in its paragraph or list item', () => {
  const flagged = (body: string) => bodyProblems('x.mdx', body).map((p) => p.message);
  assert.deepEqual(flagged('QuickBooks takes 21 characters at most.'), [
    'the limit "21 characters" with no source: link the public page it comes from in the same paragraph or list item',
  ]);
  assert.deepEqual(flagged('QuickBooks takes 21 characters at most ([Intuit](https://intuit.example/)).'), []);
  assert.deepEqual(flagged('1. Go to **Settings ⚙** > **Account and settings**.\n2. Then save.'), [
    'the menu path "Settings ⚙ > Account and settings" with no source: link the public page it comes from in the same paragraph or list item',
  ]);
  assert.deepEqual(
    flagged('1. Select **Settings ⚙**, then **Subscriptions and billing** ([Intuit](https://intuit.example/)).'),
    [],
  );
  // A link to a page of this help center is no source; one bold word is no path.
  assert.equal(flagged('Up to 500 requests per minute ([see](/errors/sync-throttled/)).').length, 1);
  assert.deepEqual(flagged('Open the **sync history log**.'), []);
});

test("every error page of the catalog has its sources: each message's, and a page for every limit and path it states", () => {
  for (const e of ERRORS) {
    const sources = pageSources(e.quickbooks, e.body);
    assert.ok(sources.length > 0, `${e.code}: no public page behind it (at least the Workiz article it comes from)`);
    for (const q of e.quickbooks)
      assert.ok(
        sources.some((s) => s.url === q.source),
        `${e.code}: ${q.source}`,
      );
    assert.deepEqual(bodyProblems(`${e.code}.mdx`, e.body), [], e.code);
  }
});

/**
 * The change log (src/lib/build/changes.ts) from a real git history (src/lib/build/history.ts): a repository
 * made here with commits at fixed dates, a shallow clone of it and a folder outside git.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readHistory } from '../../src/lib/build/history.ts';
import { changeLog, changesFeed, classify, describe } from '../../src/lib/build/changes.ts';
import { staleReviews } from '../../src/lib/content/validate.ts';

const page = (o: { code: string; formerCodes?: string[]; steps: string[]; meaning?: string; reviewed: string }) =>
  `---\ncode: ${o.code}\ntitle: A title\n${o.formerCodes ? `formerCodes: [${o.formerCodes.join(', ')}]\n` : ''}lastReviewed: ${o.reviewed}\n---\n\n## What it means\n\n${o.meaning ?? 'Meaning.'}\n\n## How to fix\n\n${o.steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}\n`;

test('classify: new, renamed, fix changed, other edits, review only', () => {
  const a = page({ code: 'a', steps: ['One.'], reviewed: '2026-01-01' });
  assert.deepEqual(classify(undefined, a).kinds, ['added']);
  assert.deepEqual(classify(a, page({ code: 'a', steps: ['One, **now** different.'], reviewed: '2026-01-01' })).kinds, [
    'fix',
  ]);
  // Emphasis or a link target alone is not a changed fix.
  assert.deepEqual(classify(a, page({ code: 'a', steps: ['**One.**'], reviewed: '2026-01-01' })).kinds, ['updated']);
  assert.deepEqual(classify(a, page({ code: 'a', steps: ['One.'], meaning: 'Other.', reviewed: '2026-01-01' })).kinds, [
    'updated',
  ]);
  assert.deepEqual(classify(a, page({ code: 'a', steps: ['One.'], reviewed: '2026-02-01' })).kinds, ['reviewed']);
  const renamed = classify(a, page({ code: 'b', formerCodes: ['a'], steps: ['One.'], reviewed: '2026-02-01' }));
  assert.deepEqual(renamed, { kinds: ['renamed'], renamedFrom: ['a'] });
  assert.equal(describe({ code: 'b', date: '', key: '', ...renamed }), 'Code renamed from a.');
});

function git(dir: string, args: string[], date?: string) {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
    ...(date && { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }),
  };
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();
}

test('the log from git: newest first, each change under the code it has now, renames followed', () => {
  const root = mkdtempSync(join(tmpdir(), 'hc-history-'));
  try {
    const errors = join(root, 'content', 'errors');
    mkdirSync(errors, { recursive: true });
    git(root, ['init', '-q']);
    writeFileSync(join(errors, 'a.mdx'), page({ code: 'a', steps: ['One.'], reviewed: '2026-01-01' }));
    writeFileSync(join(errors, 'c.mdx'), page({ code: 'c', steps: ['One.'], reviewed: '2026-01-01' }));
    writeFileSync(join(root, 'README.md'), 'outside the folder\n');
    git(root, ['add', '-A']);
    git(root, ['commit', '-qm', 'first'], '2026-01-01T10:00:00Z');
    writeFileSync(join(errors, 'a.mdx'), page({ code: 'a', steps: ['One.', 'Two.'], reviewed: '2026-02-01' }));
    git(root, ['commit', '-qam', 'fix of a'], '2026-02-01T10:00:00Z');
    renameSync(join(errors, 'a.mdx'), join(errors, 'b.mdx'));
    writeFileSync(
      join(errors, 'b.mdx'),
      page({ code: 'b', formerCodes: ['a'], steps: ['One.', 'Two.'], reviewed: '2026-03-01' }),
    );
    git(root, ['add', '-A']);
    git(root, ['commit', '-qm', 'rename a to b'], '2026-03-01T10:00:00Z');
    writeFileSync(join(errors, 'c.mdx'), page({ code: 'c', steps: ['One.'], reviewed: '2026-04-01' }));
    git(root, ['commit', '-qam', 'review c'], '2026-04-01T10:00:00Z');
    // Not committed yet: listed by its review date.
    writeFileSync(join(errors, 'd.mdx'), page({ code: 'd', steps: ['One.'], reviewed: '2026-04-02' }));

    const current = [
      { code: 'b', formerCodes: ['a'], lastReviewed: new Date('2026-03-01') },
      { code: 'c', formerCodes: [], lastReviewed: new Date('2026-04-01') },
      { code: 'd', formerCodes: [], lastReviewed: new Date('2026-04-02') },
    ];
    const history = readHistory(errors);
    assert.ok('changes' in history, JSON.stringify(history));
    const log = changeLog(current, history);
    assert.equal(log.fallback, undefined);
    assert.deepEqual(
      log.changes.map((c) => [c.date.slice(0, 10), c.code, c.kinds.join('+')]),
      [
        ['2026-04-02', 'd', 'reviewed'],
        ['2026-04-01', 'c', 'reviewed'],
        ['2026-03-01', 'b', 'renamed'],
        ['2026-02-01', 'b', 'fix'],
        ['2026-01-01', 'b', 'added'],
        ['2026-01-01', 'c', 'added'],
      ],
    );

    // The Atom feed: one entry per change, newest first, each linking to its error's page.
    const xml = changesFeed(log, {
      title: 'T',
      feed: 'https://h.example/changes.xml',
      page: 'https://h.example/changes/',
      errors: new Map(
        current.map((e) => [
          e.code,
          { title: `<T ${e.code}> & co`, summary: 'S.', url: `https://h.example/errors/${e.code}/`, steps: ['One.'] },
        ]),
      ),
    });
    assert.match(xml, /<updated>2026-04-02T00:00:00.000Z<\/updated>/);
    assert.deepEqual(
      [...xml.matchAll(/<link href="([^"]+)"\/>/g)].map((m) => m[1]),
      log.changes.map((c) => `https://h.example/errors/${c.code}/`),
    );
    // Text in type="html" (in CDATA): escaped once, so a title is never read as markup.
    assert.match(xml, /CDATA\[Code renamed: &lt;T b&gt; &amp; co\]/);

    // A shallow clone has one commit that seems to add everything: its history is not used.
    const shallow = join(root, 'shallow');
    git(root, ['clone', '-q', '--depth', '1', `file://${root}`, shallow]);
    const cut = readHistory(join(shallow, 'content', 'errors'));
    assert.deepEqual(cut, { unavailable: 'the git clone is shallow' });
    const fallback = changeLog(current, cut);
    assert.equal(fallback.fallback, 'the git clone is shallow');
    assert.deepEqual(
      fallback.changes.map((c) => [c.date, c.code, c.kinds.join('+')]),
      [
        ['2026-04-02T00:00:00Z', 'd', 'reviewed'],
        ['2026-04-01T00:00:00Z', 'c', 'reviewed'],
        ['2026-03-01T00:00:00Z', 'b', 'renamed+reviewed'],
      ],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('outside git (a tarball): no failure, the review dates stand in', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hc-nogit-'));
  try {
    const history = readHistory(dir);
    assert.ok('unavailable' in history);
    assert.deepEqual(
      changeLog([{ code: 'x', formerCodes: [], lastReviewed: new Date('2025-05-06') }], history).changes.map(
        (c) => c.date,
      ),
      ['2025-05-06T00:00:00Z'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a page not reviewed for more than 12 months is named, one line, with the field', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  const stale = staleReviews(
    [
      { file: 'content/errors/old.mdx', lastReviewed: new Date('2025-11-26'), line: 9 },
      { file: 'content/errors/recent.mdx', lastReviewed: new Date('2025-11-28'), line: 9 },
    ],
    now,
  );
  assert.deepEqual(
    stale.map((p) => [p.file, p.field, p.line]),
    [['content/errors/old.mdx', 'lastReviewed', 9]],
  );
  assert.match(stale[0]!.message, /^last reviewed 2025-11-26, over 12 months ago/);
});

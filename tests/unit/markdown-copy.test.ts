import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorMarkdown, llmsTxt, type CopyError } from '../../src/lib/build/markdownCopy.ts';
import { manualResyncText } from '../../src/lib/shared/resync.ts';

const error: CopyError = {
  code: 'x-y',
  title: 'A *starred* [title] <b>',
  summary: 'One sentence.',
  body: '## What it means\n\nSee [the other](/errors/z/#how-to-fix) and [this](#how-to-fix).\n\n## How to fix\n\n1. Open **Customers**.\n2. <ManualResync record="client" />\n',
  direction: 'workiz-to-quickbooks',
  fixWhere: 'quickbooks',
  resync: 'manual',
  aliases: [],
  categories: [{ title: 'Client errors', url: 'https://h.example/categories/client/' }],
  quickbooks: [
    {
      code: '610',
      name: 'Object Not Found',
      message: 'Made *inactive* <x>',
      source: 'https://example.com/q',
      faultUrl: 'https://h.example/quickbooks/610/',
    },
  ],
  dependsOn: [],
  unblocks: [],
  related: [],
  lastReviewed: '2026-11-27',
  url: 'https://h.example/errors/x-y/',
  markdownUrl: 'https://h.example/errors/x-y.md',
  site: 'https://h.example/',
};

test('an error as Markdown: text escaped, site links absolute, the resync step as its sentence', () => {
  const md = errorMarkdown(error);
  assert.match(md, /^# A \\\*starred\\\* \\\[title] \\<b>\n/);
  assert.match(md, /\[the other\]\(https:\/\/h\.example\/errors\/z\/#how-to-fix\)/);
  assert.match(md, /\[this\]\(https:\/\/h\.example\/errors\/x-y\/#how-to-fix\)/);
  assert.ok(md.includes(`2. ${manualResyncText('client')}\n`), md);
  assert.doesNotMatch(md, /ManualResync/);
  assert.match(md, /> Made \\\*inactive\\\* \\<x>/);
  assert.match(md, /Seen in: \[example\.com\/q\]\(https:\/\/example\.com\/q\)/);
});

test("under a subpath, an author's root-relative link keeps the subpath", () => {
  const md = errorMarkdown({ ...error, site: 'https://h.example/help', url: 'https://h.example/help/errors/x-y/' });
  assert.match(md, /\[the other\]\(https:\/\/h\.example\/help\/errors\/z\/#how-to-fix\)/);
  assert.match(md, /\[this\]\(https:\/\/h\.example\/help\/errors\/x-y\/#how-to-fix\)/);
});

test('llms.txt: H1, blockquote, a section per category with each error linked to its copy', () => {
  const txt = llmsTxt({
    name: 'Site',
    about: 'About.',
    url: 'https://h.example/',
    sections: [{ title: 'Client errors', errors: [error] }],
    more: [{ title: 'All', url: 'https://h.example/llms-full.txt', about: 'all' }],
  });
  assert.match(txt, /^# Site\n\n> About\.\n/);
  assert.match(
    txt,
    /\n## Client errors\n\n- \[A \\\*starred\\\* \\\[title\\\] \\<b>\]\(https:\/\/h\.example\/errors\/x-y\.md\) \(x-y\): One sentence\.\n/,
  );
  assert.match(txt, /\n## Optional\n/);
});

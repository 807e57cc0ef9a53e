/**
 * Bad content fails the build, naming the file and the field or rule, one line per problem and
 * no stack trace. Each case copies content/ to a temporary folder, injects one fault, builds
 * that copy (CONTENT_DIR) and reads the output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withBuiltCopy, withCopy } from './build-copy.ts';

interface Case {
  name: string;
  /** The file the output must name (a path under content/errors/, or its last part). */
  file: string;
  /** Changes the copy: by default, `edit` applied to content/errors/<file>. */
  prepare?: (content: string) => void;
  edit?: (text: string) => string;
  /** Words the build output must contain besides the file name. */
  expect: RegExp[];
}

const replace = (from: string | RegExp, to: string) => (text: string) => {
  const out = text.replace(from, to);
  assert.notEqual(out, text, `the fault was not injected (${from})`);
  return out;
};
const append = (more: string) => (text: string) => `${text}\n${more}\n`;
const errorFile = (content: string, file: string) => join(content, 'errors', file);

const cases: Case[] = [
  {
    name: 'an unknown field',
    file: 'client-duplicate-name.mdx',
    edit: replace(/^common: true$/m, 'commn: true'),
    expect: [/field "commn": unknown field; did you mean "common"\?/],
  },
  {
    name: 'a bad category',
    file: 'item-duplicate.mdx',
    edit: replace(/^categories: \[item\]$/m, 'categories: [item, widgets]'),
    expect: [/field "categories\[1\]": "widgets" is not allowed; allowed: connection, client, invoice, item, payment/],
  },
  {
    name: 'a missing title',
    file: 'payment-deleted.mdx',
    edit: replace(/^title: .*\n/m, ''),
    expect: [/field "title": missing/],
  },
  {
    name: 'a missing summary',
    file: 'invoice-deleted.mdx',
    edit: replace(/^summary: .*\n/m, ''),
    expect: [/field "summary": missing/],
  },
  {
    name: 'a dependsOn naming no entry',
    file: 'invoice-client-inactive.mdx',
    edit: replace(/^dependsOn: \[client-inactive\]$/m, 'dependsOn: [client-inactiv]'),
    expect: [/dependsOn/, /client-inactiv\b/],
  },
  {
    name: 'a related naming no entry',
    file: 'payment-deleted.mdx',
    edit: replace(/^related: \[invoice-deleted\]$/m, 'related: [invoice-removed]'),
    expect: [/related/, /invoice-removed/],
  },
  {
    name: 'a dependsOn naming a former code',
    file: 'payment-invoice-cannot-link.mdx',
    prepare: (content) => {
      // A rename done as the README says, but for one list that still names the old code.
      const from = errorFile(content, 'invoice-deleted.mdx');
      writeFileSync(
        errorFile(content, 'invoice-removed-in-quickbooks.mdx'),
        replace(
          /^code: invoice-deleted$/m,
          'code: invoice-removed-in-quickbooks\nformerCodes: [invoice-deleted]',
        )(readFileSync(from, 'utf8')),
      );
      rmSync(from);
      for (const file of ['invoice-duplicate-number.mdx', 'payment-deleted.mdx'])
        writeFileSync(
          errorFile(content, file),
          replace(
            'related: [invoice-deleted]',
            'related: [invoice-removed-in-quickbooks]',
          )(readFileSync(errorFile(content, file), 'utf8')),
        );
      writeFileSync(
        join(content, 'published-codes.txt'),
        `${readFileSync(join(content, 'published-codes.txt'), 'utf8')}invoice-removed-in-quickbooks\n`,
      );
    },
    expect: [
      /field "dependsOn": names "invoice-deleted", a former code of "invoice-removed-in-quickbooks": name "invoice-removed-in-quickbooks" instead/,
    ],
  },
  {
    name: 'a dependency cycle',
    file: 'client-inactive.mdx',
    edit: replace(/^categories:/m, 'dependsOn: [invoice-client-inactive]\ncategories:'),
    expect: [/dependsOn/, /cycle/],
  },
  {
    name: 'a code that differs from its file name',
    file: 'invoice-no-line-items.mdx',
    edit: replace(/^code: invoice-no-line-items$/m, 'code: invoice-without-lines'),
    expect: [/"code"/, /invoice-without-lines/],
  },
  {
    name: 'a QuickBooks message without its source',
    file: 'invoice-duplicate-number.mdx',
    edit: replace(/^    source: .*\n/m, ''),
    expect: [/field "quickbooks\[0\]\.source": missing/],
  },
  {
    name: 'a QuickBooks source that is not an https address',
    file: 'client-duplicate-name.mdx',
    edit: replace(/^(    source: )https:\/\/.*$/m, '$1the Intuit community'),
    expect: [/source/, /https/],
  },
  {
    name: 'an empty "How to fix"',
    file: 'invoice-closed-period.mdx',
    edit: replace(/(## How to fix\n)[\s\S]*?(?=\n## |$)/, '$1\n'),
    expect: [/How to fix/],
  },
  // Issue 19: the table of QuickBooks fault codes.
  {
    name: 'a fault code an error quotes that is not in the table of fault codes',
    file: 'invoice-duplicate-number.mdx',
    edit: replace(/^  - code: "6140"$/m, '  - code: "6149"'),
    expect: [/field "quickbooks\[0\]\.code": fault 6149 is not in quickbooks-faults\.yaml/],
  },
  {
    name: 'a fault code whose meaning has no https source',
    file: 'quickbooks-faults.yaml',
    prepare: (content) =>
      writeFileSync(
        join(content, 'quickbooks-faults.yaml'),
        replace(
          /^(  source: )https:\/\/.*$/m,
          '$1Intuit',
        )(readFileSync(join(content, 'quickbooks-faults.yaml'), 'utf8')),
      ),
    expect: [/quickbooks-faults\.yaml:\d+: field "source"/, /https/],
  },
  // Issue 20: a limit or a QuickBooks menu path in the text needs its public source beside it.
  {
    name: 'a limit with no source',
    file: 'invoice-number-too-long.mdx',
    edit: replace(
      /\(\[public report\]\(https:\/\/github\.com\/consolibyte\/quickbooks-php\/issues\/79\)\)\. The number on this/,
      '. The number on this',
    ),
    expect: [/body: the limit "21 characters" with no source/],
  },
  {
    name: 'a menu path with no source',
    file: 'payment-closed-period.mdx',
    edit: replace(/ \(the steps are \[Intuit's\]\([^)]*\)\)/, ''),
    expect: [/body: the menu path "Settings ⚙ > Account and settings" with no source/],
  },
  // Issue 22: the customer's reply in the frontmatter is plain text from support, and short enough to send.
  {
    name: 'a Markdown link in a reply',
    file: 'invoice-deleted.mdx',
    edit: replace(
      '    - "Reply to this message with the number',
      '    - "See [the page](/errors/x/). Reply to this message with the number',
    ),
    expect: [/invoice-deleted\.mdx:\d+: field "reply\.steps\[0\]": .*plain text only: no Markdown/],
  },
  {
    name: 'a reply that sends the customer to support',
    file: 'payment-deleted.mdx',
    edit: replace(/^  intro: "/m, '  intro: "Contact support from the link at the end of this page. '),
    expect: [/field "reply\.intro": .*write "reply to this message"/],
  },
  {
    name: 'a misspelt field in a reply',
    file: 'client-initial-sync-failed.mdx',
    edit: replace(/^  steps:$/m, '  stpes:'),
    expect: [/field "reply\.stpes": unknown field in reply; did you mean "steps"\?/],
  },
  {
    name: 'a reply too long to send',
    file: 'item-duplicate.mdx',
    edit: replace(
      /^lastReviewed:/m,
      `reply:\n  steps:\n${Array.from({ length: 4 }, () => `    - "${'Check the item again. '.repeat(20).trim()}"\n`).join('')}lastReviewed:`,
    ),
    expect: [
      /item-duplicate\.mdx:\d+: field "reply\.steps": the reply support copies is \d,\d{3} characters, over 1,500 .*; shorten these steps/,
    ],
  },
  // Issue 14: file names, bytes, sizes and raw HTML.
  {
    name: 'a file name that is not the lower-case code',
    file: 'Item Duplicate.mdx',
    prepare: (content) =>
      renameSync(errorFile(content, 'item-duplicate.mdx'), errorFile(content, 'Item Duplicate.mdx')),
    expect: [/file name: the file name must be the error's code, lower-case words joined by hyphens/],
  },
  {
    name: 'two files that differ only in case',
    file: 'Item-Duplicate.mdx',
    prepare: (content) =>
      copyFileSync(errorFile(content, 'item-duplicate.mdx'), errorFile(content, 'Item-Duplicate.mdx')),
    expect: [/"Item-Duplicate\.mdx" and "item-duplicate\.mdx" differ only in case/],
  },
  {
    name: 'bytes that are not UTF-8',
    file: 'payment-deleted.mdx',
    prepare: (content) => {
      const path = errorFile(content, 'payment-deleted.mdx');
      writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from('Caf\xe9\n', 'latin1')]));
    },
    expect: [/payment-deleted\.mdx: text: not UTF-8 \(byte 0xE9 on line \d+\)/],
  },
  {
    name: 'a title over 120 characters',
    file: 'item-duplicate.mdx',
    edit: replace(/^title: .*$/m, `title: ${'Long title '.repeat(12)}`),
    expect: [/field "title": 13\d characters; at most 120 characters/],
  },
  {
    name: 'an alias over 80 characters',
    file: 'item-duplicate.mdx',
    edit: replace(/^  - duplicate item quickbooks$/m, `  - ${'duplicate item '.repeat(6)}`),
    expect: [/field "aliases\[0\]": 89 characters; at most 80 characters/],
  },
  {
    name: 'a QuickBooks message over 1,000 characters',
    file: 'item-duplicate.mdx',
    edit: replace(/^    message: .*$/m, `    message: "${'The name supplied already exists. '.repeat(31)}"`),
    expect: [/field "quickbooks\[0\]\.message": 1,0\d\d characters; at most 1,000 characters/],
  },
  {
    name: 'a body over 50 KB',
    file: 'item-duplicate.mdx',
    edit: append('More text that goes on and on. '.repeat(1700)),
    expect: [/body: 5\d KB; at most 50 KB/],
  },
  {
    name: 'a misspelt field in a category',
    file: 'categories/item.json',
    prepare: (content) => {
      const path = join(content, 'categories', 'item.json');
      writeFileSync(path, replace('"description"', '"descripton"')(readFileSync(path, 'utf8')));
    },
    expect: [
      /categories\/item\.json:3: field "descripton": unknown field; did you mean "description"\?/,
      /field "description": missing/,
    ],
  },
  {
    name: 'a category file that names no category',
    file: 'categories/items.json',
    prepare: (content) =>
      renameSync(join(content, 'categories', 'item.json'), join(content, 'categories', 'items.json')),
    expect: [/categories\/items\.json: file name: "items" is no category; did you mean "item\.json"\?/],
  },
];

/** Raw HTML and URLs that can run or load something: one build, each fault in its own file. */
const active: { file: string; html: string; rule: RegExp }[] = [
  {
    file: 'client-duplicate-name.mdx',
    html: '<script>alert(1)</script>',
    rule: /raw HTML <script> is not allowed: it runs code/,
  },
  { file: 'client-inactive.mdx', html: '<SCRIPT >alert(1)</SCRIPT>', rule: /<SCRIPT> is not allowed: it runs code/ },
  {
    file: 'invoice-deleted.mdx',
    html: '<style>@import url(https://evil.example/x.css);</style>',
    rule: /raw HTML <style> is not allowed/,
  },
  {
    file: 'payment-deleted.mdx',
    html: '<iframe src="https://evil.example/"></iframe>',
    rule: /raw HTML <iframe> is not allowed: it loads another page/,
  },
  {
    file: 'item-duplicate.mdx',
    html: '<object data="https://evil.example/x.swf"></object>',
    rule: /raw HTML <object> is not allowed/,
  },
  {
    file: 'invoice-closed-period.mdx',
    html: '<embed src="https://evil.example/x.swf" />',
    rule: /raw HTML <embed> is not allowed/,
  },
  {
    file: 'invoice-client-inactive.mdx',
    html: '<link rel="stylesheet" href="https://evil.example/x.css" />',
    rule: /raw HTML <link> is not allowed/,
  },
  {
    file: 'invoice-duplicate-number.mdx',
    html: '<meta http-equiv="refresh" content="0;url=https://evil.example/" />',
    rule: /raw HTML <meta> is not allowed/,
  },
  {
    file: 'invoice-no-line-items.mdx',
    html: 'See <kbd onClick="alert(1)">Save</kbd>.',
    rule: /event handler attribute \(onClick=\)/,
  },
  {
    file: 'item-inactive.mdx',
    html: 'See [the docs](java\u0026#x73;cript:alert(1)).',
    rule: /would run code: javascript:, vbscript: and data: links are not allowed/,
  },
];

const check = (output: string, file: string, expect: RegExp[]) => {
  assert.ok(output.includes(file), `the output does not name ${file}:\n${output.slice(-2000)}`);
  for (const re of expect) assert.match(output, re);
  assert.doesNotMatch(output, /^\s+at /m, `a content mistake printed a stack trace:\n${output.slice(-2000)}`);
  assert.doesNotMatch(
    output,
    /node_modules/,
    `a content mistake printed a place inside node_modules:\n${output.slice(-2000)}`,
  );
  assert.doesNotMatch(output, /\*\*/, `the message has markdown stars left in it:\n${output.slice(-2000)}`);
};

function buildCopy(c: Case) {
  return withBuiltCopy(
    (content) => {
      if (c.prepare) return c.prepare(content);
      const path = errorFile(content, c.file);
      writeFileSync(path, c.edit!(readFileSync(path, 'utf8')));
    },
    ({ status, output }) => ({ status, output }),
  );
}

test('the unmodified copy builds (so a failure below is the fault, not the copy)', () => {
  const { status, output } = buildCopy({ name: 'nothing', file: 'item-duplicate.mdx', edit: (t) => t, expect: [] });
  assert.equal(status, 0, output.slice(-2000));
});

for (const c of cases) {
  test(`the build fails on ${c.name}, naming the file and the rule, without a stack trace`, () => {
    const { status, output } = buildCopy(c);
    assert.notEqual(status, 0, `the build passed despite ${c.name}:\n${output.slice(-2000)}`);
    check(output, c.file, c.expect);
  });
}

test('the build fails on raw HTML that can run or load anything, naming each file and rule', () => {
  const { status, output } = withBuiltCopy(
    (content) => {
      for (const a of active)
        writeFileSync(errorFile(content, a.file), append(a.html)(readFileSync(errorFile(content, a.file), 'utf8')));
    },
    ({ status, output }) => ({ status, output }),
  );
  assert.notEqual(status, 0, output.slice(-2000));
  for (const a of active) {
    const line = output.split('\n').find((l) => l.includes(`/${a.file}:`) && a.rule.test(l));
    assert.ok(line, `no line names ${a.file} and ${a.rule}:\n${output.slice(-3000)}`);
  }
  check(output, active[0]!.file, []);
});

test('a stale cache never fails a correct tree: a file renamed and renamed back, and another content folder on the same cache', () => {
  withCopy(({ content, build, dir }) => {
    const good = errorFile(content, 'item-duplicate.mdx');
    const bad = errorFile(content, 'Item Duplicate.mdx');
    // A name Astro's slug turns into the same id, with the same text: the cache used to keep the old file.
    renameSync(good, bad);
    const first = build();
    assert.notEqual(first.status, 0, first.output.slice(-2000));
    renameSync(bad, good);
    const second = build();
    assert.equal(second.status, 0, second.output.slice(-3000));
    // The same cache, the same text in another folder, the first one gone.
    const other = join(dir, 'other-content');
    cpSync(content, other, { recursive: true });
    rmSync(content, { recursive: true });
    const third = build({ CONTENT_DIR: other });
    assert.equal(third.status, 0, third.output.slice(-3000));
  });
});

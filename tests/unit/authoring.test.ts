import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BODY_MAX_BYTES,
  bodyProblems,
  didYouMean,
  fileNameProblems,
  isActiveUrl,
  notUtf8,
  schemaProblems,
  DEFAULT_MESSAGE,
} from '../../src/lib/content/authoring.ts';
import { formatProblems } from '../../src/lib/content/validate.ts';

const body = (extra: string) =>
  `## What it means\n\nText.\n\n## How to fix\n\n1. Do it.\n2. <ManualResync record="invoice" />\n\n${extra}\n`;
const rules = (extra: string) => bodyProblems('content/errors/a.mdx', body(extra)).map((p) => p.message);

test('a body of Markdown and the layout components has no problems', () => {
  assert.deepEqual(
    rules(
      'Press <kbd>Save</kbd>, see [the guide](/errors/b/#how-to-fix) or [Intuit](https://quickbooks.intuit.com/). <abbr title="QuickBooks Online">QBO</abbr>',
    ),
    [],
  );
});

test('raw HTML that can run or load anything is found however it is spelt', () => {
  const bad: [string, RegExp][] = [
    ['<script>alert(1)</script>', /<script> is not allowed: it runs code/],
    ['<SCRIPT>alert(1)</SCRIPT>', /<SCRIPT> is not allowed: it runs code/],
    ['<script\n  src="https://evil.example/x.js"></script>', /<script> is not allowed/],
    ['<Script>alert(1)</Script>', /<Script> is not allowed/],
    ['<style>p{}</style>', /<style> is not allowed/],
    ['<iframe src="https://evil.example/" />', /<iframe> is not allowed: it loads another page/],
    ['<object data="x.swf" />', /<object> is not allowed/],
    ['<embed src="x.swf" />', /<embed> is not allowed/],
    ['<link rel="stylesheet" href="https://evil.example/x.css" />', /<link> is not allowed/],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example/" />', /<meta> is not allowed/],
    ['<svg onload="alert(1)"></svg>', /<svg> is not allowed/],
    ['<img src="x" onerror="alert(1)" />', /event handler attribute \(onerror=\)/],
    ['<kbd onClick="alert(1)">x</kbd>', /event handler attribute \(onClick=\)/],
    ['<kbd ONMOUSEOVER="alert(1)">x</kbd>', /event handler attribute \(ONMOUSEOVER=\)/],
    ['<a href="javascript:alert(1)">x</a>', /javascript:, vbscript: or data: URL/],
    ['<abbr title="x" style="x">y</abbr>', /style= is not allowed/],
    ['[x](javascript:alert(1))', /would run code/],
    ['[x](JavaScript:alert(1))', /would run code/],
    ['[x](java&#x73;cript:alert(1))', /would run code/],
    ['[x](<java\tscript:alert(1)>)', /would run code/],
    ['[x][r]\n\n[r]: javascript:alert(1)', /would run code/],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', /would run code/],
    ['![x](https://evil.example/pixel.png)', /is not on this site/],
    ['<ManualResync record="invoice" onClick="alert(1)" />', /event handler attribute/],
    ['<ManualResync record={"invoice"} />', /expression/],
    ['<ManualResync {...props} />', /expression/],
    ['<Widget />', /<Widget> is no component of the help center/],
    [
      '<ManualResync record="items" />',
      /<ManualResync> record="items" is not allowed; did you mean "item"\? allowed: client, invoice, item, payment/,
    ],
    ['<ManualResync record="connection" />', /record="connection" is not allowed/],
    ['<ManualResync />', /<ManualResync> needs record=; allowed: client, invoice, item, payment/],
    ['{alert(1)}', /expression is code/],
    ['export const x = 1', /import and export are not allowed/],
    ['<div>x</div>', /raw HTML <div> is not allowed: write Markdown/],
  ];
  for (const [html, rule] of bad) {
    const found = rules(html);
    assert.ok(
      found.some((m) => rule.test(m)),
      `${JSON.stringify(html)} gave ${JSON.stringify(found)}`,
    );
  }
});

test('the line of a body problem is the line of the file', () => {
  const [p] = bodyProblems('a.mdx', '\n\n\n## What it means\n\n<script>x</script>\n');
  assert.equal(p!.line, 6);
});

test('a body over the limit, and MDX that does not parse, are problems', () => {
  assert.match(rules('x'.repeat(BODY_MAX_BYTES + 10)).join(), /at most 50 KB/);
  assert.equal(rules('x'.repeat(BODY_MAX_BYTES - 200)).length, 0);
  assert.match(rules('a <b').join(), /not valid MDX/);
});

test('javascript: URLs are found under whitespace, control characters and case', () => {
  for (const url of [
    'javascript:x',
    ' JAVASCRIPT:x',
    'java\tscript:x',
    'java\nscript:x',
    '\u0001javascript:x',
    'vbscript:x',
    'data:text/html,x',
  ])
    assert.ok(isActiveUrl(url), url);
  for (const url of ['https://x.example/javascript:', '/errors/javascript/', 'mailto:a@b.example', '#javascript'])
    assert.equal(isActiveUrl(url), false, url);
});

test('file names must be the lower-case code, and no two may differ only in case', () => {
  assert.deepEqual(fileNameProblems('content/errors', ['item-duplicate.mdx', 'a1-b2.mdx']), []);
  const spaced = fileNameProblems('content/errors', ['Item Duplicate.mdx']);
  assert.equal(spaced.length, 1);
  assert.match(spaced[0]!.message, /"item-duplicate\.mdx"/);
  for (const name of ['item_duplicate.mdx', 'item--duplicate.mdx', '-item.mdx', 'item.MDX', 'ítem.mdx'])
    assert.equal(fileNameProblems('d', [name]).length, 1, name);
  const twins = fileNameProblems('content/errors', ['item-duplicate.mdx', 'Item-Duplicate.mdx']);
  assert.ok(twins.some((p) => /"Item-Duplicate\.mdx" and "item-duplicate\.mdx" differ only in case/.test(p.message)));
});

test('bytes that are not UTF-8 are found, with the byte and its line', () => {
  assert.equal(notUtf8(new TextEncoder().encode('Café ✓ 😀\n')), undefined);
  assert.equal(notUtf8(Uint8Array.from([0x61, 0x0a, 0x62, 0xe9, 0x0a])), 'byte 0xE9 on line 2');
  assert.equal(notUtf8(Uint8Array.from([0xf0, 0x9f, 0x98])), 'byte 0xF0 on line 1');
  assert.equal(notUtf8(Uint8Array.from([0xc0, 0x80])), 'byte 0xC0 on line 1');
});

test('a misspelt field or value gets a suggestion; a far one does not', () => {
  const fields = ['code', 'title', 'summary', 'common', 'aliases', 'dependsOn'];
  assert.equal(didYouMean('commn', fields), 'common');
  assert.equal(didYouMean('alias', fields), 'aliases');
  assert.equal(didYouMean('depends_on', fields), 'dependsOn');
  assert.equal(didYouMean('zzzzzz', fields), undefined);
});

test('schema issues become one line each: the file, the field, what is wrong and what is allowed', () => {
  const fieldsAt = () => ['code', 'title', 'summary', 'common'];
  const problems = schemaProblems(
    'content/errors/a.mdx',
    [
      { code: 'unrecognized_keys', path: [], keys: ['commn'], message: DEFAULT_MESSAGE },
      { code: 'invalid_type', path: ['summary'], expected: 'string', message: DEFAULT_MESSAGE },
      {
        code: 'invalid_value',
        path: ['categories', 1],
        values: ['client', 'item'],
        input: 'itme',
        message: DEFAULT_MESSAGE,
      },
      {
        code: 'too_big',
        path: ['title'],
        origin: 'string',
        maximum: 120,
        input: 'x'.repeat(130),
        message: DEFAULT_MESSAGE,
      },
      {
        code: 'invalid_format',
        path: ['code'],
        format: 'regex',
        input: 'A B',
        message: 'lower-case words joined by hyphens',
      },
    ],
    fieldsAt,
  );
  assert.equal(
    formatProblems(problems),
    [
      'content/errors/a.mdx: field "commn": unknown field; did you mean "common"?',
      'content/errors/a.mdx: field "summary": missing; required: text',
      'content/errors/a.mdx: field "categories[1]": "itme" is not allowed; allowed: client, item; did you mean "item"?',
      'content/errors/a.mdx: field "title": 130 characters; at most 120 characters',
      'content/errors/a.mdx: field "code": "A B" is not allowed; lower-case words joined by hyphens',
    ].join('\n'),
  );
});

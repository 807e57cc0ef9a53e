/**
 * Triage (src/lib/shared/triage): recognising errors in real pastes (tests/fixtures/triage, each
 * with the public page it comes from) and ordering the fix plan, on the catalog as content/
 * holds it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TRIAGE_DATA } from '../triage-data.ts';
import { ERRORS } from '../content.ts';
import { GO_CASES } from '../go-cases.ts';
import { DONE_PASTE } from '../triage-pastes.ts';
import { fromCodes, parseCodes, recognise, recordHint, triageIndex } from '../../src/lib/shared/triage/recognise.ts';
import { extractParts, looksLikeSeveral } from '../../src/lib/shared/triage/extract.ts';
import { fixPlan, planCodes, planText } from '../../src/lib/shared/triage/plan.ts';
import { goTarget } from '../../src/lib/shared/triage/go.ts';
import { inlineJson, resyncRecordsOf, type TriageData } from '../../src/lib/shared/triage/data.ts';

const index = triageIndex(TRIAGE_DATA);
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'triage');
/** A fixture's paste: what follows its "---" line (the lines above name its source). */
const paste = (file: string) => {
  const text = readFileSync(join(FIXTURES, file), 'utf8');
  assert.match(text, /^# source: https:\/\/github\.com\//, `${file} names its source`);
  return text.slice(text.indexOf('\n---\n') + 5);
};
const codes = (paste: string) => recognise(index, paste).found.map((f) => f.code);
const by = (code: string) => ERRORS.find((e) => e.code === code)!;

test('a JSON fault with two errors and two log lines naming a third: three errors, the rest not recognised', () => {
  const r = recognise(index, DONE_PASTE);
  assert.deepEqual(
    r.found.map((f) => [f.code, f.count]),
    [
      ['client-duplicate-name', 1],
      ['invoice-client-not-synced', 1],
      ['payment-deposited', 2],
    ],
  );
  assert.deepEqual(
    r.found.map((f) => f.confidence),
    ['high', 'high', 'high'],
  );
  assert.match(r.found[0]!.source, /Another customer is already using this name/);
  assert.deepEqual(
    r.unrecognised.map((u) => u.text),
    ['Webhook delivery to the dispatch board timed out'],
  );
  assert.deepEqual(r.choices, []);
  // The client error comes before the invoice error it blocks, which clears with it.
  const plan = fixPlan(
    TRIAGE_DATA,
    r.found.map((f) => f.code),
  );
  assert.deepEqual(plan, [
    { kind: 'fix', code: 'client-duplicate-name', folded: ['invoice-client-not-synced'] },
    { kind: 'fix', code: 'payment-deposited', folded: [] },
    { kind: 'resync', record: 'invoice', codes: ['invoice-client-not-synced'] },
    { kind: 'resync', record: 'payment', codes: ['payment-deposited'] },
  ]);
});

test('real pastes from public SDK issues', () => {
  // An XML fault inside a PHP exception: the message is shared by three errors, so a choice.
  const php = recognise(index, paste('php-sdk-110-inactive-xml.txt'));
  assert.deepEqual(php.found, []);
  assert.deepEqual(
    php.choices.map((c) => [c.options, c.faultCode]),
    [[['client-inactive', 'invoice-client-inactive', 'item-inactive'], '2500']],
  );
  assert.equal(php.unrecognised.length, 1, 'the stack line');
  assert.match(php.unrecognised[0]!.text, /^thrown in /);
  // A fault as a Python dict: "Another user has deleted this transaction." is an invoice or a payment.
  const py = recognise(index, paste('python-quickbooks-117-deleted.txt'));
  assert.deepEqual(
    py.choices.map((c) => c.options),
    [['invoice-deleted', 'payment-deleted']],
  );
  assert.deepEqual(py.unrecognised, [], 'the dict around the error says nothing');
  // Two Error elements in XML (unclosed, as QuickBooks sent it): two parts, no error of ours, so
  // fault 6070's own page, which says what it means (issue 19: no pasted code is a dead end).
  const xml = paste('php-sdk-445-two-errors.xml');
  assert.deepEqual(
    extractParts(xml)
      .parts.filter((p) => p.kind === 'fault')
      .map((p) => p.kind === 'fault' && [p.code, p.element]),
    [
      ['6070', 'Line.Amount'],
      ['6070', 'Line.Amount'],
    ],
  );
  assert.equal(recognise(index, xml).found.length, 0);
  assert.deepEqual(
    recognise(index, xml).faultFindings.map((f) => [f.code, f.count]),
    [['6070', 2]],
  );
  assert.equal(recognise(index, xml).unrecognised.length, 0);
  assert.ok(looksLikeSeveral(xml));
  // A fault nested in another library's JSON.
  const wrapped = recognise(index, paste('oauth-jsclient-188-wrapped.json'));
  assert.deepEqual(
    wrapped.faultFindings.map((f) => f.code),
    ['10100'],
    'fault 10100 (Result Set Big), which no error of ours is: its page',
  );
  assert.deepEqual(wrapped.unrecognised, []);
  // Fault 6000 with words that match none of its messages: not a guess among its errors, but the
  // code's own page, which lists them all.
  for (const file of ['node-quickbooks-48-console.txt', 'quickbooks-ruby-344-batch.txt']) {
    const r = recognise(index, paste(file));
    assert.deepEqual([r.found, r.choices], [[], []], file);
    assert.deepEqual(
      r.faultFindings.map((f) => f.code),
      ['6000'],
      file,
    );
    assert.ok(!r.unrecognised.some((u) => u.text.startsWith('6000 · ')), file);
  }
  // Escaped JSON in a .NET exception: QuickBooks' message inside it still offers the choice.
  const net = recognise(index, paste('dotnet-sdk-353-escaped.txt'));
  assert.deepEqual(
    net.choices.map((c) => c.options),
    [['client-inactive', 'invoice-client-inactive', 'item-inactive']],
  );
  // Messages copied one a line: the first is a client name taken (two readings), the others nothing of ours.
  const lines = recognise(index, paste('quickeebooks-101-messages.txt'));
  assert.deepEqual(
    lines.choices.map((c) => c.options),
    [['client-duplicate-name', 'client-name-conflict']],
  );
  assert.equal(lines.unrecognised.length, 2);
});

test("a batch response: each item's Fault is read, with its own errors", () => {
  // The shape of a batch response (https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/batch), with QuickBooks' wordings as the catalog quotes them.
  const batch = JSON.stringify(
    {
      BatchItemResponse: [
        {
          Fault: {
            Error: [
              {
                Message: 'Duplicate Name Exists Error',
                Detail: 'The name supplied already exists. : Another Item is already using this name.',
                code: '6240',
                element: '',
              },
            ],
            type: 'ValidationFault',
          },
          bId: 'bid1',
        },
        { Item: { Id: '42', Name: 'Gutter cleaning' }, bId: 'bid2' },
        {
          Fault: {
            Error: [
              {
                Message: 'Duplicate Document Number Error',
                Detail:
                  'You must specify a different number. This number has already been used. DocNumber=1043 is assigned to TxnType=Invoice with TxnId=123',
                code: '6140',
                element: '',
              },
            ],
            type: 'ValidationFault',
          },
          bId: 'bid3',
        },
      ],
      time: '2026-11-26T09:14:02.000-08:00',
    },
    null,
    2,
  );
  const r = recognise(index, batch);
  // "The name supplied already exists." is a client's or an item's: "Another Item" picks the item, so only "likely".
  assert.deepEqual(
    r.found.map((f) => [f.code, f.confidence]),
    [
      ['item-duplicate', 'medium'],
      ['invoice-duplicate-number', 'high'],
    ],
  );
  assert.deepEqual(r.unrecognised, []);
  assert.deepEqual(r.choices, []);
});

test('a fault number that means several errors offers the choice; the record named picks one', () => {
  const r = recognise(index, '6240');
  assert.deepEqual(r.found, []);
  assert.deepEqual(r.choices[0]!.options.sort(), ['client-duplicate-name', 'client-name-conflict', 'item-duplicate']);
  assert.deepEqual(
    codes(
      '{"Fault":{"Error":[{"Message":"Duplicate Name Exists Error","Detail":"The name supplied already exists. : Another Item is already using this name.","code":"6240"}]}}',
    ),
    ['item-duplicate'],
  );
  assert.equal(recordHint('Line.SalesItemLineDetail.ItemRef'), 'item');
  assert.equal(recordHint('accounts, customers, items'), undefined);
});

test('codes, former codes and fault numbers separated by spaces, commas or lines', () => {
  assert.deepEqual(codes('client-inactive, invoice-deleted\npayment-deposited'), [
    'client-inactive',
    'invoice-deleted',
    'payment-deposited',
  ]);
  assert.deepEqual(
    recognise(index, '6540 6190').found.map((f) => [f.code, f.confidence]),
    [
      ['payment-deposited', 'medium'],
      ['subscription-inactive', 'medium'],
    ],
  );
  const renamed: TriageData = {
    ...TRIAGE_DATA,
    errors: TRIAGE_DATA.errors.map((e) =>
      e.code === 'client-inactive' ? { ...e, formerCodes: ['customer-inactive'] } : e,
    ),
  };
  const r = recognise(triageIndex(renamed), 'customer-inactive');
  assert.deepEqual(
    r.found.map((f) => [f.code, f.how]),
    [['client-inactive', 'its former code customer-inactive']],
  );
  assert.deepEqual(
    fromCodes(triageIndex(renamed), ['customer-inactive', 'nope', 'client-inactive']).map((f) => f.code),
    ['client-inactive'],
  );
  assert.deepEqual(parseCodes('a-b,<script>, C-D ,x'), ['a-b', 'c-d', 'x']);
});

test('plain words find an error by its names; HTML in a paste is only words', () => {
  assert.deepEqual(codes('two clients same name'), ['client-duplicate-name']);
  assert.equal(recognise(index, 'duplicate customer').found[0]!.confidence, 'low');
  const r = recognise(index, '<img src=x onerror=alert(1)> Deposited Transaction cannot be changed');
  assert.deepEqual(
    r.found.map((f) => f.code),
    ['payment-deposited'],
  );
});

test('the plan: what blocks comes first (through the catalog), account-wide errors first, resyncs merged per record at the end', () => {
  const plan = fixPlan(TRIAGE_DATA, [
    'payment-invoice-not-synced',
    'invoice-client-not-synced',
    'client-missing-name',
    'sync-throttled',
    'item-duplicate',
  ]);
  assert.deepEqual(
    plan.filter((s) => s.kind === 'fix'),
    [
      { kind: 'fix', code: 'sync-throttled', folded: [] },
      { kind: 'fix', code: 'client-missing-name', folded: ['invoice-client-not-synced', 'payment-invoice-not-synced'] },
      { kind: 'fix', code: 'item-duplicate', folded: [] },
    ],
  );
  const resyncs = plan.filter((s) => s.kind === 'resync');
  assert.deepEqual(
    resyncs.map((s) => s.kind === 'resync' && s.record),
    ['client', 'item', 'invoice', 'payment'],
    'one step per record, in sync order',
  );
  assert.ok(
    plan.slice(-resyncs.length).every((s) => s.kind === 'resync'),
    'the resyncs come last',
  );
  // Payment errors wait on invoice errors two steps away through the catalog.
  assert.ok(by('payment-invoice-not-synced').dependsOn.includes('invoice-client-not-synced'));
  // Without the blocker, an error that waits on others is a step of its own, in sync order.
  assert.deepEqual(
    planCodes(fixPlan(TRIAGE_DATA, ['payment-deposited', 'invoice-client-not-synced', 'client-email-invalid'])),
    ['client-email-invalid', 'invoice-client-not-synced', 'payment-deposited'],
  );
  const text = planText(TRIAGE_DATA, plan, (c) => `https://help.example.com/errors/${c}/`);
  assert.match(
    text,
    /^Here is what to fix, in this order:\n\n1\. .+\n {3}https:\/\/help\.example\.com\/errors\/sync-throttled\/\n/,
  );
  assert.ok(text.indexOf('client-missing-name') < text.indexOf('invoice-client-not-synced'));
});

test('the records to sync again come from the fix steps', () => {
  assert.deepEqual(resyncRecordsOf('1. x\n2. <ManualResync record="invoice" />\n3. <ManualResync record="client" />'), [
    'client',
    'invoice',
  ]);
  assert.ok(
    TRIAGE_DATA.errors.filter((e) => e.resync === 'manual').every((e) => e.resyncRecords.length > 0),
    'every manual resync names its record',
  );
  assert.doesNotMatch(inlineJson({ a: '</script><!--' }), /</);
});

test('the /go/ table of cases', () => {
  for (const c of GO_CASES) {
    const params = new URLSearchParams(c.query);
    assert.equal(
      goTarget(index, {
        code: params.get('code'),
        qb: params.get('qb'),
        record: params.get('record'),
        q: params.get('q'),
      }),
      c.opens,
      c.query,
    );
  }
});

test('a 1 MB paste: at most MAX_PARTS parts are read (and it says so); one long line is read to its end', () => {
  const line = 'Nov 26, 2026 9:15 AM  Invoice 1043  Failed  Another sync note about nothing in particular here\n';
  const big = line.repeat(Math.ceil(1_000_000 / line.length)) + 'Deposited Transaction cannot be changed\n';
  assert.ok(big.length > 1_000_000);
  const r = recognise(index, big);
  assert.equal(r.truncated, true, 'more lines than are read one by one');
  const small = `${'x'.repeat(999_000)}\nclient-inactive\n`;
  assert.deepEqual(
    recognise(index, small).found.map((f) => f.code),
    ['client-inactive'],
  );
});

test('several errors or one: what the header search asks', () => {
  assert.equal(looksLikeSeveral(DONE_PASTE), true);
  assert.equal(looksLikeSeveral('duplicate customer'), false);
  assert.equal(
    looksLikeSeveral('{"Fault":{"Error":[{"Message":"Object Not Found","Detail":"x","code":"610"}]}}'),
    false,
  );
  assert.equal(looksLikeSeveral('6240\n6000'), true);
});

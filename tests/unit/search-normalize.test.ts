import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stem } from '../../src/lib/shared/search/normalize.ts';
import { MAX_QUERY_CHARS, MAX_TERMS, normalizeQuery } from '../../src/lib/shared/search/query.ts';

const FAULT_JSON =
  '{"Fault":{"Error":[{"Message":"Duplicate Name Exists Error","Detail":"The name supplied already exists. : ' +
  'Another customer is already using this name. Please use a different name.","code":"6240","element":""}],' +
  '"type":"ValidationFault"},"time":"2026-11-02T10:11:12.123-07:00"}';

test('a plain query is lower-cased, curly quotes straightened, stop words and contractions dropped', () => {
  assert.deepEqual(normalizeQuery('  Invoice WON’T   sync to QuickBooks!! '), {
    text: "invoice won't sync to quickbooks",
    faultCodes: [],
    terms: ['invoice', 'sync', 'quickbooks'],
    signals: [],
    truncated: false,
  });
  assert.deepEqual(normalizeQuery('“Duplicate” customers, duplicate CUSTOMERS').terms, ['duplicate', 'customers']);
});

test('key=value pairs keep the key and lose the value', () => {
  const q = normalizeQuery('DocNumber=1042 is assigned to TxnType=Invoice with TxnId=387');
  assert.equal(q.text, 'docnumber is assigned to txntype with txnid');
  assert.deepEqual(q.terms, ['docnumber', 'assigned', 'txntype', 'txnid']);
  assert.deepEqual(q.faultCodes, []);
});

test('timestamps, e-mails, UUIDs, URLs, money and long numbers are dropped', () => {
  const q = normalizeQuery(
    'Failed 2026-11-02T10:11:12.123-07:00 for john.smith@acme.com request 5b0c8e7e-3f51-4a63-9d2e-08d1c1f3a7b2 ' +
      'amount $1,245.50 (1,245.50 USD) ref 88213771 see https://app.qbo.intuit.com/app/invoice?txnId=387 on 11/02/2026',
  );
  assert.deepEqual(q.terms, ['failed', 'request', 'amount', 'usd', 'ref', 'see']);
  assert.doesNotMatch(q.text, /\d/);
});

test('fault codes: after fault/code/error, in fault JSON, known codes, or the whole query', () => {
  assert.deepEqual(normalizeQuery('fault 6240').faultCodes, ['6240']);
  assert.deepEqual(normalizeQuery('QuickBooks error code: 6210').faultCodes, ['6210']);
  assert.deepEqual(normalizeQuery('Error 5010 again, error 5010').faultCodes, ['5010']);
  assert.deepEqual(normalizeQuery('"code":"2050"').faultCodes, ['2050']);
  assert.deepEqual(normalizeQuery('6190').faultCodes, ['6190']);
  const known = new Set(['610', '2020', '6210']);
  assert.deepEqual(normalizeQuery('got 6210 then 610 on invoice 1042', known).faultCodes, ['6210', '610']);
  assert.deepEqual(normalizeQuery('got 6210 then 610 on invoice 1042').faultCodes, []);
  // Numbers inside dates, money and IDs are not codes, even when they look like known ones.
  assert.deepEqual(normalizeQuery('on 2020-06-10 paid $610 for INV-2020 and 610.50', known).faultCodes, []);
  assert.deepEqual(normalizeQuery('error 123456').faultCodes, []);
});

test('a pasted fault JSON becomes its words and its fault code', () => {
  const q = normalizeQuery(FAULT_JSON);
  assert.deepEqual(q.faultCodes, ['6240']);
  assert.doesNotMatch(q.text, /[{}[\]":,]/);
  assert.deepEqual(q.terms, [
    'duplicate',
    'name',
    'exists',
    'supplied',
    'already',
    'another',
    'customer',
    'using',
    'use',
    'different',
    'code',
    'type',
    'validationfault',
    'time',
  ]);
});

test('a 100 KB paste returns, reading only the start, with bounded output', () => {
  const huge = (FAULT_JSON + ' TxnId=9921 ' + 'lorem ipsum dolor '.repeat(40)).repeat(200).slice(0, 100_000);
  assert.equal(huge.length, 100_000);
  const q = normalizeQuery(huge);
  assert.equal(q.truncated, true);
  assert.ok(q.text.length <= MAX_QUERY_CHARS);
  assert.ok(q.terms.length <= MAX_TERMS);
  assert.deepEqual(q.faultCodes, ['6240']);
  // Pathological inputs for the noise patterns: one long run without spaces of each kind.
  for (const s of ['x', '-', 'a=', 'a@', '1.', '$1,'].map((p) => p.repeat(100_000 / p.length))) {
    const r = normalizeQuery(s);
    assert.equal(r.truncated, true);
    assert.ok(r.text.length <= MAX_QUERY_CHARS);
  }
});

test('HTML is plain text: only its words remain', () => {
  assert.deepEqual(normalizeQuery('<img src=x onerror=alert(1)>'), {
    text: 'img src onerror',
    faultCodes: [],
    terms: ['img', 'src', 'onerror'],
    signals: [],
    truncated: false,
  });
  assert.equal(normalizeQuery('<script>alert("hi")</script>').text, 'script alert hi script');
});

test('an empty or blank query has no terms', () => {
  for (const raw of ['', '   \n\t  ', '!!! ??? ...', 'the and of it']) {
    const q = normalizeQuery(raw);
    assert.deepEqual(q.terms, [], raw);
    assert.deepEqual(q.faultCodes, [], raw);
  }
  assert.equal(normalizeQuery('  ').text, '');
  // Not a string at all (a bad caller) is treated as empty rather than thrown on.
  assert.deepEqual(normalizeQuery(undefined as unknown as string).terms, []);
});

test('stem brings plurals, -ing and -ed forms together', () => {
  for (const group of [
    ['delete', 'deleted', 'deleting', 'deletes'],
    ['invoice', 'invoices', 'invoiced'],
    ['tax', 'taxes'],
    ['map', 'mapping', 'mapped', 'maps'],
    ['sync', 'synced', 'syncing', 'syncs'],
    ['entry', 'entries'],
  ])
    assert.deepEqual(new Set(group.map(stem)).size, 1, group.join());
  assert.equal(stem('billing'), 'bill');
  assert.equal(stem('status'), 'status');
  assert.notEqual(stem('name'), stem('same'));
});

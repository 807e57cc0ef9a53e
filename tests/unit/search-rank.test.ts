import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeQuery } from '../../src/lib/shared/search/query.ts';
import { rankKnown } from '../../src/lib/shared/search/rank.ts';
import type { SearchDoc } from '../../src/lib/shared/search/types.ts';

const DOCS: SearchDoc[] = [
  {
    code: 'client-duplicate-name',
    title: 'A client with this name already exists in QuickBooks',
    summary: 'QuickBooks already has a customer with exactly this name.',
    categories: ['client'],
    fixWhere: 'workiz',
    faults: [
      {
        code: '6240',
        name: 'Duplicate Name Exists Error',
        message: 'Another customer is already using this name. Please use a different name.',
      },
    ],
    aliases: ['duplicate customer quickbooks', 'two clients same name'],
  },
  {
    code: 'client-name-conflict',
    title: "The client's name is used by a supplier or employee",
    summary: 'QuickBooks already uses this name for another customer, a supplier (vendor) or an employee.',
    categories: ['client'],
    fixWhere: 'quickbooks',
    faults: [
      {
        code: '6240',
        name: 'Duplicate Name Exists Error',
        message: 'Another customer, vendor or employee is already using this name',
      },
    ],
    aliases: ['name conflict quickbooks'],
  },
  {
    code: 'item-duplicate',
    title: 'The item already exists in QuickBooks',
    summary: 'QuickBooks already has an item with this name, usually the same item added twice to the price book.',
    categories: ['item'],
    fixWhere: 'workiz',
    faults: [{ code: '6240', name: 'Duplicate Name Exists Error', message: 'The name supplied already exists.' }],
    aliases: ['duplicate item quickbooks'],
  },
  {
    code: 'invoice-closed-period',
    title: 'The invoice is dated in a closed period',
    summary: "The invoice's date falls in a month you've already closed in QuickBooks.",
    categories: ['invoice'],
    fixWhere: 'quickbooks',
    faults: [
      {
        code: '6210',
        name: 'Account Period Closed',
        message: 'Account Period Closed, Cannot Update Through Services API',
      },
    ],
    aliases: ['reopen the month', 'closing date'],
  },
  {
    code: 'client-inactive',
    title: 'The client is inactive in QuickBooks',
    summary: 'Someone has made the customer inactive in QuickBooks, so the client can no longer sync.',
    categories: ['client'],
    fixWhere: 'quickbooks',
    faults: [
      { code: '610', name: 'Object Not Found', message: "Something you're trying to use has been made inactive." },
    ],
    aliases: ['reactivate client'],
  },
  {
    code: 'payment-type-unsupported',
    title: "The payment type can't sync from QuickBooks",
    summary: 'Workiz brings in only cash, credit and check payments from QuickBooks.',
    categories: ['payment'],
    fixWhere: 'quickbooks',
    faults: [],
    aliases: ['unsupported payment method'],
    body: 'Record the payment again in QuickBooks with one of the supported types.',
  },
];

const codes = (q: string, docs: SearchDoc[] = DOCS): string[] => rankKnown(q, docs).map((r) => r.code);

test('a fault code shared by several errors lists all of them, and only them, ties by code', () => {
  const r = rankKnown('6240', DOCS);
  assert.deepEqual(
    r.map((x) => x.code),
    ['client-duplicate-name', 'client-name-conflict', 'item-duplicate'],
  );
  assert.equal(r[0]!.score, r[2]!.score);
  // Ties are broken by code, whatever the order of the catalog.
  assert.deepEqual(rankKnown('6240', [...DOCS].reverse()), r);
  assert.deepEqual(r[0]!.reasons, ['fault 6240']);
  // The same from a query normalized by the caller, with or without the known codes.
  assert.deepEqual(rankKnown(normalizeQuery('error 6240'), DOCS), r);
  assert.deepEqual(rankKnown(normalizeQuery('6240', new Set(['6240'])), DOCS), r);
  // A word next to the code decides between them.
  assert.equal(codes('fault 6240 price book item')[0], 'item-duplicate');
  assert.equal(codes('6240 vendor')[0], 'client-name-conflict');
});

test('a fault code outranks a page that only shares words', () => {
  assert.deepEqual(codes('610 customer')[0], 'client-inactive');
  assert.deepEqual(codes('code 6210 customer')[0], 'invoice-closed-period');
});

test('a pasted QuickBooks message finds its page', () => {
  assert.equal(
    codes('Another customer is already using this name. Please use a different name.')[0],
    'client-duplicate-name',
  );
  assert.equal(codes('The name supplied already exists.')[0], 'item-duplicate');
  // The longest run of the message's own words decides between two near-identical messages.
  assert.deepEqual(codes('Another customer is already using this name: John Smith').slice(0, 2), [
    'client-duplicate-name',
    'client-name-conflict',
  ]);
  assert.deepEqual(codes('another customer, vendor or employee is already using this name').slice(0, 2), [
    'client-name-conflict',
    'client-duplicate-name',
  ]);
  const r = rankKnown('Account Period Closed, Cannot Update Through Services API', DOCS);
  assert.equal(r[0]!.code, 'invoice-closed-period');
  assert.ok(r[0]!.reasons.includes('quickbooks message'));
  // The words in the message's order count for more than the same words shuffled.
  const shuffled = rankKnown('API services through update cannot, closed period account', DOCS);
  assert.equal(shuffled[0]!.code, 'invoice-closed-period');
  assert.ok(!shuffled[0]!.reasons.includes('quickbooks message'));
  assert.ok(r[0]!.score > shuffled[0]!.score + 10);
});

test('an error code typed as is comes first', () => {
  const r = rankKnown('client-inactive', DOCS);
  assert.equal(r[0]!.code, 'client-inactive');
  assert.ok(r[0]!.reasons.includes('error code'));
  assert.ok(r[0]!.score >= rankKnown('client inactive', DOCS)[0]!.score + 40);
});

test('typos: one edit from 4 letters, two from 8', () => {
  const r = rankKnown('invoce closd perod', DOCS);
  assert.equal(r[0]!.code, 'invoice-closed-period');
  assert.ok(r[0]!.reasons.includes('typo'));
  assert.equal(codes('inactve')[0], 'client-inactive');
  assert.equal(codes('paymnet')[0], 'payment-type-unsupported');
  assert.equal(codes('unsuportted paymemt')[0], 'payment-type-unsupported');
  assert.equal(codes('inacxyve')[0], 'client-inactive'); // 8 letters: two edits allowed
  // Too far, or too short to guess: nothing.
  assert.deepEqual(codes('imacxyve'), []);
  assert.deepEqual(codes('tak'), []);
});

test('synonyms: customer/client, deactivated → inactive, merge → duplicate, product → item, books → period', () => {
  const r = rankKnown('customer deactivated', DOCS);
  assert.equal(r[0]!.code, 'client-inactive');
  assert.ok(r[0]!.reasons.includes('synonym'));
  assert.equal(codes('merge products')[0], 'item-duplicate');
  assert.equal(codes('reopen books')[0], 'invoice-closed-period');
  assert.equal(codes('card payments')[0], 'payment-type-unsupported');
});

test('a currency code stands for currency: "customer in CAD, we bill in USD" finds the currency page', () => {
  const currency: SearchDoc = {
    code: 'invoice-currency-mismatch',
    title: "The invoice's currency doesn't match the customer's currency",
    summary: 'The customer is set to a different currency than the invoice.',
    categories: ['invoice'],
    fixWhere: 'support',
    faults: [],
    aliases: [],
  };
  const docs = [...DOCS, currency];
  for (const q of ['customer in CAD, we bill in USD', 'EUR invoice', 'gbp customer']) {
    const r = rankKnown(q, docs);
    assert.equal(r[0]?.code, 'invoice-currency-mismatch', q);
    assert.ok(r[0]!.reasons.includes('synonym'), q);
  }
});

test('a long query is relaxed: the best pages come back even though most words match nothing', () => {
  const q =
    'hello, I have been trying all morning to figure out why my quickbooks will not take this one invoice ' +
    'from last month, our bookkeeper says the month is closed and she is on holiday until friday';
  assert.equal(codes(q)[0], 'invoice-closed-period');
});

test('rare words weigh more than common ones', () => {
  // Both words are in titles; "quickbooks" is in every page, "inactive" in one.
  assert.ok(rankKnown('inactive', DOCS)[0]!.score > 5 * rankKnown('quickbooks', DOCS)[0]!.score);
  // "client" and "quickbooks" are everywhere here; "inactive" is not.
  assert.equal(codes('quickbooks client inactive')[0], 'client-inactive');
  assert.equal(codes('client name already exists')[0], 'client-duplicate-name');
});

test('the page text (body) counts, for least', () => {
  const r = rankKnown('record again', DOCS);
  assert.deepEqual(
    r.map((x) => x.code),
    ['payment-type-unsupported'],
  );
  assert.deepEqual(r[0]!.reasons, ['body']);
});

test('nonsense, empty or stop-word-only queries return nothing', () => {
  assert.deepEqual(rankKnown('zzqx qwrty', DOCS), []);
  assert.deepEqual(rankKnown('', DOCS), []);
  assert.deepEqual(rankKnown('   ', DOCS), []);
  assert.deepEqual(rankKnown('the of and', DOCS), []);
  assert.deepEqual(rankKnown('9999', DOCS), []);
  assert.deepEqual(rankKnown('<img src=x onerror=alert(1)>', DOCS), []);
  assert.deepEqual(rankKnown('quickbooks', []), []);
});

test('results are sorted by score, then code, all above zero, and stable across calls', () => {
  const r = rankKnown('quickbooks', DOCS);
  assert.equal(r.length, DOCS.length);
  for (let i = 1; i < r.length; i++) {
    const [a, b] = [r[i - 1]!, r[i]!];
    assert.ok(a.score > b.score || (a.score === b.score && a.code < b.code), `${a.code} before ${b.code}`);
  }
  assert.ok(r.every((x) => x.score > 0));
  assert.deepEqual(rankKnown('quickbooks', DOCS), r);
  // The index is cached per array: a changed catalog in a new array is seen.
  const more = [
    ...DOCS,
    { ...DOCS[0]!, code: 'zz-extra', title: 'Quickbooks quickbooks', aliases: ['bundle'], faults: [] },
  ];
  assert.deepEqual(codes('bundle', more), ['zz-extra']);
});

test('the same QuickBooks message for several records: the record the paste names comes first', () => {
  const stale = (record: 'client' | 'invoice' | 'payment', title: string): SearchDoc => ({
    code: `stale-object-${['client', 'invoice', 'payment'].indexOf(record) + 1}`,
    title,
    summary: 'QuickBooks refused it because it changed there in the meantime.',
    categories: [record],
    fixWhere: 'workiz',
    faults: [
      {
        code: '5010',
        name: 'Stale Object Error',
        message:
          'You and … were working on this at the same time. … finished before you did, so your work was not saved.',
      },
    ],
    aliases: record === 'client' ? ['stale object error'] : [],
  });
  // The client page also matches the paste through its aliases, so without the record named it would win.
  const docs = [
    ...DOCS,
    stale('client', 'Someone else edited it at the same time'),
    stale('invoice', 'It changed in QuickBooks'),
    stale('payment', 'It changed in QuickBooks'),
  ];
  const paste =
    'Stale Object Error : You and Jane Doe were working on this at the same time. Jane Doe finished before you did, so your work was not saved.';
  assert.equal(rankKnown(`Invoice 1042 failed to sync: ${paste}`, docs)[0]!.code, 'stale-object-2');
  assert.equal(rankKnown(`Payment 77 failed to sync: ${paste}`, docs)[0]!.code, 'stale-object-3');
  assert.equal(rankKnown(`Customer Jane Doe failed to sync: ${paste}`, docs)[0]!.code, 'stale-object-1');
  // Without a record named, the message alone decides and all three are offered first.
  assert.deepEqual(
    rankKnown(paste, docs)
      .slice(0, 3)
      .map((r) => r.code)
      .sort(),
    ['stale-object-1', 'stale-object-2', 'stale-object-3'],
  );
});

test("words that are keys of every JavaScript object are words like any other (issue 14: 'constructor' threw)", () => {
  for (const word of [
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'isPrototypeOf',
    'prototype',
  ]) {
    assert.deepEqual(rankKnown(word, DOCS), [], word);
    assert.deepEqual(rankKnown(`${word} ${word}`, DOCS), [], `${word} twice`);
    // Next to real words, they change nothing.
    assert.deepEqual(codes(`${word} closed period`, DOCS), codes('closed period', DOCS), `${word} closed period`);
  }
  // A page that really has the word is found by it.
  const withWord: SearchDoc = {
    ...DOCS[0]!,
    code: 'zz-constructor',
    title: 'The constructor of the invoice',
    aliases: [],
    faults: [],
  };
  assert.equal(rankKnown('constructor', [...DOCS, withWord])[0]?.code, 'zz-constructor');
});

/**
 * The anatomy of a QuickBooks fault (src/lib/shared/search/anatomy.ts) and what it decides (issue 19):
 * codes however printed, statuses, types, names and the subject inside a message; a decisive name
 * outweighs boilerplate and a distinctive word outweighs a status, in search and in triage; and
 * the issue's own real inputs get their page (tests/issue-examples.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFault, signalsOf } from '../../src/lib/shared/search/anatomy.ts';
import { normalizeQuery } from '../../src/lib/shared/search/query.ts';
import { rankKnown } from '../../src/lib/shared/search/rank.ts';
import { recognise, triageIndex } from '../../src/lib/shared/triage/recognise.ts';
import { TRIAGE_DATA } from '../triage-data.ts';
import { ISSUE_EXAMPLES } from '../issue-examples.ts';

const DOCS = TRIAGE_DATA.docs!;
const index = triageIndex(TRIAGE_DATA);
const first = (q: string) => rankKnown(q, DOCS)[0]?.code;

test('fault codes however printed, without leading zeros; never a status, a response code or an id', () => {
  const codes = (t: string) => readFault(t).codes;
  assert.deepEqual(codes('message=ThrottleExceeded; errorCode=003001; statusCode=403'), ['3001']);
  assert.deepEqual(codes('{"Fault":{"Error":[{"code":"6240"}]}}'), ['6240']);
  assert.deepEqual(codes('<Error code="2500" element="">'), ['2500']);
  assert.deepEqual(codes(':fault_type=>"SERVICE", :error_code=>"3100"'), ['3100']);
  assert.deepEqual(codes('The Intuit Error Code is: 6000'), ['6000']);
  assert.deepEqual(codes('QuickBooks fault 130'), ['130']);
  assert.deepEqual(codes('Http Status Code [400]: Request is not made successful. Response Code:[400]'), []);
  assert.deepEqual(codes('statusCode=500'), []);
  assert.deepEqual(codes('error 123456'), []);
  assert.deepEqual(normalizeQuery('007001').faultCodes, ['7001']);
});

test('statuses, types, names and subjects', () => {
  const a = readFault(
    '<Fault type="ValidationFault"> message=ApplicationAuthenticationFailed; statusCode=401 {"error":"invalid_grant"} 429 Too Many Requests',
  );
  assert.deepEqual(a.statuses, ['401', '429']);
  assert.deepEqual(a.types, ['validation']);
  assert.deepEqual(a.names, ['applicationauthenticationfailed', 'invalid_grant']);
  const s = (t: string) => readFault(t).subjects.map((x) => `${x.kind}:${x.key}`);
  assert.deepEqual(s('Required parameter CustomerRef is missing in the request'), ['required:customer']);
  assert.deepEqual(s('CustomerRef is missing in the request'), ['required:customer']);
  assert.deepEqual(s('Invalid Reference Id : Line.SalesItemLineDetail.ItemRef'), ['reference:item']);
  assert.deepEqual(s('Invalid Reference Id : TaxRate'), ['reference:taxrat']);
  assert.deepEqual(
    s("Invalid Reference Id : Something you're trying to use has been made inactive."),
    [],
    'a sentence is no name',
  );
  assert.deepEqual(s('Object Not Found : Customer'), ['notfound:customer']);
  assert.deepEqual(s('<Error code="6070" element="Line.Amount">'), ['element:amount']);
  assert.deepEqual(s('Min:0 Max:21 supported. Supplied length:34'), ['max:21']);
  assert.deepEqual(s('The invoice is missing'), [], 'a plain word before "is missing" is no name');
  assert.ok(signalsOf(readFault('Required parameter CustomerRef is missing')).includes('@s:required:customer'));
});

test('a decisive name outweighs the boilerplate it shares with another message, in search and triage', () => {
  const q =
    'Required param missing, need to supply the required value for the API. Required parameter CustomerRef is missing in the request';
  assert.equal(first(q), 'invoice-client-not-synced');
  assert.deepEqual(
    recognise(index, q).found.map((f) => f.code),
    ['invoice-client-not-synced'],
  );
  // The same boilerplate around Line names the other page.
  assert.equal(
    first(
      'Required param missing, need to supply the required value for the API. Required parameter Line is missing in the request',
    ),
    'invoice-no-line-items',
  );
});

test('a distinctive word outweighs a status code', () => {
  assert.equal(first('message=ThrottleExceeded; errorCode=003001; statusCode=403'), 'sync-throttled');
  assert.equal(first('message=AuthorizationFailed; errorCode=003100; statusCode=403'), 'connection-missing-scope');
});

test('thin evidence: triage offers the choice or says "not sure", never "likely" for a page a real input does not mean', () => {
  // A message shared by three errors, with nothing to pick one: the choice.
  const shared = recognise(
    index,
    'Invalid Reference Id : Something you’re trying to use has been made inactive. Check the fields with accounts.',
  );
  assert.deepEqual(shared.found, []);
  assert.ok(shared.choices[0]!.options.length >= 2);
  // Words alone: "not sure" at most.
  for (const f of recognise(index, 'the contact on this line has not been synced to QuickBooks yet').found)
    assert.equal(f.confidence, 'low');
  // A code no error quotes, with words nothing fits: the code's own page.
  assert.deepEqual(
    recognise(
      index,
      '{"Fault":{"Error":[{"Message":"Unsupported Operation","Detail":"Operation x is not supported.","code":"500"}]}}',
    ).faultFindings.map((f) => f.code),
    ['500'],
  );
});

test("the issue's own examples: search's first result and triage's answer", () => {
  for (const ex of ISSUE_EXAMPLES) {
    assert.ok(ex.first.includes(first(ex.query) ?? ''), `search: "${ex.query}" → ${first(ex.query)}`);
    if (!ex.triage.length) continue;
    const t = recognise(index, ex.query);
    const said = [
      ...t.found.map((f) => f.code),
      ...t.choices.flatMap((c) => c.options),
      ...t.faultFindings.map((f) => `quickbooks/${f.code}`),
    ];
    assert.ok(
      said.some((c) => ex.triage.includes(c)),
      `triage: "${ex.query}" → ${said.join(', ') || 'nothing'}`,
    );
    assert.ok(
      t.found.every((f) => f.confidence === 'low' || ex.triage.includes(f.code)),
      `triage is sure of a wrong page for "${ex.query}"`,
    );
  }
});

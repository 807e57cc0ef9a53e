/**
 * Issue 21: where feedback goes (one setting), what an event may carry (no names, numbers,
 * e-mail addresses or pastes), and what each kind of destination receives (src/lib/shared/feedback.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { beaconRequest, parseFeedbackSetting, privateQuery, triageFingerprint } from '../../src/lib/shared/feedback.ts';

test('the setting: unset is nothing; a URL, plausible: or goatcounter:; anything else is an error that says what it takes', () => {
  assert.equal(parseFeedbackSetting(undefined), undefined);
  assert.equal(parseFeedbackSetting('  '), undefined);
  assert.deepEqual(parseFeedbackSetting('https://collect.example.com/events'), {
    kind: 'beacon',
    url: 'https://collect.example.com/events',
    origin: 'https://collect.example.com',
  });
  assert.deepEqual(parseFeedbackSetting('plausible:https://plausible.io'), {
    kind: 'plausible',
    url: 'https://plausible.io/api/event',
    origin: 'https://plausible.io',
  });
  assert.deepEqual(parseFeedbackSetting('goatcounter:https://help.goatcounter.com'), {
    kind: 'goatcounter',
    url: 'https://help.goatcounter.com/count',
    origin: 'https://help.goatcounter.com',
  });
  assert.throws(
    () => parseFeedbackSetting('collect.example.com'),
    /FEEDBACK_URL="collect\.example\.com" is not an address: give https:/,
  );
  assert.throws(() => parseFeedbackSetting('ftp://x.example/'), /only http and https/);
});

test('a query as an event carries it: no e-mail, no digits, no names after customer / client / name / invoice #, at most 120 characters', () => {
  assert.equal(
    privateQuery('Another customer John Smith is already using this name'),
    'another customer is already using this name',
  );
  assert.equal(privateQuery('Invoice #1043 for john.smith@acme.com failed with 6240'), 'invoice # for failed with');
  assert.equal(privateQuery('Duplicate name: Acme Plumbing LLC'), 'duplicate name');
  assert.equal(privateQuery('client "Dana Whitfield" inactive'), 'client inactive');
  // Typed in lower case, a name is still not an error's word.
  assert.equal(privateQuery("customer dana whitfield won't sync"), "customer won't sync");
  assert.equal(privateQuery('Customer Dana Whitfield failed'), 'customer failed');
  assert.equal(privateQuery('invoice number too long'), 'invoice number too long');
  const long = privateQuery('closed period '.repeat(40));
  assert.ok(long.length <= 120, `${long.length}`);
});

test("a triage fingerprint is the fault's anatomy, never its words; a line with none is nothing", () => {
  assert.deepEqual(
    triageFingerprint(
      '{"Fault":{"Error":[{"Message":"Required param missing","Detail":"Required parameter CustomerRef is missing in the request for John Smith","code":"2020"}],"type":"ValidationFault"}}',
    ),
    {
      type: 'triage-miss',
      faultCode: '2020',
      faultType: 'validation',
      subject: 'required:customer',
    },
  );
  assert.deepEqual(triageFingerprint('message=ThrottleExceeded; errorCode=003001; statusCode=429'), {
    type: 'triage-miss',
    faultCode: '3001',
    faultName: 'throttleexceeded',
  });
  assert.equal(triageFingerprint('The dispatch board timed out for Dana Whitfield'), undefined);
  // A pasted <Error> as triage shows it: "code · message · detail".
  assert.deepEqual(
    triageFingerprint('9876 · Widget overflow for Dana Whitfield · Required parameter WidgetRef is missing'),
    { type: 'triage-miss', faultCode: '9876', subject: 'required:widget' },
  );
});

test('each destination gets its own shape', () => {
  const where = { domain: 'help.example.com', url: 'https://help.example.com/errors/x/' };
  const e = { type: 'helpful', page: 'invoice-closed-period', helpful: false, reason: 'steps-unclear' } as const;
  assert.deepEqual(beaconRequest(parseFeedbackSetting('https://c.example/e')!, e, where), {
    url: 'https://c.example/e',
    body: JSON.stringify(e),
  });
  assert.deepEqual(JSON.parse(beaconRequest(parseFeedbackSetting('plausible:https://plausible.io')!, e, where).body!), {
    name: 'helpful-no',
    url: where.url,
    domain: 'help.example.com',
    props: { page: 'invoice-closed-period', reason: 'steps-unclear' },
  });
  const gc = beaconRequest(parseFeedbackSetting('goatcounter:https://h.goatcounter.com')!, e, where);
  assert.equal(gc.body, undefined);
  assert.equal(new URL(gc.url).searchParams.get('p'), 'helpful-no/page=invoice-closed-period/reason=steps-unclear');
  assert.equal(new URL(gc.url).searchParams.get('e'), 'true');
});

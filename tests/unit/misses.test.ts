/**
 * Issue 21: `npm run misses` reads each kind of export (the JSON the endpoint received,
 * GoatCounter's CSV, a Plausible CSV) and reports the missed searches, the triage parts no error
 * fits and the least helpful pages, each with what to do (scripts/misses.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readExport, report } from '../../scripts/misses.ts';
import { beaconRequest, eventParts, parseFeedbackSetting, type FeedbackEvent } from '../../src/lib/shared/feedback.ts';
import { TRIAGE_DATA } from '../triage-data.ts';

const EVENTS: FeedbackEvent[] = [
  { type: 'search-miss', query: 'reopen the month', result: 'none' },
  { type: 'search-miss', query: 'reopen the month', result: 'none' },
  { type: 'search-miss', query: 'zzqx plonk', result: 'none' },
  { type: 'search-miss', query: 'closed period', result: 'not-opened' },
  { type: 'search-miss', query: 'money shows twice', result: 'not-first', opened: 'payment-deposited' },
  { type: 'triage-miss', faultCode: '610', faultType: 'validation' },
  { type: 'triage-miss', faultCode: '9876', subject: 'required:widget' },
  { type: 'helpful', page: 'invoice-closed-period', helpful: false, reason: 'steps-unclear' },
  { type: 'helpful', page: 'invoice-closed-period', helpful: true },
  { type: 'helpful', page: 'item-duplicate', helpful: false },
];

test('the JSON the endpoint received, as an array or one event a line', () => {
  assert.deepEqual(
    readExport(JSON.stringify(EVENTS)).map((c) => c.event),
    EVENTS,
  );
  assert.deepEqual(
    readExport(EVENTS.map((e) => JSON.stringify(e)).join('\n')).map((c) => c.event),
    EVENTS,
  );
});

test("GoatCounter's CSV export: the events' paths, as the site sent them", () => {
  const target = parseFeedbackSetting('goatcounter:https://h.goatcounter.com')!;
  const path = (e: FeedbackEvent) =>
    new URL(beaconRequest(target, e, { domain: 'x', url: 'https://x/' }).url).searchParams.get('p')!;
  const csv = [
    '2,Path,Title,Event,UserAgent,Date',
    ...EVENTS.map((e) => `2,"${path(e)}",t,true,ua,2026-12-04`),
    '2,/errors/x/,page,false,ua,2026-12-04',
  ].join('\n');
  assert.deepEqual(
    readExport(csv).map((c) => c.event),
    EVENTS,
  );
});

test('a Plausible CSV of the custom events: name, properties, count', () => {
  const rows = EVENTS.map((e) => eventParts(e));
  const props = ['page', 'reason', 'query', 'opened', 'faultCode', 'faultType', 'faultName', 'subject'];
  const csv = [
    ['name', ...props, 'events'].join(','),
    ...rows.map((r) => [r.name, ...props.map((p) => `"${(r.props[p] ?? '').replace(/"/g, '""')}"`), '3'].join(',')),
  ].join('\n');
  const read = readExport(csv);
  assert.deepEqual(
    read.map((c) => c.event),
    EVENTS,
  );
  assert.ok(read.every((c) => c.count === 3));
  assert.throws(() => readExport('a,b\n1,2'), /not an export of feedback events/);
});

test('the report: missed searches most first with the page or a new code, triage parts with their fault page, least helpful pages with reasons', () => {
  const r = report(readExport(JSON.stringify(EVENTS)), TRIAGE_DATA.docs!);
  assert.deepEqual(
    r.searches.map((s) => [s.query, s.result, s.count]),
    [
      ['reopen the month', 'none', 2],
      ['zzqx plonk', 'none', 1],
      ['closed period', 'not-opened', 1],
      ['money shows twice', 'not-first', 1],
    ],
  );
  assert.match(r.searches[0]!.suggest, /^invoice-closed-period \(the page search now puts first\)/);
  assert.match(r.searches[1]!.suggest, /^a new error page, for example zzqx-plonk/);
  assert.match(r.searches[2]!.suggest, /nobody opened it/);
  assert.match(
    r.searches[3]!.suggest,
    /^payment-deposited \((search now puts it first|people opened it over the first result)/,
  );
  assert.deepEqual(
    r.triage.map((x) => [x.fingerprint, x.count]),
    [
      ['fault 610 · validation', 1],
      ['fault 9876 · required:widget', 1],
    ],
  );
  assert.match(r.triage[0]!.suggest, /^\/quickbooks\/610\/ \(add the error it means/);
  assert.match(r.triage[1]!.suggest, /^a new error page \(fault 9876 has no page/);
  assert.deepEqual(
    r.pages.map((p) => [p.page, p.no, p.yes, p.reasons]),
    [
      ['item-duplicate', 1, 0, {}],
      ['invoice-closed-period', 1, 1, { 'steps-unclear': 1 }],
    ],
  );
});

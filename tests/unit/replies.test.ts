/**
 * The customer's reply (src/lib/build/replies.ts) on every error of the catalog: second person, from
 * support (no "contact support"), plain text, numbered steps, the page's absolute link and the
 * code, within its length budget, and the frontmatter's own `reply` where a page has one. Then
 * the help-desk files made of those replies (src/lib/build/macros.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { ERRORS } from '../content.ts';
import {
  customerReply,
  fromSupport,
  LINK_ALLOWANCE,
  mergeResyncs,
  replyLengthProblem,
  replySteps,
  replyTextProblem,
  REPLY_MAX,
  resyncRunText,
  SUPPORT_LINE,
} from '../../src/lib/build/replies.ts';
import { fixSteps } from '../../src/lib/build/fixSteps.ts';
import { manualResyncText } from '../../src/lib/shared/resync.ts';
import {
  macroTitle,
  savedRepliesCsv,
  SAVED_REPLY_COLUMNS,
  zendeskMacros,
  type ReplyEntry,
} from '../../src/lib/build/macros.ts';

const SITE = 'https://help.example.com';
const urlOf = (code: string, site = SITE) => `${site}/errors/${code}/`;
const replyOf = (e: (typeof ERRORS)[number], site = SITE) => customerReply(e, urlOf(e.code, site));
/** The numbered steps of a reply, each as one string (its sub-points joined with newlines, unindented). */
const stepsOf = (reply: string) =>
  reply
    .split('To fix it:\n')[1]!
    .split('\n\n')[0]!
    .split(/\n(?=\d+\. )/)
    .map((s) => s.replace(/^\d+\. /, '').replace(/\n {3}/g, '\n'));

test('every page has a reply: second person, what happened, numbered steps, then its absolute link and its code', () => {
  for (const e of ERRORS) {
    const reply = replyOf(e);
    assert.match(reply, /^You're seeing the QuickBooks sync error “[^”]+”\. \S/, e.code);
    assert.ok(reply.startsWith(`You're seeing the QuickBooks sync error “${e.title}”. `), e.code);
    assert.match(reply, /\n\nTo fix it:\n1\. \S/, e.code);
    const steps = stepsOf(reply);
    assert.ok(steps.length >= 1 && steps.length <= 8, `${e.code}: ${steps.length} steps`);
    assert.ok(
      reply.endsWith(`\n\nThe full steps, with more detail: ${urlOf(e.code)}\nError code: ${e.code}`),
      `${e.code}: ends with its link and code`,
    );
    assert.ok(new URL(urlOf(e.code)).href === urlOf(e.code));
  }
});

test('the link follows SITE_URL, path included', () => {
  const e = ERRORS[0]!;
  const reply = replyOf(e, 'https://help.example.com/docs');
  assert.ok(reply.includes(`https://help.example.com/docs/errors/${e.code}/\nError code: ${e.code}`));
});

test('every reply is plain text and short: no Markdown or HTML, at most REPLY_MAX characters, even with a long link', () => {
  for (const e of ERRORS) {
    const reply = replyOf(e);
    for (const mark of ['**', '__', '](', '<', '`', '{{'])
      assert.ok(!reply.includes(mark), `${e.code}: "${mark}" in\n${reply}`);
    assert.doesNotMatch(reply, /^\s*[#*+] /m, `${e.code}: a Markdown heading or list mark`);
    assert.ok(reply.length <= REPLY_MAX, `${e.code}: ${reply.length} characters`);
    assert.ok(
      customerReply(e, 'x'.repeat(LINK_ALLOWANCE)).length <= REPLY_MAX,
      `${e.code}: over the budget with a ${LINK_ALLOWANCE}-character link`,
    );
    assert.equal(replyLengthProblem(e), undefined, e.code);
  }
});

test('a reply comes from support: it never sends the customer to support, and where the fix is support it says to reply', () => {
  for (const e of ERRORS) {
    const reply = replyOf(e);
    assert.doesNotMatch(reply, /\bsupport\b/i, `${e.code}: says "support" in a reply from support:\n${reply}`);
    assert.doesNotMatch(reply, /end of this page|link at the end/i, e.code);
    if (e.fixWhere === 'support')
      assert.match(
        reply,
        /reply to this message/i,
        `${e.code}: fixWhere support, but the reply doesn't ask for a reply`,
      );
  }
  // The catalog has pages of each kind this test is about.
  assert.ok(
    ERRORS.some((e) => e.fixWhere === 'support' && !e.reply?.steps),
    'a support page whose reply is made from its steps',
  );
  assert.ok(
    ERRORS.some((e) => /contact (?:workiz )?support/i.test(fixSteps(e.body).join(' ')) && e.fixWhere !== 'support'),
  );
});

test("without a frontmatter reply, the steps are the page's, reworded for a reply", () => {
  for (const e of ERRORS.filter((x) => !x.reply?.steps)) {
    assert.deepEqual(stepsOf(replyOf(e)), replySteps(e.body), e.code);
    // Nothing of the page's fix is lost but support's name, sources and repeated resync wording.
    assert.ok(replySteps(e.body).length <= fixSteps(e.body).length, e.code);
  }
  for (const e of ERRORS.filter((x) => !x.reply?.intro)) assert.ok(replyOf(e).includes(fromSupport(e.summary)), e.code);
});

test('a frontmatter reply replaces the summary and the steps it gives, and reads as support', () => {
  const own = ERRORS.filter((e) => e.reply);
  assert.ok(own.some((e) => e.reply!.intro) && own.some((e) => e.reply!.steps), 'the catalog uses both parts of reply');
  for (const e of own) {
    const reply = replyOf(e);
    if (e.reply!.intro) {
      assert.equal(
        reply.split('\n\n')[0],
        `You're seeing the QuickBooks sync error “${e.title}”. ${e.reply!.intro}`,
        `${e.code}: its intro, in place of the summary`,
      );
    }
    if (e.reply!.steps) {
      assert.deepEqual(stepsOf(reply), e.reply!.steps, `${e.code}: its steps, in order`);
      assert.notDeepEqual(stepsOf(reply), replySteps(e.body), `${e.code}: the page's steps would have said the same`);
    }
    for (const text of [e.reply!.intro, ...(e.reply!.steps ?? [])])
      if (text) assert.equal(replyTextProblem(text), undefined, `${e.code}: ${text}`);
  }
  // The pages whose only step is "contact support and tell them which…" have their own reply.
  for (const e of ERRORS.filter(
    (x) => x.fixWhere === 'support' && /tell them|contact workiz support/i.test(fixSteps(x.body).join(' ')),
  )) {
    assert.ok(e.reply?.steps, `${e.code}: its steps are written for someone contacting support`);
  }
});

test('support named in the page becomes "we" and "reply to this message"', () => {
  assert.equal(
    fromSupport('If it was a duplicate, contact support from the link at the end of this page.'),
    `If it was a duplicate, ${SUPPORT_LINE[0]!.toLowerCase()}${SUPPORT_LINE.slice(1)}`,
  );
  assert.equal(
    fromSupport("Contact support from the link at the end of this page, with the item's name."),
    "Reply to this message with the item's name.",
  );
  assert.equal(fromSupport('Contact Workiz support. There is no fix.'), `${SUPPORT_LINE} There is no fix.`);
  assert.equal(
    fromSupport('If it fails, contact support with the code filled in: the rest'),
    'If it fails, reply to this message: the rest',
  );
  assert.equal(
    fromSupport('The client failed, and Workiz support needs to look into it.'),
    'The client failed, and we need to look into it.',
  );
  assert.equal(
    fromSupport(
      'Wait until support confirms the fix. Support can check it. Only sorted out by Workiz support; check with support.',
    ),
    'Wait until we confirm the fix. We can check it. Only sorted out by us; check with us.',
  );
  assert.equal(
    fromSupport('Contact QuickBooks (Intuit) about your subscription.'),
    'Contact QuickBooks (Intuit) about your subscription.',
  );
});

test('a run of manual resyncs is one step, and "step N" follows the new numbers', () => {
  const [client, invoice, payment] = (['client', 'invoice', 'payment'] as const).map(manualResyncText);
  assert.deepEqual(mergeResyncs(['Fix it.', client!, invoice!, 'Then check step 1 and step 4.']), [
    'Fix it.',
    resyncRunText(['client', 'invoice']),
    'Then check step 1 and step 3.',
  ]);
  assert.match(
    resyncRunText(['client', 'item', 'invoice', 'payment']),
    /^Sync the client, item, invoice and payment again by hand, in that order: /,
  );
  // A step refers into the run ("skip to step 3"): the run stays as it is.
  const referred = ['If the invoice failed, sync it (step 2); if not, skip to step 3.', invoice!, payment!];
  assert.deepEqual(mergeResyncs(referred), referred);
  assert.deepEqual(mergeResyncs([client!]), [client!]);
});

test('sources cited in parentheses are left out of a reply, and the list around them stays whole', () => {
  const body = `## How to fix

1. Open **Settings**, then **Billing**
   ([Intuit](https://quickbooks.intuit.com/x/y)). You need to be an admin
   to see it ([Workiz](https://help.workiz.com/a)).
2. Contact support from the link at the end of this page.
`;
  assert.deepEqual(replySteps(body), ['Open Settings, then Billing. You need to be an admin to see it.', SUPPORT_LINE]);
});

test("the reply's own text must be plain text from support (the content schema's check)", () => {
  assert.equal(replyTextProblem('Open the log, then:\n- tick the entry\n- press Sync'), undefined);
  assert.match(replyTextProblem('Press **Sync**.')!, /no Markdown/);
  assert.match(replyTextProblem('See [the page](/errors/x/).')!, /no Markdown/);
  assert.match(replyTextProblem('Press <kbd>Sync</kbd>.')!, /no HTML/);
  assert.match(replyTextProblem('* a bullet')!, /no Markdown/);
  assert.match(replyTextProblem('Contact support from the link at the end of this page.')!, /reply to this message/);
});

test('a reply over its budget is a problem for the build, naming what to shorten', () => {
  const e = ERRORS[0]!;
  const long = { ...e, reply: { steps: Array.from({ length: 4 }, () => 'x'.repeat(400)) } };
  assert.match(replyLengthProblem(long)!.message, /over 1,500/);
  assert.equal(replyLengthProblem(long)!.field, 'reply.steps');
  const longBody = {
    ...e,
    reply: undefined,
    body: `## How to fix\n\n${Array.from({ length: 9 }, (_, i) => `${i + 1}. ${'y'.repeat(200)}`).join('\n')}\n`,
  };
  assert.equal(replyLengthProblem(longBody)!.field, 'reply');
});

const entries: ReplyEntry[] = ERRORS.map((e) => ({
  code: e.code,
  title: e.title,
  summary: e.summary,
  category: e.categories[0]!,
  url: urlOf(e.code),
  reply: replyOf(e),
}));

test('Zendesk macros: one per error, titled with its title and code, whose one action writes the reply', () => {
  const { macros } = zendeskMacros(entries);
  assert.equal(macros.length, ERRORS.length);
  for (const [i, m] of macros.entries()) {
    const e = entries[i]!;
    assert.equal(m.title, `QuickBooks sync: ${e.title} (${e.code})`);
    assert.equal(m.active, true);
    assert.ok(m.description.includes(e.url));
    assert.deepEqual(m.actions, [{ field: 'comment_value', value: e.reply }]);
  }
});

test('the saved replies CSV is RFC 4180 and reads back as the replies', () => {
  const csv = savedRepliesCsv(entries);
  assert.ok(csv.startsWith(`${SAVED_REPLY_COLUMNS.map((c) => `"${c}"`).join(',')}\r\n`), 'a quoted header line');
  assert.ok(csv.endsWith('\r\n'));
  assert.ok(!csv.startsWith('\uFEFF'), 'no byte order mark');
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  assert.equal(rows.length, entries.length);
  for (const [i, row] of rows.entries()) {
    const e = entries[i]!;
    assert.deepEqual(row, { Name: macroTitle(e), Text: e.reply, Link: e.url, Code: e.code, Category: e.category });
  }
  // Quotes and line breaks inside a field survive.
  const tricky = { ...entries[0]!, reply: 'He said "no",\nthen left; ¿ü?' };
  assert.equal(
    (parse(savedRepliesCsv([tricky]), { columns: true }) as Record<string, string>[])[0]!.Text,
    tricky.reply,
  );
});

/**
 * Issue 20: what a page says Workiz does comes from Workiz's article, linked, or is written as
 * something to check. This test lists every page whose "Why it happens" names a Workiz
 * behaviour (Workiz as the one doing something: "Workiz sends…", "Workiz's invoice numbers…"),
 * and each such paragraph or list item must link the article (SEED_URL) or say what to check.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERRORS } from '../content.ts';
import { SEED_URL } from '../seed-map.ts';
import { section } from '../../src/lib/content/validate.ts';

/** Workiz doing something, or something of Workiz's that behaves. */
export const WORKIZ_BEHAVIOUR =
  /\bWorkiz(?:'s)?\s+(?:[\w-]+\s+){0,3}?(?:sends?|sent|syncs?|synced|creates?|created|pushes|pulls|matches|maps?|uses?|keeps?|makes?|adds?|builds?|chooses|does|doesn't|can|cannot|can't|won't|will|only|always|never|tries|trying|overlaps?|holds?|held|treats?)\b/i;

/** A paragraph or list item of a section, joined into one line. */
const blocks = (text: string): string[] =>
  text
    .split(/\n\s*\n|\n(?=\s*(?:[-*]|\d+\.)\s)/)
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

/** Whether a block is allowed to state it: linked to the article, or written as a check. */
export const backed = (block: string): boolean =>
  block.includes(SEED_URL) || /\bcheck\b|\bif support confirms\b/i.test(block);

test('the rule itself: a Workiz behaviour unbacked fails, linked to the article or written as a check passes', () => {
  assert.ok(WORKIZ_BEHAVIOUR.test("Workiz's invoice numbers overlap with numbers QuickBooks has already used."));
  assert.ok(WORKIZ_BEHAVIOUR.test('Workiz sends the invoice again after a reconnect.'));
  assert.ok(!WORKIZ_BEHAVIOUR.test('Someone disconnected Workiz from the QuickBooks side.'));
  assert.ok(!backed('Workiz sends the invoice again after a reconnect.'));
  assert.ok(backed(`Workiz sends the invoice again ([Workiz](${SEED_URL})).`));
  assert.ok(backed('Check the sync history log: Workiz may send it again.'));
});

test('every "Why it happens" that names a Workiz behaviour links Workiz\'s article or says what to check', () => {
  const named: string[] = [];
  const unbacked: string[] = [];
  for (const e of ERRORS) {
    const why = section(e.body, 'Why it happens');
    if (!why) continue;
    for (const block of blocks(why).filter((b) => WORKIZ_BEHAVIOUR.test(b))) {
      named.push(`${e.code}: ${block.slice(0, 100)}`);
      if (!backed(block)) unbacked.push(`${e.code}: ${block}`);
    }
  }
  console.log(`pages whose "Why it happens" names a Workiz behaviour:\n  ${named.join('\n  ')}`);
  assert.ok(named.length > 0, 'the rule finds the pages it is about');
  assert.deepEqual(unbacked, []);
});

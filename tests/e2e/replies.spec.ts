/**
 * Replies support can send (src/lib/build/replies.ts, src/lib/build/macros.ts): "Copy as reply" on an error
 * page puts the customer's reply on the clipboard, the text customerReply makes for that page;
 * /macros/zendesk.json has one macro per error whose action writes that reply (with the page's
 * absolute link); /macros/saved-replies.csv reads back, with csv-parse, as one row per error with
 * the same text; /llms.txt lists both.
 */
import { test, expect } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { CODES, errorByCode } from '../content.ts';
import { customerReply } from '../../src/lib/build/replies.ts';

const SITE = 'https://help.example.com';
const urlOf = (code: string) => `${SITE}/errors/${code}/`;
const replyOf = (code: string) => customerReply(errorByCode.get(code)!, urlOf(code));

interface Macro {
  title: string;
  active: boolean;
  description: string;
  actions: { field: string; value: string }[];
}

test('"Copy as reply" copies the customer\'s reply: what happened, the steps, the link and the code', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  // A reply made from the page's steps, one from support's own frontmatter text, and one of each for a fix that is
  // support's.
  for (const code of ['client-inactive', 'invoice-closed-period', 'item-account-missing', 'invoice-deleted']) {
    expect(errorByCode.has(code), code).toBe(true);
    await page.goto(`/errors/${code}/`);
    await expect(page.getByRole('button', { name: 'Copy reply', exact: true })).toHaveCount(0);
    const button = page
      .getByRole('group', { name: 'Share this answer' })
      .getByRole('button', { name: 'Copy as reply' });
    await button.click();
    await expect(page.locator('#copy-status')).toHaveText('Reply to the customer copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied, code).toBe(replyOf(code));
    expect(
      copied.startsWith(
        `You're seeing the QuickBooks sync error “${await page.getByRole('heading', { level: 1 }).innerText()}”. `,
      ),
    ).toBe(true);
    expect(copied.endsWith(`${urlOf(code)}\nError code: ${code}`)).toBe(true);
    expect(copied).not.toMatch(/\*\*|\]\(|<|\bcontact (?:workiz )?support\b/i);
  }
  await context.close();
});

test("/macros/zendesk.json: one macro per error, each writing its reply with the page's absolute link", async ({
  request,
}) => {
  const response = await request.get('/macros/zendesk.json');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  const { macros } = (await response.json()) as { macros: Macro[] };
  expect(macros).toHaveLength(CODES.length);
  const codes = macros.map((m) => /\(([a-z0-9-]+)\)$/.exec(m.title)?.[1]);
  expect(codes).toEqual(CODES);
  for (const [i, m] of macros.entries()) {
    const code = codes[i]!;
    expect(m.title).toBe(`QuickBooks sync: ${errorByCode.get(code)!.title} (${code})`);
    expect(m.active).toBe(true);
    expect(m.actions).toHaveLength(1);
    expect(m.actions[0]!.field).toBe('comment_value');
    expect(m.actions[0]!.value, code).toContain(urlOf(code));
    expect(m.actions[0]!.value, code).toBe(replyOf(code));
    // What the README's import loop posts: {"macro": <one macro>}, as Zendesk's API takes it.
    expect(JSON.parse(`{"macro": ${JSON.stringify(m)}}`).macro.title).toBe(m.title);
  }
});

test("/macros/saved-replies.csv: one row per error with the Zendesk macro's text, its link, code and category", async ({
  request,
}) => {
  const response = await request.get('/macros/saved-replies.csv');
  expect(response.status()).toBe(200);
  const csv = await response.text();
  expect(csv.startsWith('"Name","Text","Link","Code","Category"\r\n')).toBe(true);
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(CODES.length);
  const { macros } = (await (await request.get('/macros/zendesk.json')).json()) as { macros: Macro[] };
  for (const [i, row] of rows.entries()) {
    expect(Object.keys(row)).toEqual(['Name', 'Text', 'Link', 'Code', 'Category']);
    expect(row['Code']).toBe(CODES[i]);
    expect(row['Name']).toBe(macros[i]!.title);
    expect(row['Text'], row['Code']).toBe(macros[i]!.actions[0]!.value);
    expect(row['Link']).toBe(urlOf(row['Code']!));
    expect(row['Category']).toMatch(/ errors$/);
  }
});

test('/llms.txt lists the help-desk files by their absolute addresses', async ({ request }) => {
  const text = await (await request.get('/llms.txt')).text();
  expect(text).toContain(`](${SITE}/macros/zendesk.json)`);
  expect(text).toContain(`](${SITE}/macros/saved-replies.csv)`);
});

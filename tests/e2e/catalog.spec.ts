import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_MAP } from '../seed-map';
import { builtPages, fixStepItems } from './helpers';

const SEED = readFileSync(join(import.meta.dirname, '..', '..', '..', 'shared', 'seed', 'quickbooks-online-sync-errors.txt'), 'utf8');
const CODES = [...new Set(SEED_MAP.map((e) => e.code))].sort();

/** The seed article's entries: each "-" line starts one, under its "<Category> errors" heading. */
function seedEntries() {
  const entries: { category: string; text: string }[] = [];
  let category = '';
  for (const line of SEED.split('\n')) {
    const heading = /^(Client|Invoice|Item|Payment) errors$/.exec(line.trim());
    if (heading) category = heading[1]!;
    else if (line.trim() === '-') entries.push({ category, text: '' });
    else if (entries.length) entries[entries.length - 1]!.text += `${line}\n`;
  }
  return entries;
}

const pageText = async (page: Page) =>
  ((await page.locator('main').innerText()).replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ')).toLowerCase();

test('the site has 23 error pages, 4 category pages, the A–Z list, home and 404', () => {
  const pages = builtPages();
  expect(pages.filter((p) => /^\/errors\/[^/]+\/$/.test(p))).toEqual(CODES.map((c) => `/errors/${c}/`));
  expect(CODES).toHaveLength(23);
  for (const c of ['client', 'invoice', 'item', 'payment']) expect(pages).toContain(`/categories/${c}/`);
  expect(pages).toEqual(expect.arrayContaining(['/', '/errors/', '/404.html']));
});

test('each of the seed article\'s 27 entries maps to a page that carries its facts', async ({ page }) => {
  const entries = seedEntries();
  expect(entries).toHaveLength(27);
  expect(SEED_MAP).toHaveLength(27);
  for (const [i, entry] of entries.entries()) {
    const mapped = SEED_MAP[i]!;
    expect(entry.category, `seed entry ${i + 1}`).toBe(mapped.category);
    const meaning = /Meaning: (.*)/.exec(entry.text)![1]!;
    expect(meaning, `seed entry ${i + 1} is the one mapped to ${mapped.code}`).toContain(mapped.seed);
  }
  for (const entry of SEED_MAP) {
    await page.goto(`/errors/${entry.code}/`);
    const text = await pageText(page);
    for (const fact of entry.facts) expect(text, `${entry.code} says "${fact}"`).toContain(fact.toLowerCase());
    // Every page carries the facts of its category: it is listed in that category's index.
  }
  for (const category of ['client', 'invoice', 'item', 'payment'] as const) {
    await page.goto(`/categories/${category}/`);
    const listed = await page.locator('main .error-list code').allInnerTexts();
    const expected = [...new Set(SEED_MAP.filter((e) => e.category.toLowerCase() === category).map((e) => e.code))];
    expect(listed.sort()).toEqual(expected.sort());
  }
});

test('an error page has breadcrumb, visible code, title, summary, facts, QuickBooks messages and review date', async ({ page }) => {
  await page.goto('/errors/invoice-duplicate-number/');
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.getByRole('link', { name: 'Invoice errors' })).toHaveAttribute('href', '/categories/invoice/');
  await expect(page.locator('main code').first()).toHaveText('invoice-duplicate-number');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The invoice number is already used in QuickBooks');
  await expect(page.getByRole('heading', { name: 'What it means' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How to fix' })).toBeVisible();
  await expect(fixStepItems(page).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What QuickBooks may say' })).toBeVisible();
  await expect(page.getByText('Fault 6140 · Duplicate Document Number Error')).toBeVisible();
  await expect(page.getByText(/Last reviewed/)).toContainText('2026');
});

test('the manual resync steps come from one component, the same words on every page', async ({ page }) => {
  await page.goto('/errors/invoice-closed-period/');
  const step = fixStepItems(page).last();
  await expect(step).toContainText('open the sync history log, tick the box next to the invoice');
  await page.goto('/errors/client-inactive/');
  await expect(fixStepItems(page).filter({ hasText: 'open the sync history log, tick the box next to the client' })).toHaveCount(1);
});

test('dependencies render both ways: invoice-client-inactive → client-inactive and back', async ({ page }) => {
  await page.goto('/errors/invoice-client-inactive/');
  const fixFirst = page.getByRole('complementary', { name: 'Fix these first' });
  await fixFirst.getByRole('link', { name: 'The client is inactive in QuickBooks' }).click();
  await expect(page).toHaveURL(/\/errors\/client-inactive\/$/);
  const unblocks = page.getByRole('region', { name: 'Fixing this also unblocks' });
  await unblocks.getByRole('link', { name: "The invoice's client is inactive in QuickBooks" }).click();
  await expect(page).toHaveURL(/\/errors\/invoice-client-inactive\/$/);
});

test('every "fix these first" link has its reverse link, and nothing else is a reverse link', async ({ page }) => {
  const forward = new Map<string, string[]>();
  const reverse = new Map<string, string[]>();
  const codesIn = async (selector: string) =>
    (await page.locator(`${selector} li a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')!))).map((h) => h.split('/')[2]!);
  for (const code of CODES) {
    await page.goto(`/errors/${code}/`);
    forward.set(code, await codesIn('.fix-first'));
    reverse.set(code, await codesIn('section[aria-labelledby="unblocks"]'));
  }
  const expected = new Map(CODES.map((c) => [c, [] as string[]]));
  for (const [code, deps] of forward) for (const d of deps) expected.get(d)!.push(code);
  for (const code of CODES) expect(reverse.get(code)!.sort(), `reverse links of ${code}`).toEqual(expected.get(code)!.sort());
  // The dependencies the seed implies are there.
  expect(forward.get('invoice-client-inactive')).toContain('client-inactive');
  expect(forward.get('invoice-items-not-synced')).toContain('item-duplicate');
  expect(forward.get('invoice-client-not-synced')).toEqual(expect.arrayContaining(CODES.filter((c) => c.startsWith('client-'))));
  expect(forward.get('client-parent-not-synced')!.length).toBeGreaterThan(0);
});

test('home: categories with counts, common errors and the sync chain picture', async ({ page }) => {
  await page.goto('/');
  for (const [name, count] of [['Client errors', 8], ['Invoice errors', 9], ['Item errors', 5], ['Payment errors', 4]] as const) {
    const card = page.locator('.categories li', { has: page.getByRole('link', { name }) });
    await expect(card).toContainText(`${count} errors`);
  }
  await expect(page.locator('section, main').getByRole('heading', { name: 'Most common errors' })).toBeVisible();
  const chain = page.getByRole('img', { name: 'The sync chain from Workiz to QuickBooks' });
  await expect(chain).toBeVisible();
  await expect(chain).toHaveAccessibleDescription(/Invoices sync, after clients and items; \d+ errors can block them\./);
  await expect(page.locator('.chain-steps > li')).toHaveCount(4);
});

test('the A–Z list has every error in code order', async ({ page }) => {
  await page.goto('/errors/');
  const codes = await page.locator('tbody td:first-child code').allInnerTexts();
  expect(codes).toEqual(CODES);
});

test('an unknown address shows the helpful 404 page', async ({ page }) => {
  const response = await page.goto('/errors/no-such-error/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("We couldn't find that page");
  await expect(page.getByRole('search', { name: 'Search from the not-found page' })).toBeVisible();
  await expect(page.locator('main').getByRole('link', { name: 'The invoice is dated in a closed period' })).toBeVisible();
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('home → category → error → cross-link all work', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'Invoice' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invoice errors');
    await page.getByRole('link', { name: "The invoice's client is inactive in QuickBooks" }).click();
    await page.getByRole('complementary', { name: 'Fix these first' }).getByRole('listitem').getByRole('link').first().click();
    await expect(page).toHaveURL(/\/errors\/client-inactive\/$/);
    await expect(fixStepItems(page)).not.toHaveCount(0);
  });
});

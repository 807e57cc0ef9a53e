/**
 * Issue 19: no pasted code is a dead end. Every QuickBooks fault code of the table
 * (content/quickbooks-faults.yaml) has its page, with what it means quoted and sourced, the errors
 * it can mean or what to check and support with the code filled in; search and triage lead to
 * it; a number that is no QuickBooks code says so.
 */
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ERRORS, FAULTS } from '../content.ts';

const quoting = (code: string) => ERRORS.filter((e) => e.quickbooks.some((q) => q.code === code)).map((e) => e.code);

test('the fault codes index lists every code of the table, each linking to its page', async ({ page }) => {
  await page.goto('/quickbooks/');
  const links = await page
    .locator('main table th[scope="row"] a')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  expect(links.sort()).toEqual(FAULTS.map((f) => `/quickbooks/${f.code}/`).sort());
});

test('a code no error quotes: its meaning, quoted with its source, what to check, and support with the code', async ({
  page,
}) => {
  const fault = FAULTS.find((f) => !quoting(f.code).length && f.code === '500')!;
  await page.goto(`/quickbooks/${fault.code}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`QuickBooks fault ${fault.code}: ${fault.name}`);
  await expect(page.locator('blockquote.meaning')).toHaveText(fault.meaning);
  await expect(page.locator('p.source').first().getByRole('link')).toHaveAttribute('href', fault.source);
  await expect(page.getByRole('heading', { name: 'What to check' })).toBeVisible();
  const support = page.getByRole('link', { name: `E-mail support about fault ${fault.code}` });
  expect(decodeURIComponent((await support.getAttribute('href'))!)).toContain(`QuickBooks fault code: ${fault.code}`);
  expect(
    (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()).violations,
  ).toEqual([]);
});

test('a code errors quote lists them, and no "what to check"', async ({ page }) => {
  const errors = quoting('6240');
  await page.goto('/quickbooks/6240/');
  for (const code of errors) await expect(page.locator(`main a[href$="/errors/${code}/"]`).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What to check' })).toHaveCount(0);
});

test('search: a pasted fault no error fits opens its code first; a number that is no QuickBooks code says so', async ({
  page,
}) => {
  const paste =
    '{"Fault":{"Error":[{"Message":"Unsupported Operation","Detail":"Operation Could not find resource for relative : /v3/company/1/customer is not supported.","code":"500"}],"type":"ValidationFault"}}';
  await page.goto(`/search/?q=${encodeURIComponent(paste)}`);
  await expect(page.locator('[data-search-results] a').first()).toHaveAttribute('href', /\/quickbooks\/500\//);
  await expect(page.locator('[data-search-results] li').first()).toContainText('QuickBooks fault code');
  await page.goto('/search/?q=99999');
  await expect(page.locator('.search-empty [data-unknown-fault]')).toContainText(
    'Fault 99999 is not a QuickBooks fault code',
  );
  await page.goto('/search/?q=6240');
  await expect(page.locator('.search-empty [data-unknown-fault]')).toHaveCount(0);
});

test('triage: a fault no error fits is listed with a link to its code', async ({ page }) => {
  await page.goto('/triage/');
  await page
    .getByLabel('Paste the errors')
    .fill(
      '<Error code="10100"><Message>Result Set Big</Message><Detail>The result for the query is too large.</Detail></Error>',
    );
  await page.getByRole('button', { name: 'Make the fix plan' }).click();
  const card = page.locator('[data-triage-faults] li');
  await expect(card).toHaveCount(1);
  await expect(card.getByRole('link')).toHaveAttribute('href', /\/quickbooks\/10100\//);
  await expect(page.locator('[data-triage-status]')).toContainText('1 QuickBooks fault code no error here fits');
});

/**
 * The /go/ link contract (tests/go-cases.ts) on the built site and in the offline copy from
 * file://, /go/ without JavaScript, and triage in the offline copy.
 */
import { test, expect } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { GO_CASES } from '../go-cases.ts';
import { DONE_PASTE } from '../triage-pastes.ts';
import { offlineHref } from '../../src/lib/shared/offlineLinks.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EXPORT = resolve(ROOT, process.env['EXPORT_DIR'] ?? 'export');
const NAME = 'qbo-sync-errors-help';

test.describe('/go/ on the site', () => {
  for (const c of GO_CASES) {
    test(`/go/${c.query} opens ${c.opens}`, async ({ page }) => {
      await page.goto(`/go/${c.query}`);
      await page.waitForURL((url) => !url.pathname.startsWith('/go/'));
      const url = new URL(page.url());
      expect(url.pathname + url.search).toBe(c.opens);
      // It replaced itself: going back does not land on /go/ again.
      expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(2);
    });
  }

  test('without JavaScript, /go/ shows working links to every error', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/go/?code=client-inactive');
    const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const path of ['/search/', '/errors/', '/quickbooks/', '/triage/']) expect(hrefs).toContain(path);
    for (const href of hrefs) expect((await page.request.get(href)).status(), href).toBe(200);
    await context.close();
  });
});

test.describe('/go/ and triage in the offline copy, from file://', () => {
  let site = '';
  let unpacked = '';
  test.beforeAll(() => {
    unpacked = mkdtempSync(join(tmpdir(), 'qbo-help-go-'));
    for (const [path, bytes] of Object.entries(unzipSync(readFileSync(join(EXPORT, `${NAME}.zip`))))) {
      if (path.endsWith('/')) continue;
      mkdirSync(dirname(join(unpacked, path)), { recursive: true });
      writeFileSync(join(unpacked, path), bytes);
    }
    site = pathToFileURL(join(unpacked, NAME)).href + '/';
  });
  test.afterAll(() => rmSync(unpacked, { recursive: true, force: true }));
  test.beforeEach(async ({ page }) => {
    await page.route(/^https?:/, (route) => route.abort());
  });

  test('the table of cases', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const c of GO_CASES) {
      const from = `${site}go/index.html`;
      await page.goto(`${from}${c.query}`);
      await page.waitForURL((url) => !url.pathname.endsWith('/go/index.html'));
      expect(decodeURI(page.url()), c.query).toBe(decodeURI(new URL(offlineHref('go/index.html', c.opens), from).href));
      // The page it opened is there.
      await expect(page.locator('h1')).toBeVisible();
    }
    expect(errors).toEqual([]);
  });

  test('triage works: cards and plan link to the copy, and ?e= reproduces the plan; nothing leaves the disk', async ({
    page,
  }) => {
    const errors: string[] = [];
    const outside: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!/^(file|data|blob):/.test(r.url())) outside.push(r.url());
    });
    await page.goto(`${site}triage/index.html`);
    await page.getByLabel('Paste the errors').fill(DONE_PASTE);
    await page.getByRole('button', { name: 'Make the fix plan' }).click();
    await expect(page.locator('[data-triage-results] > li')).toHaveCount(3);
    const first = page.locator('[data-triage-plan] a').first();
    await expect(first).toHaveAttribute('href', '../errors/client-duplicate-name/index.html');
    await expect(page.locator('[data-triage-unrecognised] > li')).toHaveCount(1);
    await first.click();
    await expect(page).toHaveURL(/\/errors\/client-duplicate-name\/index\.html$/);
    await page.goto(`${site}triage/index.html?e=client-duplicate-name,invoice-client-not-synced`);
    await expect(page.locator('[data-triage-plan] > li')).toHaveCount(2);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});

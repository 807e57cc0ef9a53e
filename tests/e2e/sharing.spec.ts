import { test, expect, type Page } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { fixStepItems } from './helpers.ts';
import { isErrorPage, readBuilt, sitePages } from '../../scripts/lib/dist.ts';
import { CODES, ERRORS, PUBLISHED } from '../content.ts';

const SITE = 'https://help.example.com';
const ERROR_PAGES = sitePages().filter(
  (p) => isErrorPage(p) && !readBuilt(`${p}index.html`).includes('http-equiv="refresh"'),
);

/** The page's fix steps as text; quotes made straight (the page's typography curls them). */
const fixSteps = (page: Page) =>
  fixStepItems(page).evaluateAll((lis) =>
    lis.map((li) =>
      (li as HTMLElement).innerText.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim(),
    ),
  );

test('every section heading has an id and a visible anchor link to it', async ({ page }) => {
  test.setTimeout(300_000);
  for (const path of sitePages().filter((p) => !p.endsWith('.html') || p === '/404.html')) {
    await page.goto(path);
    // (Playwright's CSS reaches into shadow roots: the <qbo-sync-help> card's own headings, drawn as on a host's page,
    // are not the site's sections.)
    const headings = await page.locator('main :is(h2, h3)').evaluateAll((hs) =>
      hs
        .filter((h) => h.getRootNode() === document)
        .map((h) => ({
          id: h.id,
          card: !!h.closest('.error-list'),
          anchor: h.parentElement?.classList.contains('heading-wrapper')
            ? h.parentElement.querySelector('a.heading-anchor')?.getAttribute('href')
            : null,
        })),
    );
    for (const h of headings) {
      expect(h.id, `${path}: a heading without id`).not.toBe('');
      // Card titles are themselves links to their page; every other heading has a "#" link.
      if (!h.card) expect(h.anchor, `${path}: #${h.id} has its anchor link`).toBe(`#${h.id}`);
    }
  }
  await page.goto('/errors/invoice-closed-period/');
  const anchor = page.getByRole('link', { name: 'Link to section: How to fix' });
  await expect(anchor).toBeVisible();
  await anchor.click();
  await expect(page).toHaveURL(/#how-to-fix$/);
});

test.describe('copy buttons', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
  const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

  test('copy link, link to the fix and the code: copied, shown and announced, by keyboard', async ({ page }) => {
    await page.goto('/errors/invoice-duplicate-number/');
    const status = page.locator('#copy-status');
    // Located by place, not by name: the name changes to "Copied".
    const copyLink = page.locator('.share copy-button button').first();
    await expect(copyLink).toHaveText('Copy link');
    await copyLink.focus();
    await page.keyboard.press('Enter');
    expect(await clipboard(page)).toBe(`${SITE}/errors/invoice-duplicate-number/`);
    await expect(copyLink).toHaveText('Copied');
    await expect(status).toHaveText('Link to this page copied');

    await page.getByRole('button', { name: 'Copy link to the fix' }).focus();
    await page.keyboard.press('Space');
    expect(await clipboard(page)).toBe(`${SITE}/errors/invoice-duplicate-number/#how-to-fix`);
    await expect(status).toHaveText('Link to How to fix copied');

    await page.getByRole('button', { name: 'Copy code' }).click();
    expect(await clipboard(page)).toBe('invoice-duplicate-number');
    await expect(status).toHaveText('Error code copied');
    await expect(copyLink).toHaveText('Copy link', { timeout: 5000 });
  });

  test('copy as reply: to the customer, what happened, the numbered steps as on the page, and the link', async ({
    page,
  }) => {
    // Pages whose reply is made from their steps with nothing to reword (no support, no cited source, one resync).
    for (const code of ['client-name-conflict', 'client-missing-name', 'invoice-no-line-items']) {
      await page.goto(`/errors/${code}/`);
      await page.getByRole('button', { name: 'Copy as reply' }).click();
      const text = await clipboard(page);
      const title = await page.getByRole('heading', { level: 1 }).innerText();
      const summary = await page.locator('.summary').innerText();
      expect(text.startsWith(`You're seeing the QuickBooks sync error “${title}”. ${summary}\n\nTo fix it:\n1. `)).toBe(
        true,
      );
      expect(text.endsWith(`The full steps, with more detail: ${SITE}/errors/${code}/\nError code: ${code}`)).toBe(
        true,
      );
      const stepsInReply = text
        .split('To fix it:\n')[1]!
        .split('\n\nThe full steps')[0]!
        .split(/\n(?=\d+\. )/)
        .map((s) =>
          s
            .replace(/^\d+\. /, '')
            .replace(/\s+/g, ' ')
            .replace(/ - /g, ' ')
            .trim(),
        );
      const stepsOnPage = (await fixSteps(page)).map((s) => s.replace(/ - /g, ' '));
      expect(stepsInReply).toEqual(stepsOnPage);
    }
  });
});

test('with JavaScript off, the copy buttons are not shown', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/errors/invoice-deleted/');
  await expect(page.getByRole('button', { name: 'Copy link', exact: true })).toBeHidden();
  await context.close();
});

test('a deep link to How to fix lands with the heading visible below the sticky header', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  for (const code of ['client-name-conflict', 'subscription-inactive']) {
    await page.goto(`/errors/${code}/#how-to-fix`);
    const box = await page.locator('#how-to-fix').boundingBox();
    const header = await page.locator('.site-header').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
    expect(box!.y + box!.height).toBeLessThanOrEqual(600);
  }
});

test('/errors.json: every error, valid against its published schema, every URL resolves, every QuickBooks message sourced', async ({
  request,
}) => {
  const catalog = await (await request.get('/errors.json')).json();
  const schema = await (await request.get('/errors.schema.json')).json();
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  expect(validate(catalog), JSON.stringify(validate.errors)).toBe(true);
  expect(catalog.errors.map((e: { code: string }) => e.code)).toEqual(CODES);
  expect(catalog.errors.map((e: { code: string }) => `/errors/${e.code}/`).sort()).toEqual(ERROR_PAGES);
  for (const e of catalog.errors as {
    code: string;
    url: string;
    quickbooksFaultCodes: string[];
    quickbooks: { message: string; source: string }[];
  }[]) {
    const source = ERRORS.find((x) => x.code === e.code)!;
    expect(e.quickbooks, `${e.code}: the QuickBooks messages of its file, each with its source`).toEqual(
      source.quickbooks,
    );
    for (const q of e.quickbooks) expect(q.source, `${e.code}: "${q.message}"`).toMatch(/^https:\/\/[^/]+\.[a-z]+\//);
    expect(e.url.startsWith(`${SITE}/errors/`)).toBe(true);
    expect((await request.get(new URL(e.url).pathname)).status(), e.url).toBe(200);
    for (const fault of e.quickbooksFaultCodes) expect((await request.get(`/quickbooks/${fault}/`)).status()).toBe(200);
  }
  // A document that breaks the schema is caught (the check can fail).
  expect(validate({ errors: [{ ...catalog.errors[0], fixWhere: 'elsewhere' }] })).toBe(false);
  const sourced = catalog.errors.find((e: { quickbooks: unknown[] }) => e.quickbooks.length > 0);
  expect(
    validate({ errors: [{ ...sourced, quickbooks: [{ message: sourced.quickbooks[0].message }] }] }),
    'a message without its source',
  ).toBe(false);
});

test('a QuickBooks fault code leads to every error it can mean', async ({ page }) => {
  await page.goto('/quickbooks/');
  await page.getByRole('link', { name: 'Fault 6240' }).click();
  await expect(page).toHaveURL(/\/quickbooks\/6240\/$/);
  const listed = await page.locator('main .error-list code').allInnerTexts();
  expect(listed.sort()).toEqual(ERRORS.filter((e) => e.quickbooks.some((q) => q.code === '6240')).map((e) => e.code));
  expect(listed.length).toBeGreaterThan(1);
  await page.goto('/errors/invoice-duplicate-number/');
  await page.getByRole('link', { name: 'Fault 6140' }).click();
  await expect(page.locator('main .error-list code')).toHaveText(['invoice-duplicate-number']);
});

test('every code ever published still resolves to an error page', async ({ page }) => {
  expect(PUBLISHED).toEqual(expect.arrayContaining(CODES));
  for (const code of PUBLISHED) {
    const response = await page.goto(`/errors/${code}/`);
    expect(response?.status(), code).toBe(200);
    await expect(page.locator('article.error-page'), `${code} lands on an error page`).toHaveCount(1);
  }
});

test('every error page has link-preview tags and valid JSON-LD with the fix steps', async ({ page }) => {
  // One page after the other, every error of the catalog: time grows with it.
  test.setTimeout(120_000);
  for (const path of ERROR_PAGES) {
    await page.goto(path);
    const meta = (sel: string) => page.locator(sel).getAttribute('content');
    const title = await page.getByRole('heading', { level: 1 }).innerText();
    const summary = await page.locator('.summary').innerText();
    expect(await page.title()).toContain(title);
    expect(await meta('meta[name="description"]')).toBe(summary);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${SITE}${path}`);
    expect(await meta('meta[property="og:title"]')).toBe(title);
    expect(await meta('meta[property="og:description"]')).toBe(summary);
    expect(await meta('meta[property="og:url"]')).toBe(`${SITE}${path}`);
    expect(await meta('meta[property="og:type"]')).toBe('article');
    // A large card: the page's preview image (previews.spec.ts).
    expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(await meta('meta[name="twitter:title"]')).toBe(title);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    const article = ld['@graph'].find((n: { '@type': string }) => n['@type'] === 'TechArticle');
    const howTo = ld['@graph'].find((n: { '@type': string }) => n['@type'] === 'HowTo');
    expect(ld['@context']).toBe('https://schema.org');
    expect(article.headline).toBe(title);
    expect(article.url).toBe(`${SITE}${path}`);
    expect(article.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const steps = await fixSteps(page);
    expect(howTo.step.map((s: { text: string }) => s.text.replace(/\s+/g, ' ').replace(/ - /g, ' '))).toEqual(
      steps.map((s) => s.replace(/ - /g, ' ')),
    );
    expect(howTo.step.map((s: { position: number }) => s.position)).toEqual(steps.map((_, i) => i + 1));
  }
});

test('sitemap.xml and robots.txt list the site', async ({ request }) => {
  const index = await (await request.get('/sitemap-index.xml')).text();
  expect(index).toContain(`${SITE}/sitemap-0.xml`);
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  for (const path of [...ERROR_PAGES, '/', '/errors/', '/categories/invoice/', '/quickbooks/6240/'])
    expect(sitemap).toContain(`<loc>${SITE}${path}</loc>`);
  expect(sitemap).not.toContain('/print/');
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
});

test('"Still stuck?" contacts support with the code filled in', async ({ page }) => {
  await page.goto('/errors/item-duplicate/');
  const link = page
    .getByRole('region', { name: 'Still stuck?' })
    .getByRole('link', { name: 'E-mail support about this error' });
  const href = decodeURIComponent((await link.getAttribute('href'))!);
  expect(href).toMatch(
    /^mailto:[^?]+@[^?]+\?subject=QuickBooks sync error: item-duplicate&body=Error code: item-duplicate/,
  );
  expect(href).toContain(`${SITE}/errors/item-duplicate/`);
});

test('print drops the navigation and writes out link targets', async ({ page }) => {
  await page.goto('/errors/invoice-client-inactive/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeHidden();
  const after = await page
    .locator('.fix-first li a')
    .first()
    .evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toContain('/errors/client-inactive/');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.site-header')).toBeVisible();
});

import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ERRORS, errorByCode } from '../content.ts';
import { addressQuery } from '../../src/lib/shared/search/cap.ts';
import { loadQueries } from '../../scripts/lib/queries.ts';
import { excerptFaults } from './excerpts.ts';

const QUERIES = loadQueries();

/** The excerpts shown, with the code of the page each belongs to. */
const shownExcerpts = (page: Page) =>
  page.locator('[data-search-results] li:has(.hit-excerpt)').evaluateAll((lis) =>
    lis.map((li) => ({
      code: li.querySelector('.hit-meta code')!.textContent!,
      text: li.querySelector('.hit-excerpt')!.textContent!,
    })),
  );

const resultCodes = (page: Page) =>
  page
    .locator('[data-search-results] a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/')[2]!));

/** Types `query` into the search page's box as a person would and waits for its results. */
async function searchFor(page: Page, query: string) {
  const box = page.getByRole('searchbox', { name: /Describe the problem/ });
  await box.fill('');
  await box.fill(query);
  await expect(page).toHaveURL((url) => url.searchParams.get('q') === addressQuery(query));
  await expect(page.locator('search-page')).not.toHaveAttribute('aria-busy');
  await expect(page.locator('main .search-status')).not.toBeEmpty();
}

test('the query set: at least 95% first, all in the top three; clean excerpts', async ({ page }) => {
  test.setTimeout(120_000);
  expect(QUERIES.length).toBeGreaterThanOrEqual(40);
  await page.goto('/search/');
  let first = 0;
  let excerpts = 0;
  const misses: string[] = [];
  const faults: string[] = [];
  for (const q of QUERIES) {
    await searchFor(page, q.query);
    const codes = await resultCodes(page);
    for (const e of await shownExcerpts(page)) {
      excerpts++;
      faults.push(...excerptFaults(e.code, e.text));
    }
    if (q.expect.includes(codes[0]!)) first++;
    else misses.push(`${q.query.slice(0, 60)} → ${codes.slice(0, 3).join(', ')}`);
    expect(codes.slice(0, 3), `"${q.query.slice(0, 80)}" has ${q.expect[0]} in its top three`).toContain(q.expect[0]);
  }
  console.log(`search: ${first}/${QUERIES.length} first; misses: ${misses.join(' | ') || 'none'}`);
  expect(first / QUERIES.length).toBeGreaterThanOrEqual(0.95);
  expect(excerpts).toBeGreaterThan(QUERIES.length);
  expect(faults).toEqual([]);
});

test('a shared fault code lists every error it can mean', async ({ page }) => {
  await page.goto('/search/?q=6240');
  await expect(page.locator('[data-search-results] li')).not.toHaveCount(0);
  const codes = await resultCodes(page);
  const meaning = ERRORS.filter((e) => e.quickbooks.some((q) => q.code === '6240')).map((e) => e.code);
  expect(meaning.length).toBeGreaterThan(1);
  expect(codes.slice(0, meaning.length).sort()).toEqual(meaning);
  // Each shows the fault it lists under that code, with the code marked.
  for (const hit of await page.locator('[data-search-results] li').all()) {
    await expect(hit.locator('.hit-excerpt')).toContainText('Fault 6240 · Duplicate Name Exists Error:');
    await expect(hit.locator('.hit-excerpt mark')).toHaveText(['6240']);
  }
});

test('results show title, code, category, summary and a highlighted excerpt, linking to the page', async ({ page }) => {
  await page.goto('/search/?q=reopen%20the%20month');
  const hit = page.locator('[data-search-results] li').first();
  await expect(hit.getByRole('link')).toHaveText('The invoice is dated in a closed period');
  await expect(hit).toContainText('invoice-closed-period · Invoice');
  await expect(hit.locator('.hit-summary')).not.toBeEmpty();
  await expect(hit.locator('.hit-excerpt mark').first()).toBeVisible();
  await hit.getByRole('link').click();
  await expect(page).toHaveURL(/\/errors\/invoice-closed-period\//);
});

test('the page opened from a result highlights the searched words, and its address carries no highlight parameter (issue 11)', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (m) => m.type() === 'error' && violations.push(m.text()));
  await page.goto('/search/?q=closed+period');
  const first = page.locator('[data-search-results] a').first();
  await expect(first).toHaveAttribute('href', /\/errors\/invoice-closed-period\/\?highlight=closed\+period(#|$)/);
  await first.click();
  await expect(page).toHaveURL((url) => url.pathname === '/errors/invoice-closed-period/' && url.search === '');
  const marked = await page.evaluate(() =>
    [...(CSS.highlights.get('search-terms') ?? [])].map((r) => (r as Range).toString().toLowerCase()),
  );
  expect(marked.length).toBeGreaterThan(3);
  expect(marked).toContain('closed');
  expect(marked).toContain('period');
  expect(marked.filter((m) => !/clos|period/.test(m))).toEqual([]);
  // Copying the address gives the page's own, and the page's text is unchanged (no markup written).
  expect(await page.locator('main mark').count()).toBe(0);
  expect(violations).toEqual([]);
});

test('a ?q= link runs the search, and Back restores the previous one', async ({ page }) => {
  await page.goto('/search/?q=confirmation%20code%20too%20long');
  await expect(page.getByRole('searchbox', { name: /Describe the problem/ })).toHaveValue('confirmation code too long');
  await expect(page.locator('[data-search-results] a').first()).toHaveAttribute(
    'href',
    /payment-confirmation-too-long/,
  );
  const box = page.getByRole('searchbox', { name: /Describe the problem/ });
  await box.fill('bundle');
  await box.press('Enter');
  await expect(page.locator('[data-search-results] a').first()).toHaveAttribute('href', /item-bundle-unsupported/);
  await page.locator('[data-search-results] a').first().click();
  await expect(page).toHaveURL(/item-bundle-unsupported/);
  await page.goBack();
  await expect(box).toHaveValue('bundle');
  await expect(page.locator('[data-search-results] a').first()).toHaveAttribute('href', /item-bundle-unsupported/);
});

test('nonsense gets a helpful empty state, with support and the query filled in', async ({ page }) => {
  await page.goto('/search/?q=zzqx%20qwrty%20plmok');
  const empty = page.locator('.search-empty');
  await expect(empty).toContainText('No errors match “zzqx qwrty plmok”');
  for (const name of ['Client errors', 'Invoice errors', 'Item errors', 'Payment errors', 'Every error A–Z']) {
    await expect(empty.getByRole('link', { name })).toBeVisible();
  }
  const support = empty.getByRole('link', { name: 'Contact support' });
  expect(decodeURIComponent((await support.getAttribute('href'))!)).toContain('zzqx qwrty plmok');
  await expect(page.locator('[data-search-results] li')).toHaveCount(0);
});

test('words no page has find nothing, as offline (issue 14: Pagefind matched "alert" as "a")', async ({ page }) => {
  for (const junk of ['alert', 'onerror', 'alert onerror', 'javascript', 'script alert']) {
    await page.goto(`/search/?q=${encodeURIComponent(junk)}`);
    await expect(page.locator('main .search-status')).toHaveText(`No errors match “${junk}”.`);
    await expect(page.locator('[data-search-results] li')).toHaveCount(0);
  }
  // A real word next to junk still finds its pages.
  await page.goto(`/search/?q=${encodeURIComponent('alert closed period')}`);
  await expect(page.locator('[data-search-results] a').first()).toHaveAttribute('href', /invoice-closed-period/);
});

test('the query is text, never HTML', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const attack = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  await page.goto(`/search/?q=${encodeURIComponent(attack)}`);
  await expect(page.locator('main .search-status')).not.toBeEmpty();
  await expect(page.locator('main img')).toHaveCount(0);
  await expect(page.locator('.search-empty-box, [data-search-results]').locator('script')).toHaveCount(0);
  if (await page.locator('.search-empty').count())
    await expect(page.locator('.search-empty [data-query]')).toHaveText(attack);
  expect(dialogs).toBe(0);
});

test('a 100 KB paste does not freeze the page and still finds the error', async ({ page }) => {
  await page.goto('/search/');
  const message =
    'Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=1042 is assigned to TxnType=Invoice with TxnId=387 ';
  const paste = (message + 'x'.repeat(100)).repeat(Math.ceil(100_000 / (message.length + 100))).slice(0, 100_000);
  const box = page.getByRole('searchbox', { name: /Describe the problem/ });
  await box.fill(paste);
  await expect(page.locator('[data-search-results] a').first()).toHaveAttribute('href', /invoice-duplicate-number/);
  // The page still answers: typing goes on working.
  await box.fill('6190');
  await expect(page.locator('[data-search-results] a').first()).toHaveAttribute('href', /subscription-inactive/);
  expect(new URL(page.url()).searchParams.get('q')).toBe('6190');
});

/** Page errors and console errors of `page`, from now on. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/** The length of the current address's ?q=, as sent to a server (encoded). */
const addressQueryLength = (page: Page) => /[?&]q=([^&#]*)/.exec(page.url())?.[1]?.length ?? 0;

test('a paste whose 2,000th character is an emoji is searched, in the page and the header (issue 14: "URI malformed")', async ({
  page,
}) => {
  const errors = pageErrors(page);
  const paste = `${'closed period '.repeat(142)}reopen the ${'😀'.repeat(10)} more`;
  expect(paste.slice(0, 2000).at(-1)).toMatch(/[\uD800-\uDBFF]/);
  await page.goto('/search/');
  await page.getByRole('searchbox', { name: /Describe the problem/ }).fill(paste);
  await expect(page.locator('[data-search-results] a').first()).toHaveAttribute('href', /invoice-closed-period/);
  await expect(page.locator('search-page')).not.toHaveAttribute('aria-busy');
  const header = page.getByRole('searchbox', { name: 'Search errors' });
  await header.fill(paste);
  await expect(page.locator('#site-search-panel .hit-link').first()).toHaveText(
    'The invoice is dated in a closed period',
  );
  expect(errors).toEqual([]);
});

test('Enter in the header box after a 100 KB paste: a short address, and the search page keeps the whole paste (issue 14: 431)', async ({
  page,
}) => {
  const errors = pageErrors(page);
  const message =
    'Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=1042 is assigned to TxnType=Invoice with TxnId=387 ';
  const paste = message.repeat(Math.ceil(100_000 / message.length)).slice(0, 100_000);
  await page.goto('/errors/');
  const header = page.getByRole('searchbox', { name: 'Search errors' });
  await header.fill(paste);
  await header.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=Duplicate/);
  expect(page.url().length).toBeLessThan(1600);
  const box = page.getByRole('searchbox', { name: /Describe the problem/ });
  await expect(box).toHaveValue(paste);
  await expect(page.locator('[data-search-results] a').first()).toHaveAttribute('href', /invoice-duplicate-number/);
  // A reload keeps it too: the address alone would only have its start.
  await page.reload();
  await expect(box).toHaveValue(paste);
  // A link with only the short query, in a tab that has never seen the paste, searches what it says.
  const other = await page.context().browser()!.newPage();
  await other.goto(page.url());
  await expect(other.getByRole('searchbox', { name: /Describe the problem/ })).toHaveValue(
    new URL(page.url()).searchParams.get('q')!,
  );
  await other.close();
  expect(errors).toEqual([]);
});

test('2,000 CJK characters typed in the search page make a short address, and the box keeps them', async ({ page }) => {
  const errors = pageErrors(page);
  const cjk = '发票已关闭期间'.repeat(300).slice(0, 2000);
  await page.goto('/search/');
  const box = page.getByRole('searchbox', { name: /Describe the problem/ });
  await box.fill(cjk);
  await expect(page.locator('main .search-status')).not.toBeEmpty();
  await expect.poll(() => addressQueryLength(page)).toBeGreaterThan(0);
  expect(addressQueryLength(page)).toBeLessThanOrEqual(1500);
  expect(cjk.startsWith(new URL(page.url()).searchParams.get('q')!)).toBe(true);
  await expect(box).toHaveValue(cjk);
  await page.reload();
  await expect(box).toHaveValue(cjk);
  expect(errors).toEqual([]);
});

test('what is typed before the search script has arrived is kept and searched', async ({ page }) => {
  // Hold the search page's script back, as a slow network would, and type meanwhile.
  let held = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/page\.[\w-]+\.js$/, async (route) => {
    held++;
    await released;
    await route.continue();
  });
  await page.goto('/search/');
  await expect.poll(() => held).toBe(1);
  const box = page.getByRole('searchbox', { name: /Describe the problem/ });
  await box.fill('6190');
  release();
  await expect(page.locator('[data-search-results] a').first()).toHaveAttribute('href', /subscription-inactive/);
  await expect(box).toHaveValue('6190');
  expect(new URL(page.url()).searchParams.get('q')).toBe('6190');
});

test('nothing of search is downloaded until the box is focused', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('/errors/invoice-deleted/');
  await page.waitForLoadState('networkidle');
  expect(requests.filter((p) => /pagefind|search-data|header\.|render\./.test(p))).toEqual([]);
  const box = page.getByRole('searchbox', { name: 'Search errors' });
  await box.focus();
  // Focus fetches the structured data's manifest; Pagefind (about a hundred KB) waits for the first search (issue 11).
  await expect.poll(() => requests).toContain('/search-data/manifest.json');
  await page.waitForLoadState('networkidle');
  expect(requests.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
  await box.pressSequentially('closed');
  await expect.poll(() => requests.some((p) => p.startsWith('/pagefind/'))).toBe(true);
});

test.describe('the header search panel', () => {
  test('"/" and Ctrl+K focus the box; arrows, Enter and Esc work', async ({ page }) => {
    await page.goto('/');
    const box = page.getByRole('searchbox', { name: 'Search errors' });
    await page.keyboard.press('/');
    await expect(box).toBeFocused();
    await box.blur();
    await page.keyboard.press('Control+k');
    await expect(box).toBeFocused();
    await page.keyboard.type('closed period');
    const panel = page.locator('#site-search-panel');
    await expect(panel).toBeVisible();
    await expect(panel.locator('.hit-link').first()).toHaveText('The invoice is dated in a closed period');
    await expect(page.locator('site-search [role="status"]')).toContainText(/match/);
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await page.keyboard.type(' reopen');
    await expect(panel).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(panel.locator('.hit-link').first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(panel.locator('.hit-link').nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/errors\/invoice-closed-period\//);
  });

  test('results show before Pagefind has loaded; its results merge in without moving the focused result (issue 11)', async ({
    page,
  }) => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/pagefind/pagefind.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/errors/invoice-deleted/');
    const box = page.getByRole('searchbox', { name: 'Search errors' });
    await box.focus();
    await page.keyboard.type('closed period reopen');
    const panel = page.locator('#site-search-panel');
    const links = panel.locator('.hit-link');
    // The structured ranker answers alone: results, but no summary spoken yet and no full-text excerpt.
    await expect(links.nth(1)).toBeVisible();
    await expect(page.locator('site-search [role="status"]')).toBeEmpty();
    await expect(panel.locator('.hit-excerpt')).toHaveCount(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(1)).toBeFocused();
    const before = await links.nth(1).evaluate((a) => {
      (a as HTMLElement & { kept?: boolean }).kept = true;
      return a.closest('li')!.dataset['code'];
    });
    release();
    await expect(page.locator('site-search [role="status"]')).toContainText(/match/);
    await expect(panel.locator('.hit-excerpt').first()).toBeVisible();
    // The same element, in the same place, still has the focus.
    await expect(links.nth(1)).toBeFocused();
    expect(
      await links
        .nth(1)
        .evaluate((a) => [(a as HTMLElement & { kept?: boolean }).kept, a.closest('li')!.dataset['code']]),
    ).toEqual([true, before]);
  });

  test('once Pagefind has loaded, the ranker still answers first: a search waiting on Pagefind downloads shows results (issue 11)', async ({
    page,
  }) => {
    await page.goto('/errors/invoice-deleted/');
    const box = page.getByRole('searchbox', { name: 'Search errors' });
    const panel = page.locator('#site-search-panel');
    const status = page.locator('site-search [role="status"]');
    await box.focus();
    await page.keyboard.type('subscription');
    // Pagefind has loaded and answered: the full results are spoken.
    await expect(status).toContainText(/match/);
    // A search for other pages needs their Pagefind fragments: hold them.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    await page.route('**/pagefind/fragment/**', async (route) => {
      asked++;
      await held;
      await route.continue();
    });
    await box.fill('throttled');
    await expect(panel.locator('.hit-link', { hasText: errorByCode.get('sync-throttled')!.title })).toBeVisible();
    await expect.poll(() => asked).toBeGreaterThan(0);
    // What shows is the ranker's: no full-text excerpt yet, and the last search's summary silenced.
    await expect(panel.locator('.hit-excerpt')).toHaveCount(0);
    await expect(status).toBeEmpty();
    release();
    await expect(status).toContainText(/match/);
    await expect(panel.locator('.hit-excerpt').first()).toBeVisible();
  });

  test('Enter in the box opens the search page with the query', async ({ page }) => {
    await page.goto('/errors/');
    const box = page.getByRole('searchbox', { name: 'Search errors' });
    await box.fill('6140');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=6140$/);
    await expect(page.locator('[data-search-results] a').first()).toHaveAttribute('href', /invoice-duplicate-number/);
  });

  test('the open panel and the search page pass axe', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search errors' }).fill('inactive');
    await expect(page.locator('#site-search-panel .hit-link').first()).toBeVisible();
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
    expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations).toEqual([]);
    await page.goto('/search/?q=inactive');
    await expect(page.locator('[data-search-results] a').first()).toBeVisible();
    expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations).toEqual([]);
    await page.goto('/search/?q=zzqx');
    await expect(page.locator('.search-empty')).toBeVisible();
    expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations).toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the header form goes to /search/, which explains and links to the indexes', async ({ page }) => {
    await page.goto('/');
    const box = page.getByRole('searchbox', { name: 'Search errors' });
    await box.fill('closed period');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=closed\+period$/);
    await expect(page.getByText('Search needs JavaScript')).toBeVisible();
    await page.getByRole('link', { name: 'Invoice errors' }).last().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invoice errors');
    await page.goBack();
    await expect(page.locator('main').getByRole('link', { name: 'Every error A–Z' })).toBeVisible();
  });
});

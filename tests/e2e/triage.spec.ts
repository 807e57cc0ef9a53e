/**
 * Triage (/triage/) in the built site: the "done means" (three cards, the plan in
 * dependency order, the part not recognised), the address that reproduces the plan without the
 * paste, no request carrying the paste, HTML shown as text, a 1 MB paste, the choice of an
 * ambiguous fault, ticks kept, the reply copied, axe and the keyboard.
 */
import { test, expect, type Page, type Request } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { DONE_PASTE, DONE_PASTE_MARKERS } from '../triage-pastes.ts';

const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const results = (page: Page) => page.locator('[data-triage-results] > li');
const planLinks = (page: Page) => page.locator('[data-triage-plan] a');
const codeOf = (href: string | null) => /\/errors\/([^/]+)\//.exec(href ?? '')?.[1];

async function triage(page: Page, text: string) {
  await page.getByLabel('Paste the errors').fill(text);
  await page.getByRole('button', { name: 'Make the fix plan' }).click();
  await expect(page.locator('[data-triage-status]')).toContainText(/recognised/);
}

test('a JSON fault with two errors and two log lines naming a third: three cards, the plan in order, the rest listed; no request carries the paste', async ({
  page,
}) => {
  await page.goto('/triage/');
  await expect(page.locator('triage-page')).toHaveJSProperty('isConnected', true);
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  await triage(page, DONE_PASTE);

  await expect(results(page)).toHaveCount(3);
  const cards = results(page);
  expect(await cards.locator('h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
    '/errors/client-duplicate-name/',
    '/errors/invoice-client-not-synced/',
    '/errors/payment-deposited/',
  ]);
  await expect(cards.nth(0).locator('h3')).toHaveText('A client with this name already exists in QuickBooks');
  await expect(cards.nth(0).locator('q')).toContainText('Another customer is already using this name');
  await expect(cards.nth(0)).toContainText('How sure:');
  await expect(cards.nth(2)).toContainText('1 more place');

  // The plan: the client error before the invoice error it blocks; resyncs last.
  const plan = (await planLinks(page).evaluateAll((as) => as.map((a) => a.getAttribute('href')))).map(codeOf);
  const at = (code: string) => plan.indexOf(code);
  expect(at('client-duplicate-name')).toBeGreaterThanOrEqual(0);
  expect(at('client-duplicate-name')).toBeLessThan(at('invoice-client-not-synced'));
  expect(at('payment-deposited')).toBeGreaterThan(at('client-duplicate-name'));
  await expect(page.locator('[data-triage-plan] > li').last()).toContainText('Sync the payments again by hand');

  const missing = page.locator('[data-triage-unrecognised] > li');
  await expect(missing).toHaveCount(1);
  await expect(missing.locator('q')).toHaveText('Webhook delivery to the dispatch board timed out');
  await expect(missing.getByRole('link', { name: 'Search for it' })).toHaveAttribute('href', /^\/search\/\?q=Webhook/);
  await expect(page.locator('[data-triage-status]')).toHaveText(
    '3 errors recognised, 1 part not recognised. The plan has 4 steps.',
  );

  // The address names the errors, not the paste; triaging asked the network for nothing.
  const url = new URL(page.url());
  expect(url.pathname + url.search).toBe(
    '/triage/?e=client-duplicate-name,invoice-client-not-synced,payment-deposited',
  );
  for (const r of requests)
    for (const m of DONE_PASTE_MARKERS) expect(`${r.url()} ${r.postData() ?? ''}`).not.toContain(m);
  // Nothing but the icon the browser asks for by itself.
  expect(requests.map((r) => new URL(r.url()).pathname).filter((p) => p !== '/favicon.svg')).toEqual([]);
});

test('the ?e= address reproduces the plan, and drops anything that is not a code', async ({ page }) => {
  await page.goto('/triage/');
  await triage(page, DONE_PASTE);
  const plan = await page.locator('[data-triage-plan]').innerText();
  const address = page.url();
  await page.goto(address);
  await expect(results(page)).toHaveCount(3);
  expect(await page.locator('[data-triage-plan]').innerText()).toBe(plan);
  await expect(page.getByLabel('Paste the errors')).toHaveValue('');
  await page.goto('/triage/?e=payment-deposited,<b>x</b>,no-such-code,client-inactive');
  expect(
    await results(page)
      .locator('h3 a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
  ).toEqual(['/errors/payment-deposited/', '/errors/client-inactive/']);
  expect(await planLinks(page).first().getAttribute('href')).toBe('/errors/client-inactive/');
});

test('HTML in a paste is shown as text and never runs', async ({ page }) => {
  await page.goto('/triage/');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await triage(
    page,
    '<img src=x onerror="window.__pwned=1"> Deposited Transaction cannot be changed\n<script>window.__pwned=2</script><b>odd words here</b>',
  );
  await expect(results(page)).toHaveCount(1);
  await expect(results(page).locator('q')).toHaveText(
    '<img src=x onerror="window.__pwned=1"> Deposited Transaction cannot be changed',
  );
  await expect(page.locator('[data-triage-unrecognised] q')).toHaveText(
    '<script>window.__pwned=2</script><b>odd words here</b>',
  );
  await expect(page.locator('triage-page img, triage-page b, triage-page script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('a 1 MB paste is read in slices and ends with a plan', async ({ page }) => {
  await page.goto('/triage/');
  const line = 'Nov 26, 2026 9:15 AM  Invoice 1043  Failed  Another sync note about nothing in particular here\n';
  const big = 'Deposited Transaction cannot be changed\n' + line.repeat(Math.ceil(1_000_000 / line.length));
  // As a paste: one input event (typing a megabyte would take minutes).
  await page.getByLabel('Paste the errors').evaluate((box: HTMLTextAreaElement, text) => {
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, big);
  await page.getByRole('button', { name: 'Make the fix plan' }).click();
  // The page answers while it reads.
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  await expect(page.locator('[data-triage-status]')).toContainText('only its start was read', { timeout: 20_000 });
  await expect(results(page)).toHaveCount(1);
  await expect(page.locator('triage-page')).not.toHaveAttribute('aria-busy', 'true');
});

test('a fault number that means several errors offers the choice; choosing adds it to the plan', async ({ page }) => {
  await page.goto('/triage/');
  await triage(page, '6240');
  await expect(results(page)).toHaveCount(0);
  const choice = page.locator('[data-triage-choices] > li');
  await expect(choice).toHaveCount(1);
  await expect(choice.locator('h3')).toHaveText('Fault 6240: which error is it?');
  await expect(choice.getByRole('link', { name: 'Everything fault 6240 can mean' })).toHaveAttribute(
    'href',
    '/quickbooks/6240/',
  );
  const option = choice.locator('li').filter({ has: page.locator('a[href="/errors/item-duplicate/"]') });
  await option.getByRole('button', { name: 'It is this one' }).click();
  await expect(results(page)).toHaveCount(1);
  await expect(planLinks(page).first()).toHaveAttribute('href', '/errors/item-duplicate/');
  await expect(page).toHaveURL(/\/triage\/\?e=item-duplicate$/);
  await expect(page.locator('[data-triage-status]')).toContainText('Added');
});

test('ticks are kept for the plan; the plan copies as a plain reply with links', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/triage/?e=client-missing-name,invoice-client-not-synced');
  const first = page.locator('[data-triage-plan] > li').first().getByRole('checkbox');
  await first.check();
  await page.reload();
  await expect(page.locator('[data-triage-plan] > li').first().getByRole('checkbox')).toBeChecked();
  await expect(page.locator('[data-triage-plan] > li').nth(1).getByRole('checkbox')).not.toBeChecked();
  await page.goto('/triage/?e=client-missing-name');
  await expect(page.locator('[data-triage-plan] > li').first().getByRole('checkbox')).not.toBeChecked();

  await page.goto('/triage/?e=client-missing-name,invoice-client-not-synced');
  await page.getByRole('button', { name: 'Copy the plan as a reply' }).click();
  await expect(page.locator('[data-triage-copy-status]')).toHaveText('The plan was copied as a reply.');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toMatch(
    /^Here is what to fix, in this order:\n\n1\. The client has no first and last name\n {3}https?:\/\/[^\s]+\/errors\/client-missing-name\/\n {3}This also clears: /,
  );
  expect(text).toContain('2. Sync the invoices again by hand.');
});

test('keyboard only: paste, make the plan, reach the cards; axe finds nothing', async ({ page }) => {
  await page.goto('/triage/');
  await page.getByLabel('Paste the errors').focus();
  await page.keyboard.insertText(DONE_PASTE);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Make the fix plan' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(results(page)).toHaveCount(3);
  // Next: the section's "#" link, then the first card.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Link to section: Errors found' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(results(page).first().locator('h3 a')).toBeFocused();
  // The result count is announced by a live region.
  await expect(page.locator('[data-triage-status]')).toHaveAttribute('role', 'status');
  await page.getByLabel('Paste the errors').fill(`${DONE_PASTE}\n6240`);
  await page.getByRole('button', { name: 'Make the fix plan' }).click();
  await expect(page.locator('[data-triage-choices] > li')).toHaveCount(1);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page }).withTags(WCAG22_AA).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('the header search offers triage for a paste of several errors, and hands the paste over without the address', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/errors/client-inactive/');
  const box = page.getByRole('searchbox').first();
  await box.focus();
  await page.evaluate((text) => navigator.clipboard.writeText(text), DONE_PASTE);
  await page.keyboard.press('ControlOrMeta+V');
  const offer = page.getByRole('link', { name: 'Paste several errors? Open triage' });
  await expect(offer).toBeVisible();
  await expect(offer).toHaveAttribute('href', '/triage/');
  await offer.click();
  await expect(page).toHaveURL(/\/triage\/\?e=client-duplicate-name,invoice-client-not-synced,payment-deposited$/);
  await expect(results(page)).toHaveCount(3);
  // One error: no offer.
  await page.goto('/errors/client-inactive/');
  await box.focus();
  await page.evaluate(() => navigator.clipboard.writeText('Deposited Transaction cannot be changed'));
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.locator('.search-hits a').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Paste several errors? Open triage' })).toBeHidden();
});

test('triage adds nothing to an error page before it is used: no byte of its data or code on the first visit', async ({
  page,
}) => {
  const triageBytes: string[] = [];
  const reading = new Set<Promise<void>>();
  page.on('response', (r) => {
    const job = r
      .body()
      .catch(() => Buffer.alloc(0))
      .then((body) => {
        if (
          /triage/.test(new URL(r.url()).pathname) ||
          /Paste several errors\? Open triage|triage-data|data-triage-plan/.test(body.toString('utf8'))
        )
          triageBytes.push(r.url());
      });
    reading.add(job);
  });
  await page.goto('/errors/invoice-client-not-synced/');
  await page.mouse.move(200, 200);
  await page.keyboard.press('Tab');
  await page.waitForLoadState('networkidle');
  await Promise.all(reading);
  expect(triageBytes).toEqual([]);
  // Using the search box brings the offer's code (and only then).
  await page.getByRole('searchbox').first().fill('6240 6000');
  await expect(page.locator('.search-hits a').first()).toBeVisible();
  await expect.poll(async () => (await Promise.all(reading), triageBytes.length)).toBeGreaterThan(0);
});

test('hostile input: prototype keys, lone surrogates, control characters; no page error, no CSP violation', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.goto('/triage/?e=__proto__,constructor,toString,client-inactive');
  await expect(results(page)).toHaveCount(1);
  await triage(
    page,
    '__proto__ constructor\nhasOwnProperty prototype valueOf\n\uD800 broken \u0000\u0007 6240\u202E reversed\n{"Fault":{"Error":[{"code":"__proto__","Message":"constructor"}]}}',
  );
  await expect(page.locator('[data-triage-choices] > li')).toHaveCount(1);
  await expect(page.locator('triage-page')).not.toHaveAttribute('aria-busy', 'true');
  expect(problems).toEqual([]);
});

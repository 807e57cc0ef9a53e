/**
 * Issue 21, the site every other test runs on: built without FEEDBACK_URL, it sends nothing.
 * No "Was this helpful?", no destination in the page, no connect-src beyond its own origin, and
 * nothing leaves the page (no request to another origin, no POST, nothing queued) through a
 * search that finds nothing, results nobody opens and a triage paste no error fits. (With the
 * setting, against a real endpoint: tests/build/feedback.test.ts.)
 */
import { test, expect, type Page, type Request } from '@playwright/test';

function watchRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => seen.push(r));
  return seen;
}

test('unset, the site has no feedback widget and no destination, and its CSP adds no origin', async ({ page }) => {
  for (const path of ['/errors/invoice-closed-period/', '/search/', '/triage/', '/']) {
    await page.goto(path);
    await expect(page.locator('meta[name="qbo-help-feedback"]'), path).toHaveCount(0);
    await expect(page.locator('help-feedback'), path).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Was this helpful?' }), path).toHaveCount(0);
    const csp =
      (await page.locator('meta[http-equiv="content-security-policy" i]').first().getAttribute('content')) ?? '';
    expect(csp, path).toContain("default-src 'self'");
    const connect = /(?:^|;)\s*connect-src([^;]*)/.exec(csp)?.[1]?.trim();
    expect(connect === undefined || connect === "'self'", `${path}: connect-src ${connect}`).toBe(true);
  }
});

test('unset, no event leaves: searches that miss, results nobody opens and a triage miss send nothing', async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const requests = watchRequests(page);
  const box = () => page.getByRole('searchbox', { name: /Describe the problem/ });

  await page.goto('/search/');
  await box().fill('zzqx qwrty plmok');
  await expect(page.locator('main .search-status')).toContainText(/No errors|no match/i);
  await box().fill('customer John Smith invoice #1043 closed period');
  await expect(page.locator('[data-search-results] a').first()).toBeVisible();
  // Longer than the time results must stand to count as read, then replaced, then left.
  await page.waitForTimeout(2000);
  await box().fill('duplicate name');
  await expect(page.locator('[data-search-results] a').first()).toBeVisible();
  await page.goto('/triage/');
  await page
    .getByLabel('Paste the errors')
    .fill(
      '<Error code="9876"><Message>Widget overflow for Dana Whitfield</Message><Detail>Required parameter WidgetRef is missing</Detail></Error>',
    );
  await page.getByRole('button', { name: 'Make the fix plan' }).click();
  await expect(page.locator('main')).toContainText('9876');
  await page.goto('/errors/invoice-closed-period/');
  await page.waitForLoadState('networkidle');

  const out = requests.filter(
    (r) =>
      new URL(r.url()).origin !== origin || r.method() !== 'GET' || /sendBeacon|beacon|ping/i.test(r.resourceType()),
  );
  expect(out.map((r) => `${r.method()} ${r.resourceType()} ${r.url()}`)).toEqual([]);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('feedback')))).toEqual([]);
  // The code that would send was never loaded.
  expect(requests.map((r) => r.url()).filter((u) => /\/_astro\/(queue|widget|searches)\./.test(u))).toEqual([]);
});

import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { sitePages } from '../../scripts/lib/dist.ts';

const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, WCAG 2.2 AA, ${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });
    for (const path of sitePages()) {
      test(`${path} has no violations`, async ({ page }) => {
        // The printable books hold the whole catalog (thousands of nodes): axe needs longer there.
        if (path.startsWith('/print/')) test.setTimeout(120_000);
        await page.goto(path);
        // Open the folded parts so that their contents are checked too.
        await page.locator('details').evaluateAll((els) => els.forEach((d) => d.setAttribute('open', '')));
        const results = await new AxeBuilder({ page }).withTags(WCAG22_AA).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
          [],
        );
      });
    }
  });
}

test('keyboard: the skip link is first and moves focus to the main content', async ({ page }) => {
  await page.goto('/errors/client-inactive/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('narrow screens: no horizontal scrolling on an error page', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/errors/payment-confirmation-too-long/');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

/**
 * Issue 20: every error page shows its sources (each public page behind its QuickBooks messages,
 * limits, menu paths and QuickBooks behaviour), and so do its Markdown copy and errors.json.
 * What is expected comes from content/ (tests/content.ts), not from the build.
 */
import { test, expect } from '@playwright/test';
import { ERRORS } from '../content.ts';
import { pageSources } from '../../src/lib/build/sources.ts';

test('every error page lists its sources, with what each supports', async ({ page }) => {
  test.setTimeout(120_000);
  for (const e of ERRORS) {
    const expected = pageSources(e.quickbooks, e.body);
    await page.goto(`/errors/${e.code}/`);
    const section = page.locator('section:has(#sources)');
    const items = await section.locator('ul.sources li').evaluateAll((lis) =>
      lis.map((li) => ({
        url: li.querySelector('a')!.getAttribute('href'),
        text: li.textContent!.replace(/\s+/g, ' ').trim(),
      })),
    );
    expect(
      items.map((i) => i.url),
      e.code,
    ).toEqual(expected.map((s) => s.url));
    expected.forEach((s, i) => expect(items[i]!.text, `${e.code}: ${s.url}`).toContain(s.for.join('; ')));
  }
});

test('the Markdown copies and errors.json carry the same sources', async ({ request }) => {
  const catalog = (await (await request.get('/errors.json')).json()) as {
    errors: { code: string; sources: { url: string; for: string[] }[] }[];
  };
  for (const e of ERRORS) {
    const expected = pageSources(e.quickbooks, e.body).map((s) => ({ url: s.url, for: s.for }));
    expect(catalog.errors.find((x) => x.code === e.code)!.sources, e.code).toEqual(expected);
    const copy = await (await request.get(`/errors/${e.code}.md`)).text();
    const at = copy.indexOf('## Sources');
    expect(at, `${e.code}.md has its sources`).toBeGreaterThan(0);
    for (const s of expected) expect(copy.slice(at), `${e.code}.md: ${s.url}`).toContain(`](${s.url})`);
  }
});

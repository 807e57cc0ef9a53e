/**
 * Issue 22 on the built site: every error's compact card (/embed/<code>/), the /go/ rules for a
 * frame (/embed/?qb=…&record=…), the demo page with the <qbo-sync-help> component and a card in a
 * frame that reports its height, and the component's size. Across origins, with the host's own
 * CSP and Trusted Types and the generated frame-ancestors: tests/build/embed.test.ts.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ERRORS } from '../content.ts';
import { GO_CASES } from '../go-cases.ts';
import { fixStepItems } from './helpers.ts';
import { DIST } from '../../scripts/lib/dist.ts';

test('every error has its card: title, meaning, "Fix these first", the same steps as its page, the full page and support; no header or footer', async ({
  page,
}) => {
  test.setTimeout(180_000);
  for (const e of ERRORS) {
    await page.goto(`/errors/${e.code}/`);
    const steps = await fixStepItems(page).count();
    const first = await page
      .locator('aside.fix-first ul a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!.replace('/errors/', '/embed/')));
    await page.goto(`/embed/${e.code}/`);
    await expect(page.getByRole('heading', { level: 1 }), e.code).toHaveText(e.title);
    await expect(page.locator('main'), e.code).toContainText(e.summary);
    await expect(page.locator('main'), e.code).toContainText(e.code);
    await expect(page.locator('section:has(#how-to-fix) ol > li'), e.code).toHaveCount(steps);
    expect(
      await page.locator('section:has(#fix-first) ul a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      e.code,
    ).toEqual(first);
    await expect(page.getByRole('link', { name: /Open the full page/ })).toHaveAttribute('href', `/errors/${e.code}/`);
    await expect(page.getByRole('link', { name: /Open the full page/ })).toHaveAttribute('target', '_blank');
    expect(
      decodeURIComponent((await page.getByRole('link', { name: 'Contact support' }).getAttribute('href'))!),
    ).toContain(`Error code: ${e.code}`);
    await expect(page.locator('header, nav, footer, site-search')).toHaveCount(0);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  }
});

test('/embed/ follows the /go/ rules: an error opens its card, a fault that can mean several lists their cards', async ({
  page,
}) => {
  for (const c of GO_CASES.filter((c) => /^\?(code|qb)=/.test(c.query))) {
    await page.goto(`/embed/${c.query}`);
    const code = /^\/errors\/([^/]+)\/$/.exec(c.opens)?.[1];
    if (code) await expect(page, c.query).toHaveURL(new RegExp(`/embed/${code}/$`));
    else if (c.opens.startsWith('/quickbooks/')) {
      const fault = String(Number(new URLSearchParams(c.query).get('qb')));
      const meaning = ERRORS.filter((e) => e.quickbooks.some((q) => q.code === fault));
      if (meaning.length > 1) {
        await expect(page.getByRole('heading', { level: 1 }), c.query).toHaveText(
          `QuickBooks fault ${fault} can mean several errors`,
        );
        const listed = await page
          .locator('[data-embed-choice] a')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(listed.length, c.query).toBeGreaterThan(1);
        for (const href of listed)
          expect(
            meaning.map((e) => `/embed/${e.code}/`),
            c.query,
          ).toContain(href);
      }
    } else
      await expect(page.getByRole('heading', { level: 1 }), c.query).toHaveText(
        /No error in the help center matches this|Help for this error/,
      );
  }
});

test('the demo: the component by code, by fault and from a message, and a frame sized by its own message', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/embed-demo/');
  const expected: [string, string][] = [
    ['demo-code', 'invoice-closed-period'],
    ['demo-message', 'invoice-client-not-synced'],
  ];
  for (const [id, code] of expected) {
    await page.waitForFunction(
      (i) => document.getElementById(i)?.shadowRoot?.querySelector('section:not([aria-busy])'),
      id,
    );
    const text = await page.locator(`#${id}`).evaluate((el) => el.shadowRoot!.textContent!);
    expect(text, id).toContain(ERRORS.find((e) => e.code === code)!.title);
  }
  await page.waitForFunction(() =>
    document.getElementById('demo-fault')?.shadowRoot?.querySelector('section:not([aria-busy]) h3'),
  );
  // The frame said its height, and the page took it: no scrolling inside the frame.
  await expect(page.locator('[data-frame-heard]')).toContainText('height');
  const sizes = await page.locator('#demo-frame').evaluate((f: HTMLIFrameElement) => ({
    frame: f.getBoundingClientRect().height,
    inner: f.contentDocument!.querySelector('main')!.getBoundingClientRect().height,
  }));
  expect(Math.abs(sizes.frame - 2 - Math.ceil(sizes.inner)), JSON.stringify(sizes)).toBeLessThanOrEqual(2);
  expect(errors).toEqual([]);
});

test('the component is one small script: under 10 KB gzip, with no import of its own but the recogniser on use', () => {
  const script = readFileSync(join(DIST, 'embed', 'qbo-sync-help.js'));
  expect(gzipSync(script).length).toBeLessThanOrEqual(10 * 1024);
  expect(script.toString()).not.toMatch(/\bimport\s*["'{*]/);
  const sitemap = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
  expect(sitemap).not.toContain('/embed/');
});

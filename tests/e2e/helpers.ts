/**
 * Page helpers shared by the browser tests. What is built on disk (the pages, DIST_DIR) is read
 * through scripts/lib/dist.ts, shared with the benchmark.
 */
import type { Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { addressQuery } from '../../src/lib/shared/search/cap.ts';

/**
 * The steps of "How to fix": the items of the first list after its heading (the build
 * guarantees that list is inside the section).
 */
export const fixStepItems = (page: Page) =>
  page.locator('.heading-wrapper:has(#how-to-fix) ~ ol').first().locator(':scope > li');

/**
 * What a search result links to, as the query sets name it (scripts/lib/queries.ts): an error's
 * code, or "quickbooks/<code>" for a fault code's page; online (/errors/x/) and offline
 * (../errors/x/index.html) alike.
 */
export function pageOfHref(href: string): string {
  const m = /(?:^|\/)(?:errors\/([^/?#]+)\/|quickbooks\/(\d+)\/)/.exec(href);
  return m?.[1] ?? (m?.[2] ? `quickbooks/${m[2]}` : '');
}

/**
 * Types `query` into the search page's box as a person would, waits for its results (the
 * address following the box, the page no longer busy, the spoken status), and returns what they
 * link to (pageOfHref), best first.
 */
export async function searchPage(page: Page, query: string): Promise<string[]> {
  const box = page.getByRole('searchbox', { name: /Describe the problem/ });
  await box.fill('');
  await box.fill(query);
  // A one-line box takes a paste without its line breaks, as a person's paste: the address follows the box.
  const addressed = addressQuery(await box.inputValue());
  await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, addressed);
  await page.locator('search-page:not([aria-busy])').waitFor();
  await page.locator('main .search-status:not(:empty)').waitFor();
  return page
    .locator('[data-search-results] a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
    .then((hrefs) => hrefs.map(pageOfHref));
}

/** Unpacks the offline copy's zip (npm run export) into a new temporary folder; returns the copy's root folder. */
export function unpackExport(zip: string, into: string, name: string): string {
  for (const [path, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
    if (path.endsWith('/')) continue;
    mkdirSync(dirname(join(into, path)), { recursive: true });
    writeFileSync(join(into, path), bytes);
  }
  return join(into, name);
}

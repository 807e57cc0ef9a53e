/**
 * Page helpers shared by the browser tests. What is built on disk (the pages, DIST_DIR) is read
 * through scripts/lib/dist.ts, shared with the benchmark.
 */
import type { Page } from '@playwright/test';

/**
 * The steps of "How to fix": the items of the first list after its heading (the build
 * guarantees that list is inside the section).
 */
export const fixStepItems = (page: Page) => page.locator('.heading-wrapper:has(#how-to-fix) ~ ol').first().locator(':scope > li');

/**
 * Hostile input (issue 14): what a careless or malicious person may type or paste into a search
 * box. Each input goes into the search page's box, into the header's box (and Enter), on the
 * site and in the offline copy opened from file://. For every one: no page error and no console
 * error, the page is not left busy, the box still holds the input, the address stays short,
 * and nothing in it runs (a script would set window.__hostile, or open a dialog).
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { MAX_ADDRESS_QUERY_BYTES } from '../../src/lib/shared/search/cap.ts';

const RUN = 'window.__hostile=1';
const MESSAGE =
  'Duplicate Document Number Error : You must specify a different number. DocNumber=1042 is assigned to TxnType=Invoice with TxnId=387 ';

/** name → what is typed or pasted. */
const INPUTS: [string, string][] = [
  ['constructor', 'constructor'],
  ['__proto__', '__proto__'],
  ['toString', 'toString'],
  ['hasOwnProperty valueOf', 'hasOwnProperty valueOf'],
  ['a lone high surrogate', 'invoice \uD83D closed'],
  ['a lone low surrogate first', '\uDE00 duplicate'],
  ['an emoji as the 2,000th character', `${'closed period '.repeat(142)}reopen the ${'😀'.repeat(10)}`],
  ['a 1 MB paste', MESSAGE.repeat(Math.ceil(1_000_000 / MESSAGE.length)).slice(0, 1_000_000)],
  ['control characters', 'inv\u0000oice\u0001\u0007\u001b[31m dupl\u007ficate\u0085\u2028\u2029\u200b\uFEFF'],
  ['right-to-left text', 'فاتورة مكررة \u202Eetacilpud\u202C שגיאה 6240'],
  ['a script element', `<script>${RUN}</script>`],
  ['an img onerror', `<img src=x onerror="${RUN}">`],
  ['a javascript: URL', `javascript:${RUN}`],
  ['an attribute break-out with svg onload', `"><svg onload="${RUN}">`],
  ['a template and prototype chain', `{{constructor.constructor('${RUN}')()}} \${${RUN}}`],
];

/** What an <input type=search> keeps of a value: browsers strip line breaks from it. */
const inBox = (s: string) => s.replace(/[\r\n]/g, '');
const units = (s: string) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));

/**
 * Pastes `input` into a box: Playwright's fill(), or, for text with a lone surrogate (which
 * fill() would send as U+FFFD), the value set in the page and an input event, as a paste does.
 */
async function paste(box: Locator, input: string) {
  if (input.isWellFormed()) return box.fill(input);
  await box.focus();
  await box.evaluate((el: HTMLInputElement, codes) => {
    el.value = String.fromCharCode(...codes);
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, units(input));
}

/** The box holds `input`, code unit for code unit (lone surrogates included). */
async function expectHolds(box: Locator, input: string) {
  if (input.isWellFormed()) return expect(box).toHaveValue(inBox(input));
  await expect
    .poll(() =>
      box.evaluate((el: HTMLInputElement) => Array.from({ length: el.value.length }, (_, i) => el.value.charCodeAt(i))),
    )
    .toEqual(units(inBox(input)));
}

/** Errors, dialogs and whether anything ran, for one page. */
function watch(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return {
    errors,
    ran: () => page.evaluate(() => (window as unknown as { __hostile?: number }).__hostile !== undefined),
  };
}

/** The encoded length of the address's ?q=. */
const addressQueryBytes = (page: Page) => /[?&]q=([^&#]*)/.exec(page.url())?.[1]?.length ?? 0;

/**
 * How long an answer may take. A 2,000-character query is a full-text search of every one of its
 * words, and the status line speaks only once those results are in: on a two-core machine busy
 * with other builds that took up to 10 s. A page that froze would never answer at all.
 */
const ANSWER = { timeout: 20_000 };

/** Types or pastes `input` into the search page's box and waits for the answer. */
async function searchPage(page: Page, input: string) {
  const box = page.getByRole('searchbox', { name: /Describe the problem/ });
  await box.fill('');
  await paste(box, input);
  await expect(page.locator('main .search-status')).not.toBeEmpty(ANSWER);
  await expect(page.locator('search-page')).not.toHaveAttribute('aria-busy', ANSWER);
  await expectHolds(box, input);
  await expect.poll(() => addressQueryBytes(page)).toBeGreaterThan(0);
  expect(addressQueryBytes(page)).toBeLessThanOrEqual(MAX_ADDRESS_QUERY_BYTES);
}

/** Pastes `input` into the header's box, waits for the panel's answer, presses Enter and checks the search page. */
async function headerThenEnter(page: Page, input: string) {
  const header = page.getByRole('searchbox', { name: 'Search errors' });
  await paste(header, input);
  await expect(page.locator('site-search [role="status"]')).toContainText(/match/, ANSWER);
  await header.press('Enter');
  await expect(page).toHaveURL(/\/search\/(index\.html)?\?q=/);
  const box = page.getByRole('searchbox', { name: /Describe the problem/ });
  await expectHolds(box, input);
  await expect(page.locator('main .search-status')).not.toBeEmpty(ANSWER);
  await expect(page.locator('search-page')).not.toHaveAttribute('aria-busy', ANSWER);
  expect(addressQueryBytes(page)).toBeLessThanOrEqual(MAX_ADDRESS_QUERY_BYTES);
}

test.describe('hostile input on the site', () => {
  // Three searches of up to 2,000 characters each (see ANSWER).
  test.describe.configure({ timeout: 90_000 });
  for (const [name, input] of INPUTS) {
    test(`${name}: the search page, the header panel and Enter`, async ({ page }) => {
      const w = watch(page);
      await page.goto('/search/');
      await searchPage(page, input);
      await page.goto('/errors/');
      await headerThenEnter(page, input);
      // A link with it in the address (as shared) loads, too.
      await page.goto(`/search/?q=${encodeURIComponent(input.slice(0, 300).toWellFormed())}`);
      await expect(page.locator('main .search-status')).not.toBeEmpty();
      expect(await w.ran(), 'a script in the input ran').toBe(false);
      expect(w.errors).toEqual([]);
    });
  }
});

test.describe('hostile input in the offline copy, from file://', () => {
  test.describe.configure({ timeout: 90_000 });
  const ROOT = join(import.meta.dirname, '..', '..');
  const zip = join(resolve(ROOT, process.env['EXPORT_DIR'] ?? 'export'), 'qbo-sync-errors-help.zip');
  let unpacked = '';
  let site = '';

  test.beforeAll(() => {
    if (!existsSync(zip)) throw new Error(`${zip} is missing: run npm run build && npm run export before these tests.`);
    unpacked = mkdtempSync(join(tmpdir(), 'qbo-help-hostile-'));
    for (const [path, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
      if (path.endsWith('/')) continue;
      mkdirSync(dirname(join(unpacked, path)), { recursive: true });
      writeFileSync(join(unpacked, path), bytes);
    }
    site = pathToFileURL(join(unpacked, 'qbo-sync-errors-help')).href;
  });
  test.afterAll(() => rmSync(unpacked, { recursive: true, force: true }));

  for (const [name, input] of INPUTS) {
    test(`${name}: the search page, the header panel and Enter`, async ({ page }) => {
      await page.route(/^https?:/, (route) => route.abort());
      const w = watch(page);
      await page.goto(`${site}/search/index.html`);
      await searchPage(page, input);
      await page.goto(`${site}/errors/index.html`);
      await headerThenEnter(page, input);
      expect(await w.ran(), 'a script in the input ran').toBe(false);
      expect(w.errors).toEqual([]);
    });
  }
});

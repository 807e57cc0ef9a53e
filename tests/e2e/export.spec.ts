/**
 * The offline export (npm run export, issue 5). The zip is unpacked into a temporary folder
 * and opened from file:// in Chromium: browsing, cross-links and search must work there with
 * no request leaving the disk and no console error. The PDFs are read back with pdf.js: every
 * code and title in the text, the table of contents linking into the document, and one PDF
 * per category with that category's errors only. Expectations come from content/, not from
 * the export.
 */
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFrontmatter } from '../../scripts/lib/frontmatter.ts';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { addressQuery } from '../../src/lib/shared/search/cap.ts';
import { loadQueries } from '../../scripts/lib/queries.ts';
import { DIST, sitePages } from '../../scripts/lib/dist.ts';
import { excerptFaults } from './excerpts.ts';
import { unpackExport } from './helpers.ts';
import { ERRORS } from '../content.ts';
import { pageSources } from '../../src/lib/build/sources.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const EXPORT = resolve(ROOT, process.env['EXPORT_DIR'] ?? 'export');
const NAME = 'qbo-sync-errors-help';
const DOC_NUMBER_MESSAGE =
  'Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=1042 is assigned to TxnType=Invoice with TxnId=387';

/** The catalog as the authors wrote it: code, title and categories of every error. */
const CATALOG = readdirSync(join(ROOT, 'content', 'errors'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const front = readFrontmatter(join(ROOT, 'content', 'errors', f)).data as unknown as {
      code: string;
      title: string;
      categories: string[];
      lastReviewed: string;
    };
    return {
      code: front.code,
      title: front.title,
      categories: front.categories,
      lastReviewed: String(front.lastReviewed),
    };
  });
const CATEGORIES = readdirSync(join(ROOT, 'content', 'categories')).map((f) => f.replace(/\.json$/, ''));

function exported(file: string): string {
  const path = join(EXPORT, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build && npm run export before these tests.`);
  return path;
}

test.describe('the offline copy, from file://', () => {
  let site = '';
  let unpacked = '';
  const outside: string[] = [];
  const errors: string[] = [];

  test.beforeAll(() => {
    unpacked = mkdtempSync(join(tmpdir(), 'qbo-help-offline-'));
    site = pathToFileURL(unpackExport(exported(`${NAME}.zip`), unpacked, NAME)).href;
  });
  test.afterAll(() => rmSync(unpacked, { recursive: true, force: true }));

  test.beforeEach(async ({ page }) => {
    outside.length = 0;
    errors.length = 0;
    page.on('request', (r) => {
      if (!/^(file|data|blob):/.test(r.url())) outside.push(r.url());
    });
    await page.route(/^https?:/, (route) => route.abort());
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
  });
  test.afterEach(() => {
    expect(outside, 'requests that left the disk').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
  });

  /** Every link of the page goes to a file of the copy (not a folder, not the disk's root) or elsewhere on purpose. */
  async function expectFileLinks(page: Page) {
    const hrefs = await page
      .locator('a[href], link[href], script[src], form[action]')
      .evaluateAll((els) =>
        els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? ''),
      );
    const bad = hrefs.filter(
      (h) => !/^(#|mailto:|https:)/.test(h) && (h.startsWith('/') || !/\.[a-z\d]+(?:[?#].*)?$/i.test(h)),
    );
    expect(bad, `links of ${page.url()} that are not relative links to files`).toEqual([]);
  }

  test('home → category → error → "Fix these first" → "Fixing this also unblocks"', async ({ page }) => {
    await page.goto(`${site}/index.html`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The stylesheet loaded: the header is sticky as on the site.
    await expect(page.locator('.site-header')).toHaveCSS('position', 'sticky');
    await expectFileLinks(page);

    await page.getByRole('main').getByRole('link', { name: 'Invoice errors' }).click();
    await expect(page).toHaveURL(/\/categories\/invoice\/index\.html$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invoice errors');
    await expectFileLinks(page);

    // An error that has to wait for another one.
    await page.locator('main a[href*="invoice-client-inactive/"]').first().click();
    await expect(page).toHaveURL(/\/errors\/invoice-client-inactive\/index\.html$/);
    await expectFileLinks(page);
    const first = page
      .getByRole('complementary', { name: 'Fix these first' })
      .getByRole('listitem')
      .getByRole('link')
      .first();
    const target = (await first.textContent())!.trim();
    await first.click();
    await expect(page).toHaveURL(/\/errors\/[a-z-]+\/index\.html$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target);

    const waiting = CATALOG.find((e) => e.code === 'invoice-client-inactive')!.title;
    const back = page.getByRole('region', { name: 'Fixing this also unblocks' }).getByRole('link', { name: waiting });
    await expect(back).toHaveAttribute('href', /^\.\.\/invoice-client-inactive\/index\.html$/);
    await back.click();
    await expect(page).toHaveURL(/\/errors\/invoice-client-inactive\/index\.html$/);
  });

  test('a pasted QuickBooks message in the header box lands on its page', async ({ page }) => {
    await page.goto(`${site}/errors/payment-deleted/index.html`);
    const box = page.getByRole('searchbox', { name: 'Search errors' });
    await box.fill(DOC_NUMBER_MESSAGE);
    const hit = page.locator('#site-search-panel .hit-link').first();
    await expect(hit).toHaveAttribute(
      'href',
      /^\.\.\/invoice-duplicate-number\/index\.html\?highlight=[^#]+(#[\w-]+)?$/,
    );
    await box.press('ArrowDown');
    await expect(hit).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/errors\/invoice-duplicate-number\/index\.html(#[\w-]+)?$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'The invoice number is already used in QuickBooks',
    );
  });

  test('Enter in the header box opens search/index.html?q=… with the results', async ({ page }) => {
    await page.goto(`${site}/categories/client/index.html`);
    const box = page.getByRole('searchbox', { name: 'Search errors' });
    await box.fill('6140');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\/index\.html\?q=6140$/);
    await expect(page.locator('[data-search-results] a').first()).toHaveAttribute(
      'href',
      /invoice-duplicate-number\/index\.html/,
    );
  });

  test('search/index.html?q=<message> ranks the right page first, as links', async ({ page }) => {
    await page.goto(`${site}/search/index.html?q=${encodeURIComponent(DOC_NUMBER_MESSAGE)}`);
    await expect(page.getByRole('searchbox', { name: /Describe the problem/ })).toHaveValue(DOC_NUMBER_MESSAGE);
    const links = page.locator('[data-search-results] li a.hit-link');
    await expect(links.first()).toHaveAttribute(
      'href',
      /^\.\.\/errors\/invoice-duplicate-number\/index\.html\?highlight=[^#]+(#[\w-]+)?$/,
    );
    await expect(page.locator('[data-search-results] .hit-excerpt mark').first()).toBeVisible();
    await expectFileLinks(page);
    await links.first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'The invoice number is already used in QuickBooks',
    );
    // The searched words are highlighted, and the address loses its highlight parameter (issue 11).
    await expect(page).toHaveURL(
      (url) => url.pathname.endsWith('/errors/invoice-duplicate-number/index.html') && url.search === '',
    );
    const marked = await page.evaluate(() =>
      [...(CSS.highlights.get('search-terms') ?? [])].map((r) => (r as Range).toString().toLowerCase()),
    );
    expect(marked).toContain('duplicate');
  });

  test('nonsense gets the empty state, with links that work offline', async ({ page }) => {
    await page.goto(`${site}/search/index.html?q=zzqx%20qwrty`);
    const empty = page.locator('main .search-empty');
    await expect(empty).toContainText('No errors match “zzqx qwrty”');
    await empty.getByRole('link', { name: 'Every error A–Z' }).click();
    await expect(page).toHaveURL(/\/errors\/index\.html$/);
  });

  test('the shared query set: offline search finds what the site finds', async ({ page }) => {
    test.setTimeout(120_000);
    const queries = loadQueries();
    await page.goto(`${site}/search/index.html`);
    const box = page.getByRole('searchbox', { name: /Describe the problem/ });
    let first = 0;
    let excerpts = 0;
    const misses: string[] = [];
    const faults: string[] = [];
    for (const q of queries) {
      await box.fill('');
      await box.fill(q.query);
      await expect(page).toHaveURL((url) => url.searchParams.get('q') === addressQuery(q.query));
      await expect(page.locator('search-page')).not.toHaveAttribute('aria-busy');
      await expect(page.locator('main .search-status')).not.toBeEmpty();
      const codes = await page
        .locator('[data-search-results] a')
        .evaluateAll((as) => as.map((a) => /errors\/([^/]+)\//.exec(a.getAttribute('href')!)?.[1] ?? ''));
      if (q.expect.includes(codes[0]!)) first++;
      else misses.push(`${q.query.slice(0, 50)} → ${codes.slice(0, 3).join(', ')}`);
      expect(codes.slice(0, 3), `"${q.query.slice(0, 80)}" has ${q.expect[0]} in its top three offline`).toContain(
        q.expect[0],
      );
      const shown = await page.locator('[data-search-results] li:has(.hit-excerpt)').evaluateAll((lis) =>
        lis.map((li) => ({
          code: li.querySelector('.hit-meta code')!.textContent!,
          text: li.querySelector('.hit-excerpt')!.textContent!,
        })),
      );
      for (const e of shown) {
        excerpts++;
        faults.push(...excerptFaults(e.code, e.text));
      }
    }
    console.log(`offline search: ${first}/${queries.length} first; misses: ${misses.join(' | ') || 'none'}`);
    expect(first / queries.length).toBeGreaterThanOrEqual(0.95);
    // Issue 11: excerpts never run two elements' text together, nor show a heading link's label.
    expect(excerpts).toBeGreaterThan(queries.length);
    expect(faults).toEqual([]);
  });
});

interface PdfLink {
  page: number;
  url?: string;
  dest?: string;
}

/** The text of each page of a PDF (whitespace collapsed, words split at a line-end hyphen joined) and its links. */
async function readPdf(path: string) {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const pages: string[] = [];
  const links: PdfLink[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : ''))
        .join('')
        .replace(/-\s*\n\s*/g, '-')
        .replace(/\s+/g, ' '),
    );
    for (const a of await page.getAnnotations()) {
      if (a.subtype === 'Link')
        links.push({ page: n, url: a.url, dest: typeof a.dest === 'string' ? a.dest : undefined });
    }
  }
  /** The page number a named destination points to. */
  const pageOf = async (name: string) => {
    const dest = await doc.getDestination(name);
    return dest ? (await doc.getPageIndex(dest[0])) + 1 : undefined;
  };
  const {
    Title: title,
    CreationDate: created,
    ModDate: modified,
  } = (await doc.getMetadata()).info as { Title?: string; CreationDate?: string; ModDate?: string };
  return { pages, text: pages.join(' '), links, pageOf, title, created, modified };
}

/** The help center's name, as the PDFs' document titles carry it. */
const SITE = 'QuickBooks Online sync errors';
const mentions = (text: string, code: string) => new RegExp(`(?<![\\w-])${code}(?![\\w-])`).test(text);
const plain = (s: string) => s.replace(/\s+/g, ' ');

test.describe('the PDFs', () => {
  test('a second export of the same build gives the same zip and PDFs, byte for byte', async () => {
    test.setTimeout(120_000);
    const first = readdirSync(EXPORT)
      .filter((f) => /^qbo-sync-errors-.*\.(zip|pdf)$/.test(f))
      .sort();
    expect(first.filter((f) => f.endsWith('.pdf')).length, 'PDFs in export/: run npm run export first').toBe(
      CATEGORIES.length + 1,
    );
    const again = mkdtempSync(join(tmpdir(), 'qbo-help-export-'));
    try {
      // The real command, as a person runs it, from the same build as the first export.
      execFileSync('npm', ['run', '--silent', 'export', '--', '--dist', DIST, '--out', again], {
        cwd: ROOT,
        stdio: 'pipe',
      });
      expect(readdirSync(again).sort()).toEqual(first);
      const differ = first.filter((f) => !readFileSync(join(EXPORT, f)).equals(readFileSync(join(again, f))));
      expect(differ, 'files that differ between two exports').toEqual([]);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  test('the catalog PDF has every code and title, and its contents link to each entry', async () => {
    const pdf = await readPdf(exported(`${NAME}.pdf`));
    expect(pdf.title, 'the document title is the help center, once').toBe(SITE);
    // Dated as of its newest review, not when it was printed (so that two exports are identical).
    const newest = CATALOG.map((e) => e.lastReviewed)
      .sort()
      .at(-1)!
      .replaceAll('-', '');
    expect([pdf.created, pdf.modified]).toEqual([`D:${newest}000000Z`, `D:${newest}000000Z`]);
    for (const e of CATALOG) {
      expect(pdf.text, `the PDF prints ${e.code}`).toContain(`Error code ${e.code}`);
      expect(pdf.text, `the PDF has the title of ${e.code}`).toContain(plain(e.title));
    }
    const contents = pdf.pages.findIndex((t) => t.includes('Contents')) + 1;
    expect(contents, 'a page with the table of contents').toBeGreaterThan(0);
    for (const e of CATALOG) {
      const link = pdf.links.find((l) => l.page <= contents + 2 && l.dest === `error-${e.code}`);
      expect(link, `the contents link to ${e.code}`).toBeDefined();
      const target = await pdf.pageOf(link!.dest!);
      expect(target, `the link to ${e.code} points into the document`).toBeGreaterThan(contents);
      expect(pdf.pages[target! - 1], `the link to ${e.code} lands on its entry`).toContain(`Error code ${e.code}`);
    }
    // Every other link is internal or a full https address: nothing relative, nothing to the print server.
    for (const l of pdf.links)
      expect(l.dest ?? l.url, `a link on page ${l.page}`).toMatch(/^(?!https?:\/\/print\.invalid)(https:\/\/|[\w-]+$)/);
  });

  test("issue 20: every error's sources are printed and linked in the catalog PDF", async () => {
    const pdf = await readPdf(exported(`${NAME}.pdf`));
    const urls = new Set(pdf.links.flatMap((l) => (l.url ? [l.url] : [])));
    for (const e of ERRORS) {
      for (const source of pageSources(e.quickbooks, e.body))
        expect(urls.has(source.url), `${e.code}: ${source.url}`).toBe(true);
    }
    expect(pdf.text).toContain('Sources');
  });

  test('one PDF per category, with its own errors only', async () => {
    for (const category of CATEGORIES) {
      const pdf = await readPdf(exported(`qbo-sync-errors-${category}.pdf`));
      const mine = CATALOG.filter((e) => e.categories.includes(category));
      expect(mine.length).toBeGreaterThan(0);
      const { title } = JSON.parse(readFileSync(join(ROOT, 'content', 'categories', `${category}.json`), 'utf8')) as {
        title: string;
      };
      expect(pdf.title, `${category} PDF's document title`).toBe(`${title} · ${SITE}`);
      for (const e of mine) expect(pdf.text, `${category} PDF prints ${e.code}`).toContain(`Error code ${e.code}`);
      for (const e of CATALOG.filter((x) => !x.categories.includes(category))) {
        expect(mentions(pdf.text, e.code), `${category} PDF mentions ${e.code} of another category`).toBe(false);
      }
      expect(
        pdf.links.some((l) => l.dest === `error-${mine[0]!.code}`),
        `${category} PDF links its contents`,
      ).toBe(true);
    }
  });
});

/** An HTML character reference (&#39; &amp; &#x27;) shown as text: the text was escaped twice. */
const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;

test.describe('text is escaped once', () => {
  test('no built page, print pages included, shows a character reference as text; every "#" link is named by its heading', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const pages = sitePages();
    expect(
      pages.filter((p) => p.startsWith('/print/')).length,
      'print pages in the build: run npm run build first',
    ).toBeGreaterThan(1);
    const problems: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      const found = await page.evaluate((source) => {
        const entity = new RegExp(source, 'i');
        const out: string[] = [];
        // Every text node, the visually hidden ones (read aloud, never seen) included.
        const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.parentElement?.closest('script, style')) continue;
          if (entity.test(n.nodeValue ?? '')) out.push(`text "${n.nodeValue!.trim().slice(0, 80)}"`);
        }
        for (const wrapper of document.querySelectorAll('.heading-wrapper')) {
          const heading = wrapper.querySelector('h1, h2, h3, h4, h5, h6')?.textContent?.trim();
          const name = wrapper.querySelector('.heading-anchor .visually-hidden')?.textContent?.trim();
          if (name !== `Link to section: ${heading}`) out.push(`the "#" link of "${heading}" is named "${name}"`);
        }
        return out;
      }, ENTITY.source);
      problems.push(...found.map((f) => `${path}: ${f}`));
    }
    expect(problems).toEqual([]);
  });

  test('no PDF shows a character reference as text', async () => {
    const files = [`${NAME}.pdf`, ...CATEGORIES.map((c) => `qbo-sync-errors-${c}.pdf`)];
    for (const file of files) {
      const pdf = await readPdf(exported(file));
      expect(pdf.text.match(ENTITY)?.[0], `${file} prints a character reference`).toBeUndefined();
    }
    // The titles that carry an apostrophe are printed with it.
    const pdf = await readPdf(exported(`${NAME}.pdf`));
    for (const e of CATALOG.filter((x) => x.title.includes("'"))) expect(pdf.text).toContain(plain(e.title));
  });
});

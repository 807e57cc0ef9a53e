/**
 * The offline export (issue 5): from a built site (dist/), writes export/ with
 *   qbo-sync-errors-help.zip        the site for file://: relative links to files, search on a
 *                                   MiniSearch index prebuilt here (scripts/lib/export)
 *   qbo-sync-errors-help.pdf        the whole catalog, printed by Chromium from /print/
 *   qbo-sync-errors-<category>.pdf  one per category, from /print/<category>/
 *
 *   npm run export [-- --dist <dir> --out <dir>]
 *
 * Prints each step with its size, then one JSON line with the figures (for npm run bench);
 * a script can also call runExport() and get them as an object.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleClient } from '../src/lib/build/bundle.ts';
import { zipSync, type Zippable } from 'fflate';

/** The date stamped on the zip's entries (the zip format's dates are local and start in 1980). */
const ZIP_DATE = new Date(2026, 0, 1);
import MiniSearch from 'minisearch';
import type { Browser } from '@playwright/test';
import { launchChromium } from './lib/chromium.ts';
import { contentTypeOf } from './lib/contentTypes.ts';
import {
  fullTextOptions,
  SEARCH_DATA_GLOBAL,
  toFullTextDoc,
  type FullTextDoc,
  type OfflineSearchData,
} from '../src/lib/shared/search/fullText.ts';
import { readFragments, sectionsOf, type Section } from '../src/lib/build/pagefindFragments.ts';
import { baseOf, offlineSite } from './lib/export/site.ts';
import { withBase, withoutBase } from '../src/lib/shared/base.ts';
import { builtFileOf, paths } from '../src/lib/shared/urls.ts';
import { formatBytes, underFolder } from './lib/export/report.ts';
import { stampPdf } from './lib/export/pdf.ts';
import { FAULT_CATEGORY, type SearchDoc } from '../src/lib/shared/search/types.ts';

const ROOT = join(import.meta.dirname, '..');
export const NAME = 'qbo-sync-errors-help';
/** Chromium loads the print pages from here; requests are answered from dist/, nothing goes out. */
const PRINT_ORIGIN = 'http://print.invalid';

export interface ExportFigures {
  seconds: number;
  /** Seconds per step: read, search, copy, zip, pdf, categoryPdfs. */
  steps: Record<string, number>;
  pages: number;
  files: number;
  zip: { path: string; bytes: number };
  searchIndexBytes: number;
  searchScriptBytes: number;
  pdf: { path: string; bytes: number; pages: number };
  categoryPdfs: { category: string; path: string; bytes: number; pages: number }[];
}

/** A problem the person running the export can fix; printed without a stack trace. */
export class ExportError extends Error {}

async function readTree(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(relative(dir, full).split(sep).join('/'), await readFile(full));
  }
  return files;
}

function need(dist: string, path: string, what: string): void {
  if (!existsSync(join(dist, path)))
    throw new ExportError(`${what} is missing from ${join(dist, path)}: run npm run build first.`);
}

/** The ranker's docs and each page's text, from search-data.json and Pagefind's fragments. */
function searchData(build: ReadonlyMap<string, Uint8Array>): {
  docs: SearchDoc[];
  sections: Record<string, Section[]>;
} {
  const raw = JSON.parse(new TextDecoder().decode(build.get(builtFileOf(paths.searchData())))) as (SearchDoc & {
    pagefindId?: string;
  })[];
  const docs = raw.map(({ pagefindId: _, ...doc }) => doc);
  const byUrl = new Map<string, Section[]>();
  for (const { fragment } of readFragments(build)) byUrl.set(fragment.url, sectionsOf(fragment));
  const found = new Map<string, Section[]>();
  const missing: string[] = [];
  // The fault codes' pages have no text of Pagefind's (only error pages are indexed).
  for (const d of docs.filter((doc) => doc.categories[0] !== FAULT_CATEGORY)) {
    const s = byUrl.get(paths.error(d.code));
    if (s) found.set(d.code, s);
    else missing.push(d.code);
  }
  if (missing.length) throw new ExportError(`Pagefind has no text for ${missing.join(', ')}: run npm run build again.`);
  // An object for JSON; fromEntries defines own keys, whatever the code.
  return { docs, sections: Object.fromEntries(found) };
}

async function bundleSearch(entry = 'search/offline.ts'): Promise<string> {
  const code = await bundleClient(entry, 'iife', ROOT);
  // From file:// a module import or a fetch fails: the bundle must call neither (a method
  // of that name, as MiniSearch's SearchableMap has, is fine).
  if (/(?<![\w$.])(?:import|fetch)\s*\((?![^()]*\)\s*\{)/.test(code))
    throw new Error(`the offline bundle of ${entry} imports a module or fetches: it would fail from file://`);
  return code;
}

async function startChromium(): Promise<Browser> {
  try {
    return await launchChromium();
  } catch (e) {
    throw new ExportError(
      `Chromium is needed to print the PDFs and did not start (${(e as Error).message.split('\n')[0]}). Install it: apt-get install chromium, or npm exec -- playwright install chromium.`,
    );
  }
}

/**
 * Prints a built print page to a PDF: A4, page numbers, bookmarks from the headings, tagged;
 * dated with the date its content is as of (the cover's <time>), so two exports are identical.
 * The build is served at its base path (a SITE_URL with a path, e.g. "/docs/"), as it was made for.
 */
async function printPdf(
  browser: Browser,
  build: ReadonlyMap<string, Uint8Array>,
  path: string,
  out: string,
): Promise<number> {
  const base = baseOf(new TextDecoder().decode(build.get('index.html')));
  const page = await browser.newPage();
  const stray: string[] = [];
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const inside = withoutBase(url.pathname, base);
    let file = decodeURIComponent(inside ?? '').replace(/^\//, '');
    if (file === '' || file.endsWith('/')) file += 'index.html';
    const body = url.origin === PRINT_ORIGIN && inside !== undefined ? build.get(file) : undefined;
    if (!body) {
      stray.push(url.href);
      return route.abort();
    }
    return route.fulfill({ body: Buffer.from(body), contentType: contentTypeOf(file) });
  });
  await page.goto(`${PRINT_ORIGIN}${withBase(path, base)}`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  if (stray.length) throw new Error(`the print page ${path} asked for what the build lacks: ${stray.join(', ')}`);
  const asOf = await page.locator('.cover time[datetime]').getAttribute('datetime');
  if (!asOf || !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    throw new ExportError(`The print page ${path} has no "content as of" date on its cover: run npm run build again.`);
  const pdf = await page.pdf({
    format: 'A4',
    printBackground: true,
    outline: true,
    tagged: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate:
      '<div style="width:100%;font:8px system-ui,sans-serif;color:#4a5260;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    margin: { top: '16mm', bottom: '18mm', left: '16mm', right: '16mm' },
  });
  await page.close();
  const stamped = await stampPdf(pdf, new Date(`${asOf}T00:00:00Z`));
  await writeFile(out, stamped.bytes);
  return stamped.pages;
}

export async function runExport(
  options: { dist?: string; out?: string; log?: (line: string) => void } = {},
): Promise<ExportFigures> {
  const dist = resolve(options.dist ?? join(ROOT, 'dist'));
  const out = resolve(options.out ?? join(ROOT, 'export'));
  const log = options.log ?? console.log;
  const started = performance.now();
  const steps: Record<string, number> = {};
  let mark = started;
  const step = (n: number, text: string) => log(`[${n}/6] ${text}`);
  /** Ends the timing of a step. */
  const took = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round(now - mark) / 1000;
    mark = now;
  };
  const show = (path: string) => relative(process.cwd(), path) || '.';

  step(1, `Reading the built site in ${show(dist)}`);
  if (!existsSync(join(dist, 'index.html')))
    throw new ExportError(`No built site in ${show(dist)}: run npm run build first.`);
  need(dist, builtFileOf(paths.searchData()), `The search data (${builtFileOf(paths.searchData())})`);
  need(dist, 'pagefind/fragment', "Pagefind's index (pagefind/)");
  need(dist, 'print/index.html', 'The print page (print/index.html)');
  const site = await readTree(dist);
  log(`      ${site.size} files, ${formatBytes([...site.values()].reduce((n, b) => n + b.length, 0))}`);
  took('read');

  step(2, 'Building the offline search');
  const { docs, sections } = searchData(site);
  const index = new MiniSearch<FullTextDoc>(fullTextOptions);
  index.addAll(docs.flatMap((d) => (Object.hasOwn(sections, d.code) ? [toFullTextDoc(d, sections[d.code]!)] : [])));
  const data: OfflineSearchData = { docs, sections, index: index.toJSON() };
  const indexScript = new TextEncoder().encode(`window.${SEARCH_DATA_GLOBAL}=${JSON.stringify(data)};\n`);
  const searchScript = new TextEncoder().encode(await bundleSearch());
  // Triage and /go/ (their pages carry the catalog's triage data inline): src/client/triage/offline.ts.
  const triageScript = new TextEncoder().encode(await bundleSearch('triage/offline.ts'));
  log(
    `      search-index.js ${formatBytes(indexScript.length)} (${docs.length} pages), search.js ${formatBytes(searchScript.length)}`,
  );
  took('search');

  step(3, 'Rewriting the site for file://');
  const copy = offlineSite(
    site,
    new Map([
      ['search.js', searchScript],
      ['search-index.js', indexScript],
      ['triage.js', triageScript],
    ]),
    ['/search.js'],
    new Map([
      ['triage/index.html', ['/triage.js']],
      ['go/index.html', ['/triage.js']],
    ]),
  );
  if (copy.problems.length) {
    const n = copy.problems.length;
    throw new ExportError(
      `the offline copy would have ${n} broken link${n === 1 ? '' : 's'}, so nothing was written (a page of ${show(dist)} links to a file the build lacks: build again, or fix the link in the page's source):\n  ${copy.problems.join('\n  ')}`,
    );
  }
  log(
    `      ${copy.pages} pages, ${copy.files.size} files; left out ${copy.dropped.length} files (Pagefind, module scripts, sitemaps, print pages, link previews)`,
  );
  log(`      module scripts replaced by search.js: ${copy.removedScripts.join(', ') || 'none'}`);
  took('copy');

  await mkdir(out, { recursive: true });
  for (const old of await readdir(out)) if (/^qbo-sync-errors-.*\.(zip|pdf)$/.test(old)) await rm(join(out, old));

  step(4, 'Zipping');
  const zipPath = join(out, `${NAME}.zip`);
  // A fixed date on every entry: two exports of the same site give the same zip, byte for byte.
  const mtime = ZIP_DATE;
  const entries: Zippable = {};
  for (const [path, bytes] of Object.entries(underFolder(copy.files, NAME))) {
    // Already compressed formats are stored; text is deflated at the highest level.
    entries[path] = [bytes, { level: /\.(png|jpe?g|webp|avif|woff2?|gz|zip)$/.test(path) ? 0 : 9, mtime }];
  }
  const zip = zipSync(entries);
  await writeFile(zipPath, zip);
  log(`      ${show(zipPath)} ${formatBytes(zip.length)}`);
  took('zip');

  step(5, 'Printing the whole catalog to PDF');
  const browser = await startChromium();
  try {
    const pdfPath = join(out, `${NAME}.pdf`);
    const pdfPages = await printPdf(browser, site, paths.print(), pdfPath);
    const pdfBytes = (await stat(pdfPath)).size;
    log(`      ${show(pdfPath)} ${formatBytes(pdfBytes)}, ${pdfPages} pages`);
    took('pdf');

    step(6, 'Printing one PDF per category');
    const categories = [...site.keys()].flatMap((p) => /^print\/([^/]+)\/index\.html$/.exec(p)?.[1] ?? []).sort();
    if (!categories.length)
      throw new ExportError(
        `No category print pages (print/<category>/index.html) in ${show(dist)}: run npm run build first.`,
      );
    // Printed side by side, in tabs of the same browser.
    const categoryPdfs = await Promise.all(
      categories.map(async (category) => {
        const path = join(out, `qbo-sync-errors-${category}.pdf`);
        const pages = await printPdf(browser, site, paths.print(category), path);
        return { category, path: show(path), bytes: (await stat(path)).size, pages };
      }),
    );
    for (const c of categoryPdfs) log(`      ${c.path} ${formatBytes(c.bytes)}, ${c.pages} pages`);

    took('categoryPdfs');
    const seconds = Math.round(performance.now() - started) / 1000;
    log(`Done in ${seconds.toFixed(1)} s.`);
    return {
      seconds,
      steps,
      pages: copy.pages,
      files: copy.files.size,
      zip: { path: show(zipPath), bytes: zip.length },
      searchIndexBytes: indexScript.length,
      searchScriptBytes: searchScript.length,
      pdf: { path: show(pdfPath), bytes: pdfBytes, pages: pdfPages },
      categoryPdfs,
    };
  } finally {
    await browser.close();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { dist: { type: 'string' }, out: { type: 'string' } } });
  try {
    const figures = await runExport(values);
    // The last line, for machines (npm run bench): every figure of this run.
    console.log(JSON.stringify({ export: figures }));
  } catch (e) {
    console.error(e instanceof ExportError ? `export: ${e.message}` : e);
    process.exit(1);
  }
}

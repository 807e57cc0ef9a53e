/**
 * Subpath hosting (issue 13): a build for SITE_URL=https://help.example.com/docs/ is served
 * under /docs/ of a local host and walked there. Every link, asset, form and redirect of every
 * page (the sitemap's, the 404 page, a former code's) resolves under /docs/ and nothing
 * escapes to the root; canonical and preview URLs, the sitemap, robots.txt, errors.json and
 * its schema, and the help-desk macros carry /docs/; in Chromium, search (header panel and search page) puts the right
 * page first and lands on it, "Fix these first" leads to its page, and "Copy link" copies the
 * public address. The offline export of that build works from file:// and its PDFs link to
 * the public pages under /docs/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { rename, root, withCopy } from './build-copy.ts';
import { serveStatic } from '../../scripts/lib/server.ts';

const SITE = 'https://help.example.com/docs/';
const BASE = '/docs/';
const DOC_NUMBER_MESSAGE =
  'Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=1042 is assigned to TxnType=Invoice with TxnId=387';
const DUPLICATE_NAME_FAULT =
  '{"Fault":{"Error":[{"Message":"Duplicate Name Exists Error","Detail":"The name supplied already exists. : Another customer is already using this name.","code":"6240"}],"type":"ValidationFault"}}';

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
/** Every URL a page loads or follows: href, src, action, and a refresh's url=. */
const urlsOf = (html: string) => [
  ...[...html.matchAll(/\s(?:href|src|action)=(["'])([^"']*)\1/g)].map((m) => decode(m[2]!)),
  ...[...html.matchAll(/http-equiv=["']refresh["'][^>]*content=["']\s*\d+\s*;\s*url=([^"']*)/gi)].map((m) =>
    decode(m[1]!),
  ),
];
const idsOf = (html: string) => new Set([...html.matchAll(/\sid=(["'])([^"']+)\1/g)].map((m) => m[2]!));

/** Fails on any request of `page` that leaves /docs/ of the host, or answers with an error. */
function watch(page: Page, origin: string): string[] {
  const bad: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === origin && !url.pathname.startsWith(BASE)) bad.push(`requested ${r.url()}, outside ${BASE}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) bad.push(`${r.url()}: HTTP ${r.status()}`);
  });
  page.on('pageerror', (e) => bad.push(`page error: ${e.message}`));
  return bad;
}

test(
  'a build for a SITE_URL with a path works served under that path, online and offline',
  { timeout: 600_000 },
  async (t) => {
    await withCopy(async ({ content, build, dir }) => {
      // A renamed error, so that a former code's redirect page is walked too.
      rename(content, true);
      const built = build({ SITE_URL: SITE });
      assert.equal(built.status, 0, built.output.slice(-3000));
      const dist = built.dist;
      const www = join(dir, 'www');
      cpSync(dist, join(www, 'docs'), { recursive: true });
      const server = await serveStatic(www);
      const { origin } = server;
      const home = `${origin}${BASE}`;
      const read = (path: string) => readFileSync(join(dist, path), 'utf8');

      try {
        await t.test(
          'public addresses carry the path: canonical, previews, sitemap, robots.txt, errors.json, redirects',
          async () => {
            const page = read('errors/invoice-duplicate-number/index.html');
            const url = `${SITE}errors/invoice-duplicate-number/`;
            assert.equal(/<link rel="canonical" href="([^"]*)"/.exec(page)?.[1], url, 'canonical URL');
            assert.equal(/<meta property="og:url" content="([^"]*)"/.exec(page)?.[1], url, 'link preview URL');
            // The preview image's public address carries the path, and the build serves it there.
            const image = /<meta property="og:image" content="([^"]*)"/.exec(page)?.[1];
            assert.equal(image, `${SITE}og/invoice-duplicate-number.png`, 'link preview image');
            const served = await fetch(new URL(new URL(image).pathname, origin));
            assert.equal(served.status, 200, `${image} is served under ${BASE}`);
            assert.equal(served.headers.get('content-type'), 'image/png');
            await served.arrayBuffer();
            assert.equal(
              /"isPartOf":\{"@type":"WebSite","name":"[^"]+","url":"([^"]*)"\}/.exec(page)?.[1],
              SITE,
              'structured data: the website',
            );
            const sitemap = read('sitemap-0.xml');
            const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
            assert.ok(locs.length > 50, 'the sitemap lists the pages');
            assert.deepEqual(
              locs.filter((l) => !l.startsWith(SITE)),
              [],
              'every sitemap address is under SITE_URL',
            );
            assert.match(read('sitemap-index.xml'), /<loc>https:\/\/help\.example\.com\/docs\/sitemap-0\.xml<\/loc>/);
            assert.match(read('robots.txt'), /^Sitemap: https:\/\/help\.example\.com\/docs\/sitemap-index\.xml$/m);
            const catalog = JSON.parse(read('errors.json')) as {
              $schema: string;
              errors: { code: string; url: string }[];
            };
            assert.equal(catalog.$schema, `${SITE}errors.schema.json`);
            for (const e of catalog.errors) assert.equal(e.url, `${SITE}errors/${e.code}/`);
            assert.equal((JSON.parse(read('errors.schema.json')) as { $id: string }).$id, `${SITE}errors.schema.json`);
            // The help-desk files (issue 22): each reply links its page under the path.
            const { macros } = JSON.parse(read('macros/zendesk.json')) as {
              macros: { title: string; actions: { value: string }[] }[];
            };
            assert.equal(macros.length, catalog.errors.length);
            for (const m of macros)
              assert.ok(
                m.actions[0]!.value.includes(`${SITE}errors/${/\(([a-z0-9-]+)\)$/.exec(m.title)![1]}/\nError code: `),
                m.title,
              );
            assert.equal(
              read('macros/saved-replies.csv').match(/^"QuickBooks sync: /gm)?.length,
              catalog.errors.length,
            );
            assert.doesNotMatch(
              read('macros/saved-replies.csv'),
              /https:\/\/help\.example\.com\/errors\//,
              'no link escapes the path',
            );
            const redirect = /http-equiv="refresh" content="0;url=([^"]*)"/.exec(
              read('errors/invoice-deleted/index.html'),
            )?.[1];
            assert.equal(
              redirect,
              '/docs/errors/invoice-removed-in-quickbooks/',
              "a former code's page redirects under the path",
            );
          },
        );

        await t.test(
          'every link, asset and form of every page resolves under the path, #fragments included',
          async () => {
            const sitemapPages = [...read('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].flatMap((m) =>
              m[1]!.startsWith(SITE) ? [m[1]!.replace(SITE, home)] : [],
            );
            const queue = [home, ...sitemapPages, `${home}404.html`, `${home}errors/invoice-deleted/`, `${home}print/`];
            const pages = new Map<string, string>();
            const problems: string[] = [];
            const fragments: { from: string; url: URL }[] = [];
            let checked = 0;
            const status = new Map<string, number>();
            const get = async (url: string) => {
              const res = await fetch(url, { redirect: 'manual' });
              status.set(url, res.status);
              return res;
            };
            while (queue.length) {
              const url = queue.shift()!;
              if (pages.has(url)) continue;
              const res = await get(url);
              if (res.status !== 200) {
                problems.push(`${url}: HTTP ${res.status}`);
                continue;
              }
              const html = await res.text();
              pages.set(url, html);
              for (const raw of urlsOf(html)) {
                if (/^(mailto|tel|data|javascript):/i.test(raw)) continue;
                const target = new URL(raw, url);
                if (/^https?:$/.test(target.protocol) && target.origin !== origin) {
                  // An absolute link to the public site must be under SITE_URL.
                  if (target.origin === new URL(SITE).origin && !target.href.startsWith(SITE))
                    problems.push(`${url}: ${raw} leaves ${SITE}`);
                  continue;
                }
                checked++;
                if (!target.pathname.startsWith(BASE)) {
                  problems.push(`${url}: ${raw} escapes to the root (${target.pathname})`);
                  continue;
                }
                const page = `${target.origin}${target.pathname}`;
                if (target.hash.length > 1) fragments.push({ from: url, url: target });
                if (target.pathname.endsWith('/') || target.pathname.endsWith('.html')) queue.push(page);
                else if (!status.has(page)) {
                  const asset = await get(page);
                  if (asset.status !== 200) problems.push(`${url}: ${raw}: HTTP ${asset.status}`);
                  else if (page.endsWith('.css')) {
                    for (const m of (await asset.text()).matchAll(/url\((["']?)([^)"']*)\1\)/g)) {
                      const inCss = new URL(m[2]!, page);
                      if (inCss.protocol === 'data:') continue;
                      if (!inCss.pathname.startsWith(BASE) || (await get(inCss.href)).status !== 200)
                        problems.push(`${page}: url(${m[2]}) does not resolve under ${BASE}`);
                    }
                  } else await asset.arrayBuffer();
                }
              }
            }
            for (const { from, url } of fragments) {
              const html = pages.get(`${url.origin}${url.pathname}`);
              const id = decodeURIComponent(url.hash.slice(1));
              if (html && !idsOf(html).has(id))
                problems.push(`${from}: ${url.pathname}${url.hash}: no element with that id`);
            }
            assert.deepEqual(problems, []);
            assert.ok(pages.size > 80, `walked ${pages.size} pages`);
            assert.ok(checked > 1000, `checked ${checked} links`);
          },
        );

        const browser: Browser = await launchChromium();
        try {
          await t.test(
            'in Chromium: search finds a pasted QuickBooks message, a cross-link works, Copy link copies the public address',
            async () => {
              const context = await browser.newContext();
              await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
              const page = await context.newPage();
              const bad = watch(page, origin);

              // The header's panel: type a QuickBooks message, the right page comes first and opens.
              await page.goto(`${home}errors/payment-deleted/`);
              await page.getByRole('searchbox', { name: 'Search errors' }).fill(DOC_NUMBER_MESSAGE);
              const hit = page.locator('#site-search-panel .hit-link').first();
              await hit.waitFor();
              assert.match(
                (await hit.getAttribute('href'))!,
                /^\/docs\/errors\/invoice-duplicate-number\/\?highlight=[^#]+(#[\w-]+)?$/,
              );
              await hit.click();
              await page.waitForURL(/\/docs\/errors\/invoice-duplicate-number\/(#[\w-]+)?$/);
              assert.equal(
                (await page.getByRole('heading', { level: 1 }).textContent())?.trim(),
                'The invoice number is already used in QuickBooks',
              );

              // Enter in the header box opens the search page under the path, with the results.
              const box = page.getByRole('searchbox', { name: 'Search errors' });
              await box.fill('invoice number already used');
              await box.press('Enter');
              await page.waitForURL(
                (url) =>
                  url.pathname === '/docs/search/' && url.searchParams.get('q') === 'invoice number already used',
              );
              await page.locator('[data-search-results] a').first().waitFor();
              assert.equal(
                new URL((await page.locator('[data-search-results] a').first().getAttribute('href'))!, home).pathname,
                '/docs/errors/invoice-duplicate-number/',
              );

              // The search page, from an address: full text (Pagefind's index under /docs/pagefind/) and the ranker.
              await page.goto(`${home}search/?q=${encodeURIComponent(DUPLICATE_NAME_FAULT)}`);
              const first = page.locator('[data-search-results] a').first();
              await first.waitFor();
              assert.equal(
                new URL((await first.getAttribute('href'))!, home).pathname,
                '/docs/errors/client-duplicate-name/',
              );
              await first.click();
              await page.waitForURL(/\/docs\/errors\/client-duplicate-name\/(#[\w-]+)?$/);

              // "Fix these first" leads to the page to fix first.
              await page.goto(`${home}errors/invoice-client-inactive/`);
              const fixFirst = page
                .getByRole('complementary', { name: 'Fix these first' })
                .getByRole('listitem')
                .getByRole('link')
                .first();
              const target = (await fixFirst.textContent())!.trim();
              await fixFirst.click();
              await page.waitForURL(/\/docs\/errors\/[a-z-]+\/$/);
              assert.equal((await page.getByRole('heading', { level: 1 }).textContent())?.trim(), target);

              // Copy link: the public address, with its path.
              await page.goto(`${home}errors/invoice-duplicate-number/`);
              await page.getByRole('button', { name: 'Copy link', exact: true }).click();
              await page.getByRole('button', { name: 'Copied' }).first().waitFor();
              assert.equal(
                await page.evaluate(() => navigator.clipboard.readText()),
                `${SITE}errors/invoice-duplicate-number/`,
              );

              assert.deepEqual(bad, []);
              await context.close();
            },
          );

          await t.test(
            'the offline export of the build works from file://, and its PDFs link under the path',
            async () => {
              const out = join(dir, 'export');
              const run = spawnSync(
                process.execPath,
                [join(root, 'scripts', 'export.ts'), '--dist', dist, '--out', out],
                { cwd: root, encoding: 'utf8', timeout: 300_000 },
              );
              assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`.slice(-3000));

              const unpacked = join(dir, 'offline');
              for (const [path, bytes] of Object.entries(
                unzipSync(readFileSync(join(out, 'qbo-sync-errors-help.zip'))),
              )) {
                if (path.endsWith('/')) continue;
                mkdirSync(dirname(join(unpacked, path)), { recursive: true });
                writeFileSync(join(unpacked, path), bytes);
              }
              const offline = pathToFileURL(join(unpacked, 'qbo-sync-errors-help')).href;
              const page = await browser.newPage();
              const outside: string[] = [];
              page.on('request', (r) => {
                if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) outside.push(r.url());
              });
              await page.goto(`${offline}/errors/payment-deleted/index.html`);
              await page.getByRole('searchbox', { name: 'Search errors' }).fill(DOC_NUMBER_MESSAGE);
              const hit = page.locator('#site-search-panel .hit-link').first();
              await hit.waitFor();
              assert.match(
                (await hit.getAttribute('href'))!,
                /^\.\.\/invoice-duplicate-number\/index\.html\?highlight=[^#]+(#[\w-]+)?$/,
              );
              await hit.click();
              await page.waitForURL(/\/errors\/invoice-duplicate-number\/index\.html(#[\w-]+)?$/);
              await page.goto(`${offline}/errors/invoice-client-inactive/index.html`);
              await page
                .getByRole('complementary', { name: 'Fix these first' })
                .getByRole('listitem')
                .getByRole('link')
                .first()
                .click();
              await page.waitForURL(/\/errors\/[a-z-]+\/index\.html$/);
              assert.deepEqual(outside, []);
              await page.close();

              const pdf = await getDocument({
                data: new Uint8Array(readFileSync(join(out, 'qbo-sync-errors-invoice.pdf'))),
                verbosity: 0,
              }).promise;
              const links: string[] = [];
              for (let n = 1; n <= pdf.numPages; n++) {
                for (const a of await (await pdf.getPage(n)).getAnnotations())
                  if (a.subtype === 'Link' && a.url) links.push(a.url as string);
              }
              const ours = links.filter((l) => l.startsWith(new URL(SITE).origin));
              assert.ok(ours.length > 0, 'the category PDF links to pages of the site it does not print');
              assert.deepEqual(
                ours.filter((l) => !l.startsWith(SITE)),
                [],
                `PDF links under ${SITE}`,
              );
            },
          );
        } finally {
          await browser.close();
        }
      } finally {
        await server.close();
      }
    });
  },
);

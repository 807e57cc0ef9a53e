/**
 * Link check over the built site (dist/) and the offline export (export/*.zip): every internal
 * href, src, action and #fragment resolves to a file that exists and to an id in that file,
 * and no link is named like "click here". Pages are read from disk and parsed by the browser
 * (with JavaScript off, so this is the HTML as shipped, including <template> contents that
 * scripts show later); URLs are resolved here, against where each page lives.
 */
import { test, expect, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { DIST, htmlFiles } from '../../scripts/lib/dist.ts';

const EXPORT_ZIP = join(import.meta.dirname, '..', '..', 'export', 'qbo-sync-errors-help.zip');

/** Link names that say nothing out of context (WCAG 2.4.4), compared without case or punctuation. */
const VAGUE = new Set([
  'click here',
  'click',
  'here',
  'read more',
  'more',
  'learn more',
  'this link',
  'link',
  'this page',
  'go',
  'details',
]);

interface Found {
  /** Where the reference is, e.g. `a[href]`. */
  where: string;
  value: string;
}

interface Parsed {
  refs: Found[];
  ids: string[];
  /** Accessible names of the page's links (<a href>), computed simply. */
  linkNames: { href: string; name: string }[];
}

test.use({
  javaScriptEnabled: false,
  // Each page is parsed by writing its HTML into one tab (setContent, document.write): the pages'
  // own CSP, which requires Trusted Types, would refuse the next write. Links are checked here;
  // the CSP is security.spec.ts's.
  bypassCSP: true,
});

/** What a page references, its ids and its links' names, as the browser parses the file. */
async function parse(page: Page, html: string): Promise<Parsed> {
  await page.setContent(html, { waitUntil: 'domcontentloaded' });
  return page.evaluate(() => {
    const roots: ParentNode[] = [document];
    for (let i = 0; i < roots.length; i++)
      for (const t of roots[i]!.querySelectorAll('template')) roots.push(t.content);
    const all = (selector: string) => roots.flatMap((r) => [...r.querySelectorAll(selector)]);
    const refs: { where: string; value: string }[] = [];
    const attrs: [string, string][] = [
      ['a[href]', 'href'],
      ['area[href]', 'href'],
      ['link[href]', 'href'],
      ['script[src]', 'src'],
      ['img[src]', 'src'],
      ['iframe[src]', 'src'],
      ['source[src]', 'src'],
      ['video[src]', 'src'],
      ['video[poster]', 'poster'],
      ['audio[src]', 'src'],
      ['form[action]', 'action'],
      ['object[data]', 'data'],
      ['embed[src]', 'src'],
    ];
    for (const [selector, attr] of attrs)
      for (const el of all(selector)) refs.push({ where: selector, value: el.getAttribute(attr)!.trim() });
    for (const el of all('img[srcset], source[srcset]')) {
      for (const part of el.getAttribute('srcset')!.split(','))
        refs.push({ where: 'srcset', value: part.trim().split(/\s+/)[0]! });
    }
    for (const el of all('meta[property="og:url"], meta[property="og:image"], meta[name="twitter:image"]')) {
      refs.push({
        where: `meta[${el.getAttribute('property') ?? el.getAttribute('name')}]`,
        value: el.getAttribute('content')!.trim(),
      });
    }
    const ids = all('[id], a[name]').map((el) => el.getAttribute('id') ?? el.getAttribute('name')!);
    const text = (el: Element): string => {
      const by = el.getAttribute('aria-labelledby');
      if (by)
        return by
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ');
      const label = el.getAttribute('aria-label');
      if (label) return label;
      let out = '';
      for (const node of el.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) out += node.textContent;
        else if (node instanceof Element && node.getAttribute('aria-hidden') !== 'true')
          out += node instanceof HTMLImageElement ? node.alt : text(node);
      }
      return out;
    };
    const linkNames = all('a[href]').map((a) => ({
      href: a.getAttribute('href')!,
      name: text(a).replace(/\s+/g, ' ').trim(),
    }));
    return { refs, ids, linkNames };
  });
}

interface Site {
  /** Root folder on disk. */
  root: string;
  /** The page's URL, given its file (relative to root). */
  urlOf(file: string): URL;
  /** The file a URL stands for (relative to root), or why it cannot be followed; null: not ours. */
  fileOf(url: URL): string | { broken: string } | null;
}

/** Checks every page of `site`; returns one line per problem. */
async function check(page: Page, site: Site): Promise<{ problems: string[]; pages: number; refs: number }> {
  const files = htmlFiles(site.root);
  const parsed = new Map<string, Parsed>();
  for (const file of files) parsed.set(file, await parse(page, readFileSync(join(site.root, file), 'utf8')));
  const problems: string[] = [];
  let refs = 0;
  for (const [file, p] of parsed) {
    const base = site.urlOf(file);
    const dup = p.ids.filter((id, i) => p.ids.indexOf(id) !== i);
    if (dup.length) problems.push(`${file}: duplicate id ${[...new Set(dup)].join(', ')}`);
    for (const ref of p.refs) {
      if (!ref.value || /^(mailto|tel|data|javascript):/i.test(ref.value)) continue;
      let url: URL;
      try {
        url = new URL(ref.value, base);
      } catch {
        problems.push(`${file}: ${ref.where} "${ref.value}" is no valid URL`);
        continue;
      }
      const target = site.fileOf(url);
      if (target === null) continue;
      refs++;
      if (typeof target !== 'string') {
        problems.push(`${file}: ${ref.where} "${ref.value}" ${target.broken}`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (!fragment) continue;
      const ids = parsed.get(target)?.ids;
      if (!ids) problems.push(`${file}: ${ref.where} "${ref.value}" has a #fragment into ${target}, which is no page`);
      else if (!ids.includes(fragment) && fragment !== 'top')
        problems.push(`${file}: ${ref.where} "${ref.value}": ${target} has no id "${fragment}"`);
    }
    for (const link of p.linkNames) {
      const name = link.name
        .toLowerCase()
        .replace(/[^\p{L}\p{N} ]/gu, '')
        .trim();
      if (!link.name) problems.push(`${file}: the link to "${link.href}" has no name`);
      else if (VAGUE.has(name))
        problems.push(`${file}: the link to "${link.href}" is named "${link.name}", which says nothing out of context`);
    }
  }
  return { problems, pages: files.length, refs };
}

/** The site's public origin, from its sitemap (canonical and og:url links use it). */
function publicOrigin(): string | undefined {
  const index = join(DIST, 'sitemap-index.xml');
  const loc = existsSync(index) ? /<loc>([^<]+)<\/loc>/.exec(readFileSync(index, 'utf8'))?.[1] : undefined;
  return loc ? new URL(loc).origin : undefined;
}

/** The file a site path is served from, as a static host with trailing-slash URLs serves it. */
function siteFile(pathname: string): string | { broken: string } {
  const rel = decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
  const abs = join(DIST, file);
  if (existsSync(abs) && statSync(abs).isFile()) return file;
  if (!rel.endsWith('/') && existsSync(join(DIST, rel, 'index.html')))
    return { broken: `needs a trailing slash (/${rel}/)` };
  return { broken: `is not in the build (no ${file})` };
}

test('the built site: every internal link, source and #fragment resolves, and links are named', async ({ page }) => {
  test.setTimeout(120_000);
  const local = 'http://site.invalid';
  const canonical = publicOrigin();
  const { problems, pages, refs } = await check(page, {
    root: DIST,
    urlOf: (file) => new URL(`/${file.replace(/(^|\/)index\.html$/, '$1')}`, local),
    fileOf: (url) => (url.origin === local || url.origin === canonical ? siteFile(url.pathname) : null),
  });
  expect(pages, 'no pages in the build: run `npm run build` first').toBeGreaterThan(0);
  expect(refs).toBeGreaterThan(pages);
  expect(problems).toEqual([]);
});

test('the sitemap lists only pages that exist', () => {
  const sitemaps = ['sitemap-index.xml'];
  const locs: string[] = [];
  while (sitemaps.length) {
    const file = join(DIST, sitemaps.pop()!);
    expect(existsSync(file), `${relative(DIST, file)} exists`).toBe(true);
    const xml = readFileSync(file, 'utf8');
    for (const [, loc] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const path = new URL(loc!).pathname;
      if (/\/sitemap-[^/]*\.xml$/.test(path)) sitemaps.push(path.slice(1));
      else locs.push(path);
    }
  }
  expect(locs.length).toBeGreaterThan(0);
  expect(locs.filter((p) => typeof siteFile(p) !== 'string')).toEqual([]);
});

test('the offline export: every relative link, source and #fragment resolves to a file in it', async ({ page }) => {
  test.skip(
    !existsSync(EXPORT_ZIP),
    `${relative(process.cwd(), EXPORT_ZIP)} does not exist yet: \`npm run export\` makes it (npm test runs it before these tests)`,
  );
  test.setTimeout(120_000);
  const root = mkdtempSync(join(tmpdir(), 'hc-export-'));
  try {
    for (const [name, data] of Object.entries(unzipSync(readFileSync(EXPORT_ZIP)))) {
      if (name.endsWith('/')) continue;
      const out = join(root, name);
      expect(relative(root, out).startsWith('..'), `${name} stays inside the export`).toBe(false);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, data);
    }
    const { problems, pages, refs } = await check(page, {
      root,
      urlOf: (file) => pathToFileURL(join(root, file)),
      fileOf: (url) => {
        if (url.protocol !== 'file:') return null;
        const abs = fileURLToPath(url);
        const rel = relative(root, abs);
        if (rel.startsWith('..'))
          return { broken: 'points outside the export (a site-absolute link does not work offline)' };
        if (!existsSync(abs)) return { broken: `is not in the export (no ${rel})` };
        if (!statSync(abs).isFile())
          return { broken: `is a folder: offline, a link must name the file (…/index.html)` };
        return rel.split('\\').join('/');
      },
    });
    expect(pages, 'the export holds no HTML pages').toBeGreaterThan(0);
    expect(refs, 'the export links its pages to each other').toBeGreaterThan(pages);
    expect(problems).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/**
 * The offline copy of the built site: which files it keeps, and each page rewritten to work
 * from file:// (links.ts). Plain data in, plain data out: files as path → bytes.
 */
import { isSiteUrl, offlineHref, targetOf } from '../../../src/lib/shared/offlineLinks.ts';
import { tightenCsp } from '../../../src/lib/build/csp.ts';
import { basePathOf, withoutBase } from '../../../src/lib/shared/base.ts';

/**
 * Files of the build that are no use from file://: Pagefind (replaced by search-index.js),
 * the data it was fused with (and triage's, which its pages carry inline), module scripts (replaced by search.js), what
 * only crawlers read,
 * the print pages (the PDFs are their offline form), the host configuration (src/lib/build/hosting.ts),
 * the copies for assistants and feed readers (llms.txt, llms-full.txt, errors/<code>.md,
 * changes.xml) and the help-desk macros (macros/), whose links are the online site's: they are
 * for reading the site or importing into a help desk, not the copy; and the link previews
 * (og/<code>.png): only a chat or a ticket that unfurls a link to the online site shows one, so
 * the pages' og:image keeps its online address, as og:url does.
 * Links to them in <head> go too; the change log page links its feed by its online address.
 */
const DROP = [
  /^_(headers|redirects|nginx\.conf)$/,
  /^pagefind\//,
  /^search-data\.json$/,
  /^search-data\//,
  /^triage-data\.json$/,
  /^_astro\/.*\.m?js$/,
  /^sitemap.*\.xml$/,
  /^robots\.txt$/,
  /^print\//,
  /^llms(-full)?\.txt$/,
  /^errors\/[^/]+\.md$/,
  /^changes\.xml$/,
  /^macros\//,
  /^og\/[^/]+\.png$/,
];

export const keptOffline = (path: string): boolean => !DROP.some((re) => re.test(path));

/** Attributes whose value is a URL the browser loads or follows. */
const URL_ATTR = /(\s(?:href|src|action|poster)=)(["'])([^"']*)\2/g;
const REFRESH = /(<meta\s[^>]*http-equiv=["']refresh["'][^>]*content=["']\s*\d+\s*;\s*url=)([^"']*)/gi;
const MODULE_SCRIPT = /<script\b(?=[^>]*\btype=["']module["'])(?=[^>]*\bsrc=["']([^"']*)["'])[^>]*>\s*<\/script>/g;
const CSS_URL = /url\((["']?)([^)"']*)\1\)/g;
const DROPPED_LINKS = /<link\b[^>]*\brel=["'](?:modulepreload|sitemap|preload|alternate)["'][^>]*>/g;

/**
 * The base path a build was made for ("/", or "/docs/" for SITE_URL https://host/docs/): the
 * path of its home page's canonical URL (src/layouts/Base.astro).
 */
export function baseOf(homeHtml: string): string {
  const canonical = /<link\s[^>]*\brel=["']canonical["'][^>]*\bhref=["']([^"']+)["']/i.exec(homeHtml)?.[1];
  return canonical ? basePathOf(canonical) : '/';
}

/**
 * The offline href in `file` of a URL of the page: a site URL under `base` becomes relative;
 * one outside it is left as it is (and reported by offlineSite as pointing at the root).
 */
function localHref(file: string, url: string, base: string): string {
  if (!isSiteUrl(url)) return url;
  const path = withoutBase(url, base);
  return path === undefined ? url : offlineHref(file, path);
}

export interface OfflinePage {
  html: string;
  /** The external module scripts taken out (site URLs). */
  removedScripts: string[];
}

/**
 * Rewrites one page for the offline copy: its site URLs become relative and end in a file,
 * external module scripts are taken out (a module cannot load from file://) and the given
 * classic scripts (site URLs, e.g. "/search.js") are added, deferred, at the end of <head>.
 * Inline scripts stay: they load from file://. The page's CSP is then fitted to what the
 * rewritten page holds (src/lib/build/csp.ts), as the build fitted the original. `base` is the path
 * the build was made for (baseOf): the page's site URLs start with it.
 */
export function offlinePage(html: string, file: string, classicScripts: readonly string[], base = '/'): OfflinePage {
  const removedScripts: string[] = [];
  let out = html.replace(MODULE_SCRIPT, (_, src: string) => {
    removedScripts.push(src);
    return '';
  });
  out = out.replace(DROPPED_LINKS, '');
  out = out.replace(URL_ATTR, (all, attr: string, quote: string, url: string) =>
    isSiteUrl(url) ? `${attr}${quote}${localHref(file, url, base)}${quote}` : all,
  );
  out = out.replace(REFRESH, (all, head: string, url: string) =>
    isSiteUrl(url) ? head + localHref(file, url, base) : all,
  );
  if (classicScripts.length) {
    const tags = classicScripts.map((s) => `<script defer src="${offlineHref(file, s)}"></script>`).join('');
    out = out.replace(/<\/head>/i, `${tags}</head>`);
  }
  return { html: tightenCsp(out), removedScripts };
}

/** Every relative URL of a page (href, src, action) and the file of the copy it names. */
export function linksOf(html: string, file: string): { url: string; target: string }[] {
  const links: { url: string; target: string }[] = [];
  for (const m of html.matchAll(URL_ATTR)) {
    const url = m[3]!.replace(/&amp;/g, '&');
    const target = targetOf(file, url);
    if (target !== undefined) links.push({ url, target });
  }
  return links;
}

export interface OfflineSite {
  files: Map<string, Uint8Array>;
  pages: number;
  /** Files of the build left out. */
  dropped: string[];
  /** External module scripts taken out of the pages, each once. */
  removedScripts: string[];
  /** Links that still point at the site's root, or at a file the copy lacks: must be empty. */
  problems: string[];
}

/**
 * The offline copy of `build` (path → bytes, paths relative to dist/ with "/"), plus the
 * `added` files (the search scripts), with every page rewritten and every link checked.
 * The build's base path is read from its home page (baseOf).
 */
export function offlineSite(
  build: ReadonlyMap<string, Uint8Array>,
  added: ReadonlyMap<string, Uint8Array>,
  classicScripts: readonly string[],
  /** Classic scripts for some pages only (file of the build → site URLs), after those of every page. */
  pageScripts: ReadonlyMap<string, readonly string[]> = new Map(),
): OfflineSite {
  const home = build.get('index.html');
  const base = home ? baseOf(new TextDecoder().decode(home)) : '/';
  const files = new Map<string, Uint8Array>();
  const dropped: string[] = [];
  const removed = new Set<string>();
  const pages: [string, string][] = [];
  for (const [path, bytes] of build) {
    if (!keptOffline(path)) dropped.push(path);
    else if (path.endsWith('.html')) {
      const page = offlinePage(
        new TextDecoder().decode(bytes),
        path,
        [...classicScripts, ...(pageScripts.get(path) ?? [])],
        base,
      );
      page.removedScripts.forEach((s) => removed.add(s));
      pages.push([path, page.html]);
      files.set(path, new TextEncoder().encode(page.html));
    } else if (path.endsWith('.css')) {
      const css = new TextDecoder()
        .decode(bytes)
        .replace(CSS_URL, (all, q: string, url: string) =>
          isSiteUrl(url) ? `url(${q}${localHref(path, url, base)}${q})` : all,
        );
      files.set(path, new TextEncoder().encode(css));
    } else files.set(path, bytes);
  }
  for (const [path, bytes] of added) files.set(path, bytes);

  const problems: string[] = [];
  for (const [path, html] of pages) {
    for (const m of html.matchAll(URL_ATTR))
      if (isSiteUrl(m[3]!)) problems.push(`${path}: ${m[3]} still points at the site's root`);
    for (const { url, target } of linksOf(html, path)) {
      if (target.endsWith('/')) problems.push(`${path}: ${url} points at a folder, not a file`);
      else if (!files.has(target)) problems.push(`${path}: ${url} points at ${target}, which the offline copy lacks`);
    }
  }
  return { files, pages: pages.length, dropped: dropped.sort(), removedScripts: [...removed].sort(), problems };
}

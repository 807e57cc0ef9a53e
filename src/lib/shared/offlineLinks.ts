/**
 * Links in the offline copy. Under file:// a root-relative URL ("/categories/x/") points at the
 * root of the disk and a link to a folder shows a directory listing, so every site URL
 * becomes a path relative to the page that holds it, ending in a file ("../x/index.html").
 * Pure string functions: the export uses them on the built HTML, and the offline search
 * (src/client/search/offline.ts) on the links it renders at run time.
 */

/** A site URL is root-relative ("/x"), not protocol-relative ("//host/x"). */
export const isSiteUrl = (url: string): boolean => url.startsWith('/') && !url.startsWith('//');

/** Splits "/a/b/?q=1#f" into its path and the rest ("?q=1#f"). */
function split(url: string): [string, string] {
  const at = url.search(/[?#]/);
  return at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at)];
}

/**
 * The file of the copy that a site path names, relative to the copy's root:
 * "/" → "index.html", "/categories/x/" → "categories/x/index.html", "/favicon.svg" → "favicon.svg".
 * A last segment without a dot is a folder ("/categories/x" → "categories/x/index.html").
 */
export function fileOf(path: string): string {
  const clean = decodeURI(path).replace(/^\/+/, '');
  if (clean === '' || clean.endsWith('/')) return `${clean}index.html`;
  const last = clean.slice(clean.lastIndexOf('/') + 1);
  return last.includes('.') ? clean : `${clean}/index.html`;
}

/**
 * A path relative from one file of the copy to another ("errors/x/index.html" → "errors/y/index.html" is
 * "../y/index.html").
 */
export function relativePath(fromFile: string, toFile: string): string {
  const from = fromFile.split('/').slice(0, -1);
  const to = toFile.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return '../'.repeat(from.length - common) + to.slice(common).join('/');
}

/**
 * The href to use in `fromFile` for `url`: a site URL becomes relative and ends in a file,
 * keeping its query and fragment; anything else (#x, mailto:, https:, already relative) is
 * returned as it is.
 */
export function offlineHref(fromFile: string, url: string): string {
  if (!isSiteUrl(url)) return url;
  const [path, rest] = split(url);
  return encodeURI(relativePath(fromFile, fileOf(path))) + rest;
}

/** The file of the copy that a relative href in `fromFile` names, or undefined for other URLs. */
export function targetOf(fromFile: string, href: string): string | undefined {
  if (/^[a-z][a-z\d+.-]*:|^\/\/|^#|^$/i.test(href) || isSiteUrl(href)) return undefined;
  const [path] = split(href);
  const parts = fromFile.split('/').slice(0, -1);
  for (const seg of decodeURI(path).split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/') + (path.endsWith('/') ? '/' : '');
}

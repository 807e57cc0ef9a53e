/**
 * Content types by file extension, for the servers and the export: one table. A Map, since an
 * extension comes from a requested URL ("constructor" must not find Object's).
 */
const TYPES = new Map([
  ['html', 'text/html; charset=utf-8'],
  ['css', 'text/css; charset=utf-8'],
  ['js', 'text/javascript; charset=utf-8'],
  ['mjs', 'text/javascript; charset=utf-8'],
  ['json', 'application/json; charset=utf-8'],
  ['md', 'text/markdown; charset=utf-8'],
  ['svg', 'image/svg+xml'],
  ['xml', 'application/xml; charset=utf-8'],
  ['txt', 'text/plain; charset=utf-8'],
  ['png', 'image/png'],
  ['webp', 'image/webp'],
  ['ico', 'image/x-icon'],
  ['woff2', 'font/woff2'],
  ['wasm', 'application/wasm'],
  ['zip', 'application/zip'],
  ['pdf', 'application/pdf'],
]);

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** The content type of a file name or path ("a/b.html", ".css", "js"), or the default. */
export function contentTypeOf(name: string): string {
  const ext = /(?:^|\.)([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return TYPES.get(ext) ?? DEFAULT_CONTENT_TYPE;
}

/**
 * The built site the guards (budgets, links, security) read from disk: dist/, or DIST_DIR when
 * the server under test (PORT) serves another build, e.g. a private one on a shared machine.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const DIST = process.env['DIST_DIR'] ?? join(import.meta.dirname, '..', '..', 'dist');

/** Every HTML file under `dir`, relative, with forward slashes ("errors/x/index.html"). */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Every page of the built site as a URL path ("/", "/errors/x/", "/404.html"). */
export const sitePages = (): string[] => htmlFiles(DIST).map((f) => `/${f.replace(/(^|\/)index\.html$/, '$1')}`);

export const isErrorPage = (path: string): boolean => /^\/errors\/[^/]+\/$/.test(path);

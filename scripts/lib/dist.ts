/**
 * The built site on disk: dist/, or DIST_DIR when the server under test (PORT) serves another
 * build, e.g. a private one on a shared machine. The one helper the guards (budgets, links,
 * security), the catalog tests and the benchmark read built pages with.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtFiles as builtFilesOf, htmlFiles as htmlFilesOf } from '../../src/lib/build/builtFiles.ts';
import { errorCodeOf, pathOfBuiltFile } from '../../src/lib/shared/urls.ts';

export const DIST = process.env['DIST_DIR'] ?? join(import.meta.dirname, '..', '..', 'dist');

/** Every HTML file under `dir`, relative, with forward slashes ("errors/x/index.html"), sorted. */
export const htmlFiles = (dir: string = DIST): string[] => htmlFilesOf(dir);

/** Every file of the built site, as its path under the site with / ("errors/x/index.html"), sorted. */
export const builtFiles = (dir: string = DIST): string[] => builtFilesOf(dir);

/** Every page of the built site as a URL path ("/", "/categories/x/", "/404.html"), sorted. */
export const sitePages = (dir: string = DIST): string[] => htmlFiles(dir).map(pathOfBuiltFile).sort();

/** A built file's text, by its path under the site ("errors/x/index.html"). */
export const readBuilt = (path: string, dir: string = DIST): string => readFileSync(join(dir, path), 'utf8');

export const isErrorPage = (path: string): boolean => errorCodeOf(path) !== undefined && path.endsWith('/');

/** The largest page (by HTML size) among the pages whose path passes `accept`. */
export function largestPage(accept: (path: string) => boolean, dir: string = DIST): string {
  const found = htmlFiles(dir)
    .map((file) => ({ path: pathOfBuiltFile(file), size: statSync(join(dir, file)).size }))
    .filter((p) => accept(p.path))
    .sort((a, b) => b.size - a.size || a.path.localeCompare(b.path));
  if (!found.length) throw new Error(`no built page in ${dir} is accepted by ${accept.toString()}`);
  return found[0]!.path;
}

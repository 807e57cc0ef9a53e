/**
 * The files of a built site on disk, as paths under the site with forward slashes
 * ("errors/x/index.html"), sorted. Read by the build hooks (integrations/) once Astro has
 * written the site, and by the tools and tests through scripts/lib/dist.ts. Node only.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under `dir`, as its path under the site with / ("errors/x/index.html"), sorted. */
export function builtFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Every HTML file under `dir`, as builtFiles() gives them. */
export const htmlFiles = (dir: string): string[] => builtFiles(dir).filter((f) => f.endsWith('.html'));

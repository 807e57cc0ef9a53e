import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const DIST = join(import.meta.dirname, '..', '..', 'dist');

/** Every HTML page of the built site, as a URL path ("/errors/x/", "/404.html"). */
export function builtPages(): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.name === 'index.html') out.push(prefix);
      else if (entry.name.endsWith('.html')) out.push(`${prefix}${entry.name}`);
    }
  };
  walk(DIST, '/');
  return out.sort();
}

export const readBuilt = (path: string) => readFileSync(join(DIST, path), 'utf8');

/**
 * The steps of "How to fix": the items of the first list after its heading (the build
 * guarantees that list is inside the section).
 */
export const fixStepItems = (page: import('@playwright/test').Page) =>
  page.locator('.heading-wrapper:has(#how-to-fix) ~ ol').first().locator(':scope > li');

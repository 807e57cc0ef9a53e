/**
 * Tightens the Content Security Policy of every built page (src/lib/build/csp.ts): Astro's
 * security.csp gives every page the hashes of every script and style of the site; after the
 * build each page keeps only the hashes of its own inline scripts and styles.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { tightenCsp } from '../src/lib/build/csp.ts';
import { htmlFiles } from '../src/lib/build/builtFiles.ts';

export default function tightCsp(): AstroIntegration {
  return {
    name: 'help-center:csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        let pages = 0;
        for (const file of htmlFiles(site)) {
          const path = join(site, file);
          const html = await readFile(path, 'utf8');
          const tight = tightenCsp(html);
          if (tight !== html) {
            await writeFile(path, tight);
            pages++;
          }
        }
        logger.info(`CSP: each page's policy lists only its own hashes (${pages} pages)`);
      },
    },
  };
}

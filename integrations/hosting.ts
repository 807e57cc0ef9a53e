/**
 * Writes the host configuration after the build, from the built pages (src/lib/hosting.ts):
 * `_headers` and `_redirects` for Netlify and Cloudflare Pages, and `_nginx.conf` for the
 * Dockerfile's nginx. It runs after integrations/csp.ts, so each page's policy is its final one.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { headersFile, metaPolicy, nginxConf, redirectsFile, type HostedSite } from '../src/lib/hosting.ts';
import { goRules } from '../src/lib/triage/go.ts';
import { triageIndex } from '../src/lib/triage/recognise.ts';
import type { TriageData } from '../src/lib/triage/data.ts';

export default function hosting(): AstroIntegration {
  let base = '/';
  let site = 'https://help.example.com';
  return {
    name: 'help-center:hosting',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        if (config.site) site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files: string[] = [];
        const pages: HostedSite['pages'] = [];
        for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile()) continue;
          const file = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
          files.push(file);
          if (!file.endsWith('.html')) continue;
          const csp = metaPolicy(await readFile(join(root, file), 'utf8'));
          if (csp !== undefined) pages.push({ file, csp });
        }
        // errors.json is built from the catalog: each error with its former codes.
        const catalog = JSON.parse(await readFile(join(root, 'errors.json'), 'utf8')) as { errors: { code: string; formerCodes: string[] }[] };
        const redirects = catalog.errors.flatMap((e) => e.formerCodes.map((from) => ({ from, to: e.code })));
        // triage-data.json is the catalog as /go/ reads it: the host answers the links it can.
        const go = goRules(triageIndex(JSON.parse(await readFile(join(root, 'triage-data.json'), 'utf8')) as TriageData));
        const hosted: HostedSite = { base, site, pages, files: files.sort(), redirects, go };
        await writeFile(join(root, '_headers'), headersFile(hosted));
        await writeFile(join(root, '_redirects'), redirectsFile(hosted));
        await writeFile(join(root, '_nginx.conf'), nginxConf(hosted));
        logger.info(`_headers, _redirects and _nginx.conf: ${pages.length} pages, ${redirects.length} redirects, ${go.length} /go/ links answered by nginx`);
      },
    },
  };
}

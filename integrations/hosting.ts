/**
 * Writes the host configuration after the build, from the built pages (src/lib/build/hosting.ts):
 * `_headers` and `_redirects` for Netlify and Cloudflare Pages, and `_nginx.conf` for the
 * Dockerfile's nginx. It runs after integrations/csp.ts, so each page's policy is its final one.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { builtFiles } from '../src/lib/build/builtFiles.ts';
import { builtFileOf, paths } from '../src/lib/shared/urls.ts';
import { headersFile, metaPolicy, nginxConf, redirectsFile, type HostedSite } from '../src/lib/build/hosting.ts';
import { goRules } from '../src/lib/shared/triage/go.ts';
import { DEFAULT_SITE_URL } from '../src/lib/shared/base.ts';
import { parseEmbedOrigins } from '../src/lib/shared/embed.ts';
import { triageIndex } from '../src/lib/shared/triage/recognise.ts';
import type { TriageData } from '../src/lib/shared/triage/data.ts';

export default function hosting(): AstroIntegration {
  let base = '/';
  let site = DEFAULT_SITE_URL;
  return {
    name: 'help-center:hosting',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        if (config.site) site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = builtFiles(root);
        const pages: HostedSite['pages'] = [];
        for (const file of files.filter((f) => f.endsWith('.html'))) {
          const csp = metaPolicy(await readFile(join(root, file), 'utf8'));
          if (csp !== undefined) pages.push({ file, csp });
        }
        // The triage data is the catalog as /go/ reads it, each error with its former codes: the
        // redirects of renamed codes, and the /go/ links the host answers itself.
        const data = JSON.parse(await readFile(join(root, builtFileOf(paths.triageData())), 'utf8')) as TriageData;
        const redirects = data.errors.flatMap((e) => e.formerCodes.map((from) => ({ from, to: e.code })));
        const go = goRules(triageIndex(data));
        const hosted: HostedSite = {
          base,
          site,
          pages,
          files,
          redirects,
          go,
          embedOrigins: parseEmbedOrigins(process.env['EMBED_ORIGINS']),
        };
        await writeFile(join(root, '_headers'), headersFile(hosted));
        await writeFile(join(root, '_redirects'), redirectsFile(hosted));
        await writeFile(join(root, '_nginx.conf'), nginxConf(hosted));
        logger.info(
          `_headers, _redirects and _nginx.conf: ${pages.length} pages, ${redirects.length} redirects, ${go.length} /go/ links answered by nginx`,
        );
      },
    },
  };
}

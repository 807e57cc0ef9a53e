/**
 * Lays a build out as the Docker image serves it (Dockerfile): the site's files under its base
 * path inside nginx's root (`<out>/html/docs/…` for SITE_URL=https://help.example.com/docs/),
 * and the nginx configuration the build wrote (`<out>/default.conf`). The host files are
 * configuration, not pages, so they stay out of the root. The base path comes from SITE_URL,
 * worked out where the build works it out (basePathOf, src/lib/shared/base.ts).
 *
 * Usage: node scripts/docker-layout.ts <out>   (after npm run build; DIST_DIR for another build)
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { basePathOf, siteUrlFrom } from '../src/lib/shared/base.ts';
import { DIST } from './lib/dist.ts';

/** The files of the build that configure the host rather than being served. */
export const HOST_FILES = ['_headers', '_redirects', '_nginx.conf'];

export function dockerLayout(dist: string, out: string, siteUrl: string): { root: string; conf: string } {
  const root = join(out, 'html', ...basePathOf(siteUrl).split('/').filter(Boolean));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(dist, root, { recursive: true, filter: (from) => !HOST_FILES.some((f) => from === join(dist, f)) });
  const conf = join(out, 'default.conf');
  cpSync(join(dist, '_nginx.conf'), conf);
  return { root, conf };
}

if (import.meta.main) {
  const out = process.argv[2];
  if (!out) {
    console.error('Usage: node scripts/docker-layout.ts <out>');
    process.exit(2);
  }
  const { root, conf } = dockerLayout(DIST, resolve(out), siteUrlFrom(process.env['SITE_URL']));
  console.log(`site in ${root}, nginx configuration in ${conf}`);
}

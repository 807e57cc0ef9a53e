import type { APIRoute } from 'astro';
import { withBase } from '../lib/base';

// Under a subpath this file is /docs/robots.txt, which crawlers do not read: the host's own
// robots.txt decides; the rules here still name the right paths for it to copy.
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: ${withBase('/')}\nDisallow: ${withBase('/print/')}\n\nSitemap: ${new URL(withBase('/sitemap-index.xml'), site).href}\n`, {
    headers: { 'Content-Type': 'text/plain' },
  });

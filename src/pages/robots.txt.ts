import type { APIRoute } from 'astro';
import { urls } from '../lib/shared/urls.ts';

// Under a subpath this file is /docs/robots.txt, which crawlers do not read: the host's own
// robots.txt decides; the rules here still name the right paths for it to copy.
export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nAllow: ${urls.home()}\nDisallow: ${urls.print()}\n\nSitemap: ${new URL(urls.sitemap(), site).href}\n`,
    {
      headers: { 'Content-Type': 'text/plain' },
    },
  );

import type { APIRoute } from 'astro';
import { getCatalog, getChangeLog, stepsOf } from '../lib/build/catalog.ts';
import { changesFeed } from '../lib/build/changes.ts';
import { SITE_NAME } from '../lib/build/config.ts';
import { urls } from '../lib/shared/urls.ts';

/** The Atom feed of the change log (src/lib/build/changes.ts). */
export const GET: APIRoute = async ({ site }) => {
  const { errors } = await getCatalog();
  const abs = (path: string) => new URL(path, site).href;
  const byCode = new Map(
    errors.map((e) => [
      e.id,
      { title: e.data.title, summary: e.data.summary, url: abs(urls.error(e.id)), steps: stepsOf(e) },
    ]),
  );
  const xml = changesFeed(await getChangeLog(), {
    title: `${SITE_NAME}: what changed`,
    feed: abs(urls.changesFeed()),
    page: abs(urls.changes()),
    errors: byCode,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};

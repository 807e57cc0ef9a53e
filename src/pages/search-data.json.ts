/**
 * The structured search data: every error page (titles, aliases, QuickBooks messages and codes)
 * with the words of its text, and every QuickBooks fault code's page. The build adds each error
 * page's Pagefind id and splits it for the browser (integrations/pagefind.ts); the dev server and
 * the offline export read it whole.
 */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/build/catalog.ts';
import { toFaultSearchDoc, toSearchDoc } from '../lib/build/searchDocs.ts';

export const GET: APIRoute = async () => {
  const { errors, faultCodes } = await getCatalog();
  const docs = [
    ...errors.map((e) => toSearchDoc({ ...e.data, body: e.entry.body ?? '' })),
    ...faultCodes.map(toFaultSearchDoc),
  ];
  return new Response(JSON.stringify(docs), { headers: { 'Content-Type': 'application/json' } });
};

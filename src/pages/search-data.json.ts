/** The structured search data (titles, aliases, QuickBooks messages and codes), fetched only when search is used. */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/catalog';
import { toSearchDoc } from '../lib/searchDocs';

export const GET: APIRoute = async () => {
  const { errors } = await getCatalog();
  return new Response(JSON.stringify(errors.map(toSearchDoc)), { headers: { 'Content-Type': 'application/json' } });
};

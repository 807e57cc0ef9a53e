/** The triage data (src/lib/triage/data.ts) for tools; the triage and /go/ pages carry it inline, so triaging fetches nothing. */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/catalog';
import { triageData } from '../lib/triage/fromCatalog';

export const GET: APIRoute = async ({ site }) =>
  new Response(JSON.stringify(triageData(await getCatalog(), site!)), { headers: { 'Content-Type': 'application/json' } });

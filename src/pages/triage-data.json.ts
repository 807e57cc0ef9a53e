/**
 * The triage data (src/lib/shared/triage/data.ts) for tools; the triage and /go/ pages carry it inline, so triaging
 * fetches nothing.
 */
import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/build/catalog.ts';
import { triageData } from '../lib/build/triageData.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(JSON.stringify(triageData(await getCatalog(), site!)), {
    headers: { 'Content-Type': 'application/json' },
  });

import type { APIRoute } from 'astro';
import { getCatalog } from '../../lib/build/catalog.ts';
import { replyEntries, savedRepliesCsv } from '../../lib/build/macros.ts';

/** Saved replies for Help Scout, Freshdesk and the like, one row per error (src/lib/build/macros.ts). */
export const GET: APIRoute = async ({ site }) =>
  new Response(savedRepliesCsv(replyEntries(await getCatalog(), site!)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });

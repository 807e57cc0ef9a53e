import type { APIRoute } from 'astro';
import { getCatalog } from '../../lib/build/catalog.ts';
import { replyEntries, zendeskMacros } from '../../lib/build/macros.ts';

/** Zendesk macros, one per error (src/lib/build/macros.ts; README "Replies and help-desk macros"). */
export const GET: APIRoute = async ({ site }) =>
  new Response(JSON.stringify(zendeskMacros(replyEntries(await getCatalog(), site!)), null, 2), {
    headers: { 'Content-Type': 'application/json' },
  });

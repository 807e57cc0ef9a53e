import type { APIRoute } from 'astro';
import { getCatalog } from '../../lib/catalog';
import { replyEntries, zendeskMacros } from '../../lib/macros';

/** Zendesk macros, one per error (src/lib/macros.ts; README "Replies and help-desk macros"). */
export const GET: APIRoute = async ({ site }) =>
  new Response(JSON.stringify(zendeskMacros(replyEntries(await getCatalog(), site!)), null, 2), { headers: { 'Content-Type': 'application/json' } });

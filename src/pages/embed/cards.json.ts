/**
 * /embed/cards.json: every error's card and /go/'s answer for each fault, for <qbo-sync-help>
 * (src/lib/build/embedCards.ts).
 */
import type { APIRoute } from 'astro';
import { getCatalog } from '../../lib/build/catalog.ts';
import { embedData } from '../../lib/build/embedCards.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(JSON.stringify(embedData(await getCatalog(), site!)), {
    headers: { 'Content-Type': 'application/json' },
  });

/** /embed/cards.json: every error's card and /go/'s answer for each fault, for <qbo-sync-help> (src/lib/embedData.ts). */
import type { APIRoute } from 'astro';
import { getCatalog } from '../../lib/catalog';
import { embedData } from '../../lib/embedData';

export const GET: APIRoute = async ({ site }) => new Response(JSON.stringify(embedData(await getCatalog(), site!)), { headers: { 'Content-Type': 'application/json' } });

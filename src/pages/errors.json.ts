import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/catalog';
import { errorsJson } from '../lib/errorsJson';

export const GET: APIRoute = async ({ site }) =>
  new Response(JSON.stringify(errorsJson(await getCatalog(), site!), null, 2), { headers: { 'Content-Type': 'application/json' } });

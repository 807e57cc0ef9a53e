import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/build/catalog.ts';
import { errorsJson } from '../lib/build/errorsJson.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(JSON.stringify(errorsJson(await getCatalog(), site!), null, 2), {
    headers: { 'Content-Type': 'application/json' },
  });

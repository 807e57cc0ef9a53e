import type { APIRoute } from 'astro';
import { errorsSchema } from '../lib/build/errorsJson.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(JSON.stringify(errorsSchema(site!), null, 2), {
    headers: { 'Content-Type': 'application/schema+json' },
  });

import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/catalog';
import { llmsTxt } from '../lib/markdownCopy';
import { siteCopy } from '../lib/siteCopy';

export const GET: APIRoute = async ({ site }) => new Response(llmsTxt(siteCopy(await getCatalog(), site!)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

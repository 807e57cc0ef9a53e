import type { APIRoute } from 'astro';
import { getCatalog } from '../lib/build/catalog.ts';
import { llmsFullTxt } from '../lib/build/markdownCopy.ts';
import { llmsSite } from '../lib/build/markdownCatalog.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(llmsFullTxt(llmsSite(await getCatalog(), site!)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });

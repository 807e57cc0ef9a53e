/** /embed/qbo-sync-help-match.js: the recogniser the component imports for a `message` (src/client/embed/match.ts). */
import type { APIRoute } from 'astro';
import { bundleClient } from '../../lib/build/bundle.ts';

export const GET: APIRoute = async () =>
  new Response(await bundleClient('embed/match.ts', 'esm'), { headers: { 'Content-Type': 'text/javascript' } });

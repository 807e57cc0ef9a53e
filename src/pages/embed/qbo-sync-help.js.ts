/** /embed/qbo-sync-help.js: the <qbo-sync-help> component, one classic script (src/client/embed/component.ts). */
import type { APIRoute } from 'astro';
import { bundleClient } from '../../lib/build/bundle.ts';

export const GET: APIRoute = async () =>
  new Response(await bundleClient('embed/component.ts', 'iife'), { headers: { 'Content-Type': 'text/javascript' } });

import type { APIRoute } from 'astro';
import { copyError, getCatalog, type CatalogError } from '../../lib/catalog';
import { errorMarkdown } from '../../lib/markdownCopy';

/** A plain Markdown copy of every error page, for assistants (src/lib/markdownCopy.ts). */
export async function getStaticPaths() {
  const { errors } = await getCatalog();
  return errors.map((error) => ({ params: { code: error.id }, props: { error } }));
}

export const GET: APIRoute<{ error: CatalogError }> = async ({ props, site }) =>
  new Response(errorMarkdown(copyError(await getCatalog(), props.error, site!)), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });

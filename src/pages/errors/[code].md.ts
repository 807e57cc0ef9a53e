import type { APIRoute } from 'astro';
import { getCatalog, type CatalogError } from '../../lib/build/catalog.ts';
import { copyError } from '../../lib/build/markdownCatalog.ts';
import { errorMarkdown } from '../../lib/build/markdownCopy.ts';

/** A plain Markdown copy of every error page, for assistants (src/lib/build/markdownCopy.ts). */
export async function getStaticPaths() {
  const { errors } = await getCatalog();
  return errors.map((error) => ({ params: { code: error.id }, props: { error } }));
}

export const GET: APIRoute<{ error: CatalogError }> = async ({ props, site }) =>
  new Response(errorMarkdown(copyError(await getCatalog(), props.error, site!)), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });

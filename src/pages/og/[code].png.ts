import type { APIRoute } from 'astro';
import { getCatalog, type CatalogError } from '../../lib/build/catalog.ts';
import { SITE_NAME } from '../../lib/build/config.ts';
import { PREVIEW_TYPE } from '../../lib/build/preview/card.ts';
import { renderPreview } from '../../lib/build/preview/render.ts';

/** The link preview (og:image) of every error page, drawn at build time (src/lib/build/preview/). */
export async function getStaticPaths() {
  const { errors } = await getCatalog();
  return errors.map((error) => ({ params: { code: error.id }, props: { error } }));
}

export const GET: APIRoute<{ error: CatalogError }> = async ({ props: { error } }) => {
  const category = (await getCatalog()).categoryById.get(error.primary)!;
  const png = await renderPreview({
    title: error.data.title,
    code: error.data.code,
    category: category.title,
    siteName: SITE_NAME,
  });
  return new Response(png, { headers: { 'Content-Type': PREVIEW_TYPE } });
};

import type { APIRoute } from 'astro';
import { getCatalog, type CatalogError } from '../../lib/catalog';
import { SITE_NAME } from '../../lib/config';
import { PREVIEW_TYPE } from '../../lib/preview/card';
import { renderPreview } from '../../lib/preview/render';

/** The link preview (og:image) of every error page, drawn at build time (src/lib/preview/). */
export async function getStaticPaths() {
  const { errors } = await getCatalog();
  return errors.map((error) => ({ params: { code: error.id }, props: { error } }));
}

export const GET: APIRoute<{ error: CatalogError }> = async ({ props: { error } }) => {
  const category = (await getCatalog()).categoryById.get(error.primary)!;
  const png = await renderPreview({ title: error.data.title, code: error.data.code, category: category.title, siteName: SITE_NAME });
  return new Response(png, { headers: { 'Content-Type': PREVIEW_TYPE } });
};

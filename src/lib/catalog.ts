/**
 * The catalog as the pages see it: every error with its links in both directions, every
 * category with its errors. Loaded once per build; the catalog was checked when it was read
 * (src/loaders/errors.ts), so a bad catalog fails the build before any page is written.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { CATEGORY_IDS, type CategoryId } from './taxonomy';
import { ContentProblems, contentProblems } from './validate';
import { reverseEdges } from './graph';
import { withBase } from './base';

export type ErrorEntry = CollectionEntry<'errors'>;

export interface CatalogError {
  entry: ErrorEntry;
  id: string;
  data: ErrorEntry['data'];
  primary: CategoryId;
  dependsOn: string[];
  /** Errors that list this one in their dependsOn (computed). */
  unblocks: string[];
  related: string[];
}

export interface CatalogCategory {
  id: CategoryId;
  title: string;
  description: string;
  order: number;
  /** Errors listing this category, primary ones first, then by title. */
  errors: CatalogError[];
}

export interface Catalog {
  errors: CatalogError[];
  byId: Map<string, CatalogError>;
  categories: CatalogCategory[];
  categoryById: Map<CategoryId, CatalogCategory>;
  /** Former codes and the code each now lives at. */
  redirects: { from: string; to: string }[];
}

let loaded: Promise<Catalog> | undefined;

export function getCatalog(): Promise<Catalog> {
  // The build stops at content problems (src/loaders/errors.ts); under astro dev the pages
  // throw them here, so that they show in the browser's error overlay.
  const problems = contentProblems();
  if (problems.length) return Promise.reject(new ContentProblems(problems));
  loaded ??= load();
  return loaded;
}

const byTitle = (a: CatalogError, b: CatalogError) => a.data.title.localeCompare(b.data.title, 'en');

async function load(): Promise<Catalog> {
  const entries = (await getCollection('errors')).sort((a, b) => a.id.localeCompare(b.id, 'en'));
  const categoryEntries = await getCollection('categories');

  const edges = new Map(entries.map((e) => [e.id, e.data.dependsOn.map((r) => r.id)]));
  const reverse = reverseEdges(edges);
  const errors: CatalogError[] = entries.map((entry) => ({
    entry,
    id: entry.id,
    data: entry.data,
    primary: entry.data.categories[0]!,
    dependsOn: edges.get(entry.id)!,
    unblocks: reverse.get(entry.id)!,
    related: entry.data.related.map((r) => r.id),
  }));
  const byId = new Map(errors.map((e) => [e.id, e]));

  const categories: CatalogCategory[] = categoryEntries
    .filter((c): c is typeof c & { id: CategoryId } => (CATEGORY_IDS as readonly string[]).includes(c.id))
    .map((c) => ({
      id: c.id,
      ...c.data,
      errors: errors
        .filter((e) => e.data.categories.includes(c.id))
        .sort((a, b) => Number(b.primary === c.id) - Number(a.primary === c.id) || byTitle(a, b)),
    }))
    .sort((a, b) => a.order - b.order);

  const redirects = errors.flatMap((e) => e.data.formerCodes.map((from) => ({ from, to: e.id })));
  return { errors, byId, categories, categoryById: new Map(categories.map((c) => [c.id, c])), redirects };
}

/** Looks up ids in the catalog, in the order given. */
export function pick(catalog: Catalog, ids: readonly string[]): CatalogError[] {
  return ids.map((id) => catalog.byId.get(id)!);
}

/** getStaticPaths of the pages made one per category (the index and its printable book). */
export async function categoryPaths() {
  const { categories } = await getCatalog();
  return categories.map((category) => ({ params: { category: category.id }, props: { category } }));
}

/** The address of an error page, under the site's base path (src/lib/base.ts). */
export const errorUrl = (id: string) => withBase(`/errors/${id}/`);
export const categoryUrl = (id: CategoryId) => withBase(`/categories/${id}/`);

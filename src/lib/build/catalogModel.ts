/**
 * The shape of the catalog the pages see (src/lib/build/catalog.ts loads it): its errors with
 * their links both ways, its categories and fault codes. Types and plain lookups only, with no
 * Astro at run time, so the page models (errorPage.ts) and their unit tests can use them.
 */
import type { CollectionEntry } from 'astro:content';
import type { CategoryId } from '../shared/taxonomy.ts';

export type ErrorEntry = CollectionEntry<'errors'>;
export type FaultEntry = CollectionEntry<'faults'>['data'];

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
  /** Its short name, where the context says "errors" already (CATEGORY_NAMES of src/lib/shared/taxonomy.ts). */
  name: string;
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
  /** The table of QuickBooks fault codes (content/quickbooks-faults.yaml), in code order. */
  faultCodes: FaultEntry[];
}

/** Looks up ids in the catalog, in the order given. */
export function pick(catalog: Catalog, ids: readonly string[]): CatalogError[] {
  return ids.map((id) => catalog.byId.get(id)!);
}

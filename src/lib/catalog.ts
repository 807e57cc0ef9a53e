/**
 * The catalog as the pages see it: every error with its links in both directions, every
 * category with its errors. Loaded once per build; the catalog was checked when it was read
 * (src/loaders/errors.ts), so a bad catalog fails the build before any page is written.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { CATEGORY_IDS, type CategoryId } from './taxonomy';
import { ContentProblems, contentProblems } from './validate';
import { reverseEdges } from './graph';
import { urls } from './urls';
import { resolve } from 'node:path';
import { CONTENT_DIR } from './contentDir';
import { readHistory } from './history';
import { changeLog, type ChangeLog } from './changes';
import { fixSteps } from './fixSteps';
import type { CopyError } from './markdownCopy';
import { factData } from './errorPage';
import { FAULTS_FILE } from '../loaders/faults';

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
  /** The short name ("Client" for "Client errors"). */
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
  faults: FaultEntry[];
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
  const faults = (await getCollection('faults')).map((f) => f.data).sort((a, b) => Number(a.code) - Number(b.code));
  const known = new Set(faults.map((f) => f.code));
  // Every code an error quotes has its page: a code missing from the table is a content mistake.
  const missing = errors.flatMap((e) =>
    e.data.quickbooks.flatMap((q, i) =>
      q.code && !known.has(q.code)
        ? [{ file: e.entry.filePath ?? e.id, field: `quickbooks[${i}].code`, message: `fault ${q.code} is not in ${FAULTS_FILE}; add it there with its meaning and source` }]
        : [],
    ),
  );
  if (missing.length) throw new ContentProblems(missing);
  return { errors, byId, categories, categoryById: new Map(categories.map((c) => [c.id, c])), redirects, faults };
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

let changes: ChangeLog | undefined;

/** The catalog's change log (src/lib/changes.ts), from the git history of the error files. */
export async function getChangeLog(): Promise<ChangeLog> {
  const { errors } = await getCatalog();
  changes ??= changeLog(
    errors.map((e) => ({ code: e.id, formerCodes: e.data.formerCodes, lastReviewed: e.data.lastReviewed })),
    readHistory(resolve(CONTENT_DIR, 'errors')),
  );
  return changes;
}

/** An error as its Markdown copy shows it (src/lib/markdownCopy.ts), links absolute against `site`. */
export function copyError(catalog: Catalog, e: CatalogError, site: URL): CopyError {
  const abs = (path: string) => new URL(path, site).href;
  const refs = (ids: string[]) => pick(catalog, ids).map((r) => ({ title: r.data.title, code: r.id, url: abs(urls.error(r.id)) }));
  return {
    code: e.id,
    title: e.data.title,
    summary: e.data.summary,
    body: e.entry.body ?? '',
    ...factData(e.data),
    aliases: e.data.aliases,
    categories: e.data.categories.map((c) => ({ title: catalog.categoryById.get(c)!.title, url: abs(urls.category(c)) })),
    quickbooks: e.data.quickbooks.map((q) => ({ ...q, faultUrl: q.code ? abs(urls.fault(q.code)) : undefined })),
    dependsOn: refs(e.dependsOn),
    unblocks: refs(e.unblocks),
    related: refs(e.related),
    lastReviewed: e.data.lastReviewed.toISOString().slice(0, 10),
    url: abs(urls.error(e.id)),
    markdownUrl: abs(urls.errorMarkdown(e.id)),
    site: site.href,
  };
}

/** The plain fix steps of an error (src/lib/fixSteps.ts). */
export const stepsOf = (e: CatalogError) => fixSteps(e.entry.body ?? '');

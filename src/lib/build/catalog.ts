/**
 * The catalog as the pages see it: every error with its links in both directions, every
 * category with its errors. Loaded once per build; the catalog was checked when it was read
 * (src/loaders/errors.ts), so a bad catalog fails the build before any page is written.
 */
import { getCollection } from 'astro:content';
import type { Catalog, CatalogCategory, CatalogError } from './catalogModel.ts';
import { CATEGORY_IDS, type CategoryId } from '../shared/taxonomy.ts';
import { CATEGORY_NAMES } from '../shared/categoryNames.ts';
import { ContentProblems } from '../content/validate.ts';
import { contentProblems } from '../content/problems.ts';
import { reverseEdges } from './graph.ts';
import { resolve } from 'node:path';
import { CONTENT_DIR } from '../content/contentDir.ts';
import { readHistory } from './history.ts';
import { changeLog, type ChangeLog } from './changes.ts';
import { fixSteps } from './fixSteps.ts';
import { FAULTS_FILE } from '../../loaders/faults.ts';

export type { Catalog, CatalogCategory, CatalogError, ErrorEntry, FaultEntry } from './catalogModel.ts';
export { pick } from './catalogModel.ts';

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
      name: CATEGORY_NAMES[c.id],
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
        ? [
            {
              file: e.entry.filePath ?? e.id,
              field: `quickbooks[${i}].code`,
              message: `fault ${q.code} is not in ${FAULTS_FILE}; add it there with its meaning and source`,
            },
          ]
        : [],
    ),
  );
  if (missing.length) throw new ContentProblems(missing);
  return {
    errors,
    byId,
    categories,
    categoryById: new Map(categories.map((c) => [c.id, c])),
    redirects,
    faultCodes: faults,
  };
}

/** getStaticPaths of the pages made one per category (the index and its printable book). */
export async function categoryPaths() {
  const { categories } = await getCatalog();
  return categories.map((category) => ({ params: { category: category.id }, props: { category } }));
}

let changes: ChangeLog | undefined;

/** The catalog's change log (src/lib/build/changes.ts), from the git history of the error files. */
export async function getChangeLog(): Promise<ChangeLog> {
  const { errors } = await getCatalog();
  changes ??= changeLog(
    errors.map((e) => ({ code: e.id, formerCodes: e.data.formerCodes, lastReviewed: e.data.lastReviewed })),
    readHistory(resolve(CONTENT_DIR, 'errors')),
  );
  return changes;
}

/** The plain fix steps of an error (src/lib/build/fixSteps.ts). */
export const stepsOf = (e: CatalogError) => fixSteps(e.entry.body ?? '');

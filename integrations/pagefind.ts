/**
 * Builds the Pagefind index of the error pages after `astro build`, with Pagefind's Node API.
 * Only elements inside `data-pagefind-body` (the main content of error pages) are indexed;
 * weights and filters are set in the markup (src/layouts/ErrorPage.astro). Any error Pagefind
 * reports fails the build.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import { FRAGMENT_FOLDER, readFragments } from '../src/lib/build/pagefindFragments.ts';
import { builtFileOf, COMPLETE_DIR, paths } from '../src/lib/shared/urls.ts';
import { searchFiles } from '../src/lib/shared/search/shards.ts';
import { FAULT_CATEGORY } from '../src/lib/shared/search/types.ts';
import type { IndexedDoc } from '../src/lib/shared/search/pagefind.ts';

function fail(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind failed to ${step}:\n${errors.join('\n')}`);
}

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'help-center:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        try {
          fail('start', errors);
          if (!index) throw new Error('Pagefind returned no index');
          const added = await index.addDirectory({ path: site });
          fail('index the site', added.errors);
          if (added.page_count === 0)
            throw new Error('Pagefind indexed no pages: is data-pagefind-body on the error pages?');
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          fail('write the index', written.errors);
          await writeSplitData(site, await addPagefindIds(site));
          logger.info(`Pagefind indexed ${added.page_count} pages`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

/**
 * Pagefind names each result by its fragment (e.g. "en_13331ec"); the page's URL is only in
 * the fragment itself. Writing the id of each error page into search-data.json lets the
 * browser map Pagefind's results to the ranker's pages without downloading a fragment per
 * result. Returns the data as written.
 */
async function addPagefindIds(site: string): Promise<IndexedDoc[]> {
  const dataPath = join(site, builtFileOf(paths.searchData()));
  const docs = JSON.parse(await readFile(dataPath, 'utf8')) as IndexedDoc[];
  const errors = docs.filter((d) => d.categories[0] !== FAULT_CATEGORY);
  const byUrl = new Map(errors.map((d) => [paths.error(d.code), d]));
  const folder = join(site, FRAGMENT_FOLDER);
  const files = await Promise.all(
    (await readdir(folder)).map(async (file) => [FRAGMENT_FOLDER + file, await readFile(join(folder, file))] as const),
  );
  for (const { id, fragment } of readFragments(files)) {
    const doc = byUrl.get(fragment.url);
    if (!doc) throw new Error(`Pagefind indexed ${fragment.url}, which is no error page`);
    doc.pagefindId = id;
  }
  const missing = errors.filter((d) => !d.pagefindId).map((d) => d.code);
  if (missing.length) throw new Error(`Pagefind did not index: ${missing.join(', ')}`);
  await writeFile(dataPath, JSON.stringify(docs));
  return docs;
}

/**
 * The structured search data as the browser downloads it (src/lib/shared/search/shards.ts), in
 * search-data/ (paths.searchSplit), two sets of files: the first data (the error pages without
 * their words), all a first result waits for, and in COMPLETE_DIR the complete data (with each
 * page's words, and the fault codes' pages), which the results are ranked on once it has come.
 * Each is a manifest with the whole data in it when it is small, else split into shards.
 */
async function writeSplitData(site: string, docs: readonly IndexedDoc[]): Promise<void> {
  const head = docs.filter((d) => d.categories[0] !== FAULT_CATEGORY).map(({ body: _, ...d }) => d);
  const root = join(site, ...paths.searchSplit('').split('/').filter(Boolean));
  for (const [dir, data] of [
    [root, head],
    [join(root, COMPLETE_DIR), docs],
  ] as const) {
    await mkdir(dir, { recursive: true });
    for (const [name, text] of searchFiles(data)) await writeFile(join(dir, name), text);
  }
}

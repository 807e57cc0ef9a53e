/**
 * What every loader of the content does around its own checks (src/loaders/errors.ts,
 * categories.ts, faults.ts): check the files, report the problems (src/lib/content/problems.ts),
 * stop the build on them, load what passed, and check again whenever one of its files changes
 * under astro dev, where a problem is logged instead and the pages show it.
 */
import { resolve } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { ContentProblems, formatProblems, type Problem } from '../lib/content/validate.ts';
import { reportContentProblems } from '../lib/content/problems.ts';

export interface CheckedLoad<R extends { problems: Problem[] }> {
  /** Every problem of the collection's files, and what the loader needs to load them. */
  check: () => Promise<R>;
  /** Puts the entries in the store, once the check passed (under astro dev, also after problems). */
  load: (result: R) => Promise<void>;
  /** Whether an absolute path is one of the collection's files. */
  owns: (path: string) => boolean;
  /** Whether a change loads the entries again (a loader of its own), or only checks (glob() reloads by itself). */
  reload: boolean;
}

export async function checkedLoad<R extends { problems: Problem[] }>(
  context: LoaderContext,
  o: CheckedLoad<R>,
): Promise<void> {
  const run = async () => {
    const result = await o.check();
    reportContentProblems(context.collection, result.problems);
    if (result.problems.length && context.watcher) context.logger.error(formatProblems(result.problems));
    return result;
  };
  const first = await run();
  if (first.problems.length && !context.watcher) throw new ContentProblems(first.problems);
  await o.load(first);
  context.watcher?.on('all', (_event, path) => {
    if (!o.owns(resolve(path))) return;
    void run().then((result) => (o.reload ? o.load(result) : undefined));
  });
}

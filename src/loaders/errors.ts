/**
 * The loader of content/errors/: Astro's glob() loader, after every check an author's mistake
 * can fail. It reads each file as written (its name, its bytes, its frontmatter against the
 * contract, its body), then the catalog as a whole (src/lib/content/validate.ts), and reports every
 * problem at once, one line each, with no stack trace: a content mistake is not a crash.
 *
 * Two things it does differently from a bare glob():
 * - an entry's id is its file name as written, not Astro's slug of it ("Item Duplicate.mdx"
 *   would quietly become "item-duplicate"), so the code = file name check sees the real name;
 * - cached entries whose file is not the one their id names are dropped first. glob() keeps a
 *   cached entry whose text is unchanged even when it now comes from another file (a rename,
 *   another CONTENT_DIR), and then imports the old file, which fails the build until the cache
 *   is cleared.
 *
 * Under `astro dev` a problem does not stop the server: it is logged, a file that fails the
 * schema is left out until it is fixed, and the pages throw the problems (src/lib/build/catalog.ts),
 * so they show in the browser's error overlay; every change in the folder checks again.
 */
import { parsePublishedCodes } from '../lib/content/publishedCodes.ts';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { z } from 'astro/zod';
import {
  bodyProblems,
  DEFAULT_MESSAGE,
  fileNameProblems,
  notUtf8,
  schemaProblems,
  type SchemaIssue,
} from '../lib/content/authoring.ts';
import {
  formatProblems,
  staleReviews,
  validateCatalog,
  type EntryFacts,
  type Problem,
} from '../lib/content/validate.ts';
import { checkedLoad } from './checked.ts';
import { CATEGORY_IDS } from '../lib/shared/taxonomy.ts';
import { replyLengthProblem, type ReplySource } from '../lib/build/replies.ts';

interface Options {
  /** The folder of the error files, relative to the project root. */
  base: string;
  /** The contract of an error's frontmatter (src/content.config.ts). */
  schema: z.ZodObject;
  /** content/published-codes.txt. */
  publishedFile: string;
  /** The folder of the category files, each of CATEGORY_IDS must have one. */
  categoriesDir: string;
}

const posix = (path: string) => path.split(sep).join('/');

interface SchemaNode {
  def?: { innerType?: SchemaNode; shape?: Record<string, SchemaNode>; element?: SchemaNode };
}

/** The schema inside optional, default and the like. */
const unwrap = (node: SchemaNode | undefined) => {
  while (node?.def?.innerType) node = node.def.innerType;
  return node;
};

/** The fields allowed in the object at `path` of the schema, for "did you mean". */
function fieldsAt(schema: z.ZodObject, path: readonly PropertyKey[]): string[] {
  let node: SchemaNode | undefined = schema as SchemaNode;
  for (const key of path)
    node = typeof key === 'number' ? unwrap(node)?.def?.element : unwrap(node)?.def?.shape?.[String(key)];
  return Object.keys(unwrap(node)?.def?.shape ?? {});
}

/** The line of a top-level key in `text` (YAML `key:` or JSON `"key":`), counted from `first`. */
function keyLine(text: string, key: PropertyKey | undefined, first: number): number | undefined {
  if (typeof key !== 'string') return undefined;
  const at = text.split(/\r?\n/).findIndex((l) => l.startsWith(`${key}:`) || l.trimStart().startsWith(`"${key}":`));
  return at < 0 ? undefined : at + first;
}

/**
 * The schema's problems with `data`, worded for authors (src/lib/content/authoring.ts), each on the
 * line of its top-level field in `text` (whose first line is line `first` of the file).
 */
export function schemaCheck(
  file: string,
  schema: z.ZodObject,
  data: unknown,
  text: string,
  first: number,
): { problems: Problem[]; data?: unknown } {
  const result = schema.safeParse(data, { error: () => DEFAULT_MESSAGE, reportInput: true });
  if (result.success) return { problems: [], data: result.data };
  return {
    problems: (result.error.issues as unknown as SchemaIssue[]).flatMap((issue) => {
      const line = keyLine(text, issue.path[0] ?? issue.keys?.[0], first);
      return schemaProblems(file, [issue], (path) => fieldsAt(schema, path)).map((p) => ({ ...p, line }));
    }),
  };
}

/** Every problem of the error files and of the catalog they make. */
async function check(root: string, options: Options): Promise<{ problems: Problem[]; stale: Problem[] }> {
  const dir = resolve(root, options.base);
  const show = (path: string) => posix(relative(root, path));
  const names = (await readdir(dir)).filter((n) => /\.mdx$/i.test(n));
  const problems: Problem[] = fileNameProblems(show(dir), names);
  const facts: EntryFacts[] = [];
  const reviews: { file: string; lastReviewed: Date; line: number | undefined }[] = [];
  for (const name of names) {
    const file = show(join(dir, name));
    const before = problems.length;
    const bytes = await readFile(join(dir, name));
    const notText = notUtf8(bytes);
    if (notText) {
      problems.push({ file, field: 'text', message: `not UTF-8 (${notText}); save the file as UTF-8` });
      continue;
    }
    let parsed: ReturnType<typeof parseFrontmatter>;
    try {
      // Blank frontmatter keeps the body's line numbers those of the file.
      parsed = parseFrontmatter(new TextDecoder().decode(bytes), { frontmatter: 'empty-with-spaces' });
    } catch (e) {
      const err = e as { reason?: string; message: string; mark?: { line: number } };
      problems.push({
        file,
        field: 'frontmatter',
        line: err.mark ? err.mark.line + 2 : undefined,
        message: `not valid YAML: ${err.reason ?? err.message.split('\n')[0]}`,
      });
      continue;
    }
    // The frontmatter starts on line 2, after "---".
    const result = schemaCheck(file, options.schema, parsed.frontmatter, parsed.rawFrontmatter, 2);
    problems.push(...result.problems, ...bodyProblems(file, parsed.content));
    if (problems.length > before) continue;
    const data = result.data as {
      code: string;
      title: string;
      summary: string;
      reply?: ReplySource['reply'];
      formerCodes: string[];
      dependsOn: { id: string }[];
      related: { id: string }[];
      lastReviewed: Date;
    };
    // The reply support copies (src/lib/build/replies.ts) must stay short enough to send.
    const long = replyLengthProblem({ ...data, body: parsed.content });
    if (long)
      problems.push({
        file,
        field: long.field,
        line: keyLine(parsed.rawFrontmatter, data.reply ? 'reply' : 'summary', 2),
        message: long.message,
      });
    reviews.push({ file, lastReviewed: data.lastReviewed, line: keyLine(parsed.rawFrontmatter, 'lastReviewed', 2) });
    facts.push({
      id: name.slice(0, -'.mdx'.length),
      file,
      code: data.code,
      formerCodes: data.formerCodes,
      dependsOn: data.dependsOn.map((r) => r.id),
      related: data.related.map((r) => r.id),
      body: parsed.content,
    });
  }
  if (!problems.length) {
    const publishedFile = resolve(root, options.publishedFile);
    const published = parsePublishedCodes(existsSync(publishedFile) ? await readFile(publishedFile, 'utf8') : '');
    problems.push(...validateCatalog(facts, { file: show(publishedFile), codes: published }));
    for (const id of CATEGORY_IDS) {
      const path = resolve(root, options.categoriesDir, `${id}.json`);
      if (!existsSync(path))
        problems.push({ file: show(path), field: 'title', message: 'this category file is missing' });
    }
  }
  return { problems, stale: problems.length ? [] : staleReviews(reviews, new Date()) };
}

const FAULTY = Symbol('faulty entry');

/** The loader context of astro dev: an entry that fails the schema is dropped from the store. */
export function skippingFaults(context: LoaderContext): LoaderContext {
  const store = context.store;
  return {
    ...context,
    parseData: (async (props: Parameters<LoaderContext['parseData']>[0]) => {
      try {
        return await context.parseData(props);
      } catch {
        return { [FAULTY]: true };
      }
    }) as LoaderContext['parseData'],
    store: new Proxy(store, {
      get(target, key) {
        if (key === 'set')
          return (entry: Parameters<typeof store.set>[0]) =>
            (entry.data as Record<symbol, unknown>)[FAULTY] ? (target.delete(entry.id), false) : target.set(entry);
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }),
  };
}

export function errorsLoader(options: Options): Loader {
  const idOf = (entry: string) => entry.replace(/\.mdx$/i, '');
  return {
    name: 'help-center-errors',
    load: async (context: LoaderContext) => {
      const root = fileURLToPath(context.config.root);
      const dir = resolve(root, options.base);
      await checkedLoad(context, {
        check: async () => {
          const result = await check(root, options);
          // Pages not reviewed for a year: a warning in the build's output, the build goes on.
          const { stale } = result;
          if (stale.length)
            context.logger.warn(
              `${stale.length === 1 ? 'a page was' : `${stale.length} pages were`} not reviewed in the last 12 months:\n${formatProblems(stale)}`,
            );
          return result;
        },
        load: async () => {
          // A cached entry is only reused when its file is the one its id names (see the top).
          for (const id of [...context.store.keys()]) {
            const entry = context.store.get(id);
            if (entry?.filePath !== posix(relative(root, join(dir, `${id}.mdx`)))) context.store.delete(id);
          }
          // Under astro dev a faulty file is left out of the store (until it is fixed) instead of
          // stopping the server: its problems show in the overlay.
          await glob({ pattern: '*.mdx', base: options.base, generateId: ({ entry }) => idOf(entry) }).load(
            context.watcher ? skippingFaults(context) : context,
          );
        },
        owns: (path) => path.startsWith(dir + sep),
        reload: false,
      });
    },
  };
}

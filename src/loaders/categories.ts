/**
 * The loader of content/categories/: Astro's glob() after the same kind of checks as the errors
 * (src/loaders/errors.ts): each file is UTF-8 JSON, named for a category of src/lib/shared/taxonomy.ts,
 * and matches the contract; problems come one line each, with no stack trace.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import { didYouMean, notUtf8 } from '../lib/content/authoring.ts';
import { CATEGORY_IDS } from '../lib/shared/taxonomy.ts';
import type { Problem } from '../lib/content/validate.ts';
import { checkedLoad } from './checked.ts';
import { schemaCheck, skippingFaults } from './errors.ts';

async function check(root: string, dir: string, schema: z.ZodObject): Promise<Problem[]> {
  const show = (name: string) => relative(root, join(dir, name)).split(sep).join('/');
  const problems: Problem[] = [];
  for (const name of (await readdir(dir)).filter((n) => /\.json$/i.test(n)).sort()) {
    const file = show(name);
    const id = name.replace(/\.json$/i, '');
    if (!(CATEGORY_IDS as readonly string[]).includes(id)) {
      const guess = didYouMean(id, CATEGORY_IDS);
      problems.push({
        file,
        field: 'file name',
        message: `"${id}" is no category; ${guess ? `did you mean "${guess}.json"?` : `the categories are ${CATEGORY_IDS.join(', ')} (src/lib/shared/taxonomy.ts)`}`,
      });
      continue;
    }
    const bytes = await readFile(join(dir, name));
    const notText = notUtf8(bytes);
    if (notText) {
      problems.push({ file, field: 'text', message: `not UTF-8 (${notText}); save the file as UTF-8` });
      continue;
    }
    const text = new TextDecoder().decode(bytes);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      problems.push({ file, field: 'text', message: `not valid JSON: ${(e as Error).message}` });
      continue;
    }
    problems.push(...schemaCheck(file, schema, data, text, 1).problems);
  }
  return problems;
}

export function categoriesLoader(options: { base: string; schema: z.ZodObject }): Loader {
  return {
    name: 'help-center-categories',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const dir = resolve(root, options.base);
      await checkedLoad(context, {
        check: async () => ({ problems: await check(root, dir, options.schema) }),
        // Under astro dev a faulty file is left out and the pages show its problems in the overlay.
        load: () =>
          glob({ pattern: '*.json', base: options.base }).load(context.watcher ? skippingFaults(context) : context),
        owns: (path) => path.startsWith(dir + sep),
        reload: false,
      });
    },
  };
}

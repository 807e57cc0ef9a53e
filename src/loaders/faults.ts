/**
 * The loader of content/quickbooks-faults.yaml, the table of QuickBooks fault codes: one YAML
 * list, one entry per code. Checked as the error files are (src/loaders/errors.ts): UTF-8,
 * valid YAML, each entry against the contract with the file, its line and the field named, no
 * code twice; problems come one line each, with no stack trace.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import { parse } from 'yaml';
import { notUtf8 } from '../lib/content/authoring.ts';
import type { Problem } from '../lib/content/validate.ts';
import { checkedLoad } from './checked.ts';
import { schemaCheck } from './errors.ts';

/** The file's name inside the content folder. */
export const FAULTS_FILE = 'quickbooks-faults.yaml';

/** Each top-level entry of a YAML list: its text without the list's "- " and indent, and its first line. */
function entriesOf(text: string): { text: string; line: number }[] {
  const lines = text.split(/\r?\n/);
  const out: { text: string; line: number }[] = [];
  lines.forEach((l, i) => {
    if (l.startsWith('- ')) out.push({ text: l.slice(2), line: i + 1 });
    else if (out.length && (l.startsWith('  ') || !l.trim())) out.at(-1)!.text += `\n${l.slice(2)}`;
  });
  return out;
}

async function check(
  root: string,
  path: string,
  schema: z.ZodObject,
): Promise<{ problems: Problem[]; entries: { id: string; data: unknown }[] }> {
  const file = relative(root, path).split(sep).join('/');
  const bytes = await readFile(path).catch(() => undefined);
  if (!bytes)
    return {
      problems: [{ file, field: 'file', message: 'missing: the table of QuickBooks fault codes is required' }],
      entries: [],
    };
  const notText = notUtf8(bytes);
  if (notText)
    return {
      problems: [{ file, field: 'text', message: `not UTF-8 (${notText}); save the file as UTF-8` }],
      entries: [],
    };
  const text = new TextDecoder().decode(bytes);
  let list: unknown;
  try {
    list = parse(text);
  } catch (e) {
    return {
      problems: [{ file, field: 'text', message: `not valid YAML: ${(e as Error).message.split('\n')[0]}` }],
      entries: [],
    };
  }
  if (!Array.isArray(list))
    return {
      problems: [{ file, field: 'text', message: 'a YAML list of fault codes is expected ("- code: …" entries)' }],
      entries: [],
    };
  const texts = entriesOf(text);
  const problems: Problem[] = [];
  const entries: { id: string; data: unknown }[] = [];
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    const at = texts[i] ?? { text: '', line: 1 };
    const result = schemaCheck(file, schema, item, at.text, at.line);
    problems.push(...result.problems);
    if (!result.data) return;
    const code = (result.data as { code: string }).code;
    const first = seen.get(code);
    if (first !== undefined)
      problems.push({
        file,
        line: at.line,
        field: 'code',
        message: `"${code}" is listed twice (first on line ${first}); keep one entry per code`,
      });
    else {
      seen.set(code, at.line);
      entries.push({ id: code, data: result.data });
    }
  });
  return { problems, entries };
}

export function faultsLoader(options: { file: string; schema: z.ZodObject }): Loader {
  return {
    name: 'help-center-faults',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const path = resolve(root, options.file);
      context.watcher?.add(path);
      await checkedLoad(context, {
        check: () => check(root, path, options.schema),
        load: async ({ entries }) => {
          context.store.clear();
          for (const { id, data } of entries)
            context.store.set({ id, data: await context.parseData({ id, data: data as Record<string, unknown> }) });
        },
        owns: (changed) => changed === path,
        reload: true,
      });
    },
  };
}

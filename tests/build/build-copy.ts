/**
 * Builds a copy of content/ in a temporary folder (CONTENT_DIR) after `prepare` has changed
 * it, and hands the build's exit status, its output and its dist folder to `inspect`.
 * `withCopy` keeps the copy (and its cache) across several builds.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

export const root = join(import.meta.dirname, '..', '..');
const astroBin = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');

export interface BuiltCopy {
  status: number | null;
  output: string;
  dist: string;
}

export interface Copy {
  /** The copy's content folder. */
  content: string;
  /** Builds the copy; each build of one copy uses the same cache folder unless `cache` names another. */
  build: (env?: Record<string, string>, cache?: string) => BuiltCopy;
  dir: string;
}

/** Hands a fresh copy to `use` and removes it afterwards (when the promise settles, if `use` returns one). */
export function withCopy<T>(use: (copy: Copy) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'hc-copy-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  let later = false;
  try {
    const content = join(dir, 'content');
    cpSync(join(root, 'content'), content, { recursive: true });
    const dist = join(dir, 'dist');
    const build = (env: Record<string, string> = {}, cache = join(dir, 'cache')): BuiltCopy => {
      const run = spawnSync(process.execPath, [astroBin, 'build', '--outDir', dist], {
        cwd: root,
        env: { ...process.env, CONTENT_DIR: content, ASTRO_CACHE_DIR: cache, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
        encoding: 'utf8',
        timeout: 240_000,
      });
      return { status: run.status, output: `${run.stdout}\n${run.stderr}`, dist };
    };
    const result = use({ content, build, dir });
    if (result instanceof Promise) {
      later = true;
      return result.finally(remove) as T;
    }
    return result;
  } finally {
    if (!later) remove();
  }
}

export function withBuiltCopy<T>(
  prepare: (content: string) => void,
  inspect: (build: BuiltCopy) => T,
  env: Record<string, string> = {},
): T {
  return withCopy(({ content, build }) => {
    prepare(content);
    return inspect(build(env));
  });
}

/**
 * Renames invoice-deleted to invoice-removed-in-quickbooks in a copy's content as the README
 * tells authors to, keeping the old code in `formerCodes` (its URL then redirects) or not.
 */
export function rename(content: string, keepOldCode: boolean) {
  const from = join(content, 'errors', 'invoice-deleted.mdx');
  const to = join(content, 'errors', 'invoice-removed-in-quickbooks.mdx');
  const text = readFileSync(from, 'utf8').replace(
    /^code: invoice-deleted$/m,
    `code: invoice-removed-in-quickbooks${keepOldCode ? '\nformerCodes: [invoice-deleted]' : ''}`,
  );
  writeFileSync(to, text);
  renameSync(from, `${from}.gone`);
  // As the README tells authors: the dependsOn, related and links that name the old code now name the new one.
  for (const file of readdirSync(join(content, 'errors')).filter(
    (f) => f.endsWith('.mdx') && f !== 'invoice-removed-in-quickbooks.mdx',
  )) {
    const path = join(content, 'errors', file);
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll('invoice-deleted', 'invoice-removed-in-quickbooks'));
  }
  const published = join(content, 'published-codes.txt');
  writeFileSync(published, `${readFileSync(published, 'utf8')}invoice-removed-in-quickbooks\n`);
}

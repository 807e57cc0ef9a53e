/**
 * Builds a copy of content/ in a temporary folder (CONTENT_DIR) after `prepare` has changed
 * it, and hands the build's exit status, its output and its dist folder to `inspect`.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
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

export function withBuiltCopy<T>(prepare: (content: string) => void, inspect: (build: BuiltCopy) => T, env: Record<string, string> = {}): T {
  const dir = mkdtempSync(join(tmpdir(), 'hc-copy-'));
  try {
    const content = join(dir, 'content');
    cpSync(join(root, 'content'), content, { recursive: true });
    prepare(content);
    const dist = join(dir, 'dist');
    const run = spawnSync(process.execPath, [astroBin, 'build', '--outDir', dist], {
      cwd: root,
      env: { ...process.env, CONTENT_DIR: content, ASTRO_CACHE_DIR: join(dir, 'cache'), FORCE_COLOR: '0', NO_COLOR: '1', ...env },
      encoding: 'utf8',
      timeout: 240_000,
    });
    return inspect({ status: run.status, output: `${run.stdout}\n${run.stderr}`, dist });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

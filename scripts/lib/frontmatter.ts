/**
 * An error file's frontmatter as data and its body, as the tools and the tests read the
 * content (the build reads it with Astro's own parser and checks it: src/loaders/errors.ts).
 * YAML as the `yaml` package reads it: dates stay text ("2026-11-27").
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)([\s\S]*)$/;

/** The frontmatter and body of `text`; `file` names it in the error when it has no frontmatter. */
export function splitFrontmatter(text: string, file: string): { data: Record<string, unknown>; body: string } {
  const match = FRONTMATTER.exec(text);
  if (!match) throw new Error(`${file}: no frontmatter`);
  return { data: (parse(match[1]!) ?? {}) as Record<string, unknown>, body: match[2] ?? '' };
}

/** The frontmatter and body of the file at `path`. */
export const readFrontmatter = (path: string): { data: Record<string, unknown>; body: string } =>
  splitFrontmatter(readFileSync(path, 'utf8'), path);

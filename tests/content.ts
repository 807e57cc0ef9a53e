/**
 * The catalog as the tests see it: read straight from content/ (the sources the build reads),
 * so that expectations follow the content instead of pinning counts or lists that break when
 * an error is added.
 */
import { parsePublishedCodes, PUBLISHED_CODES_FILE } from '../src/lib/content/publishedCodes.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { splitFrontmatter } from '../scripts/lib/frontmatter.ts';

const CONTENT = join(import.meta.dirname, '..', 'content');

export interface ContentError {
  code: string;
  title: string;
  categories: string[];
  dependsOn: string[];
  related: string[];
  quickbooks: { code?: string; name?: string; message: string; source: string }[];
  formerCodes: string[];
  resync: 'automatic' | 'manual' | 'none';
  aliases: string[];
  /** The MDX body, after the frontmatter. */
  body: string;
  summary: string;
  fixWhere: string;
  /** The frontmatter's own text for the customer's reply (src/lib/build/replies.ts), when it has one. */
  reply?: { intro?: string; steps?: string[] };
}

export interface ContentCategory {
  id: string;
  title: string;
  order: number;
}

function readError(file: string): ContentError {
  const { data: front, body } = splitFrontmatter(
    readFileSync(join(CONTENT, 'errors', file), 'utf8'),
    `content/errors/${file}`,
  );
  const data = front as Partial<ContentError>;
  return {
    code: data.code!,
    title: data.title!,
    summary: data.summary!,
    fixWhere: data.fixWhere!,
    categories: data.categories ?? [],
    dependsOn: data.dependsOn ?? [],
    related: data.related ?? [],
    quickbooks: data.quickbooks ?? [],
    formerCodes: data.formerCodes ?? [],
    resync: data.resync ?? 'none',
    aliases: data.aliases ?? [],
    body,
    ...(data.reply && { reply: data.reply }),
  };
}

/** Every error of the catalog, in code order. */
export const ERRORS: ContentError[] = readdirSync(join(CONTENT, 'errors'))
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map(readError);

export const CODES: string[] = ERRORS.map((e) => e.code);

export const errorByCode = new Map(ERRORS.map((e) => [e.code, e]));

/** The categories, in their display order. */
export const CATEGORIES: ContentCategory[] = readdirSync(join(CONTENT, 'categories'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    id: f.replace(/\.json$/, ''),
    ...(JSON.parse(readFileSync(join(CONTENT, 'categories', f), 'utf8')) as { title: string; order: number }),
  }))
  .sort((a, b) => a.order - b.order);

/** The errors listed under a category: every error that names it. */
export const errorsIn = (category: string): ContentError[] => ERRORS.filter((e) => e.categories.includes(category));

/** Every code ever published (content/published-codes.txt). */
export const PUBLISHED: string[] = parsePublishedCodes(readFileSync(join(CONTENT, PUBLISHED_CODES_FILE), 'utf8'));

/** The table of QuickBooks fault codes (content/quickbooks-faults.yaml). */
export interface ContentFault {
  code: string;
  name: string;
  meaning: string;
  source: string;
  table: boolean;
  group: string;
  status?: string[];
  messages: { message: string; source: string }[];
}
export const FAULTS: ContentFault[] = (
  parse(readFileSync(join(CONTENT, 'quickbooks-faults.yaml'), 'utf8')) as ContentFault[]
).map((f) => ({ ...f, messages: f.messages ?? [] }));

/**
 * The model of an error page, built once from a catalog entry: the facts with their labels,
 * the errors to fix first, the ones it unblocks and the related ones, what QuickBooks may say
 * (with each message's source), the fix steps and the JSON-LD. The screen page
 * (src/layouts/ErrorPage.astro), the printed book (src/components/print/PrintError.astro) and
 * the Markdown copy (src/lib/build/markdownCopy.ts) all render this, through the shared pieces of
 * src/components/error/, so a label or a sentence is written here once.
 *
 * A new field of the contract (src/content.config.ts) that pages show goes into `FACTS` (or
 * into `errorPage()` if it is not a one-line fact) and nowhere else.
 */
import { pick, type Catalog, type CatalogError } from './catalogModel.ts';
import { DIRECTIONS, FIX_WHERE, RESYNC, type CategoryId } from '../shared/taxonomy.ts';
import { pageSources, sourceLabel, type PageSource } from './sources.ts';
import { fixSteps } from './fixSteps.ts';
import { urls } from '../shared/urls.ts';

type ErrorData = CatalogError['data'];

/** One fact of the facts list: its label, its value as shown, and the search filter it feeds on the screen page. */
export interface Fact {
  label: string;
  value: string;
  filter?: string;
}

/** The one-line facts of an error, in the order pages list them. */
export const FACTS = [
  { field: 'direction', label: 'Sync direction', value: (d: Pick<ErrorData, 'direction'>) => DIRECTIONS[d.direction] },
  {
    field: 'fixWhere',
    label: 'Where to fix it',
    value: (d: Pick<ErrorData, 'fixWhere'>) => FIX_WHERE[d.fixWhere],
    filter: 'fix',
  },
  { field: 'resync', label: 'After the fix', value: (d: Pick<ErrorData, 'resync'>) => RESYNC[d.resync] },
] as const;

/** The fields the facts are read from: what a renderer of the facts needs of an error. */
export type FactData = Pick<ErrorData, (typeof FACTS)[number]['field']>;

/** The labelled facts of an error. */
export const factsOf = (data: FactData): Fact[] =>
  FACTS.map((f) => ({ label: f.label, value: f.value(data as never), ...('filter' in f && { filter: f.filter }) }));

/**
 * The fields of an entry that the facts are read from (for a renderer that gets plain data, such as the Markdown copy).
 */
export const factData = (data: FactData): FactData =>
  Object.fromEntries(FACTS.map((f) => [f.field, data[f.field]])) as FactData;

/** The label of the categories fact: "Category" or "Categories". */
export const categoriesLabel = (count: number) => (count > 1 ? 'Categories' : 'Category');

/** A section that pages add around the author's text: its anchor id, heading and the sentence under it. */
export interface Section {
  id: string;
  heading: string;
  intro?: string;
}

export const SECTIONS = {
  fixFirst: {
    id: 'fix-first',
    heading: 'Fix these first',
    intro:
      'This error clears only once its record can sync. If any of these errors also shows in your sync history log, fix it first:',
  },
  quickbooks: {
    id: 'quickbooks-says',
    heading: 'What QuickBooks may say',
    intro:
      'QuickBooks may report this error with one of these messages. Numbers, names and IDs in your copy will differ.',
  },
  unblocks: {
    id: 'unblocks',
    heading: 'Fixing this also unblocks',
    intro: 'These errors wait on this one. Once it is fixed, they can clear too:',
  },
  related: { id: 'related', heading: 'Related errors' },
  sources: {
    id: 'sources',
    heading: 'Sources',
    intro:
      "The public pages this page rests on: QuickBooks' messages, and the limits, menu paths and QuickBooks behaviour it states.",
  },
} as const satisfies Record<string, Section>;

/** A QuickBooks message as pages show it. */
export interface QuickBooksMessage {
  /** QuickBooks' fault code, when it gives one, and the address of that fault's page. */
  code?: string;
  faultHref?: string;
  name?: string;
  message: string;
  source: string;
  /** The source named for a reader (src/lib/build/sources.ts). */
  sourceLabel: string;
}

/** A fault code as pages name it: "Fault 610". */
export const faultLabel = (code: string) => `Fault ${code}`;
/** What QuickBooks calls a message, on one line: "Fault 610 · Object Not Found" (empty when it names none). */
export const faultLine = (q: { code?: string | undefined; name?: string | undefined }) =>
  [q.code && faultLabel(q.code), q.name].filter(Boolean).join(' · ');

export const quickbooksMessages = (data: Pick<ErrorData, 'quickbooks'>): QuickBooksMessage[] =>
  data.quickbooks.map((q) => ({
    ...(q.code && { code: q.code, faultHref: urls.fault(q.code) }),
    ...(q.name && { name: q.name }),
    message: q.message,
    source: q.source,
    sourceLabel: sourceLabel(q.source),
  }));

export interface ErrorPage {
  code: string;
  title: string;
  summary: string;
  aliases: readonly string[];
  /** The page's address under the site's base path (src/lib/shared/urls.ts). */
  href: string;
  facts: Fact[];
  categories: { label: string; list: { id: CategoryId; title: string; href: string }[] };
  dependsOn: CatalogError[];
  unblocks: CatalogError[];
  related: CatalogError[];
  quickbooks: QuickBooksMessage[];
  /** The numbered "How to fix" steps as plain text (src/lib/build/fixSteps.ts). */
  steps: string[];
  /** Every public page the error page rests on, with what it supports (src/lib/build/sources.ts). */
  sources: PageSource[];
  /** The review date: ISO ("2026-11-27") and as read ("November 27, 2026"). */
  reviewed: { iso: string; label: string };
}

export function errorPage(catalog: Catalog, error: CatalogError): ErrorPage {
  const { data } = error;
  return {
    code: error.id,
    title: data.title,
    summary: data.summary,
    aliases: data.aliases,
    href: urls.error(error.id),
    facts: factsOf(data),
    categories: {
      label: categoriesLabel(data.categories.length),
      list: data.categories.map((id) => ({ id, title: catalog.categoryById.get(id)!.title, href: urls.category(id) })),
    },
    dependsOn: pick(catalog, error.dependsOn),
    unblocks: pick(catalog, error.unblocks),
    related: pick(catalog, error.related),
    quickbooks: quickbooksMessages(data),
    steps: fixSteps(error.entry.body ?? ''),
    sources: pageSources(data.quickbooks, error.entry.body ?? ''),
    reviewed: {
      iso: data.lastReviewed.toISOString().slice(0, 10),
      label: data.lastReviewed.toLocaleDateString('en-US', {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        timeZone: 'UTC',
      }),
    },
  };
}

/** The page's structured data (schema.org TechArticle and HowTo), as the text of its JSON-LD script. */
export function jsonLdText(page: ErrorPage, o: { url: string; home: string; siteName: string }): string {
  const jsonLd = {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'TechArticle',
        '@id': `${o.url}#article`,
        headline: page.title,
        description: page.summary,
        url: o.url,
        identifier: page.code,
        dateModified: page.reviewed.iso,
        inLanguage: 'en',
        about: 'Workiz and QuickBooks Online sync errors',
        isPartOf: { '@type': 'WebSite', name: o.siteName, url: o.home },
      },
      {
        '@type': 'HowTo',
        '@id': `${o.url}#how-to-fix`,
        name: `How to fix: ${page.title}`,
        description: page.summary,
        step: page.steps.map((text, i) => ({
          '@type': 'HowToStep',
          position: i + 1,
          text,
          url: `${o.url}#how-to-fix`,
        })),
      },
    ],
  };
  // JSON inside <script>: "<" escaped so that no text can close the element.
  return JSON.stringify(jsonLd).replace(/</g, '\\u003c');
}

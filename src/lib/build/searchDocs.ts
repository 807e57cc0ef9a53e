/**
 * The catalog as the search ranker sees it (src/lib/shared/search): every error page, with the words of
 * its text, and every QuickBooks fault code's page. Made at build time (search-data.json, the
 * triage data) and by the tests from the content files, with the same functions.
 */
import type { FaultEntry } from './catalog.ts';
import { plainText } from './fixSteps.ts';
import { isTerm, words } from '../shared/search/normalize.ts';
import { FAULT_CATEGORY, FAULT_DOC_PREFIX, type SearchDoc } from '../shared/search/types.ts';

/** An error as the content gives it. */
export interface ErrorFields {
  code: string;
  title: string;
  summary: string;
  categories: readonly string[];
  fixWhere: string;
  quickbooks: readonly { code?: string | undefined; name?: string | undefined; message: string }[];
  aliases: readonly string[];
  /** The MDX body. */
  body: string;
}

/** The words of an MDX body, each once, stop words left out: what the ranker matches of a page's text. */
export const bodyWords = (mdx: string): string =>
  [...new Set(words(plainText(mdx.replace(/<(?!ManualResync)[^>]*>/g, ' '))).filter(isTerm))].join(' ');

export function toSearchDoc(e: ErrorFields): SearchDoc {
  return {
    code: e.code,
    title: e.title,
    summary: e.summary,
    categories: [...e.categories],
    fixWhere: e.fixWhere,
    // The source address is for people reading the page, not for matching: it stays out of the search data.
    faults: e.quickbooks.map(({ code, name, message }) => ({ code, name, message })),
    aliases: [...e.aliases],
    body: bodyWords(e.body),
  };
}

const SUMMARY_MAX = 240;

/**
 * A QuickBooks fault code's page (/quickbooks/<code>/) as the ranker sees it: its name, what it
 * means and the wordings seen with it in the table (not the errors' own messages, which find the
 * errors), so that a paste no error fits still finds what its code means.
 */
export function toFaultSearchDoc(f: Pick<FaultEntry, 'code' | 'name' | 'meaning' | 'messages'>): SearchDoc {
  const summary = f.meaning.length > SUMMARY_MAX ? `${f.meaning.slice(0, SUMMARY_MAX - 1)}…` : f.meaning;
  return {
    code: `${FAULT_DOC_PREFIX}${f.code}`,
    title: `QuickBooks fault ${f.code}: ${f.name}`,
    summary,
    categories: [FAULT_CATEGORY],
    fixWhere: '',
    faults: [
      { code: f.code, name: f.name, message: f.meaning },
      ...f.messages.map((m) => ({ code: f.code, name: f.name, message: m.message })),
    ],
    aliases: [],
  };
}

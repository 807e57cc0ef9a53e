/**
 * The customer's reply of every error (src/lib/build/replies.ts) for help desks, written at build:
 * /macros/zendesk.json (Zendesk macros, one `POST /api/v2/macros.json` each) and
 * /macros/saved-replies.csv (Help Scout saved replies, Freshdesk canned responses, or any tool
 * that takes a name and a text). The README shows how to import them. Each reply is the text of
 * the error page's "Copy as reply" button, links absolute under SITE_URL.
 */
import { stringify } from 'csv-stringify/sync';
import type { Catalog, CatalogError } from './catalog.ts';
import { customerReply } from './replies.ts';
import { urls } from '../shared/urls.ts';

/** One error as the help desks get it. */
export interface ReplyEntry {
  code: string;
  title: string;
  summary: string;
  /** The title of its primary category, e.g. "Client errors". */
  category: string;
  /** Its page, absolute. */
  url: string;
  /** The customer's reply (customerReply). */
  reply: string;
}

/** The reply of one error of the catalog, with its page's absolute address under `site`. */
export function errorReply(error: CatalogError, site: URL): { url: string; reply: string } {
  const url = new URL(urls.error(error.id), site).href;
  const { title, summary, reply } = error.data;
  return { url, reply: customerReply({ code: error.id, title, summary, reply, body: error.entry.body ?? '' }, url) };
}

/** Every error of the catalog, in code order. */
export function replyEntries(catalog: Catalog, site: URL): ReplyEntry[] {
  return [...catalog.errors]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => ({
      code: e.id,
      title: e.data.title,
      summary: e.data.summary,
      category: catalog.categoryById.get(e.primary)!.title,
      ...errorReply(e, site),
    }));
}

/** A macro's or saved reply's name: "QuickBooks sync: <title> (<code>)". */
export const macroTitle = (e: Pick<ReplyEntry, 'title' | 'code'>) => `QuickBooks sync: ${e.title} (${e.code})`;

/** A Zendesk macro as its API creates one (`{"macro": …}`, POST /api/v2/macros.json). */
export interface ZendeskMacro {
  title: string;
  active: boolean;
  description: string;
  actions: { field: 'comment_value'; value: string }[];
}

/**
 * /macros/zendesk.json: `{ macros: [...] }`, one macro per error, whose one action sets the
 * comment's text to the reply (`comment_value`, plain text).
 */
export function zendeskMacros(entries: readonly ReplyEntry[]): { macros: ZendeskMacro[] } {
  return {
    macros: entries.map((e) => ({
      title: macroTitle(e),
      active: true,
      description: `For agents: ${e.summary} Page: ${e.url}`,
      actions: [{ field: 'comment_value', value: e.reply }],
    })),
  };
}

/** The columns of /macros/saved-replies.csv, in order. */
export const SAVED_REPLY_COLUMNS = ['Name', 'Text', 'Link', 'Code', 'Category'] as const;

/**
 * /macros/saved-replies.csv: RFC 4180 (every field quoted, CRLF between records, a header
 * line), UTF-8 without a byte order mark; a reply's own line breaks stay inside its quoted field.
 */
export function savedRepliesCsv(entries: readonly ReplyEntry[]): string {
  return stringify(
    entries.map((e) => [macroTitle(e), e.reply, e.url, e.code, e.category]),
    { header: true, columns: [...SAVED_REPLY_COLUMNS], quoted: true, record_delimiter: 'windows' },
  );
}

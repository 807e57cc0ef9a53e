/**
 * The catalog as its Markdown copies show it (src/lib/build/markdownCopy.ts writes them): one
 * error for the copy beside its page (copyError), and the whole site for /llms.txt and
 * /llms-full.txt (llmsSite), every link absolute against SITE_URL.
 */
import { pick, type Catalog, type CatalogError } from './catalog.ts';
import { factData } from './errorPage.ts';
import { SITE_NAME } from './config.ts';
import type { CopyError, LlmsSite } from './markdownCopy.ts';
import { urls } from '../shared/urls.ts';

export function llmsSite(catalog: Catalog, site: URL): LlmsSite {
  // Addresses under the site's base path (SITE_URL may have one), made absolute.
  const abs = (address: string) => new URL(address, site).href;
  return {
    name: SITE_NAME,
    about:
      'A help center for the errors Workiz can hit when it syncs clients, items, invoices and payments with QuickBooks Online: what each error means, how to fix it, and what to fix first. Each error has a stable code, the last part of its page address.',
    url: abs(urls.home()),
    sections: catalog.categories.map((c) => ({
      title: c.title,
      errors: c.errors.filter((e) => e.primary === c.id).map((e) => copyError(catalog, e, site)),
    })),
    more: [
      { title: 'Every error in one file', url: abs(urls.llmsFull()), about: 'every Markdown copy, by category' },
      {
        title: 'The catalog as JSON',
        url: abs(urls.catalogJson()),
        about: `every error's facts, with its JSON Schema at ${abs(urls.catalogSchema())}`,
      },
      {
        title: 'What changed',
        url: abs(urls.changesFeed()),
        about: 'an Atom feed of new errors, changed fixes and renamed codes',
      },
      {
        title: 'Zendesk macros',
        url: abs(urls.macrosZendesk()),
        about: "every error's reply to a customer, as Zendesk macros to create through its API",
      },
      {
        title: 'Saved replies (CSV)',
        url: abs(urls.macrosCsv()),
        about:
          "every error's reply to a customer, with its link, code and category, for Help Scout, Freshdesk or another help desk",
      },
    ],
  };
}

/** An error as its Markdown copy shows it (src/lib/build/markdownCopy.ts), links absolute against `site`. */
export function copyError(catalog: Catalog, e: CatalogError, site: URL): CopyError {
  const abs = (path: string) => new URL(path, site).href;
  const refs = (ids: string[]) =>
    pick(catalog, ids).map((r) => ({ title: r.data.title, code: r.id, url: abs(urls.error(r.id)) }));
  return {
    code: e.id,
    title: e.data.title,
    summary: e.data.summary,
    body: e.entry.body ?? '',
    ...factData(e.data),
    aliases: e.data.aliases,
    categories: e.data.categories.map((c) => ({
      title: catalog.categoryById.get(c)!.title,
      url: abs(urls.category(c)),
    })),
    quickbooks: e.data.quickbooks.map((q) => ({ ...q, faultUrl: q.code ? abs(urls.fault(q.code)) : undefined })),
    dependsOn: refs(e.dependsOn),
    unblocks: refs(e.unblocks),
    related: refs(e.related),
    lastReviewed: e.data.lastReviewed.toISOString().slice(0, 10),
    url: abs(urls.error(e.id)),
    markdownUrl: abs(urls.errorMarkdown(e.id)),
    site: site.href,
  };
}

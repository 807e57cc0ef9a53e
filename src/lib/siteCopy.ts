/** The whole catalog as /llms.txt and /llms-full.txt see it (src/lib/markdownCopy.ts). */
import { copyError, type Catalog } from './catalog';
import { SITE_NAME } from './config';
import type { SiteCopy } from './markdownCopy';
import { urls } from './urls';

export function siteCopy(catalog: Catalog, site: URL): SiteCopy {
  // Addresses under the site's base path (SITE_URL may have one), made absolute.
  const abs = (address: string) => new URL(address, site).href;
  return {
    name: SITE_NAME,
    about:
      'A help center for the errors Workiz can hit when it syncs clients, items, invoices and payments with QuickBooks Online: what each error means, how to fix it, and what to fix first. Each error has a stable code, the last part of its page address.',
    url: abs(urls.home()),
    sections: catalog.categories.map((c) => ({ title: c.title, errors: c.errors.filter((e) => e.primary === c.id).map((e) => copyError(catalog, e, site)) })),
    more: [
      { title: 'Every error in one file', url: abs(urls.llmsFull()), about: 'every Markdown copy, by category' },
      { title: 'The catalog as JSON', url: abs(urls.catalogJson()), about: `every error's facts, with its JSON Schema at ${abs(urls.catalogSchema())}` },
      { title: 'What changed', url: abs(urls.changesFeed()), about: 'an Atom feed of new errors, changed fixes and renamed codes' },
      { title: 'Zendesk macros', url: abs(urls.macrosZendesk()), about: "every error's reply to a customer, as Zendesk macros to create through its API" },
      { title: 'Saved replies (CSV)', url: abs(urls.macrosCsv()), about: "every error's reply to a customer, with its link, code and category, for Help Scout, Freshdesk or another help desk" },
    ],
  };
}

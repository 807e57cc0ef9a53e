/** The whole catalog as /llms.txt and /llms-full.txt see it (src/lib/markdownCopy.ts). */
import { changesFeedUrl, copyError, llmsFullUrl, type Catalog } from './catalog';
import { SITE_NAME } from './config';
import { ERRORS_SCHEMA_PATH } from './errorsJson';
import { withBase } from './base';
import type { SiteCopy } from './markdownCopy';

export function siteCopy(catalog: Catalog, site: URL): SiteCopy {
  // Site paths under the site's base path (SITE_URL may have one), then absolute.
  const abs = (path: string) => new URL(withBase(path), site).href;
  return {
    name: SITE_NAME,
    about:
      'A help center for the errors Workiz can hit when it syncs clients, items, invoices and payments with QuickBooks Online: what each error means, how to fix it, and what to fix first. Each error has a stable code, the last part of its page address.',
    url: abs('/'),
    sections: catalog.categories.map((c) => ({ title: c.title, errors: c.errors.filter((e) => e.primary === c.id).map((e) => copyError(catalog, e, site)) })),
    more: [
      { title: 'Every error in one file', url: new URL(llmsFullUrl(), site).href, about: 'every Markdown copy, by category' },
      { title: 'The catalog as JSON', url: abs('/errors.json'), about: `every error's facts, with its JSON Schema at ${abs(ERRORS_SCHEMA_PATH)}` },
      { title: 'What changed', url: new URL(changesFeedUrl(), site).href, about: 'an Atom feed of new errors, changed fixes and renamed codes' },
    ],
  };
}

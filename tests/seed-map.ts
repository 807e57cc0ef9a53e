/**
 * The 27 entries of the old Workiz article that the catalog replaces, in its order, each
 * mapped to the page that replaces it. The article itself is not part of this project (a
 * clone must build and test on its own), so what the tests need of it is kept here as data:
 * `seed` is a phrase from the entry's own "Meaning" line (which entry this is), and `facts`
 * are the facts of the entry that its page must carry, as words that must appear in the
 * page's text.
 */
/** The article's public address: a page states a Workiz behaviour with a link to it, or as something to check. */
export const SEED_URL =
  'https://help.workiz.com/hc/en-us/articles/22898489016081-How-to-resolve-common-QuickBooks-Online-errors';

export interface SeedEntry {
  category: 'Client' | 'Invoice' | 'Item' | 'Payment';
  seed: string;
  code: string;
  facts: string[];
}

export const SEED_MAP: SeedEntry[] = [
  {
    category: 'Client',
    seed: 'does not have a first and last name',
    code: 'client-missing-name',
    facts: ['first and last name', "open the client's profile", 'on its own'],
  },
  {
    category: 'Client',
    seed: 'QuickBooks does not',
    code: 'client-duplicate-name',
    facts: ['same person', 'merge', 'Resolve now', 'John Smith - 2'],
  },
  {
    category: 'Client',
    seed: 'supplier, or employee',
    code: 'client-name-conflict',
    facts: ['supplier', 'employee', 'make the supplier or employee inactive', 'rename the client', 'sync history log'],
  },
  {
    category: 'Client',
    seed: 'has been made inactive in QuickBooks.',
    code: 'client-inactive',
    facts: ['inactive', 'active again', 'sync history log'],
  },
  {
    category: 'Client',
    seed: 'parent client that is not synced',
    code: 'client-parent-not-synced',
    facts: ['parent', 'synced to QuickBooks', 'Remove'],
  },
  {
    category: 'Client',
    seed: 'failed to sync during the initial sync',
    code: 'client-initial-sync-failed',
    facts: ['initial sync', 'Contact'],
  },
  {
    category: 'Client',
    seed: 'editing this client',
    code: 'client-concurrent-edit',
    facts: ['same time', 'again', 'another user'],
  },
  {
    category: 'Client',
    seed: 'subscription is no longer active',
    code: 'subscription-inactive',
    facts: ['subscription', 'Contact QuickBooks'],
  },
  {
    category: 'Invoice',
    seed: "client that hasn't been synced",
    code: 'invoice-client-not-synced',
    facts: ['sync history log', 'client errors'],
  },
  {
    category: 'Invoice',
    seed: 'line items that are not yet synced',
    code: 'invoice-items-not-synced',
    facts: ['price book', 'active', 'sync history log'],
  },
  {
    category: 'Invoice',
    seed: "didn't have any line items",
    code: 'invoice-no-line-items',
    facts: ['line item', 'sync history log'],
  },
  {
    category: 'Invoice',
    seed: 'same ID as an invoice',
    code: 'invoice-duplicate-number',
    facts: ['connected it again', 'different Workiz account', 'two-way sync', 'sync history log'],
  },
  {
    category: 'Invoice',
    seed: 'as of date',
    code: 'invoice-inventory-date',
    facts: ['as of date', 'inventory item', 'Products and Services', 'sync history log'],
  },
  {
    category: 'Invoice',
    seed: 'linked to a client that has been made inactive',
    code: 'invoice-client-inactive',
    facts: ['inactive', 'active again', 'sync history log'],
  },
  {
    category: 'Invoice',
    seed: 'closed period',
    code: 'invoice-closed-period',
    facts: ['closed', 'Account and Settings', 'Advanced', 'sync history log'],
  },
  {
    category: 'Invoice',
    seed: 'linked to a client that has been made inactive',
    code: 'invoice-client-inactive',
    facts: ['never really deletes', 'inactive'],
  },
  {
    category: 'Invoice',
    seed: 'invoice you synced from Workiz to QuickBooks has been deleted',
    code: 'invoice-deleted',
    facts: ['deleted', 'Contact'],
  },
  { category: 'Invoice', seed: 'subscription is no longer active', code: 'subscription-inactive', facts: ['invoices'] },
  {
    category: 'Item',
    seed: 'same tax rates across both platforms',
    code: 'item-tax-rate-missing',
    facts: ['tax rate', 'map', 'sync history log'],
  },
  {
    category: 'Item',
    seed: 'already exists in QuickBooks',
    code: 'item-duplicate',
    facts: ['price book', 'name', 'on its own'],
  },
  { category: 'Item', seed: 'bundle', code: 'item-bundle-unsupported', facts: ['bundle', 'product', 'no fix'] },
  {
    category: 'Item',
    seed: 'non-inventory item',
    code: 'item-inventory-conversion',
    facts: ['inventory', 'non-inventory', 'no fix'],
  },
  { category: 'Item', seed: 'subscription is no longer active', code: 'subscription-inactive', facts: ['items'] },
  {
    category: 'Payment',
    seed: 'maximum of 21 characters',
    code: 'payment-confirmation-too-long',
    facts: ['21 characters', 'confirmation code', 'sync history log'],
  },
  {
    category: 'Payment',
    seed: 'cash, credit, or check',
    code: 'payment-type-unsupported',
    facts: ['cash', 'credit', 'check'],
  },
  {
    category: 'Payment',
    seed: 'payment you synced from Workiz to QuickBooks has been deleted',
    code: 'payment-deleted',
    facts: ['deleted', 'Contact'],
  },
  { category: 'Payment', seed: 'subscription is no longer active', code: 'subscription-inactive', facts: ['payments'] },
];

/**
 * The closed vocabularies of the catalog (the categories' short names are in categoryNames.ts).
 * Plain constants so that the content schema, the pages and the tests all agree on one list.
 */
/** `connection` holds the account-wide errors (the connection, the subscription, throttling) that stop every sync. */
export const CATEGORY_IDS = ['connection', 'client', 'invoice', 'item', 'payment'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];
/** The category of errors that stop every sync; the other categories' indexes point to it. */
export const ACCOUNT_WIDE = 'connection' satisfies CategoryId;
/** The records that sync, one category each: every category but the account-wide one. */
export const RECORD_IDS = /* @__PURE__ */ CATEGORY_IDS.filter(
  (id): id is Exclude<CategoryId, typeof ACCOUNT_WIDE> => id !== ACCOUNT_WIDE,
);
export type RecordId = (typeof RECORD_IDS)[number];

/** A record as a plural noun in a sentence ("Sync the invoices again by hand"). */
export const RECORD_PLURALS: Record<RecordId, string> = {
  client: 'clients',
  item: 'items',
  invoice: 'invoices',
  payment: 'payments',
};

export const DIRECTIONS = {
  'workiz-to-quickbooks': 'Workiz → QuickBooks',
  'quickbooks-to-workiz': 'QuickBooks → Workiz',
} as const;
export type Direction = keyof typeof DIRECTIONS;

export const FIX_WHERE = {
  workiz: 'In Workiz',
  quickbooks: 'In QuickBooks',
  support: 'Contact support',
  none: 'No fix yet',
} as const;
export type FixWhere = keyof typeof FIX_WHERE;

export const RESYNC = {
  automatic: 'Syncs again by itself after the fix',
  manual: 'Sync it again by hand from the sync history log',
  none: 'Nothing to sync again',
} as const;
export type Resync = keyof typeof RESYNC;

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
// Pure: a bundle that does not use a list leaves it and its table out (the first search result loads this file).
export const DIRECTION_IDS = /* @__PURE__ */ keys(DIRECTIONS);
export const FIX_WHERE_IDS = /* @__PURE__ */ keys(FIX_WHERE);
export const RESYNC_IDS = /* @__PURE__ */ keys(RESYNC);

/**
 * What kind of fault a QuickBooks fault code is (content/quickbooks-faults.yaml `group`), and what
 * a reader checks when no error of the catalog fits it (its page, /quickbooks/<code>/).
 */
export const FAULT_GROUPS = {
  connection: {
    title: 'Connection and sign-in',
    check:
      "QuickBooks did not accept the connection itself, so nothing in the record is wrong. Check that QuickBooks Online still shows Workiz among the company's connected apps, and that the subscription is active. Reconnecting is often what fixes it; if it keeps failing, contact support with the code below.",
  },
  throttle: {
    title: 'Too many requests',
    check:
      'QuickBooks asked for fewer requests at once. Nothing in the record is wrong: wait, then sync the failed records again.',
  },
  request: {
    title: 'How the request was made',
    check:
      'This fault is about how the request to QuickBooks was put together, which is the app’s side of the sync, not your records. There is nothing to change in your books: contact support with the code below and the record that failed.',
  },
  value: {
    title: 'A value QuickBooks refused',
    check:
      'QuickBooks refused one value of the record (its format, length or type). Open the record named in the sync history log and look for unusual characters, very long text, empty details or odd numbers; correct it and sync it again. If nothing stands out, contact support with the code below.',
  },
  business: {
    title: 'A QuickBooks business rule',
    check:
      "QuickBooks' own rules refused the record. The detail that came with the code says which rule: search for it, or compare it with the errors below. If none fits, contact support with the code and the detail.",
  },
  feature: {
    title: 'Not allowed for this company',
    check:
      "QuickBooks refused because the company's plan or the user's permissions don't allow it. Check which QuickBooks Online plan the company is on and who connected Workiz; if it still isn't clear, contact support with the code below.",
  },
  system: {
    title: 'A QuickBooks system error',
    check:
      'QuickBooks had a problem on its side. Wait a while and sync the record again; if the same fault keeps coming back, contact support with the code below.',
  },
} as const;
export type FaultGroup = keyof typeof FAULT_GROUPS;
export const FAULT_GROUP_IDS = /* @__PURE__ */ keys(FAULT_GROUPS);

/**
 * The closed vocabularies of the catalog. Plain constants so that the content schema,
 * the pages and the tests all agree on one list.
 */
/** `connection` holds the account-wide errors (the connection, the subscription, throttling) that stop every sync. */
export const CATEGORY_IDS = ['connection', 'client', 'invoice', 'item', 'payment'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];
/** The category of errors that stop every sync; the other categories' indexes point to it. */
export const ACCOUNT_WIDE = 'connection' satisfies CategoryId;
/** The records that sync, one category each: every category but the account-wide one. */
export const RECORD_IDS = CATEGORY_IDS.filter((id): id is Exclude<CategoryId, typeof ACCOUNT_WIDE> => id !== ACCOUNT_WIDE);
export type RecordId = (typeof RECORD_IDS)[number];

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
export const DIRECTION_IDS = keys(DIRECTIONS);
export const FIX_WHERE_IDS = keys(FIX_WHERE);
export const RESYNC_IDS = keys(RESYNC);

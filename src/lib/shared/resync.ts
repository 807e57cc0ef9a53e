/** The manual resync step, in one place: the MDX component and the plain-text fix steps use it. */
import { RECORD_IDS, type RecordId } from './taxonomy.ts';

/** What can be synced again by hand: a record (src/lib/shared/taxonomy.ts). */
export type ResyncRecord = RecordId;

/** `<ManualResync record="…" />` in an error's MDX body, with the record as its first group. */
export const MANUAL_RESYNC_TAG = new RegExp(`<ManualResync\\s+record="(${RECORD_IDS.join('|')})"\\s*/>`, 'g');

export const manualResyncText = (record: ResyncRecord) =>
  `Sync the ${record} again by hand: in Workiz, open the sync history log, tick the box next to the ${record}'s entry, and press Sync at the top of the log.`;

/** The manual resync step, in one place: the MDX component and the plain-text fix steps use it. */
export type ResyncRecord = 'client' | 'invoice' | 'item' | 'payment';

export const manualResyncText = (record: ResyncRecord) =>
  `Sync the ${record} again by hand: in Workiz, open the sync history log, tick the box next to the ${record}'s entry, and press Sync at the top of the log.`;

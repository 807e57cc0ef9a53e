/**
 * The order in which Workiz syncs records to QuickBooks, and which errors block each step.
 * Clients and items go first, invoices need both, payments need their invoice.
 */
import { RECORD_PLURALS, type CategoryId, type RecordId } from './taxonomy.ts';

export interface ChainStep {
  id: RecordId;
  label: string;
  /** Steps that must complete before this one. */
  after: RecordId[];
}

/** One step per record that syncs (the account-wide category is not a step: it stops them all). */
const step = (id: RecordId, after: RecordId[]): ChainStep => ({
  id,
  label: RECORD_PLURALS[id].replace(/^./, (c) => c.toUpperCase()),
  after,
});
export const SYNC_CHAIN: ChainStep[] = [
  step('client', []),
  step('item', []),
  step('invoice', ['client', 'item']),
  step('payment', ['invoice']),
];

export interface ChainBlocker {
  id: string;
  title: string;
  categories: readonly CategoryId[];
}

/** The errors that block each step: those listing the step's category. */
export function blockersByStep<T extends ChainBlocker>(errors: readonly T[]): Map<RecordId, T[]> {
  return new Map(SYNC_CHAIN.map((s) => [s.id, errors.filter((e) => e.categories.includes(s.id))]));
}

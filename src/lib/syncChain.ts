/**
 * The order in which Workiz syncs records to QuickBooks, and which errors block each step.
 * Clients and items go first, invoices need both, payments need their invoice.
 */
import type { CategoryId, RecordId } from './taxonomy';

export interface ChainStep {
  id: RecordId;
  label: string;
  /** Steps that must complete before this one. */
  after: RecordId[];
}

/** One step per record that syncs (the account-wide category is not a step: it stops them all). */
export const SYNC_CHAIN: ChainStep[] = [
  { id: 'client', label: 'Clients', after: [] },
  { id: 'item', label: 'Items', after: [] },
  { id: 'invoice', label: 'Invoices', after: ['client', 'item'] },
  { id: 'payment', label: 'Payments', after: ['invoice'] },
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

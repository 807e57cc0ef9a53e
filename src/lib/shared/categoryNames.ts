/**
 * The categories' short names, apart from the rest of taxonomy.ts so that the search results,
 * which show them, load nothing else of it on a first search.
 */
import type { CategoryId } from './taxonomy.ts';

/**
 * Each category's short name, where the context says "errors" already (the site's header, the A–Z table, a search
 * result).
 */
export const CATEGORY_NAMES: Record<CategoryId, string> = {
  connection: 'Connection',
  client: 'Client',
  invoice: 'Invoice',
  item: 'Item',
  payment: 'Payment',
};

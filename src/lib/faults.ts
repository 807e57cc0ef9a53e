/**
 * QuickBooks fault codes and the errors each can mean, from the errors' `quickbooks` lists:
 * for /quickbooks/ and /quickbooks/<fault code>/.
 */
import type { Catalog, CatalogError } from './catalog';

export interface Fault {
  code: string;
  /** The names QuickBooks gives it, as the errors quote them. */
  names: string[];
  /** Distinct message texts, each with the public page where that wording appears. */
  messages: { message: string; source: string }[];
  errors: CatalogError[];
}

export function faultsOf(catalog: Catalog): Fault[] {
  const byCode = new Map<string, Fault>();
  for (const error of catalog.errors) {
    for (const q of error.data.quickbooks) {
      if (!q.code) continue;
      const fault = byCode.get(q.code) ?? { code: q.code, names: [], messages: [], errors: [] };
      byCode.set(q.code, fault);
      if (q.name && !fault.names.includes(q.name)) fault.names.push(q.name);
      if (!fault.messages.some((m) => m.message === q.message)) fault.messages.push({ message: q.message, source: q.source });
      if (!fault.errors.includes(error)) fault.errors.push(error);
    }
  }
  return [...byCode.values()].sort((a, b) => Number(a.code) - Number(b.code));
}

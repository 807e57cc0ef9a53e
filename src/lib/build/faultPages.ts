/**
 * QuickBooks fault codes for /quickbooks/ and /quickbooks/<fault code>/: every code of the
 * table (content/quickbooks-faults.yaml) with what Intuit says it means, the wordings seen with
 * it, and the catalog's errors that quote it (their `quickbooks` lists).
 */
import type { Catalog, CatalogError } from './catalog.ts';
import type { FaultGroup } from '../shared/taxonomy.ts';

export interface Fault {
  code: string;
  /** Its name in the table, then other names the errors quote for it. */
  names: string[];
  /** What it means, quoted from `source`. */
  meaning: string;
  source: string;
  /** In Intuit's published table (false: seen in public reports only). */
  table: boolean;
  group: FaultGroup;
  status: string[];
  /**
   * Distinct message texts, each with the public page where that wording appears: the errors' first, then the table's.
   */
  messages: { message: string; source: string }[];
  errors: CatalogError[];
}

export function faultsOf(catalog: Catalog): Fault[] {
  const byCode = new Map<string, Fault>();
  for (const f of catalog.faultCodes)
    byCode.set(f.code, {
      code: f.code,
      names: [f.name],
      meaning: f.meaning,
      source: f.source,
      table: f.table,
      group: f.group,
      status: f.status,
      messages: [],
      errors: [],
    });
  for (const error of catalog.errors) {
    for (const q of error.data.quickbooks) {
      const fault = q.code && byCode.get(q.code);
      if (!fault) continue;
      if (q.name && !fault.names.some((n) => n.toLowerCase() === q.name!.toLowerCase())) fault.names.push(q.name);
      if (!fault.messages.some((m) => m.message === q.message))
        fault.messages.push({ message: q.message, source: q.source });
      if (!fault.errors.includes(error)) fault.errors.push(error);
    }
  }
  for (const f of catalog.faultCodes) {
    const fault = byCode.get(f.code)!;
    for (const m of f.messages) if (!fault.messages.some((n) => n.message === m.message)) fault.messages.push(m);
  }
  return [...byCode.values()].sort((a, b) => Number(a.code) - Number(b.code));
}

/**
 * The triage data of the built catalog (src/lib/shared/triage/data.ts): for the triage and /go/ pages and
 * /triage-data.json.
 */
import type { Catalog } from './catalog.ts';
import { withBase } from '../shared/base.ts';
import { toFaultSearchDoc, toSearchDoc } from './searchDocs.ts';
import { toTriageError, type TriageData } from '../shared/triage/data.ts';

/** `docs`: with the complete search data (the triage page, /triage-data.json), or without (the /go/ page). */
export function triageData(catalog: Catalog, site: URL, { docs = true } = {}): TriageData {
  return {
    site: new URL(withBase('/'), site).href,
    errors: catalog.errors.map((e) =>
      toTriageError({
        code: e.id,
        title: e.data.title,
        categories: e.data.categories,
        dependsOn: e.dependsOn,
        resync: e.data.resync,
        body: e.entry.body ?? '',
        quickbooks: e.data.quickbooks,
        aliases: e.data.aliases,
        formerCodes: e.data.formerCodes,
      }),
    ),
    faultPages: catalog.faultCodes.map((f) => [f.code, f.name]),
    ...(docs && {
      docs: [
        ...catalog.errors.map((e) => toSearchDoc({ ...e.data, body: e.entry.body ?? '' })),
        ...catalog.faultCodes.map(toFaultSearchDoc),
      ],
    }),
  };
}

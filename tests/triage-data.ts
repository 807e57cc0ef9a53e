/** The triage data (src/lib/shared/triage/data.ts) of the catalog as the tests read it from content/. */
import { ERRORS, FAULTS } from './content.ts';
import { toTriageError, type TriageData } from '../src/lib/shared/triage/data.ts';
import { toFaultSearchDoc, toSearchDoc } from '../src/lib/build/searchDocs.ts';
import type { CategoryId } from '../src/lib/shared/taxonomy.ts';

export const TRIAGE_DATA: TriageData = {
  site: 'https://help.example.com/',
  errors: ERRORS.map((e) =>
    toTriageError({
      ...e,
      categories: e.categories as CategoryId[],
      quickbooks: e.quickbooks.map((q) => ({ ...(q.code && { code: q.code }), message: q.message })),
    }),
  ),
  faultPages: FAULTS.map((f) => [f.code, f.name]),
  docs: [...ERRORS.map(toSearchDoc), ...FAULTS.map(toFaultSearchDoc)],
};

/**
 * The link contract of /go/ (README, "Links into the help center"): what the Workiz app and
 * support can put in a link and where it opens. It only grows: a case that works keeps working.
 *
 *   /go/?code=<code>                 the error (a former code opens the error it became)
 *   /go/?qb=<fault>                  the error, or the fault's page when it can mean several or none
 *   /go/?qb=<fault>&record=<record>  picks among them (client, invoice, item, payment)
 *   /go/?q=<text>                    search for the text, or triage when it holds several errors
 *   anything else                    search, with the text it was given filled in
 *
 * Plain function from the parameters to a site path (src/lib/shared/urls.ts); the /go/ page of the
 * site and of the offline copy turn it into an address.
 */
import { paths } from '../urls.ts';
import { addressQuery } from '../search/cap.ts';
import type { TriageIndex } from './recognise.ts';
import { recognise } from './recognise.ts';
import { fixPlan, planCodes } from './plan.ts';
import { RECORD_IDS } from '../taxonomy.ts';

/** The records `&record=` picks among (the categories of records that sync). */
export const GO_RECORDS: readonly string[] = RECORD_IDS;

export interface GoParams {
  code?: string | null;
  qb?: string | null;
  record?: string | null;
  q?: string | null;
}

/** Where a /go/ link leads, as a site path (an error, a fault, search or triage: src/lib/shared/urls.ts `paths`). */
export function goTarget(index: TriageIndex, params: GoParams): string {
  const code = params.code?.trim().toLowerCase();
  if (code) {
    const current = index.codes.get(code);
    return current ? paths.error(current) : paths.search(addressQuery(params.code!.trim()));
  }
  const qb = params.qb?.trim();
  if (qb) {
    // Leading zeros as logs print them: 003001 is fault 3001.
    const fault = /^\d{1,6}$/.test(qb) && Number(qb) <= 99_999 ? String(Number(qb)) : undefined;
    const errors = fault ? index.errorsByFault.get(fault) : undefined;
    // A code no error quotes opens its own page; a code QuickBooks doesn't have, search (which says so).
    if (!errors) return fault && index.faultPages.has(fault) ? paths.fault(fault) : paths.search(addressQuery(qb));
    const record = params.record?.trim().toLowerCase();
    const picked =
      record && GO_RECORDS.includes(record)
        ? errors.filter((c) => index.byCode.get(c)!.categories[0] === record)
        : errors;
    const pool = picked.length ? picked : errors;
    return pool.length === 1 ? paths.error(pool[0]!) : paths.fault(fault!);
  }
  const q = params.q?.trim();
  if (q) {
    const { found } = recognise(index, q);
    if (found.length >= 2)
      return paths.triage(
        planCodes(
          fixPlan(
            index.data,
            found.map((f) => f.code),
          ),
        ),
      );
    return paths.search(addressQuery(q));
  }
  return paths.search();
}

/**
 * What a host can answer itself, before any script runs (src/lib/build/hosting.ts writes them for
 * nginx): every known `code` (current and former) and every `qb` fault, alone and with each
 * `record`, with the site path goTarget gives it. Anything else is left to the /go/ page.
 */
export interface GoRule {
  code?: string;
  qb?: string;
  record?: string;
  to: string;
}

export function goRules(index: TriageIndex): GoRule[] {
  const rules: GoRule[] = [];
  for (const code of [...index.codes.keys()].sort()) rules.push({ code, to: goTarget(index, { code }) });
  for (const qb of [...new Set([...index.errorsByFault.keys(), ...index.faultPages.keys()])].sort(
    (a, b) => Number(a) - Number(b),
  )) {
    rules.push({ qb, to: goTarget(index, { qb }) });
    for (const record of GO_RECORDS) rules.push({ qb, record, to: goTarget(index, { qb, record }) });
  }
  return rules;
}

/**
 * The link contract of /go/ (src/lib/shared/triage/go.ts, README "Links into the help center"), as a
 * table: each address and the site path it must open. The unit test runs it on the function,
 * the browser test on the built site and on the offline copy from file://. The contract only
 * grows: add rows, never change what a row expects.
 */
import { ERRORS } from './content.ts';

const withFault = (code: string) => ERRORS.filter((e) => e.quickbooks.some((q) => q.code === code)).map((e) => e.code);
const single = ERRORS.flatMap((e) =>
  e.quickbooks.flatMap((q) => (q.code && withFault(q.code).length === 1 ? [{ fault: q.code, code: e.code }] : [])),
)[0]!;
const former = ERRORS.flatMap((e) => e.formerCodes.map((f) => ({ former: f, code: e.code })))[0];

export interface GoCase {
  /** What follows /go/. */
  query: string;
  /** The site path it opens. */
  opens: string;
}

export const GO_CASES: GoCase[] = [
  { query: '?code=client-duplicate-name', opens: '/errors/client-duplicate-name/' },
  { query: '?code=INVOICE-CLOSED-PERIOD', opens: '/errors/invoice-closed-period/' },
  ...(former ? [{ query: `?code=${former.former}`, opens: `/errors/${former.code}/` }] : []),
  { query: '?qb=6240&record=item', opens: '/errors/item-duplicate/' },
  { query: '?qb=6240', opens: '/quickbooks/6240/' },
  { query: '?qb=6240&record=client', opens: '/quickbooks/6240/' },
  { query: '?qb=6240&record=nonsense', opens: '/quickbooks/6240/' },
  { query: `?qb=${single.fault}`, opens: `/errors/${single.code}/` },
  { query: '?qb=6540&record=payment', opens: '/errors/payment-deposited/' },
  { query: '?qb=99999', opens: '/search/?q=99999' },
  { query: '?code=no-such-error', opens: '/search/?q=no-such-error' },
  {
    query: '?q=Deposited%20Transaction%20cannot%20be%20changed',
    opens: '/search/?q=Deposited%20Transaction%20cannot%20be%20changed',
  },
  {
    query: '?q=client-missing-name%20invoice-client-not-synced',
    opens: '/triage/?e=client-missing-name,invoice-client-not-synced',
  },
  {
    query: '?q=invoice-client-not-synced%0Aclient-missing-name',
    opens: '/triage/?e=client-missing-name,invoice-client-not-synced',
  },
  // Issue 19: every QuickBooks fault code has a page; leading zeros as logs print them.
  { query: '?qb=500', opens: '/quickbooks/500/' },
  { query: '?qb=003001', opens: `/errors/${withFault('3001')[0]}/` },
  { query: '?qb=0130', opens: `/errors/${withFault('130')[0]}/` },
  { query: '?qb=10100&record=invoice', opens: '/quickbooks/10100/' },
  { query: '?q=', opens: '/search/' },
  { query: '', opens: '/search/' },
];

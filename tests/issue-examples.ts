/**
 * The real inputs issue 19 names, with the answer each must get first: the right page, or a clear
 * "several" (a fault code's page, which lists the errors it can mean). `triage` is what triage
 * must say: a finding of one of those pages, or a choice naming the first. Run on the ranker and
 * triage (tests/unit/anatomy.test.ts) and on the site and the offline copy
 * (tests/e2e/agreement.spec.ts).
 */
export interface IssueExample {
  query: string;
  /** Acceptable first results of search. */
  first: string[];
  /** Acceptable answers of triage: a finding, a choice containing one, or a fault code's page ("quickbooks/<code>"). */
  triage: string[];
}

export const ISSUE_EXAMPLES: IssueExample[] = [
  {
    query: 'message=ThrottleExceeded; errorCode=003001; statusCode=403',
    first: ['sync-throttled'],
    triage: ['sync-throttled'],
  },
  {
    query:
      'Required param missing, need to supply the required value for the API. Required parameter CustomerRef is missing in the request',
    first: ['invoice-client-not-synced'],
    triage: ['invoice-client-not-synced'],
  },
  { query: 'Invalid Reference Id : TaxRate', first: ['item-tax-rate-missing'], triage: ['item-tax-rate-missing'] },
  {
    query: 'Customer not found or could not be created in QuickBooks Online',
    first: ['invoice-client-not-synced'],
    triage: ['invoice-client-not-synced'],
  },
  {
    query: 'QuickBooks Default Account Does Not Exist.',
    first: ['item-account-missing'],
    triage: ['item-account-missing'],
  },
  {
    query:
      'message=Subscription for company has lapsed or Invalid destination URL is used.; errorCode=007001; statusCode=400',
    first: ['connection-wrong-environment'],
    triage: ['connection-wrong-environment'],
  },
  {
    query: '...errorCode=007001; statusCode=400',
    first: ['connection-wrong-environment', 'quickbooks/7001'],
    triage: ['connection-wrong-environment', 'quickbooks/7001'],
  },
  {
    query: 'QuickBooks fault 130',
    first: ['connection-wrong-cluster', 'quickbooks/130'],
    triage: ['connection-wrong-cluster', 'quickbooks/130'],
  },
  {
    query: '21 characters',
    first: ['invoice-number-too-long', 'payment-confirmation-too-long', 'client-field-too-long'],
    triage: [],
  },
];
